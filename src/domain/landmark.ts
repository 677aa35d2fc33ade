import type { Locale } from "./locale.ts";
import type { VisualDetector } from "./verdict.ts";

/** A catalog landmark as described by its landmark.json. */
export interface Landmark {
  id: string;
  /** Display names by language tag; `en` is expected, others optional. */
  names: Record<string, string>;
  lat: number;
  lon: number;
  /** Radius around (lat, lon) within which a location counts as "at the landmark". */
  radiusM: number;
  /** IANA zone used to show local arrival times; derived from coordinates when absent. */
  timeZone: string;
}

/** What the catalog keeps per reference photo: never the photo itself in the service path. */
export interface ReferenceFingerprint {
  file: string;
  /** PDQ-style 256-bit perceptual hash, hex, and its dihedral variants are derived at compare time. */
  phash: string;
  width: number;
  height: number;
  /** ORB keypoints + descriptors computed at import (see src/verification/visual/features.ts), "v1:..." base64. */
  features?: string;
  /** AKAZE keypoints + descriptors, the matcher's second opinion, "a1:..." base64. */
  akaze?: string;
  /** Small greyscale copy for the stage-2 replay check, "g1:..." base64. */
  thumb?: string;
  /** XFeat keypoints + descriptors, the matcher's learned third opinion, "x1:..." base64. */
  learned?: string;
  /** What the import found wrong with this reference, for the curators; empty when it is fine. */
  quality?: ReferenceQuality;
}

export type ReferenceIssue = "few_features" | "blurry" | "near_duplicate" | "small";

export interface ReferenceQuality {
  issues: ReferenceIssue[];
  featureCount: number;
  /** Variance of the Laplacian on the 800 px copy: low means blurred or featureless. */
  sharpness: number;
  /** The other reference it nearly duplicates, with the PDQ distance. */
  duplicateOf?: { file: string; distance: number };
  /** Hour of capture by the camera's clock (EXIF), when the photo said: tells night views apart. */
  capturedHour?: number;
}

/** What a landmark's references cover, for its curators (computed by src/landmarks/coverage.ts). */
export type Light = "day" | "night";

export interface ReferenceCoverage {
  file: string;
  /** The other references that match this one (it as the photo, them as references), best first. */
  confirmedBy: Array<{ file: string; inliers: number; detector: VisualDetector }>;
  light: Light;
  /** Mean grey level of the stored thumbnail (0-255). */
  brightness?: number;
  /** EXIF capture hour (camera wall clock), when the photo had one at import. */
  capturedHour?: number;
}

export type CoverageIssue =
  | { code: "no_references" }
  | { code: "few_references"; count: number; min: number }
  /** No other reference confirms this one: a viewpoint covered by a single photo. */
  | { code: "lone_viewpoint"; file: string }
  | { code: "no_night_view" };

export interface LandmarkCoverage {
  references: ReferenceCoverage[];
  /** Groups of references that confirm each other (directly or through another): one per viewpoint. */
  viewpoints: string[][];
  issues: CoverageIssue[];
}

export function landmarkName(landmark: Pick<Landmark, "id" | "names">, locale: Locale | string): string {
  return landmark.names[locale] ?? landmark.names.en ?? Object.values(landmark.names)[0] ?? landmark.id;
}
