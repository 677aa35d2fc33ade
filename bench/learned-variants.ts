/**
 * Experiment (issue 19), not a shipped path: does the learned opinion (XFeat + LighterGlue at the shipped cut
 * and threshold, calibration.ts) recognise more across light, season and scale when the photos are prepared
 * differently? Each variant changes only what XFeat is given; the opinion's cut (0.5) and threshold (12) are
 * the shipped ones, fixed before any of this was run, so every figure is read on data nothing here was tuned on.
 *
 *   plain       the shipped input (the decoded working copy)
 *   clahe       CLAHE (clip 2, 8x8 tiles) on the 640 px grey copy
 *   gamma       dark photos (mean under 0.35) brightened by a gamma that brings their mean to 0.45
 *   reftiles    plain, and each reference also as four corner crops of 60% of each side (2.8x zoom at 640 px)
 *   querytiles  plain, and the photo also as the same four crops
 *
 * Rows: every query and distractor of the three folders, and every photo of the calibration lookalikes (leave
 * one out), against every landmark of all three (the references; a lookalike's other photos). Evidence is the
 * most inliers over the landmark's references (and crops). Reported per condition at threshold 12, with every
 * negative at or above it.
 *
 *   npx tsx bench/learned-variants.ts --eval ../shared/eval --heldout ../eval-heldout --calibration-extra ../eval-calibration-extra [--variants plain,reftiles]
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEFAULT_CALIBRATION } from "../src/verification/visual/calibration.ts";
import { decodePhoto } from "../src/verification/decode.ts";
import { greyMat } from "../src/verification/visual/features.ts";
import type { LearnedFeatures } from "../src/verification/visual/learned/learned-features.ts";
import { LearnedOpinion } from "../src/verification/visual/learned/learned-opinion.ts";
import { withMats } from "../src/verification/visual/opencv.ts";
import { loadVision } from "../src/verification/visual/vision.ts";
import { experimentConditions, experimentPhotos, type ExperimentPhoto } from "./experiment-photos.ts";

const { values } = parseArgs({
  options: {
    eval: { type: "string", default: "../shared/eval" },
    heldout: { type: "string" },
    "calibration-extra": { type: "string" },
    variants: { type: "string", default: "plain,clahe,gamma,reftiles,querytiles" },
  },
});

type Grey = { grey: Buffer; width: number; height: number };
type Photo = ExperimentPhoto;

const { cv } = await loadVision();
const opinion = await LearnedOpinion.load();
const { cut, matchInliers } = DEFAULT_CALIBRATION.learned;
const TILE = 0.6;

const prepare: Record<string, (g: Grey) => Grey> = {
  plain: (g) => g,
  clahe: (g) =>
    withMats(cv, (track) => {
      const img = track(greyMat(cv, g, 640));
      track(new cv.CLAHE(2.0, new cv.Size(8, 8))).apply(img, img);
      return { grey: Buffer.from(img.data as Uint8Array), width: img.cols, height: img.rows };
    }),
  gamma: (g) => {
    let sum = 0;
    for (const v of g.grey) sum += v;
    const mean = sum / g.grey.length / 255;
    if (mean >= 0.35) return g;
    const exponent = Math.log(0.45) / Math.log(Math.max(mean, 0.02));
    const lut = Uint8Array.from({ length: 256 }, (_, i) => Math.round(255 * (i / 255) ** exponent));
    return { ...g, grey: Buffer.from(g.grey.map((v) => lut[v]!)) };
  },
};

/** The four corner crops of TILE of each side (together they cover the photo, the middle four times). */
function corners(g: Grey): Grey[] {
  const w = Math.round(g.width * TILE);
  const h = Math.round(g.height * TILE);
  return [[0, 0], [g.width - w, 0], [0, g.height - h], [g.width - w, g.height - h]].map(([ox, oy]) => {
    const grey = Buffer.alloc(w * h);
    for (let y = 0; y < h; y++) g.grey.copy(grey, y * w, (oy! + y) * g.width + ox!, (oy! + y) * g.width + ox! + w);
    return { grey, width: w, height: h };
  });
}

const photos = await experimentPhotos({ eval: values.eval, heldout: values.heldout, calibrationExtra: values["calibration-extra"] });
const conditions = await experimentConditions(values.heldout);
const decoded = new Map<string, Grey>();
for (const p of photos) decoded.set(p.key, await decodePhoto(await readFile(p.file)));
const referencesOf = new Map<string, Photo[]>();
for (const p of photos) if (p.landmark && (p.isRef || p.leaveOneOut)) referencesOf.set(p.landmark, [...(referencesOf.get(p.landmark) ?? []), p]);

console.log(`# Learned opinion variants (cut ${cut}, threshold ${matchInliers}); ${photos.length} photos, ${referencesOf.size} landmarks\n`);
console.log("| variant | same | night | season | light | negatives >= threshold | largest negatives |");
console.log("| --- | --- | --- | --- | --- | --- | --- |");
for (const variant of values.variants.split(",")) {
  const base = prepare[variant] ?? prepare.plain!;
  const whole = new Map<string, LearnedFeatures>();
  const crops = new Map<string, LearnedFeatures[]>();
  for (const p of photos) {
    const g = decoded.get(p.key)!;
    whole.set(p.key, await opinion.features(base(g)));
    const cropped = (variant === "reftiles" && (p.isRef || p.leaveOneOut)) || (variant === "querytiles" && (!p.isRef || p.leaveOneOut));
    if (cropped) crops.set(p.key, await Promise.all(corners(g).map((c) => opinion.features(c))));
  }
  const positives: Array<{ key: string; condition: string; evidence: number }> = [];
  const negatives: Array<{ key: string; landmark: string; evidence: number }> = [];
  for (const q of photos) {
    if (q.isRef && !q.leaveOneOut) continue;
    const queryViews = [whole.get(q.key)!, ...(variant === "querytiles" ? (crops.get(q.key) ?? []) : [])];
    for (const [landmark, refs] of referencesOf) {
      let evidence = 0;
      for (const r of refs) {
        if (r.key === q.key) continue;
        const refViews = [whole.get(r.key)!, ...(variant === "reftiles" ? (crops.get(r.key) ?? []) : [])];
        for (const a of queryViews) for (const b of refViews) evidence = Math.max(evidence, await opinion.inliers(cv, a, b, cut));
      }
      if (landmark === q.landmark) positives.push({ key: q.key, condition: conditions[q.key] ?? "same", evidence });
      else negatives.push({ key: q.key, landmark, evidence });
    }
  }
  negatives.sort((a, b) => b.evidence - a.evidence);
  const recall = (c: string) => {
    const of = positives.filter((p) => p.condition === c);
    return `${of.filter((p) => p.evidence >= matchInliers).length}/${of.length}`;
  };
  const top = negatives.slice(0, 3).map((n) => `${n.evidence} ${path.basename(n.key)} vs ${n.landmark}`).join("; ");
  console.log(`| ${variant} | ${recall("same")} | ${recall("night")} | ${recall("season")} | ${recall("light")} | ${negatives.filter((n) => n.evidence >= matchInliers).length} / ${negatives.length} | ${top} |`);
  console.error(`${variant}: recognised ${positives.filter((p) => p.evidence >= matchInliers).map((p) => `${p.key} ${p.evidence}`).join(", ")}`);
}
