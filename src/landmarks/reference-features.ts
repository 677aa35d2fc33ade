/**
 * What the visual matcher needs of each reference photo, computed once at import and stored with the
 * landmark: ORB, AKAZE and XFeat features, a small thumbnail for the stage-2 replay check, and a quality report that
 * tells curators which references will not help (too few features, blurred, a near-duplicate).
 */
import type { ReferenceFingerprint, ReferenceIssue, ReferenceQuality } from "../domain/landmark.ts";
import type { DecodedPhoto } from "../verification/contracts.ts";
import { hamming, REPLAY_MAX_DISTANCE } from "../verification/pdq.ts";
import { encodeFeatures, extractAkazeSync, extractFeaturesSync, greyMat, REFERENCE_FEATURE_CONFIG } from "../verification/visual/features.ts";
import { encodeLearnedFeatures } from "../verification/visual/learned/learned-features.ts";
import { loadLearnedOpinion } from "../verification/visual/learned/learned-opinion.ts";
import { withMats, type Cv, type CvMat } from "../verification/visual/opencv.ts";
import { encodeThumbnail, makeThumbnail } from "../verification/visual/replay-check.ts";
import { loadVision } from "../verification/visual/vision.ts";

/** Fewer features than this and a reference rarely reaches the match threshold (bench/verification.md). */
export const MIN_REFERENCE_FEATURES = 600;
/** Variance of the Laplacian below this on the 800 px copy: visibly blurred or a flat, featureless picture. */
export const MIN_SHARPNESS = 50;
/** Long side of the copy sharpness is measured on (MIN_SHARPNESS was calibrated at this size). */
const SHARPNESS_LONG_SIDE = 800;
/** A reference whose long side is under this loses matches to downscaling. */
export const MIN_REFERENCE_LONG_SIDE = 800;

export interface ReferenceVisualData {
  features: string;
  akaze: string;
  /** Absent where the learned runtime cannot load: the matcher then goes on without its third opinion. */
  learned?: string;
  thumb: string;
  featureCount: number;
  sharpness: number;
}

export async function referenceVisualData(photo: DecodedPhoto): Promise<ReferenceVisualData> {
  const vision = await loadVision();
  const { cv } = vision;
  const f = extractFeaturesSync(vision, photo, REFERENCE_FEATURE_CONFIG);
  const learned = await loadLearnedOpinion();
  return {
    features: encodeFeatures(f),
    akaze: encodeFeatures(extractAkazeSync(vision, photo)),
    ...(learned ? { learned: encodeLearnedFeatures(await learned.features(photo)) } : {}),
    thumb: encodeThumbnail(makeThumbnail(cv, photo)),
    featureCount: f.count,
    sharpness: laplacianVariance(cv, photo),
  };
}

export function laplacianVariance(cv: Cv, photo: Pick<DecodedPhoto, "grey" | "width" | "height">): number {
  return withMats(cv, (track) => {
    const img = track(greyMat(cv, photo, SHARPNESS_LONG_SIDE));
    const lap = track(new cv.Mat() as CvMat);
    cv.Laplacian(img, lap, cv.CV_64F, 1, 1, 0, cv.BORDER_DEFAULT);
    const mean = track(new cv.Mat() as CvMat);
    const std = track(new cv.Mat() as CvMat);
    cv.meanStdDev(lap, mean, std);
    const sd = std.data64F[0]!;
    return Math.round(sd * sd * 10) / 10;
  });
}

/** Fills in each reference's quality report; near-duplicates are judged across the landmark's references. */
export function qualityReports(refs: ReferenceFingerprint[], data: Array<Pick<ReferenceVisualData, "featureCount" | "sharpness">>): ReferenceQuality[] {
  return refs.map((ref, i) => {
    const d = data[i]!;
    const issues: ReferenceIssue[] = [];
    if (d.featureCount < MIN_REFERENCE_FEATURES) issues.push("few_features");
    if (d.sharpness < MIN_SHARPNESS) issues.push("blurry");
    if (Math.max(ref.width, ref.height) < MIN_REFERENCE_LONG_SIDE) issues.push("small");
    let duplicateOf: ReferenceQuality["duplicateOf"];
    refs.forEach((other, j) => {
      if (j === i) return;
      const distance = hamming(ref.phash, other.phash);
      if (distance <= REPLAY_MAX_DISTANCE && (!duplicateOf || distance < duplicateOf.distance)) duplicateOf = { file: other.file, distance };
    });
    if (duplicateOf) issues.push("near_duplicate");
    return { issues, featureCount: d.featureCount, sharpness: d.sharpness, ...(duplicateOf ? { duplicateOf } : {}) };
  });
}
