/**
 * The visual matcher: storage format, calibration, decision rules, stage-2 replay, EXIF orientation,
 * and an accuracy floor on a subset of ../shared/eval that fails when accuracy regresses.
 * OpenCV.js is loaded once for the file; reference features are computed once (catalog import).
 */
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { readdirSync, readFileSync } from "node:fs";
import sharp from "sharp";
import { loadCatalogSource, MemoryReferenceSource } from "../../../src/landmarks/reference-source.ts";
import { decodePhoto } from "../../../src/verification/decode.ts";
import type { DecodedPhoto } from "../../../src/verification/contracts.ts";
import { DEFAULT_CALIBRATION, isMatch, scoreFromInliers } from "../../../src/verification/visual/calibration.ts";
import { AKAZE_CONFIG, AKAZE_PHOTO_CONFIG, decodeFeatures, encodeFeatures, extractAkazeSync, extractFeatures, DEFAULT_FEATURE_CONFIG, REFERENCE_FEATURE_CONFIG, workingSize } from "../../../src/verification/visual/features.ts";
import { FeatureMatcher } from "../../../src/verification/visual/matcher.ts";
import { loadHammingKnn } from "../../../src/verification/visual/hamming-knn.ts";
import { DEFAULT_PAIR_CONFIG, matchPair, type PairResult } from "../../../src/verification/visual/pair.ts";
import { loadVision } from "../../../src/verification/visual/vision.ts";
import { makeThumbnail, mayBeCopyOf, warpCorrelation } from "../../../src/verification/visual/replay-check.ts";
import { loadOpenCv, openCvLoadMs } from "../../../src/verification/visual/opencv.ts";
import { EVAL_DIR } from "./fixtures.ts";

const LANDMARKS = path.join(EVAL_DIR, "landmarks");
const query = (id: string) => readdirSync(path.join(LANDMARKS, id, "query")).sort().map((f) => path.join(LANDMARKS, id, "query", f));
const decoded = new Map<string, DecodedPhoto>();
async function photo(file: string): Promise<DecodedPhoto> {
  let d = decoded.get(file);
  if (!d) decoded.set(file, (d = await decodePhoto(readFileSync(file))));
  return d;
}

let source: MemoryReferenceSource;
let matcher: FeatureMatcher;

before(async () => {
  await loadOpenCv();
  // Only that the load was timed: its speed is a benchmark figure, not a test (a loaded machine is slower).
  assert.ok((openCvLoadMs() ?? -1) >= 0);
  source = await loadCatalogSource(LANDMARKS);
  matcher = new FeatureMatcher({ source });
});

describe("features storage", () => {
  test("round-trips keypoints, angles and descriptors compactly", async () => {
    const f = await extractFeatures(await photo(query("sacre-coeur")[0]!));
    assert.ok(f.count > 500);
    const text = encodeFeatures(f);
    const back = decodeFeatures(text);
    assert.equal(back.count, f.count);
    assert.equal(back.width, f.width);
    assert.deepEqual(back.descriptors, f.descriptors);
    assert.deepEqual(back.angles, f.angles);
    for (let i = 0; i < f.xy.length; i++) assert.ok(Math.abs(back.xy[i]! - f.xy[i]!) <= 1 / 32);
    // 37 bytes per keypoint before base64.
    assert.ok(text.length < f.count * 37 * 1.34 + 32);
    assert.throws(() => decodeFeatures("v0:nonsense"), TypeError);
  });

  test("references carry features, a thumbnail and a quality report from import", () => {
    for (const stored of source.all()) {
      for (const r of stored.references) {
        assert.match(r.features ?? "", /^v1:\d+x\d+:/);
        assert.match(r.thumb ?? "", /^g1:\d+x\d+:/);
        assert.ok(r.quality && r.quality.featureCount > 0 && r.quality.sharpness > 0);
      }
    }
  });
});

