/**
 * Geometric verification of one photo against one reference: Hamming nearest neighbours with Lowe's
 * ratio test, one match per reference keypoint, then a homography fitted by RANSAC. A building facade
 * seen from two places is close to a plane, so its inliers agree on one homography, while chance
 * matches between unrelated photos do not.
 */
import type { Features } from "./features.ts";
import { DESCRIPTOR_BYTES } from "./features.ts";
import type { DescriptorBytes, HammingKnn, Knn2 } from "./hamming-knn.ts";
import type { Vision } from "./vision.ts";
import { withMats, type Cv, type CvDMatch, type CvMat, type CvVector } from "./opencv.ts";

export interface PairConfig {
  /** Lowe's ratio: best distance < ratio x second best. */
  ratio: number;
  /** OpenCV's robust estimator: classic RANSAC or one of the USAC variants. */
  method: "ransac" | "magsac" | "usac_fast" | "usac_default" | "usac_accurate" | "prosac";
  /** Maximum reprojection error of an inlier, as a fraction of the photo's long side. */
  reprojFraction: number;
  /** Side of the grid used to measure how much of the picture the inliers cover. */
  grid: number;
  /**
   * Keep only matches whose keypoint rotation agrees (within the densest 90 degree window) before
   * RANSAC: true matches rotate together, chance matches spread over the circle.
   */
  angleFilter: boolean;
  /** RANSAC iterations. */
  maxIters: number;
}

/**
 * MAGSAC++ rather than USAC's default (RANSAC-like) scoring: it scores a model over a range of noise
 * scales instead of one inlier cut, which keeps fewer chance inliers on unrelated pairs (held-out worst
 * negative 10 -> 8 with the 800 px photo features) at the same recall (docs/verification.md).
 */
export const DEFAULT_PAIR_CONFIG: PairConfig = { ratio: 0.85, method: "magsac", reprojFraction: 0.006, grid: 8, angleFilter: true, maxIters: 1000 };

export interface PairResult {
  /** Matches that passed the ratio test (and one-to-one). */
  tentative: number;
  inliers: number;
  /** Grid cells (of grid x grid) holding at least one inlier, the smaller of photo and reference. */
  cells: number;
  /** Photo -> reference homography, row-major, when one was found and is not degenerate. */
  homography?: number[];
  /** Inlier index pairs (photo keypoint, reference keypoint). */
  inlierPairs: Array<[number, number]>;
}

const EMPTY: PairResult = { tentative: 0, inliers: 0, cells: 0, inlierPairs: [] };

/** OpenCV.js's brute-force matcher behind the HammingKnn face: the plain baseline, and the reference for tests. */
export function openCvKnn(cv: Cv): HammingKnn {
  return {
    knn2(query: Uint8Array, train: Uint8Array, bytes: DescriptorBytes = DESCRIPTOR_BYTES): Knn2 {
      const nq = query.length / bytes;
      const nt = train.length / bytes;
      const out: Knn2 = { index: new Int32Array(nq).fill(-1), best: new Int32Array(nq).fill(1024), second: new Int32Array(nq).fill(1024) };
      if (nq === 0 || nt === 0) return out;
      return withMats(cv, (track) => {
        const q = track(new cv.Mat(nq, bytes, cv.CV_8UC1) as CvMat);
        q.data.set(query);
        const t = track(new cv.Mat(nt, bytes, cv.CV_8UC1) as CvMat);
        t.data.set(train);
        const matcher = track(new cv.BFMatcher(cv.NORM_HAMMING, false));
        const knn = track(new cv.DMatchVectorVector() as CvVector<CvVector<CvDMatch>>);
        matcher.knnMatch(q, t, knn, 2);
        for (let i = 0; i < knn.size(); i++) {
          const pair = knn.get(i);
          if (pair.size() > 0) {
            out.index[i] = pair.get(0).trainIdx;
            out.best[i] = pair.get(0).distance;
          }
          if (pair.size() > 1) out.second[i] = pair.get(1).distance;
        }
        return out;
      });
    },
  };
}

