/**
 * Builds the held-out evaluation folder described by bench/heldout/wxbs-heldout.json,
 * bench/heldout/conditions-heldout.json and bench/heldout/more-heldout.json from local snapshots (bare git
 * directories) of the public repositories they name, in the layout of ../shared/eval:
 *   npx tsx bench/heldout/build-heldout.ts --git <snapshot> [--git <snapshot> ...] [--out .cache/eval-heldout]
 * Each source is read from the snapshot that holds its pinned commit; the WxBS one is required, a
 * more-heldout.json source with none is left out and the builder says so.
 * The photos are not stored in this repository (WxBS states no licence; the others are kept out alike, as
 * test data of their own repositories), so each machine rebuilds them; nothing is downloaded here. Photos
 * are re-encoded as JPEG with their long side capped at 1600 px (the matcher works on 1024 px) to keep the
 * folder small. conditions.json records, for each query, how
 * it differs from its landmark's references (bench/verify.ts reports recall per condition).
 * The per-condition landmarks are built twice: in landmarks/ with their day photos as references and the
 * others as queries (measured like the WxBS pairs), and in by-condition/landmarks/ with every photo as a
 * reference, labelled in photo-conditions.json, for the leave-one-out cases of bench/heldout/manifest.ts.
 */
import { execFileSync } from "node:child_process";
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";
import { BY_CONDITION_DIR, builtName, mainPartLayout, PHOTO_CONDITIONS, PHOTO_CONDITIONS_FILE, sourcedName, type ConditionManifest, type ManifestSource, type MoreHeldoutManifest, type PairManifest } from "./manifest.ts";

const { values } = parseArgs({ options: { git: { type: "string", multiple: true }, out: { type: "string", default: ".cache/eval-heldout" } } });
if (!values.git?.length) {
  process.stderr.write("usage: tsx bench/heldout/build-heldout.ts --git <bare git dir of a source repo> [--git ...] [--out <dir>]\n");
  process.exit(2);
}
const readManifest = async <T>(name: string) => JSON.parse(await readFile(path.join(import.meta.dirname, name), "utf8")) as T;
const pairs = await readManifest<PairManifest>("wxbs-heldout.json");
const byCondition = await readManifest<ConditionManifest>("conditions-heldout.json");
const more = await readManifest<MoreHeldoutManifest>("more-heldout.json");
const out = path.resolve(values.out!);

const snapshots = new Map<string, string | undefined>();
/** The snapshot holding the source's pinned commit (looked up once per commit). */
function snapshotOf(source: ManifestSource): string | undefined {
  if (!snapshots.has(source.commit)) {
    snapshots.set(source.commit, values.git!.find((dir) => {
      try {
        execFileSync("git", ["--git-dir", dir, "cat-file", "-e", `${source.commit}^{commit}`], { stdio: "ignore" });
        return true;
      } catch {
        return false;
      }
    }));
  }
  return snapshots.get(source.commit);
}
for (const s of [pairs.source, byCondition.source]) {
  if (!snapshotOf(s)) throw new Error(`no --git snapshot holds ${s.repo} at ${s.commit}`);
}
function blob(source: ManifestSource, rel: string): Buffer {
  return execFileSync("git", ["--git-dir", snapshotOf(source)!, "show", `${source.commit}:${source.root}/${rel}`], { maxBuffer: 64 * 1024 * 1024 });
}
async function writePhoto(source: ManifestSource, rel: string, dir: string, name = builtName(rel)): Promise<string> {
  await sharp(blob(source, rel)).rotate().resize({ width: 1600, height: 1600, fit: "inside", withoutEnlargement: true }).jpeg({ quality: 90 }).toFile(path.join(dir, name));
  return name;
}
async function landmarkDir(root: string, l: { id: string; en: string; lat: number; lon: number }): Promise<string> {
  const dir = path.join(root, "landmarks", l.id);
  await mkdir(path.join(dir, "ref"), { recursive: true });
  await writeFile(path.join(dir, "landmark.json"), `${JSON.stringify({ id: l.id, names: { en: l.en }, lat: l.lat, lon: l.lon, radiusM: 300 }, null, 2)}\n`);
  return dir;
}
async function writeMainPart(source: ManifestSource, l: { id: string; en: string; lat: number; lon: number }, ref: string[], query: Record<string, string>) {
  const dir = await landmarkDir(out, l);
  await mkdir(path.join(dir, "query"), { recursive: true });
  for (const r of ref) await writePhoto(source, r, path.join(dir, "ref"));
  for (const [q, condition] of Object.entries(query)) conditions[`${l.id}/${await writePhoto(source, q, path.join(dir, "query"))}`] = condition;
  return dir;
}

