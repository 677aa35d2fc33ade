/**
 * Geometric verification of one photo against one reference: Hamming nearest neighbours with Lowe's
 * ratio test, one match per reference keypoint, then a homography fitted by RANSAC. A building facade
 * seen from two places is close to a plane, so its inliers agree on one homography, while chance
 * matches between unrelated photos do not.
 */
import type { FeatureKind, Features } from "./features.ts";
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
  /** With a gate: the sampled keypoints' evidence (gateEvidence), and whether it stopped the match there. */
  gateEvidence?: number;
  gated?: boolean;
}

/**
 * Query-side gate: every `step`-th photo keypoint is looked up first (the k-NN is exact for each of
 * them), and the reference is matched in full only when those sampled keypoints show at least
 * `minEvidence` matches in the densest 45 degree window of rotation differences (ratio test, one per
 * reference keypoint). A gate that opens gives exactly the ungated result: the other keypoints are
 * looked up and the whole set goes through the usual steps. One that stays shut reports 0 inliers.
 */
export interface MatchGate {
  step: number;
  minEvidence: number;
}

/**
 * Set from the calibration part (bench/verify.ts, "Matching gate"): half the lowest evidence any pair with
 * >= 12 inliers showed there. Sampled counts are small and noisy, hence the factor of two; what a wrong gate
 * would cost is a missed positive, so the benchmark reports the held-out margin next to it. ORB 8 since the
 * calibration part gained the lookalike landmarks' positive pairs (lowest ORB evidence 16: two views of St
 * Peter's; it was 23 on ../shared/eval's calibration half alone, which gave 11); AKAZE 8 (16).
 */
export const DEFAULT_MATCH_GATE: Readonly<Record<FeatureKind, MatchGate>> = { orb: { step: 3, minEvidence: 8 }, akaze: { step: 3, minEvidence: 8 } };

/** Below this many photo keypoints the gate is not used: a full match costs little, and a sample that small says little. */
const GATE_MIN_KEYPOINTS = 300;

/**
 * Any 2-NN answer pairGeometry accepts: the Hamming search's (Knn2, integer distances) or an L2 search's
 * (float distances, e.g. the native knnL2 for SIFT experiments). Row i is photo keypoint i.
 */
export interface NearestTwo {
  index: Int32Array;
  best: ArrayLike<number>;
  second: ArrayLike<number>;
}

/** What pairGeometry reads of a feature set: the keypoints' places and quantised angles, and the image size (as in Features). */
export type KeypointGeometry = Pick<Features, "width" | "height" | "count" | "xy" | "angles">;

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

export function matchPair(vision: Vision, photo: Features, ref: Features, config: PairConfig = DEFAULT_PAIR_CONFIG, gate?: MatchGate): PairResult {
  if (photo.count < 8 || ref.count < 8) return EMPTY;
  if (photo.kind !== ref.kind) throw new TypeError(`matchPair: ${photo.kind} photo features against ${ref.kind} reference features`);
  const bytes = photo.kind === "akaze" ? 64 : 32;
  if (!gate || photo.count < GATE_MIN_KEYPOINTS) return pairGeometry(vision.cv, photo, ref, vision.knn.knn2(photo.descriptors, ref.descriptors, bytes), config);
  const split = splitQueries(photo, gate.step);
  const sampled = vision.knn.knn2(split.sampled.descriptors, ref.descriptors, bytes);
  const gateEvidence = rotationWindow(ratioMatches(sampled, config, split.sampled.indices), photo, ref, GATE_WINDOW_BINS).length;
  if (gateEvidence < gate.minEvidence) return { ...EMPTY, gateEvidence, gated: true };
  const rest = vision.knn.knn2(split.rest.descriptors, ref.descriptors, bytes);
  const nn = merge(photo.count, [sampled, split.sampled.indices], [rest, split.rest.indices]);
  return { ...pairGeometry(vision.cv, photo, ref, nn, config), gateEvidence, gated: false };
}

interface QuerySet {
  indices: Int32Array;
  descriptors: Uint8Array;
}

/** The photo's keypoints split into every step-th one and the others, kept per feature set (one photo, many references). */
const splits = new WeakMap<Features, Map<number, { sampled: QuerySet; rest: QuerySet }>>();