describe("calibration", () => {
  test("score is monotone, 0.5 at the threshold and low at the background maximum", () => {
    const cal = DEFAULT_CALIBRATION;
    assert.ok(scoreFromInliers(cal.matchInliers) >= 0.5 && scoreFromInliers(cal.matchInliers - 1) < 0.5);
    assert.ok(scoreFromInliers(cal.backgroundMax) <= 0.15);
    assert.ok(scoreFromInliers(0) < 0.01 && scoreFromInliers(200) > 0.99);
    for (let i = 0; i < 100; i++) assert.ok(scoreFromInliers(i + 1) >= scoreFromInliers(i));
    assert.equal(isMatch(cal.matchInliers), true);
    assert.equal(isMatch(cal.matchInliers - 1), false);
    assert.ok(cal.matchInliers > cal.backgroundMax, "the threshold must keep a margin above the background");
  });
});

describe("decision rules", () => {
  test("no references: not evaluated, never a match", async () => {
    const empty = new FeatureMatcher({ source: new MemoryReferenceSource([]) });
    const lm = source.stored("sacre-coeur")!.landmark;
    assert.deepEqual(await empty.match(await photo(query("sacre-coeur")[0]!), lm), { status: "not_evaluated" });
  });

  test("a photo of a nearby landmark is reported as other_landmark", async () => {
    // Sacré-Cœur and Sceaux are 13 km apart: within the default 20 km other-landmark radius.
    const planned = source.stored("chateau-de-sceaux")!.landmark;
    const signal = await matcher.match(await photo(query("sacre-coeur")[0]!), planned);
    assert.equal(signal.status, "other_landmark");
    assert.equal(signal.status === "other_landmark" && signal.landmarkId, "sacre-coeur");
  });
});

