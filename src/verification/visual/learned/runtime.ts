/**
 * The learned models' runtime: onnxruntime-node's CPU execution provider (its npm package carries the
 * library; `.npmrc` stops its install script from fetching CUDA builds). The models are committed beside
 * this file (models/README.md: sources, licences, checksums); nothing is downloaded.
 */
import path from "node:path";
import ort from "onnxruntime-node";

const MODELS_DIR = path.join(import.meta.dirname, "models");

/** A model's session; `threads` is its intra-op pool: 1 in a matcher thread, which is one core's worth of work. */
export function loadModel(file: string, threads: number): Promise<ort.InferenceSession> {
  return ort.InferenceSession.create(path.join(MODELS_DIR, file), { intraOpNumThreads: threads, interOpNumThreads: 1, graphOptimizationLevel: "all" });
}

export { ort };