function splitQueries(photo: Features, step: number): { sampled: QuerySet; rest: QuerySet } {
  let byStep = splits.get(photo);
  if (!byStep) splits.set(photo, (byStep = new Map()));
  const hit = byStep.get(step);
  if (hit) return hit;
  const bytes = photo.descriptors.length / Math.max(1, photo.count);
  const pick = (keep: (i: number) => boolean): QuerySet => {
    const indices = Int32Array.from({ length: photo.count }, (_, i) => i).filter(keep);
    const descriptors = new Uint8Array(indices.length * bytes);
    indices.forEach((q, j) => descriptors.set(photo.descriptors.subarray(q * bytes, (q + 1) * bytes), j * bytes));
    return { indices, descriptors };
  };
  const split = { sampled: pick((i) => i % step === 0), rest: pick((i) => i % step !== 0) };
  byStep.set(step, split);
  return split;
}

/** Rows of k-NN answers for subsets of the photo's keypoints, put back in keypoint order. */
function merge(count: number, ...parts: Array<[Knn2, Int32Array]>): Knn2 {
  const out: Knn2 = { index: new Int32Array(count), best: new Int32Array(count), second: new Int32Array(count) };
  for (const [nn, indices] of parts) {
    for (let j = 0; j < indices.length; j++) {
      const q = indices[j]!;
      out.index[q] = nn.index[j]!;
      out.best[q] = nn.best[j]!;
      out.second[q] = nn.second[j]!;
    }
  }
  return out;
}

/**
 * Everything after the k-NN (row i of `nn` is photo keypoint i): ratio test, one-to-one, rotation filter,
 * homography, plausibility. Exported for experiments with other descriptors (bench/verify.ts, RootSIFT).
 */
export function pairGeometry(cv: Cv, photo: KeypointGeometry, ref: KeypointGeometry, nn: NearestTwo, config: PairConfig): PairResult {
  return withMats(cv, (track) => {
    let pairs = ratioMatches(nn, config);
    if (config.angleFilter) pairs = rotationWindow(pairs, photo, ref, ANGLE_WINDOW_BINS);
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
function plausible(h: number[], inliers: Array<[number, number]>, photo: KeypointGeometry, ref: KeypointGeometry): boolean {
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

function coverage(indices: number[], f: KeypointGeometry, grid: number): number {
  const seen = new Set<number>();
  for (const i of indices) {
    const cx = Math.min(grid - 1, Math.floor((f.xy[2 * i]! / f.width) * grid));
    const cy = Math.min(grid - 1, Math.floor((f.xy[2 * i + 1]! / f.height) * grid));
    seen.add(cy * grid + cx);
  }
  return seen.size;
}

/**
 * Ratio test, then the best match per reference keypoint (one-to-one), as [photo keypoint, reference
 * keypoint] pairs. `queries` names the photo keypoint behind each row of `nn` (row i is keypoint i when absent).
 */
function ratioMatches(nn: NearestTwo, config: PairConfig, queries?: ArrayLike<number>): Array<[number, number]> {
  const bestForRef = new Map<number, { q: number; d: number }>();
  for (let j = 0; j < nn.index.length; j++) {
    const r = nn.index[j]!;
    if (r < 0 || nn.best[j]! >= config.ratio * nn.second[j]!) continue;
    const prev = bestForRef.get(r);
    if (!prev || nn.best[j]! < prev.d) bestForRef.set(r, { q: queries ? queries[j]! : j, d: nn.best[j]! });
  }
  return [...bestForRef].map(([rIdx, { q: qIdx }]) => [qIdx, rIdx] as [number, number]);
}

const ANGLE_BINS = 16;
/** The rotation filter keeps 4 adjacent bins of 16 (90 degrees): perspective spreads true matches' rotations. */
const ANGLE_WINDOW_BINS = 4;
/** The gate counts in 2 bins (45 degrees): chance matches, spread over the circle, fill a narrower window less. */
const GATE_WINDOW_BINS = 2;

/** Keeps the matches in the `width` adjacent bins (of 16) holding most rotation differences. */
function rotationWindow(pairs: Array<[number, number]>, photo: KeypointGeometry, ref: KeypointGeometry, width: number): Array<[number, number]> {
  const bins = new Array<number>(ANGLE_BINS).fill(0);
  const binOf = (qi: number, ri: number) => (((ref.angles[ri]! - photo.angles[qi]! + 256) & 255) * ANGLE_BINS) >> 8;
  for (const [qi, ri] of pairs) bins[binOf(qi, ri)]!++;
  let best = 0;
  let bestSum = -1;
  for (let start = 0; start < ANGLE_BINS; start++) {
    let sum = 0;
    for (let k = 0; k < width; k++) sum += bins[(start + k) % ANGLE_BINS]!;
    if (sum > bestSum) {
      bestSum = sum;
      best = start;
    }
  }
  return pairs.filter(([qi, ri]) => (binOf(qi, ri) - best + ANGLE_BINS) % ANGLE_BINS < width);
}
