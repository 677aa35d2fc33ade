/**
 * Builds the held-out evaluation folder described by bench/heldout/wxbs-heldout.json from a local snapshot
 * (a bare git directory) of the public repository it names, in the layout of ../shared/eval:
 *   npx tsx bench/heldout/build-heldout.ts --git <dir of the repo's git snapshot> [--out .cache/eval-heldout]
 * The photos are not stored in this repository (their licence is not stated), so each machine rebuilds
 * them; nothing is downloaded here. Photos are re-encoded as JPEG with their long side capped at 1600 px
 * (the matcher works on 1024 px) to keep the folder small. conditions.json records, for each query, how
 * it differs from its landmark's reference (bench/verify.ts reports recall per condition).
 */
import { execFileSync } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";

interface Manifest {
  source: { repo: string; commit: string; root: string; licence: string; dataset: string };
  landmarks: Array<{ id: string; en: string; lat: number; lon: number; ref: string[]; query: Record<string, string> }>;
}

const { values } = parseArgs({ options: { git: { type: "string" }, out: { type: "string", default: ".cache/eval-heldout" } } });
if (!values.git) {
  process.stderr.write("usage: tsx bench/heldout/build-heldout.ts --git <bare git dir of the source repo> [--out <dir>]\n");
  process.exit(2);
}
const manifestFile = path.join(import.meta.dirname, "wxbs-heldout.json");
const manifest = JSON.parse(await readFile(manifestFile, "utf8")) as Manifest;
const out = path.resolve(values.out!);
const { commit, root } = manifest.source;

function blob(rel: string): Buffer {
  return execFileSync("git", ["--git-dir", values.git!, "show", `${commit}:${root}/${rel}`], { maxBuffer: 64 * 1024 * 1024 });
}
/** Flattens a source path into a file name that still says where it came from. */
const fileName = (rel: string) => `${rel.replace(/\.(png|jpe?g)$/i, "").replaceAll("/", "_")}.jpg`;
async function writePhoto(rel: string, dir: string): Promise<string> {
  const name = fileName(rel);
  await sharp(blob(rel)).rotate().resize({ width: 1600, height: 1600, fit: "inside", withoutEnlargement: true }).jpeg({ quality: 90 }).toFile(path.join(dir, name));
  return name;
}

await rm(out, { recursive: true, force: true });
const conditions: Record<string, string> = {};
for (const l of manifest.landmarks) {
  const dir = path.join(out, "landmarks", l.id);
  await mkdir(path.join(dir, "ref"), { recursive: true });
  await mkdir(path.join(dir, "query"), { recursive: true });
  await writeFile(path.join(dir, "landmark.json"), `${JSON.stringify({ id: l.id, names: { en: l.en }, lat: l.lat, lon: l.lon, radiusM: 300 }, null, 2)}\n`);
  for (const r of l.ref) await writePhoto(r, path.join(dir, "ref"));
  for (const [q, condition] of Object.entries(l.query)) conditions[`${l.id}/${await writePhoto(q, path.join(dir, "query"))}`] = condition;
}
await mkdir(path.join(out, "distractors"), { recursive: true });
await writeFile(path.join(out, "conditions.json"), `${JSON.stringify(conditions, null, 2)}\n`);
await writeFile(
  path.join(out, "README.md"),
  `# Held-out evaluation photos (built by bench/heldout/build-heldout.ts)\n\nSource: ${manifest.source.dataset}, from ${manifest.source.repo} at ${commit}, ${root}.\nLicence: ${manifest.source.licence}\n`,
);
process.stdout.write(`built ${manifest.landmarks.length} landmarks, ${Object.keys(conditions).length} queries in ${out}\n`);
