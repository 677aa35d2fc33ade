/**
 * The learned third opinion (src/verification/visual/learned) on real photos of ../shared/eval: XFeat keeps its
 * invariants, the stored form survives a round trip, and the matcher asks it only when ORB and AKAZE did not
 * recognise the planned landmark, then decides with its own threshold.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { before, describe, it } from "node:test";
import { loadCatalogSource, type MemoryReferenceSource } from "../../../../src/landmarks/reference-source.ts";
import { decodePhoto } from "../../../../src/verification/decode.ts";
import { DEFAULT_CALIBRATION, type Calibration } from "../../../../src/verification/visual/calibration.ts";
import { decodeLearnedFeatures, encodeLearnedFeatures, LEARNED_DIMS, strongest, type LearnedFeatures } from "../../../../src/verification/visual/learned/learned-features.ts";
import { LEARNED_KEYPOINTS, loadLearnedOpinion, type LearnedOpinion } from "../../../../src/verification/visual/learned/learned-opinion.ts";
import { XFEAT_SIDE } from "../../../../src/verification/visual/learned/xfeat.ts";
import { FeatureMatcher } from "../../../../src/verification/visual/matcher.ts";
import { loadOpenCv } from "../../../../src/verification/visual/opencv.ts";
import { EVAL_DIR } from "../fixtures.ts";

const LANDMARKS = path.join(EVAL_DIR, "landmarks");
const SACRE_COEUR = path.join(LANDMARKS, "sacre-coeur");
const SACRE_COEUR_QUERY = path.join(SACRE_COEUR, "query/44120379_8371960244.jpg");
const ST_PAULS = path.join(EVAL_DIR, "distractors/st_pauls_cathedral_37347628_10902811376.jpg");
const decoded = async (file: string) => decodePhoto(await readFile(file));

/** ORB and AKAZE out of reach: every decision below is the learned opinion's. */
const learnedOnly: Calibration = {
  ...DEFAULT_CALIBRATION,
  matchInliers: 1e9,
  secondOpinion: { ...DEFAULT_CALIBRATION.secondOpinion, matchInliers: 1e9 },
};

