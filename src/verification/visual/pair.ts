/**
 * Geometric verification of one photo against one reference: Hamming nearest neighbours with Lowe's
 * ratio test, one match per reference keypoint, then a homography fitted by RANSAC. A building facade
 * seen from two places is close to a plane, so its inliers agree on one homography, while chance
 * matches between unrelated photos do not.
 */
import type { Features } from "./features.ts";
import { DESCRIPTOR_BYTES } from "./features.ts";
import { withMats, type Cv, type CvDMatch, type CvMat, type CvVector } from "./opencv.ts";

export interface PairConfig {
  /** Lowe's ratio: best distance < ratio x second best. */
  ratio: number;
  /** "ransac" or "magsac" (OpenCV's USAC_MAGSAC). */
  method: "ransac" | "magsac";
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

export const DEFAULT_PAIR_CONFIG: PairConfig = { ratio: 0.85, method: "ransac", reprojFraction: 0.006, grid: 8, angleFilter: true, maxIters: 1000 };

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

/** Descriptor Mat (rows x 32, CV_8U) over a Features' bytes; the caller deletes it. */
export function descriptorMat(cv: Cv, f: Features): CvMat {
  const mat = new cv.Mat(f.count, DESCRIPTOR_BYTES, cv.CV_8UC1) as CvMat;
  mat.data.set(f.descriptors);
  return mat;
}

export function matchPair(cv: Cv, photo: Features, ref: Features, config: PairConfig = DEFAULT_PAIR_CONFIG, refMat?: CvMat): PairResult {
  if (photo.count < 8 || ref.count < 8) return EMPTY;
  return withMats(cv, (track) => {
    const q = track(descriptorMat(cv, photo));
    const r = refMat ?? track(descriptorMat(cv, ref));
    const matcher = track(new cv.BFMatcher(cv.NORM_HAMMING, false));
    const knn = track(new cv.DMatchVectorVector() as CvVector<CvVector<CvDMatch>>);
    matcher.knnMatch(q, r, knn, 2);

    // Ratio test, then keep the best match per reference keypoint (one-to-one).
    const bestForRef = new Map<number, { q: number; d: number }>();
    for (let i = 0; i < knn.size(); i++) {
      const pair = knn.get(i);
      if (pair.size() < 2) continue;
      const a = pair.get(0);
      const b = pair.get(1);
      if (a.distance >= config.ratio * b.distance) continue;
      const prev = bestForRef.get(a.trainIdx);
      if (!prev || a.distance < prev.d) bestForRef.set(a.trainIdx, { q: a.queryIdx, d: a.distance });
    }
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
    const method = config.method === "magsac" ? cv.USAC_MAGSAC : cv.RANSAC;
    const thr = Math.max(1.5, config.reprojFraction * Math.max(ref.width, ref.height));
    const h = track(cv.findHomography(src, dst, method, thr, mask, config.maxIters, 0.995) as CvMat);
    if (h.empty() || mask.empty()) return { ...EMPTY, tentative };
    const homography = Array.from(h.data64F.subarray(0, 9));
    if (!plausible(homography, photo, ref)) return { ...EMPTY, tentative };

    const inlierPairs: Array<[number, number]> = [];
    for (let k = 0; k < tentative; k++) if (mask.data[k]) inlierPairs.push(pairs[k]!);
    const cells = Math.min(
      coverage(inlierPairs.map(([qi]) => qi), photo, config.grid),
      coverage(inlierPairs.map(([, ri]) => ri), ref, config.grid),
    );
    return { tentative, inliers: inlierPairs.length, cells, homography, inlierPairs };
  });
}

/** Rejects homographies that fold, collapse or blow up the picture: no real second photo does that. */
function plausible(h: number[], photo: Features, ref: Features): boolean {
  const [a, b, , d, e, , g, hh] = h as [number, number, number, number, number, number, number, number, number];
  const det = a * e - b * d;
  if (!(det > 0)) return false;
  // Area scale between the two pictures, normalised by their sizes.
  const norm = (ref.width * ref.height) / (photo.width * photo.height);
  const scale = det / norm;
  if (scale < 1 / 40 || scale > 40) return false;
  // Strong perspective terms bend the photo's own corners behind the camera.
  const persp = Math.abs(g) * photo.width + Math.abs(hh) * photo.height;
  return persp < 1.5;
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