describe("replay stage 2 and orientation", () => {
  const refFile = (landmark: string, index: number) => {
    const dir = path.join(LANDMARKS, landmark, "ref");
    return path.join(dir, readdirSync(dir).sort()[index]!);
  };

  // The last Sceaux reference is a near-twin of the first two (a few steps apart): its copies must be
  // traced to it, not stop at the first reference that matches strongly.
  for (const [landmark, index] of [["sacre-coeur", 0], ["chateau-de-sceaux", 2]] as const) {
    test(`a 10% crop and a screenshot of a reference are flagged as copies, not matches (${landmark} #${index})`, async () => {
      const file = refFile(landmark, index);
      const bytes = readFileSync(file);
      const meta = await sharp(bytes).metadata();
      const crop = await sharp(bytes)
        .extract({ left: Math.round(meta.width * 0.05), top: Math.round(meta.height * 0.05), width: Math.round(meta.width * 0.9), height: Math.round(meta.height * 0.9) })
        .jpeg({ quality: 80 })
        .toBuffer();
      const shot = await sharp(bytes).resize({ width: 1080 }).extend({ top: 300, bottom: 420, background: "#111111" }).png().toBuffer();
      const lm = source.stored(landmark)!.landmark;
      for (const copy of [crop, shot]) {
        const signal = await matcher.match(await decodePhoto(copy), lm);
        assert.equal(signal.status, "no_match");
        assert.equal(signal.status === "no_match" && signal.replayOf, path.basename(file));
      }
    });
  }

  // A crop's homography is known exactly, so this measures the warp and the correlation alone, on references
  // as small as some catalogs' (400-800 px) and on fine texture (blurred noise), where a warp that missed pixel
  // centres by half a pixel, or resampled without reducing by area, lost it: 10% and 20% crops fell to 0.6-0.9.
  test("10% and 20% crops of small and finely textured references correlate with their own thumbnail above the copy threshold", async () => {
    const { cv } = await loadVision();
    const SMALL = { maxBytes: 50e6, maxPixels: 150e6, minSide: 64 }; // as a catalog import takes them
    const smallRefs: Array<[string, Buffer]> = [];
    for (const id of ["sacre-coeur", "chateau-de-sceaux", "tower-bridge", "piazza-san-marco", "nle-tower"]) {
      for (const f of readdirSync(path.join(LANDMARKS, id, "ref")).sort()) {
        for (const longSide of [400, 800]) {
          const bytes = await sharp(readFileSync(path.join(LANDMARKS, id, "ref", f))).autoOrient().resize({ width: longSide, height: longSide, fit: "inside" }).jpeg({ quality: 90 }).toBuffer();
          smallRefs.push([`${f}@${longSide}`, bytes]);
        }
      }
    }
    let seed = 7;
    const noise = Buffer.from(Array.from({ length: 400 * 600 }, () => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24));
    for (const sigma of [0.8, 1.2]) smallRefs.push([`noise-blur-${sigma}`, await sharp(noise, { raw: { width: 400, height: 600, channels: 1 } }).blur(sigma).jpeg({ quality: 90 }).toBuffer()]);
    const lowest: Array<[string, number]> = [];
    for (const [name, small] of smallRefs) {
      const ref = await decodePhoto(small, SMALL);
      const thumb = makeThumbnail(cv, ref);
      const refFeat = workingSize(ref.width, ref.height, REFERENCE_FEATURE_CONFIG.longSide);
      for (const f of [0.1, 0.2]) {
        const [ox, oy] = [Math.round((ref.width * f) / 2), Math.round((ref.height * f) / 2)];
        const [cw, ch] = [Math.round(ref.width * (1 - f)), Math.round(ref.height * (1 - f))];
        const crop = await decodePhoto(await sharp(small).extract({ left: ox, top: oy, width: cw, height: ch }).jpeg({ quality: 85 }).toBuffer(), SMALL);
        const photoFeat = workingSize(crop.width, crop.height, DEFAULT_FEATURE_CONFIG.longSide);
        // Photo feature pixels -> crop pixels -> reference pixels -> reference feature pixels, on pixel centres.
        const [kx, ky] = [refFeat.width / ref.width, refFeat.height / ref.height];
        const [px, py] = [crop.width / photoFeat.width, crop.height / photoFeat.height];
        const h = [px * kx, 0, ((0.5 * px - 0.5 + ox + 0.5) * kx) - 0.5, 0, py * ky, ((0.5 * py - 0.5 + oy + 0.5) * ky) - 0.5, 0, 0, 1];
        lowest.push([`${name}:crop-${f * 100}`, warpCorrelation(cv, crop, photoFeat, thumb, refFeat, h) ?? 0]);
      }
    }
    lowest.sort((a, b) => a[1] - b[1]);
    assert.ok(lowest[0]![1] >= DEFAULT_CALIBRATION.replayCorrelation, `lowest: ${lowest.slice(0, 3).map(([k, c]) => `${k} ${c.toFixed(3)}`).join(", ")}`);
  });

  test("a clear match skips the references the copy screen clears; without stopWhenClear every one is matched", async () => {
    const refs = (await source.get("sacre-coeur"))!;
    // Matches the first reference with several times the threshold, the others weakly.
    const p = await photo(query("sacre-coeur").find((f) => f.endsWith("17295357_9106075285.jpg"))!);
    const full = await matcher.matchLandmark(p, refs);
    const early = await matcher.matchLandmark(p, refs, { stopWhenClear: true });
    assert.equal(full.compared, refs.references.length);
    assert.ok(early.compared < refs.references.length, `compared ${early.compared}`);
    assert.equal(early.match, true);
    assert.equal(early.match, full.match);
    assert.ok(early.inliers >= 2 * DEFAULT_CALIBRATION.matchInliers && early.inliers <= full.inliers, `${early.inliers} vs ${full.inliers}`);
  });

  test("the copy screen lets a crop through to its own reference and clears a distinct photo", async () => {
    const knn = await loadHammingKnn();
    const refs = (await source.get("sacre-coeur"))!.references;
    const file = refFile("sacre-coeur", 1);
    const bytes = readFileSync(file);
    const meta = await sharp(bytes).metadata();
    const crop = await sharp(bytes)
      .extract({ left: Math.round(meta.width * 0.1), top: Math.round(meta.height * 0.1), width: Math.round(meta.width * 0.8), height: Math.round(meta.height * 0.8) })
      .jpeg({ quality: 80 })
      .toBuffer();
    const own = refs.find((r) => r.file === path.basename(file))!;
    assert.equal(mayBeCopyOf(knn, await matcher.features(await decodePhoto(crop)), own.features, DEFAULT_PAIR_CONFIG.ratio), true);
    const distinct = await matcher.features(await photo(query("sacre-coeur").find((f) => f.endsWith("17295357_9106075285.jpg"))!));
    assert.equal(mayBeCopyOf(knn, distinct, own.features, DEFAULT_PAIR_CONFIG.ratio), false);
  });

  test("distinct photos of the landmark are not flagged as copies", async () => {
    const refs = (await source.get("sacre-coeur"))!;
    for (const file of query("sacre-coeur").slice(0, 4)) {
      const m = await matcher.matchLandmark(await photo(file), refs);
      assert.equal(m.replay, undefined, file);
    }
  });

  test("EXIF orientation is applied before matching", async () => {
    const file = query("chateau-de-sceaux")[0]!;
    // Pixels stored rotated, with the EXIF tag that turns them back upright.
    const rotated = await sharp(readFileSync(file)).rotate(270).jpeg({ quality: 90 }).withMetadata({ orientation: 6 }).toBuffer();
    const refs = (await source.get("chateau-de-sceaux"))!;
    const upright = await matcher.matchLandmark(await photo(file), refs);
    const tagged = await matcher.matchLandmark(await decodePhoto(rotated), refs);
    assert.equal(upright.match, true);
    assert.equal(tagged.match, true);
  });
});

