/**
 * The learned-feature experiment's extractor and matcher (bench/learned) on real photos of ../shared/eval:
 * the same building from another viewpoint gives a homography with many inliers, an unrelated building
 * none, and the features keep XFeat's invariants.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { before, describe, it } from "node:test";
import { gluedGeometry, LighterGlue } from "../../../bench/learned/lighterglue.ts";
import { XFEAT_SIDE, XFeatExtractor, type LearnedFeatures } from "../../../bench/learned/xfeat.ts";
import { decodePhoto } from "../../../src/verification/decode.ts";
import { loadOpenCv } from "../../../src/verification/visual/opencv.ts";
import { EVAL_DIR } from "../verification/fixtures.ts";

const SACRE_COEUR = path.join(EVAL_DIR, "landmarks/sacre-coeur");

describe("XFeat + LighterGlue (bench/learned)", () => {
  let xfeat: XFeatExtractor;
  let glue: LighterGlue;
  const features = async (file: string, topK = 1024): Promise<LearnedFeatures> => xfeat.extract(await decodePhoto(await readFile(file)), topK);

  before(async () => {
    [xfeat, glue] = await Promise.all([XFeatExtractor.load(), LighterGlue.load()]);
  });

  it("gives at most topK keypoints inside the scaled photo, with unit descriptors", async () => {
    const f = await features(path.join(SACRE_COEUR, "query/44120379_8371960244.jpg"), 500);
    assert.equal(Math.max(f.width, f.height), XFEAT_SIDE);
    assert.equal(f.count, 500);
    for (let i = 0; i < f.count; i++) {
      assert.ok(f.xy[2 * i]! >= 0 && f.xy[2 * i]! < f.width && f.xy[2 * i + 1]! >= 0 && f.xy[2 * i + 1]! < f.height);
      let n = 0;
      for (let c = 0; c < 64; c++) n += f.descriptors[64 * i + c]! ** 2;
      assert.ok(Math.abs(n - 1) < 1e-4, `descriptor ${i} has squared norm ${n}`);
    }
  });

  it("matches another viewpoint of the same building, and not an unrelated one", async () => {
    const { cv } = await loadOpenCv();
    const query = await features(path.join(SACRE_COEUR, "query/44120379_8371960244.jpg"));
    const refs = await Promise.all(["02928139_3448003521.jpg", "03903474_1471484089.jpg", "10265353_3838484249.jpg"].map((f) => features(path.join(SACRE_COEUR, "ref", f))));
    const best = async (q: LearnedFeatures) => {
      let inliers = 0;
      for (const r of refs) inliers = Math.max(inliers, gluedGeometry(cv, q, r, await glue.match(q, r), 0.5).inliers);
      return inliers;
    };
    const same = await best(query);
    const other = await best(await features(path.join(EVAL_DIR, "distractors/st_pauls_cathedral_37347628_10902811376.jpg")));
    assert.ok(same >= 50, `same landmark: ${same} inliers`);
    assert.ok(other < 12, `unrelated building: ${other} inliers`);
  });
});
