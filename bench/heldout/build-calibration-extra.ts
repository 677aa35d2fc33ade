/**
 * Builds the calibration part's lookalike landmarks (bench/heldout/calibration-extra.json) from local
 * snapshots of the repositories it names, as a catalog folder like ../shared/eval's, every photo a reference
 * (bench/verify.ts matches each against its place's other photos, leave one out):
 *   npx tsx bench/heldout/build-calibration-extra.ts --mirrors <dir holding <owner>+<name>/repo snapshots> [--out .cache/eval-calibration-extra]
 * Nothing is downloaded; the photos are re-encoded as JPEG, long side capped at 1600 px, as the held-out builder does.
 */
import { execFileSync } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";
import { calibrationExtraLayout, sourcedName, type CalibrationExtraManifest } from "./manifest.ts";

const { values } = parseArgs({ options: { mirrors: { type: "string" }, out: { type: "string", default: ".cache/eval-calibration-extra" } } });
if (!values.mirrors) {
  process.stderr.write("usage: tsx bench/heldout/build-calibration-extra.ts --mirrors <dir of <owner>+<name>/repo snapshots> [--out <dir>]\n");
  process.exit(2);
}
const manifest = JSON.parse(await readFile(path.join(import.meta.dirname, "calibration-extra.json"), "utf8")) as CalibrationExtraManifest;
const out = path.resolve(values.out!);
await rm(out, { recursive: true, force: true });
const layout = calibrationExtraLayout(manifest);
for (const p of manifest.places) {
  const dir = path.join(out, "landmarks", p.id);
  await mkdir(path.join(dir, "ref"), { recursive: true });
  await writeFile(path.join(dir, "landmark.json"), `${JSON.stringify({ id: p.id, names: { en: p.en }, lat: p.lat ?? 0, lon: p.lon ?? 0, radiusM: 300 }, null, 2)}\n`);
}
let n = 0;
for (const source of manifest.sources) {
  const gitDir = path.join(values.mirrors, source.repo.replace("/", "+"), "repo");
  for (const [rel, { place }] of Object.entries(source.files)) {
    const bytes = execFileSync("git", ["--git-dir", gitDir, "show", `${source.commit}:${rel}`], { maxBuffer: 64 * 1024 * 1024 });
    await sharp(bytes).rotate().resize({ width: 1600, height: 1600, fit: "inside", withoutEnlargement: true }).jpeg({ quality: 90 }).toFile(path.join(out, "landmarks", place, "ref", sourcedName(source.repo, rel)));
    n++;
  }
}
await writeFile(path.join(out, "README.md"), `Built by bench/heldout/build-calibration-extra.ts from bench/heldout/calibration-extra.json (sources and licences there). Calibration only: never part of the held-out part.\n`);
process.stdout.write(`built ${n} calibration photos of ${layout.size} lookalike landmarks in ${out}\n`);