export function matchPair(vision: Vision, photo: Features, ref: Features, config: PairConfig = DEFAULT_PAIR_CONFIG): PairResult {
  if (photo.count < 8 || ref.count < 8) return EMPTY;
  if (photo.kind !== ref.kind) throw new TypeError(`matchPair: ${photo.kind} photo features against ${ref.kind} reference features`);
  const { cv } = vision;
  const nn = vision.knn.knn2(photo.descriptors, ref.descriptors, photo.kind === "akaze" ? 64 : 32);
  // Ratio test, then keep the best match per reference keypoint (one-to-one).
  const bestForRef = new Map<number, { q: number; d: number }>();
  for (let i = 0; i < photo.count; i++) {
    const r = nn.index[i]!;
    if (r < 0 || nn.best[i]! >= config.ratio * nn.second[i]!) continue;
    const prev = bestForRef.get(r);
    if (!prev || nn.best[i]! < prev.d) bestForRef.set(r, { q: i, d: nn.best[i]! });
  }
  return withMats(cv, (track) => {
    let pairs = [...bestForRef].map(([rIdx, { q: qIdx }]) => [qIdx, rIdx] as [number, number]);
    if (config.angleFilter) pairs = consistentRotation(pairs, photo, ref);
    const tentative = pairs.length;
    if (tentative < 8) return { ...EMPTY, tentative };

    const src = track(new cv.Mat(tentative, 1, cv.CV_32FC2) as CvMat);
    const dst = track(new cv.Mat(tentative, 1, cv.CV_32FC2) as CvMat);
    pairs.forEach(([qi, ri], k) => {
      src.data32F[2 * k] = photo.xy[2 * qi]!;
      src.data32F[2 * k + 1] = photo.xy[2 * qi + 1]!;
      dst.data32F[2 * k] = ref.xy[2 * ri]!;
      dst.data32F[2 * k + 1] = ref.xy[2 * ri + 1]!;
    });
    const mask = track(new cv.Mat() as CvMat);
    const method = {
      ransac: cv.RANSAC,
      magsac: cv.USAC_MAGSAC,
      usac_fast: cv.USAC_FAST,
      usac_default: cv.USAC_DEFAULT,
      usac_accurate: cv.USAC_ACCURATE,
      prosac: cv.USAC_PROSAC,
    }[config.method];
    const thr = Math.max(1.5, config.reprojFraction * Math.max(ref.width, ref.height));
    const h = track(cv.findHomography(src, dst, method, thr, mask, config.maxIters, 0.995) as CvMat);
    if (h.empty() || mask.empty()) return { ...EMPTY, tentative };
    const homography = Array.from(h.data64F.subarray(0, 9));
    const inlierPairs: Array<[number, number]> = [];
    for (let k = 0; k < tentative; k++) if (mask.data[k]) inlierPairs.push(pairs[k]!);
    if (!plausible(homography, inlierPairs, photo, ref)) return { ...EMPTY, tentative };
    const cells = Math.min(
      coverage(inlierPairs.map(([qi]) => qi), photo, config.grid),
      coverage(inlierPairs.map(([, ri]) => ri), ref, config.grid),
    );
    return { tentative, inliers: inlierPairs.length, cells, homography, inlierPairs };
  });
}

/**
 * Rejects homographies no second photo of the same surface produces: ones that send part of the matched
 * area through the horizon (w <= 0), fold it (negative local Jacobian) or shrink/blow it up beyond
 * 1/40..40 in area. Checked where the evidence is (the inliers), not at the picture's corners: a tilted
 * phone photo of a tower has strong perspective terms that are real.
 */
function plausible(h: number[], inliers: Array<[number, number]>, photo: Features, ref: Features): boolean {
  if (inliers.length === 0) return false;
  const [a, b, c, d, e, f, g, hh, i] = h as [number, number, number, number, number, number, number, number, number];
  const det = a * (e * i - f * hh) - b * (d * i - f * g) + c * (d * hh - e * g);
  const norm = (ref.width * ref.height) / (photo.width * photo.height);
  let minW = Infinity;
  let maxW = -Infinity;
  for (const [qi] of inliers) {
    const w = g * photo.xy[2 * qi]! + hh * photo.xy[2 * qi + 1]! + i;
    minW = Math.min(minW, w);
    maxW = Math.max(maxW, w);
  }
  if (!(minW > 0) || maxW / minW > 8) return false;
  // Local area scale det(H) / w^3 at the extremes of the matched area.
  for (const w of [minW, maxW]) {
    const scale = det / (w * w * w) / norm;
    if (!(scale > 1 / 40 && scale < 40)) return false;
  }
  return true;
}

function coverage(indices: number[], f: Features, grid: number): number {
  const seen = new Set<number>();
  for (const i of indices) {
    const cx = Math.min(grid - 1, Math.floor((f.xy[2 * i]! / f.width) * grid));
    const cy = Math.min(grid - 1, Math.floor((f.xy[2 * i + 1]! / f.height) * grid));
    seen.add(cy * grid + cx);
  }
  return seen.size;
}

const ANGLE_BINS = 16;

/** Keeps the matches in the 4 adjacent bins (of 16, so 90 degrees) holding most rotation differences. */
function consistentRotation(pairs: Array<[number, number]>, photo: Features, ref: Features): Array<[number, number]> {
  const bins = new Array<number>(ANGLE_BINS).fill(0);
  const binOf = (qi: number, ri: number) => (((ref.angles[ri]! - photo.angles[qi]! + 256) & 255) * ANGLE_BINS) >> 8;
  for (const [qi, ri] of pairs) bins[binOf(qi, ri)]!++;
  let best = 0;
  let bestSum = -1;
  for (let start = 0; start < ANGLE_BINS; start++) {
    let sum = 0;
    for (let k = 0; k < 4; k++) sum += bins[(start + k) % ANGLE_BINS]!;
    if (sum > bestSum) {
      bestSum = sum;
      best = start;
    }
  }
  return pairs.filter(([qi, ri]) => (binOf(qi, ri) - best + ANGLE_BINS) % ANGLE_BINS < 4);
}
