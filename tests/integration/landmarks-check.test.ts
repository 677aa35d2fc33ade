/** `landmarks check` as a curator runs it: a child process on a catalog folder of real photos, no Redis. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import sharp from "sharp";
import { runLandmarksCheck, type CheckedLandmark } from "../../src/landmarks/check-cli.ts";
import { CatalogError } from "../../src/landmarks/catalog-dir.ts";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");
const EVAL = path.resolve(ROOT, "../shared/eval");

/** Catalog photos at 1200 px: features are computed at 1024 px anyway, and decoding 12 MP originals is slow. */
async function copyPhoto(from: string, to: string, exif?: Record<string, string>): Promise<void> {
  let img = sharp(from).rotate().resize({ width: 1200, height: 1200, fit: "inside" });
  if (exif) img = img.withExif({ IFD2: exif });
  await img.jpeg({ quality: 92 }).toFile(to);
}

function landmarkFolder(catalog: string, id: string, from: string): string {
  const dir = path.join(catalog, id);
  mkdirSync(dir, { recursive: true });
  copyFileSync(path.join(EVAL, "landmarks", from, "landmark.json"), path.join(dir, "landmark.json"));
  return dir;
}

test("landmarks check: one-viewpoint landmark reported weak, a well-covered one not; --json; exit codes", async () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "landmarks-check-"));
  try {
    const catalog = path.join(tmp, "catalog");
    // Well covered: the three Sacré-Cœur references (they confirm each other) and a night view of the same
    // front: another photo of it whose EXIF says 22:30.
    const good = landmarkFolder(catalog, "sacre-coeur", "sacre-coeur");
    for (const f of readdirSync(path.join(EVAL, "landmarks/sacre-coeur/ref"))) await copyPhoto(path.join(EVAL, "landmarks/sacre-coeur/ref", f), path.join(good, f));
    await copyPhoto(path.join(EVAL, "landmarks/sacre-coeur/query/93341989_396310999.jpg"), path.join(good, "night-2230.jpg"), { DateTimeOriginal: "2024:06:01 22:30:00" });
    // One viewpoint per photo: two of the NLE tower references, each from another side, confirm neither.
    const weak = landmarkFolder(catalog, "nle-tower", "nle-tower");
    for (const f of readdirSync(path.join(EVAL, "landmarks/nle-tower/ref")).sort().slice(0, 2)) await copyPhoto(path.join(EVAL, "landmarks/nle-tower/ref", f), path.join(weak, f));

    const cli = ["--import", "tsx", path.join(ROOT, "src/main.ts"), "landmarks", "check"];
    const json = await run(process.execPath, [...cli, "--catalog", catalog, "--cache", path.join(tmp, "cache"), "--json"], { cwd: ROOT, timeout: 100_000 });
    const report = JSON.parse(json.stdout) as { landmarks: CheckedLandmark[]; weak: number };
    const byId = new Map(report.landmarks.map((l) => [l.id, l]));
    const sc = byId.get("sacre-coeur")!;
    const nle = byId.get("nle-tower")!;
    assert.equal(sc.weak, false, JSON.stringify(sc.coverage.issues));
    assert.deepEqual(sc.coverage.issues, []);
    assert.equal(sc.coverage.viewpoints.length, 1);
    assert.equal(sc.coverage.references.find((r) => r.file === "night-2230.jpg")?.light, "night");
    assert.ok(sc.coverage.references.every((r) => r.confirmedBy.length > 0));
    assert.equal(nle.weak, true);
    const lone = nle.coverage.issues.filter((i) => i.code === "lone_viewpoint").map((i) => ("file" in i ? i.file : ""));
    assert.equal(lone.length, 2, JSON.stringify(nle.coverage));
    assert.ok(nle.coverage.issues.some((i) => i.code === "few_references"));
    assert.ok(nle.coverage.issues.some((i) => i.code === "no_night_view"));
    assert.equal(report.weak, 1);

    // Text output names the weak landmark and why; weak coverage is not an error (in process, from the cache).
    let text = "";
    const io = { out: (t: string) => void (text += t), err: (t: string) => void (text += t), defaultCatalog: () => catalog };
    assert.equal(await runLandmarksCheck(["--catalog", catalog, "--cache", path.join(tmp, "cache"), "--min-references", "5"], io), 0);
    assert.match(text, /nle-tower \(.*\): 2 references, 2 viewpoint groups: WEAK/);
    assert.match(text, /weak: only 4 reference photos \(at least 5 advised\)/);
    assert.match(text, /2 landmarks, 2 with weak coverage/);
    assert.equal(await runLandmarksCheck(["--min-references", "zero"], io), 2);
    // An unreadable catalog is an error: main.ts prints it and exits 1.
    await assert.rejects(runLandmarksCheck(["--catalog", path.join(tmp, "nope")], io), CatalogError);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