describe("AKAZE second opinion", () => {
  test("photos get a 3-sublevel scale space, and it still rescues the oblique close-up ORB misses", async () => {
    const vision = await loadVision();
    const closeUp = await photo(query("chateau-de-sceaux").find((f) => f.endsWith("100_7110.JPG"))!);
    // The sublevel option reaches OpenCV: fewer diffusion levels give other keypoints than the references' 4.
    const photoScale = extractAkazeSync(vision, closeUp, AKAZE_PHOTO_CONFIG);
    const referenceScale = extractAkazeSync(vision, closeUp, AKAZE_CONFIG);
    assert.notEqual(photoScale.count, referenceScale.count);
    const m = await matcher.matchLandmark(closeUp, (await source.get("chateau-de-sceaux"))!);
    assert.equal(m.match, true, `100_7110: ${m.inliers} inliers`);
    assert.equal(m.detector, "akaze");
  });
});

describe("matching gate (every 3rd photo keypoint first)", () => {
  const evidence = (r: PairResult) => ({ tentative: r.tentative, inliers: r.inliers, cells: r.cells, homography: r.homography, inlierPairs: r.inlierPairs });

  test("a gate that opens gives exactly the ungated evidence, ORB and AKAZE, matching and unrelated pairs", async () => {
    const vision = await loadVision();
    const open = { step: 3, minEvidence: 0 };
    const photos = [query("sacre-coeur")[0]!, query("chateau-de-sceaux").find((f) => f.endsWith("100_7110.JPG"))!, query("nle-tower")[0]!];
    let matched = 0;
    for (const file of photos) {
      const p = await photo(file);
      const orb = await matcher.features(p);
      const akaze = extractAkazeSync(vision, p, AKAZE_PHOTO_CONFIG);
      for (const id of ["sacre-coeur", "chateau-de-sceaux"]) {
        for (const ref of (await source.get(id))!.references) {
          for (const [f, rf] of [[orb, ref.features], [akaze, ref.akaze!]] as const) {
            const plain = matchPair(vision, f, rf, DEFAULT_PAIR_CONFIG);
            const gated = matchPair(vision, f, rf, DEFAULT_PAIR_CONFIG, open);
            assert.equal(gated.gated, false);
            assert.ok((gated.gateEvidence ?? -1) >= 0);
            assert.deepEqual(evidence(gated), evidence(plain), `${path.basename(file)} vs ${ref.file} (${f.kind})`);
            if (plain.inliers >= DEFAULT_CALIBRATION.matchInliers) matched++;
          }
        }
      }
    }
    // The comparison covered pairs that match, not only chance-level ones.
    assert.ok(matched >= 4, `${matched} matching pairs`);
  });

  test("the shipped gate shuts unrelated references and keeps every decision of the ungated matcher", async () => {
    const ungated = new FeatureMatcher({ source, gate: false });
    const gatedPairs: string[] = [];
    const observed = new FeatureMatcher({ source, onPair: ({ reference, detector, result }) => result.gated && gatedPairs.push(`${detector} ${reference}`) });
    const photos = [...query("sacre-coeur").slice(0, 3), ...query("nle-tower").slice(0, 2), query("chateau-de-sceaux").find((f) => f.endsWith("100_7110.JPG"))!];
    for (const file of photos) {
      for (const id of ["sacre-coeur", "chateau-de-sceaux", "nle-tower"]) {
        const refs = (await source.get(id))!;
        const [a, b] = [await observed.matchLandmark(await photo(file), refs), await ungated.matchLandmark(await photo(file), refs)];
        assert.equal(a.match, b.match, `${path.basename(file)} vs ${id}`);
        // The detector may differ: with the native build's features one held-out nle-tower photo's ORB sample
        // shows 10 (< 11) against a reference ORB matches in full with 14 inliers, and AKAZE decides it
        // instead (bench/verification.md, "Matching gate"). The decision is the same.
        if (a.detector !== b.detector) assert.ok(a.match && a.detector === "akaze", `${path.basename(file)} vs ${id}: ${a.detector} vs ${b.detector}`);
        // A match's evidence comes from references the gate let through, so it is the same.
        if (b.match && a.detector === b.detector) assert.equal(a.inliers, b.inliers);
        assert.ok(a.inliers <= b.inliers);
      }
    }
    assert.ok(gatedPairs.some((p) => p.startsWith("orb")) && gatedPairs.some((p) => p.startsWith("akaze")), gatedPairs.join(", "));
  });
});

