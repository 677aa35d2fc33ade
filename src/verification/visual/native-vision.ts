/**
 * The native visual matcher (native/vision.cc, built by `npm run build:vision` against the system's OpenCV):
 * ORB and AKAZE extraction and the Hamming 2-NN search, 2.5-4x cheaper than OpenCV.js and the WebAssembly
 * k-NN, which lack SIMD (docs/verification.md, "Native OpenCV"). Optional: where it was not built, or its
 * libraries are missing, the matcher runs OpenCV.js, which computes the same features (the same keypoints;
 * ~97% of descriptors bit-identical, the rest a bit or two apart, from OpenCV's SIMD blur) and the same k-NN.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

/** Raw output of one extraction: keypoints as [x, y, angle, response] per point, descriptors row by row. */
export interface NativeFeatures {
  width: number;
  height: number;
  count: number;
  keypoints: Float32Array;
  descriptors: Uint8Array;
  /** Bytes per descriptor: 32 (ORB), 61 (AKAZE). */
  descriptorBytes: number;
}

/** Raw SIFT output: keypoints as in NativeFeatures, descriptors `dims` (128) float32 per keypoint, plain SIFT. */
export interface NativeFloatFeatures {
  width: number;
  height: number;
  count: number;
  dims: number;
  keypoints: Float32Array;
  descriptors: Float32Array;
}

export interface NativeVisionAddon {
  opencvVersion: string;
  orb(grey: Uint8Array, width: number, height: number, outWidth: number, outHeight: number, maxFeatures: number, clahe: boolean): NativeFeatures;
  akaze(grey: Uint8Array, width: number, height: number, outWidth: number, outHeight: number, threshold: number, nOctaves: number, nOctaveLayers: number): NativeFeatures;
  knn2(query: Uint8Array, train: Uint8Array, bytes: 32 | 64, index: Int32Array, best: Int32Array, second: Int32Array): void;
  /** pdq.ts's DCT coefficients (block average, Jarosz filter, 64x64 samples, 16x16 DCT), bit-identical to its JS path. */
  pdqDct(grey: Uint8Array, width: number, height: number, factor: number, basis: Float64Array, out: Float64Array): void;
  /** OpenCV's SIFT, the strongest maxFeatures keypoints (an experiment: bench/verify.ts, "RootSIFT"). */
  sift(grey: Uint8Array, width: number, height: number, outWidth: number, outHeight: number, maxFeatures: number): NativeFloatFeatures;
  /** Exact L2 2-NN: Euclidean distances (not squared); no train row gives index -1 and Infinity. */
  knnL2(query: Float32Array, train: Float32Array, dims: number, index: Int32Array, best: Float32Array, second: Float32Array): void;
}

/** Which engine computes features and matches: the native build when it loads (auto), or one forced. */
export type VisionEngine = "auto" | "native" | "wasm";
export const VISION_ENGINES = ["auto", "native", "wasm"] as const satisfies readonly VisionEngine[];

export type NativeVisionStatus = { loaded: true; addon: NativeVisionAddon } | { loaded: false; reason: string };

// The build sits next to the sources (src/ under tsx, dist/ after `npm run build` copies it).
const ADDON = fileURLToPath(new URL("./native/build/Release/safe_arrival_vision.node", import.meta.url));

let status: NativeVisionStatus | undefined;
let processEngine: VisionEngine = "auto";

/** The engine this process (and each matcher thread, told by its parent) uses unless a caller names one: config VISION_ENGINE. */
export function setVisionEngine(engine: VisionEngine): void {
  processEngine = engine;
}

export function visionEngine(): VisionEngine {
  return processEngine;
}

/** Loads the native build once per thread; says why not when it cannot. */
export function nativeVision(): NativeVisionStatus {
  if (status) return status;
  if (!existsSync(ADDON)) return (status = { loaded: false, reason: "not built (npm run build:vision)" });
  try {
    status = { loaded: true, addon: createRequire(import.meta.url)(ADDON) as NativeVisionAddon };
  } catch (err) {
    // Typically a missing libopencv_*.so.406: the first line names it.
    status = { loaded: false, reason: (err instanceof Error ? err.message : String(err)).split("\n")[0]!.slice(0, 200) };
  }
  return status;
}

/** The addon for `engine`, or undefined for OpenCV.js; "native" when it cannot load is an error. */
export function resolveNativeVision(engine: VisionEngine): NativeVisionAddon | undefined {
  if (engine === "wasm") return undefined;
  const s = nativeVision();
  if (s.loaded) return s.addon;
  if (engine === "native") throw new Error(`native vision requested but unavailable: ${s.reason}`);
  return undefined;
}

/** One line for the start-up log: which engine the matcher runs on. */
export function describeVisionEngine(engine: VisionEngine): string {
  if (engine === "wasm") return "OpenCV.js (VISION_ENGINE=wasm)";
  const s = nativeVision();
  return s.loaded ? `native OpenCV ${s.addon.opencvVersion}` : `OpenCV.js (native build: ${s.reason})`;
}
