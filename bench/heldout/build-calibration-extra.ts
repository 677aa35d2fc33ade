/**
 * Builds the calibration part's lookalike distractors (bench/heldout/calibration-extra.json) from local
 * snapshots of the repositories it names, as a folder with a distractors/ directory like ../shared/eval's:
 *   npx tsx bench/heldout/build-calibration-extra.ts --mirrors <dir holding <owner>+<name>/repo snapshots> [--out .cache/eval-calibration-extra]
 * Nothing is downloaded; the photos are re-encoded as JPEG, long side capped at 1600 px, as the held-out builder does.
 */
import { execFileSync } from "node:child_process";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import sharp from "sharp";
import { calibrationExtraName, type CalibrationExtraManifest } from "./manifest.ts";

const { values } = parseArgs({ options: { mirrors: { type: "string" }, out: { type: "string", default: ".cache/eval-calibration-extra" } } });
if (!values.mirrors) {
  process.stderr.write("usage: tsx bench/heldout/build-calibration-extra.ts --mirrors <dir of <owner>+<name>/repo snapshots> [--out <dir>]\n");
  process.exit(2);
}
const manifest = JSON.parse(await readFile(path.join(import.meta.dirname, "calibration-extra.json"), "utf8")) as CalibrationExtraManifest;
const out = path.resolve(values.out!);
await rm(out, { recursive: true, force: true });
await mkdir(path.join(out, "distractors"), { recursive: true });
let n = 0;
for (const source of manifest.sources) {
  const gitDir = path.join(values.mirrors, source.repo.replace("/", "+"), "repo");
  for (const rel of Object.keys(source.files)) {
    const bytes = execFileSync("git", ["--git-dir", gitDir, "show", `${source.commit}:${rel}`], { maxBuffer: 64 * 1024 * 1024 });
    await sharp(bytes).rotate().resize({ width: 1600, height: 1600, fit: "inside", withoutEnlargement: true }).jpeg({ quality: 90 }).toFile(path.join(out, "distractors", calibrationExtraName(source.repo, rel)));
    n++;
  }
}
await writeFile(path.join(out, "README.md"), `Built by bench/heldout/build-calibration-extra.ts from bench/heldout/calibration-extra.json (sources and licences there). Calibration distractors only.\n`);
process.stdout.write(`built ${n} calibration distractors in ${out}\n`);