describe("learned third opinion (XFeat + LighterGlue)", () => {
  let opinion: LearnedOpinion;
  let source: MemoryReferenceSource;

  before(async () => {
    const loaded = await loadLearnedOpinion();
    assert.ok(loaded, "onnxruntime-node and the committed models load");
    opinion = loaded;
    source = await loadCatalogSource(LANDMARKS);
  });

  it("gives at most the budget of keypoints inside the scaled photo, with unit descriptors, strongest first", async () => {
    const f = await opinion.features(await decoded(SACRE_COEUR_QUERY));
    assert.equal(Math.max(f.width, f.height), XFEAT_SIDE);
    assert.equal(f.count, LEARNED_KEYPOINTS);
    for (let i = 0; i < f.count; i++) {
      assert.ok(f.xy[2 * i]! >= 0 && f.xy[2 * i]! < f.width && f.xy[2 * i + 1]! >= 0 && f.xy[2 * i + 1]! < f.height);
      let n = 0;
      for (let c = 0; c < LEARNED_DIMS; c++) n += f.descriptors[LEARNED_DIMS * i + c]! ** 2;
      assert.ok(Math.abs(n - 1) < 1e-4, `descriptor ${i} has squared norm ${n}`);
    }
    const top = strongest(f, 100);
    assert.equal(top.count, 100);
    assert.deepEqual(Array.from(top.xy), Array.from(f.xy.subarray(0, 200)));
  });

  it("stores features in a quarter of their float size, keypoints exact and descriptors within quantisation", async () => {
    const f = await opinion.features(await decoded(SACRE_COEUR_QUERY));
    const text = encodeLearnedFeatures(f);
    assert.match(text, /^x1:\d+x\d+:/);
    assert.ok(Buffer.from(text.split(":")[2]!, "base64").length === f.count * (4 + LEARNED_DIMS));
    const back = decodeLearnedFeatures(text);
    assert.equal(back.count, f.count);
    assert.equal(back.width, f.width);
    assert.equal(back.height, f.height);
    assert.deepEqual(Array.from(back.xy), Array.from(f.xy));
    let worst = 0;
    for (let i = 0; i < f.descriptors.length; i++) worst = Math.max(worst, Math.abs(back.descriptors[i]! - f.descriptors[i]!));
    assert.ok(worst < 0.02, `largest descriptor difference ${worst}`);
    assert.throws(() => decodeLearnedFeatures(text.slice(0, -8)), /truncated|not an x1/);
    assert.throws(() => decodeLearnedFeatures("v1:1x1:AAAA"), /not an x1/);
  });

  it("references carry their learned features from the import", async () => {
    const refs = (await source.get("sacre-coeur"))!;
    assert.ok(refs.references.length > 0);
    for (const r of refs.references) assert.ok(r.learned && r.learned.count > 0, `${r.file} has learned features`);
  });

  it("recognises another viewpoint of the planned landmark when it is the only opinion left, and not an unrelated building", async () => {
    const matcher = new FeatureMatcher({ source, calibration: learnedOnly });
    const refs = (await source.get("sacre-coeur"))!;
    const same = await matcher.matchLandmark(await decoded(SACRE_COEUR_QUERY), refs);
    assert.equal(same.match, true, `same landmark: ${same.learnedInliers} learned inliers`);
    assert.equal(same.detector, "xfeat");
    assert.ok(same.learnedInliers! >= DEFAULT_CALIBRATION.learned.matchInliers);
    assert.ok(matcher.timings.learnedMs > 0);
    const other = await matcher.matchLandmark(await decoded(ST_PAULS), refs);
    assert.equal(other.match, false, `unrelated building: ${other.learnedInliers} learned inliers`);
    assert.ok(other.learnedInliers! < DEFAULT_CALIBRATION.learned.matchInliers);
  });

  it("is not asked when ORB already decided, when switched off, or for other landmarks nearby", async () => {
    const photo = await decoded(SACRE_COEUR_QUERY);
    const refs = (await source.get("sacre-coeur"))!;
    const shipped = new FeatureMatcher({ source });
    const m = await shipped.matchLandmark(photo, refs);
    assert.equal(m.detector, "orb");
    assert.equal(m.learnedInliers, undefined);
    assert.equal(shipped.timings.learnedMs, 0);
    const off = new FeatureMatcher({ source, calibration: learnedOnly, learned: false });
    const n = await off.matchLandmark(photo, refs);
    assert.equal(n.match, false);
    assert.equal(n.learnedInliers, undefined);
    const notAsked = await new FeatureMatcher({ source, calibration: learnedOnly }).matchLandmark(photo, refs, { learnedOpinion: false });
    assert.equal(notAsked.learnedInliers, undefined);
    // A check-in the verify queue kept waiting (VERIFY_LEARNED_MAX_WAIT_MS) is matched without it.
    const learnedOnlyMatcher = new FeatureMatcher({ source, calibration: learnedOnly });
    assert.equal((await learnedOnlyMatcher.match(photo, refs.landmark)).status, "match");
    assert.equal((await learnedOnlyMatcher.match(photo, refs.landmark, { learnedOpinion: false })).status, "no_match");
  });

  it("identifies a photo no binary detector recognises by the landmark with the most learned evidence", async () => {
    const matcher = new FeatureMatcher({ source, calibration: learnedOnly });
    const { best } = await matcher.identify(await decoded(SACRE_COEUR_QUERY));
    assert.equal(best?.landmarkId, "sacre-coeur");
    assert.equal(best?.detector, "xfeat");
    assert.equal((await matcher.identify(await decoded(ST_PAULS))).best, undefined);
  });
});

describe("learned features as LighterGlue sees them", () => {
  it("the quantised reference gives the float one's inliers within a few", async () => {
    const opinion = (await loadLearnedOpinion())!;
    const { cv } = await loadOpenCv();
    const q = await opinion.features(await decoded(SACRE_COEUR_QUERY));
    const ref: LearnedFeatures = await opinion.features(await decoded(path.join(SACRE_COEUR, "ref/02928139_3448003521.jpg")));
    const exact = await opinion.inliers(cv, q, ref, DEFAULT_CALIBRATION.learned.cut);
    const stored = await opinion.inliers(cv, q, decodeLearnedFeatures(encodeLearnedFeatures(ref)), DEFAULT_CALIBRATION.learned.cut);
    assert.ok(exact >= 30, `float reference: ${exact} inliers`);
    assert.ok(Math.abs(stored - exact) <= Math.max(3, exact * 0.1), `float ${exact}, stored ${stored}`);
  });
});