await rm(out, { recursive: true, force: true });
const conditions: Record<string, string> = {};
const photoConditions: Record<string, string> = {};
for (const l of pairs.landmarks) await writeMainPart(pairs.source, l, l.ref, l.query);
for (const l of byCondition.landmarks) {
  const { ref, query } = mainPartLayout(l);
  const dir = await writeMainPart(byCondition.source, l, ref, query);
  const all = await landmarkDir(path.join(out, BY_CONDITION_DIR), l);
  for (const [rel, condition] of Object.entries(l.photos)) {
    if (!(PHOTO_CONDITIONS as readonly string[]).includes(condition)) throw new Error(`conditions-heldout.json: ${l.id} ${rel}: condition "${condition}" is not one of ${PHOTO_CONDITIONS.join(", ")}`);
    const name = builtName(rel);
    await copyFile(path.join(dir, condition === "day" ? "ref" : "query", name), path.join(all, "ref", name));
    photoConditions[`${l.id}/${name}`] = condition;
  }
}
await mkdir(path.join(out, "distractors"), { recursive: true });
const landmarkIds = new Set([...pairs.landmarks, ...byCondition.landmarks].map((l) => l.id));
const built: MoreHeldoutManifest["sources"] = [];
for (const source of more.sources) {
  if (!snapshotOf(source)) {
    process.stderr.write(`more-heldout.json: no --git snapshot holds ${source.repo} at ${source.commit}; its ${Object.keys(source.queries).length} queries and ${source.distractors.files.length} distractors are left out\n`);
    continue;
  }
  for (const [rel, q] of Object.entries(source.queries)) {
    if (!landmarkIds.has(q.landmark)) throw new Error(`more-heldout.json: ${source.repo} ${rel} names an unknown landmark ${q.landmark}`);
    const name = await writePhoto(source, rel, path.join(out, "landmarks", q.landmark, "query"), sourcedName(source.repo, rel));
    conditions[`${q.landmark}/${name}`] = q.condition;
  }
  for (const rel of source.distractors.files) await writePhoto(source, rel, path.join(out, "distractors"), sourcedName(source.repo, rel));
  built.push(source);
}
await writeFile(path.join(out, "conditions.json"), `${JSON.stringify(conditions, null, 2)}\n`);
await writeFile(path.join(out, BY_CONDITION_DIR, PHOTO_CONDITIONS_FILE), `${JSON.stringify(photoConditions, null, 2)}\n`);
const sourceLine = (file: string, s: ManifestSource) => `- ${file}: ${s.dataset}, from ${s.repo} at ${s.commit}, ${s.root}. Licence: ${s.licence}`;
await writeFile(
  path.join(out, "README.md"),
  `# Held-out evaluation photos (built by bench/heldout/build-heldout.ts)\n\nSources:\n${sourceLine("wxbs-heldout.json", pairs.source)}\n${sourceLine("conditions-heldout.json", byCondition.source)}\n${built.map((s) => `${sourceLine("more-heldout.json", s)}\n`).join("")}`,
);
const distractorCount = built.reduce((n, s) => n + s.distractors.files.length, 0);
process.stdout.write(`built ${pairs.landmarks.length + byCondition.landmarks.length} landmarks, ${Object.keys(conditions).length} queries, ${distractorCount} distractors, ${Object.keys(photoConditions).length} photos labelled by condition in ${out}\n`);
