/**
 * LighterGlue (models/README.md) on two XFeat feature sets, then the shipped geometric check (pair.ts
 * pairGeometry: homography by MAGSAC++, plausibility) on the matches whose score passes a cut. One run of the
 * network gives the inliers at any cut (the benchmark reads several).
 */
import type { Cv } from "../opencv.ts";
import { DEFAULT_PAIR_CONFIG, pairGeometry, type PairResult } from "../pair.ts";
import type { LearnedFeatures } from "./learned-features.ts";
import { loadModel, ort } from "./runtime.ts";

export interface GlueMatches {
  /** Photo keypoint, reference keypoint, per match. */
  pairs: Int32Array;
  scores: Float32Array;
}

export class LighterGlue {
  private constructor(private readonly session: ort.InferenceSession) {}

  static async load(threads = 1): Promise<LighterGlue> {
    return new LighterGlue(await loadModel("lighterglue-l3.onnx", threads));
  }

  async match(a: LearnedFeatures, b: LearnedFeatures): Promise<GlueMatches> {
    if (a.count === 0 || b.count === 0) return { pairs: new Int32Array(0), scores: new Float32Array(0) };
    const out = await this.session.run({
      kpts0: new ort.Tensor("float32", normalisedKeypoints(a), [1, a.count, 2]),
      kpts1: new ort.Tensor("float32", normalisedKeypoints(b), [1, b.count, 2]),
      desc0: new ort.Tensor("float32", a.descriptors, [1, a.count, 64]),
      desc1: new ort.Tensor("float32", b.descriptors, [1, b.count, 64]),
    });
    const matches = out.matches!.data as BigInt64Array;
    return { pairs: Int32Array.from(matches, Number), scores: Float32Array.from(out.scores!.data as Float32Array) };
  }
}

/** LightGlue's normalize_keypoints with the image size: centred, divided by half the long side. */
function normalisedKeypoints(f: LearnedFeatures): Float32Array {
  const out = new Float32Array(2 * f.count);
  const half = Math.max(f.width, f.height) / 2;
  for (let i = 0; i < f.count; i++) {
    out[2 * i] = (f.xy[2 * i]! - f.width / 2) / half;
    out[2 * i + 1] = (f.xy[2 * i + 1]! - f.height / 2) / half;
  }
  return out;
}

/** The homography check on the matches scoring above `cut` (no rotation filter: XFeat has no orientation). */
export function gluedGeometry(cv: Cv, a: LearnedFeatures, b: LearnedFeatures, m: GlueMatches, cut: number): PairResult {
  // pairGeometry reads a 2-NN answer: a kept match is a clear first neighbour, everything else none.
  const index = new Int32Array(a.count).fill(-1);
  const best = new Float32Array(a.count);
  const second = new Float32Array(a.count).fill(1);
  for (let k = 0; k < m.scores.length; k++) if (m.scores[k]! > cut) index[m.pairs[2 * k]!] = m.pairs[2 * k + 1]!;
  return pairGeometry(cv, a, b, { index, best, second }, { ...DEFAULT_PAIR_CONFIG, angleFilter: false });
}
