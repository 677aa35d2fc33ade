/**
 * The engines the visual matcher runs on, loaded once per process and engine: OpenCV.js (homography, warps,
 * and features when there is no native build), the native build (native-vision.ts: features and the k-NN)
 * when it loads, else the WebAssembly Hamming k-NN.
 */
import { loadHammingKnn, type HammingKnn, type Knn2 } from "./hamming-knn.ts";
import { resolveNativeVision, visionEngine, type NativeVisionAddon, type VisionEngine } from "./native-vision.ts";
import { loadOpenCv, type Cv } from "./opencv.ts";

export interface Vision {
  cv: Cv;
  knn: HammingKnn;
  /** Features come from here when set (features.ts), else from OpenCV.js. */
  native?: NativeVisionAddon;
}

const loading = new Map<VisionEngine, Promise<Vision>>();

/** The engines for `engine`, by default the process's (setVisionEngine). */
export function loadVision(engine: VisionEngine = visionEngine()): Promise<Vision> {
  let vision = loading.get(engine);
  if (!vision) {
    vision = (async () => {
      const native = resolveNativeVision(engine);
      const [{ cv }, knn] = await Promise.all([loadOpenCv(), native ? nativeKnn(native) : loadHammingKnn()]);
      return native ? { cv, knn, native } : { cv, knn };
    })();
    loading.set(engine, vision);
  }
  return vision;
}

/** The native k-NN behind the HammingKnn face: the same answers as hamming-knn.wat. */
export function nativeKnn(native: NativeVisionAddon): HammingKnn {
  return {
    knn2(query, train, bytes = 32): Knn2 {
      const nq = Math.floor(query.length / bytes);
      const out: Knn2 = { index: new Int32Array(nq), best: new Int32Array(nq), second: new Int32Array(nq) };
      native.knn2(query.subarray(0, nq * bytes), train, bytes, out.index, out.best, out.second);
      return out;
    },
  };
}
