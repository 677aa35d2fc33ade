/** The verify command end to end, as a user runs it: a child process, a catalog folder, no Redis. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync, mkdirSync, copyFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");
const EVAL = path.resolve(ROOT, "../shared/eval");

test("verify --json: one line per photo, verdicts, replay, bad input, usage errors", async () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "verify-cli-"));
  try {
    // A one-landmark catalog: the Sacré-Cœur references, photos directly in the folder.
    const lmDir = path.join(tmp, "catalog", "sacre-coeur");
    mkdirSync(lmDir, { recursive: true });
    const src = path.join(EVAL, "landmarks", "sacre-coeur");
    copyFileSync(path.join(src, "landmark.json"), path.join(lmDir, "landmark.json"));
    const refs = readdirSync(path.join(src, "ref")).sort();
    for (const f of refs) copyFileSync(path.join(src, "ref", f), path.join(lmDir, f));
    const corrupt = path.join(tmp, "corrupt.jpg");
    writeFileSync(corrupt, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 1, 2, 3]));
    const positive = path.join(src, "query", "17295357_9106075285.jpg");
    const distractor = path.join(EVAL, "distractors", "st_pauls_cathedral_30776973_2635313996.jpg");
    const replay = path.join(src, "ref", refs[0]!);

    const cli = ["--import", "tsx", path.join(ROOT, "src/main.ts"), "verify"];
    const { stdout } = await run(
      process.execPath,
      [...cli, "--catalog", path.join(tmp, "catalog"), "--cache", path.join(tmp, "cache"), "--landmark", "sacre-coeur",
        "--lat", "48.8866", "--lon", "2.3432", "--accuracy", "20", "--json", positive, distractor, replay, corrupt],
      { cwd: ROOT, timeout: 60_000 },
    );
    const lines = stdout.trim().split("\n").map((l) => JSON.parse(l));
    assert.equal(lines.length, 4);
    const [pos, neg, rep, bad] = lines;
    for (const l of lines) {
      assert.ok(["verified", "partial", "not_verified"].includes(l.verdict));
      assert.equal(typeof l.ms, "number");
      assert.ok(Array.isArray(l.reasons));
    }
    assert.equal(pos.verdict, "verified");
    assert.equal(pos.visual.match, true);
    assert.ok(pos.visual.score >= 0.5 && pos.visual.score <= 1);
    assert.deepEqual(pos.identified?.landmark, "sacre-coeur");
    // Another building at the right spot: not recognised, so only the location speaks for the arrival.
    assert.equal(neg.verdict, "partial");
    assert.ok(neg.reasons.includes("visual_no_match"), neg.reasons.join(","));
    assert.equal(neg.visual.match, false);
    assert.equal(neg.identified, null);
    assert.equal(rep.verdict, "not_verified");
    assert.equal(rep.replay?.of, refs[0]);
    assert.ok(rep.reasons.includes("photo_replay_reference"));
    assert.equal(bad.verdict, "not_verified");
    assert.ok(bad.error === "truncated" || bad.error === "not_an_image", bad.error);
    assert.ok(readdirSync(path.join(tmp, "cache")).includes("sacre-coeur.json"), "features are cached on disk");

    // Identification without --landmark, by location shortlist.
    const ident = await run(process.execPath, [...cli, "--catalog", path.join(tmp, "catalog"), "--cache", path.join(tmp, "cache"),
      "--lat", "48.8866", "--lon", "2.3432", "--json", positive], { cwd: ROOT, timeout: 60_000 });
    const one = JSON.parse(ident.stdout.trim());
    assert.equal(one.landmark, "sacre-coeur");
    assert.equal(one.verdict, "verified");

    await assert.rejects(run(process.execPath, [...cli, "--catalog", path.join(tmp, "catalog"), "--landmark", "nowhere", positive], { cwd: ROOT }),
      (err: { code?: number }) => err.code === 2);
    await assert.rejects(run(process.execPath, [...cli, positive], { cwd: ROOT }), (err: { code?: number }) => err.code === 2);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});
