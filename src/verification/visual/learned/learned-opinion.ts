/**
 * The matcher's third opinion: XFeat features (xfeat.ts) matched by LighterGlue (lighterglue.ts), then the
 * same homography check as ORB's and AKAZE's. It survives light and season changes that both binary
 * detectors lose (bench/verification.md, "Learned features"), at ~100 ms per photo and ~25 ms per reference
 * on one core, so it runs only when ORB and AKAZE did not recognise the planned landmark (or, in identification,
 * any candidate), and verify workers ask it only with VERIFY_LEARNED_MAX_WAIT_MS set.
 * The runtime (onnxruntime-node) loads on first use, once per thread; where it cannot load, the matcher
 * goes on without this opinion rather than fail a check-in.
 */
import type { DecodedPhoto } from "../../contracts.ts";
import type { Cv } from "../opencv.ts";
import { strongest, type LearnedFeatures } from "./learned-features.ts";
import { gluedGeometry, LighterGlue, type GlueMatches } from "./lighterglue.ts";
import { XFeatExtractor } from "./xfeat.ts";

/**
 * Keypoints per photo and per reference. LighterGlue's attention grows with the product of the two counts:
 * 512 costs a third of 1024 per reference, and on the calibration data it keeps the unrelated pairs lower.
 */
export const LEARNED_KEYPOINTS = 512;

export class LearnedOpinion {
  private constructor(
    private readonly xfeat: XFeatExtractor,
    private readonly glue: LighterGlue,
  ) {}

  /** Both models, each on a one-thread pool. */
  static async load(): Promise<LearnedOpinion> {
    const [xfeat, glue] = await Promise.all([XFeatExtractor.load(1), LighterGlue.load(1)]);
    return new LearnedOpinion(xfeat, glue);
  }

  features(photo: Pick<DecodedPhoto, "grey" | "width" | "height">, keypoints = LEARNED_KEYPOINTS): Promise<LearnedFeatures> {
    return this.xfeat.extract(photo, keypoints);
  }

  /** LighterGlue's mutual matches with their scores, photo against one reference (both within the budget). */
  matches(photo: LearnedFeatures, reference: LearnedFeatures): Promise<GlueMatches> {
    return this.glue.match(strongest(photo, LEARNED_KEYPOINTS), strongest(reference, LEARNED_KEYPOINTS));
  }

  /** Homography inliers among LighterGlue's matches scoring above `cut`, photo against one reference. */
  async inliers(cv: Cv, photo: LearnedFeatures, reference: LearnedFeatures, cut: number): Promise<number> {
    const a = strongest(photo, LEARNED_KEYPOINTS);
    const b = strongest(reference, LEARNED_KEYPOINTS);
    return gluedGeometry(cv, a, b, await this.glue.match(a, b), cut).inliers;
  }
}

let loading: Promise<LearnedOpinion | undefined> | undefined;
let loadError: Error | undefined;

/**
 * This thread's learned opinion, loaded once; undefined when the runtime or a model cannot load (then
 * `learnedOpinionError` says why).
 */
export function loadLearnedOpinion(): Promise<LearnedOpinion | undefined> {
  loading ??= LearnedOpinion.load().catch((err: unknown) => {
    loadError = err instanceof Error ? err : new Error(String(err));
    return undefined;
  });
  return loading;
}

export function learnedOpinionError(): Error | undefined {
  return loadError;
}
