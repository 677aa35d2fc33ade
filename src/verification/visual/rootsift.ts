/**
 * RootSIFT, an experiment and not part of the shipped matcher (bench/verify.ts, "Experiment, not shipped:
 * RootSIFT"; docs/verification.md): OpenCV's SIFT from the native build, each descriptor L1-normalised and
 * square-rooted (Arandjelović & Zisserman 2012), so that Euclidean distance between them is the Hellinger
 * distance of the original histograms. Matched by the native exact L2 2-NN and then by the same geometry as
 * ORB and AKAZE (pair.ts pairGeometry). Needs the native build: OpenCV.js has no SIFT here.
 */
import type { DecodedPhoto } from "../contracts.ts";
import { quantiseAngle, workingSize } from "./features.ts";
import type { NativeVisionAddon } from "./native-vision.ts";
import { DEFAULT_PAIR_CONFIG, pairGeometry, type NearestTwo, type PairConfig, type PairResult } from "./pair.ts";
import type { Cv } from "./opencv.ts";

export const SIFT_DIMS = 128;

export interface RootSiftConfig {
  /** Long side of the grey copy SIFT runs on. */
  longSide: number;
  /** The strongest this many keypoints (OpenCV's nfeatures). */
  maxFeatures: number;
}

/** Lowe's ratio for SIFT (his paper's 0.8), not tuned on any part of the benchmark. */
export const ROOTSIFT_PAIR_CONFIG: PairConfig = { ...DEFAULT_PAIR_CONFIG, ratio: 0.8 };

export interface RootSiftFeatures {
  width: number;
  height: number;
  count: number;
  xy: Float32Array;
  /** Quantised as Features.angles: degrees x 256 / 360. */
  angles: Uint8Array;
  /** count x 128 RootSIFT values. */
  descriptors: Float32Array;
}

/** In place: each row L1-normalised (a zero row stays zero), then the element-wise square root. */
export function rootSift(descriptors: Float32Array, dims = SIFT_DIMS): Float32Array {
  for (let off = 0; off + dims <= descriptors.length; off += dims) {
    let sum = 0;
    for (let k = 0; k < dims; k++) sum += Math.abs(descriptors[off + k]!);
    const inv = sum > 0 ? 1 / sum : 0;
    for (let k = 0; k < dims; k++) descriptors[off + k] = Math.sqrt(Math.abs(descriptors[off + k]!) * inv);
  }
  return descriptors;
}

export function extractRootSift(native: NativeVisionAddon, photo: Pick<DecodedPhoto, "grey" | "width" | "height">, config: RootSiftConfig): RootSiftFeatures {
  const size = workingSize(photo.width, photo.height, config.longSide);
  const raw = native.sift(photo.grey, photo.width, photo.height, size.width, size.height, config.maxFeatures);
  if (raw.count > 0 && raw.dims !== SIFT_DIMS) throw new Error(`SIFT descriptors of ${raw.dims} dimensions`);
  const xy = new Float32Array(raw.count * 2);
  const angles = new Uint8Array(raw.count);
  for (let i = 0; i < raw.count; i++) {
    xy[2 * i] = raw.keypoints[4 * i]!;
    xy[2 * i + 1] = raw.keypoints[4 * i + 1]!;
    angles[i] = quantiseAngle(raw.keypoints[4 * i + 2]!);
  }
  return { width: raw.width, height: raw.height, count: raw.count, xy, angles, descriptors: rootSift(raw.descriptors) };
}

/** Exact L2 2-NN of each query row among the train rows (Euclidean distances). */
export function knnL2(native: NativeVisionAddon, query: Float32Array, train: Float32Array, dims = SIFT_DIMS): NearestTwo {
  const nq = Math.floor(query.length / dims);
  const out = { index: new Int32Array(nq), best: new Float32Array(nq), second: new Float32Array(nq) };
  native.knnL2(query.subarray(0, nq * dims), train, dims, out.index, out.best, out.second);
  return out;
}

const EMPTY: PairResult = { tentative: 0, inliers: 0, cells: 0, inlierPairs: [] };

/** One photo against one reference: L2 2-NN, then pair.ts's ratio test, rotation filter, homography. */
export function matchRootSift(cv: Cv, native: NativeVisionAddon, photo: RootSiftFeatures, ref: RootSiftFeatures, config: PairConfig = ROOTSIFT_PAIR_CONFIG): PairResult {
  if (photo.count < 8 || ref.count < 8) return EMPTY;
  return pairGeometry(cv, photo, ref, knnL2(native, photo.descriptors, ref.descriptors), config);
}
