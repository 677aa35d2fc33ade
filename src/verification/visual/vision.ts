/**
 * The two engines the visual matcher runs on, loaded once per process: OpenCV.js (features, homography,
 * warps) and the WebAssembly Hamming k-NN (descriptor matching).
 */
import { loadHammingKnn, type HammingKnn } from "./hamming-knn.ts";
import { loadOpenCv, type Cv } from "./opencv.ts";

export interface Vision {
  cv: Cv;
  knn: HammingKnn;
}

let loading: Promise<Vision> | undefined;

export function loadVision(): Promise<Vision> {
  loading ??= Promise.all([loadOpenCv(), loadHammingKnn()]).then(([{ cv }, knn]) => ({ cv, knn }));
  return loading;
}