describe("accuracy floor on ../shared/eval (subset)", () => {
  test("zero false accepts, and recall of the subset at or above the floor", async (t) => {
    const ids = source.all().map((s) => s.landmark.id);
    const positives = [...query("sacre-coeur"), ...query("chateau-de-sceaux").slice(0, 5), ...query("piazza-san-marco")];
    let hits = 0;
    for (const file of positives) {
      const id = path.basename(path.dirname(path.dirname(file)));
      if ((await matcher.matchLandmark(await photo(file), (await source.get(id))!)).match) hits++;
    }
    const distractors = readdirSync(path.join(EVAL_DIR, "distractors")).sort().filter((_, i) => i % 2 === 0);
    const negatives: Array<[string, string]> = [];
    for (const f of distractors) for (const id of ids) negatives.push([path.join(EVAL_DIR, "distractors", f), id]);
    for (const f of query("nle-tower")) for (const id of ids.filter((x) => x !== "nle-tower")) negatives.push([f, id]);
    const falseAccepts: string[] = [];
    for (const [file, id] of negatives) {
      const m = await matcher.matchLandmark(await photo(file), (await source.get(id))!);
      if (m.match) falseAccepts.push(`${path.basename(file)} vs ${id} (${m.inliers})`);
    }
    assert.deepEqual(falseAccepts, [], "a false accept tells a family 'arrived' wrongly");
    const recall = hits / positives.length;
    assert.ok(recall >= RECALL_FLOOR, `recall ${recall.toFixed(3)} (${hits}/${positives.length}) fell below ${RECALL_FLOOR}`);
    t.diagnostic(`recall ${hits}/${positives.length}, ${negatives.length} negatives, no false accept`);
  });
});

/** Measured 15/16 on this subset (the miss: a night photo against daytime references); floor = 14/16. */
const RECALL_FLOOR = 0.875;
