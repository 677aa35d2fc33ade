/**
 * Contracts of the verification module, apart from their implementations. The worker and the verify
 * CLI depend on these; the visual matcher (src/verification/visual/) plugs in behind VisualMatcher.
 */
import type { Landmark, ReferenceFingerprint } from "../domain/landmark.ts";
import type { LocationReport } from "../domain/location-report.ts";
import type { Signals, Verdict, VisualSignal } from "../domain/verdict.ts";

export interface PhotoInput {
  bytes: Buffer;
  /** Sent as a file (document): EXIF survives. A compressed chat photo has none. */
  asFile: boolean;
  forwarded: boolean;
  receivedAt: Date;
}

export interface LocationInput extends LocationReport {
  receivedAt: Date;
}

/** A decoded, EXIF-oriented photo at working size, what matchers and hashes read. */
export interface DecodedPhoto {
  /** 8-bit greyscale pixels, row-major. */
  grey: Buffer;
  width: number;
  height: number;
  /** Size of the original, after orientation. */
  originalWidth: number;
  originalHeight: number;
}

/** How much of the matcher a check-in may use. */
export interface MatchOptions {
  /** false: no learned third opinion (the verify worker has no spare capacity for its costliest stage). */
  learnedOpinion?: boolean;
}

export interface VisualMatcher {
  readonly name: string;
  match(photo: DecodedPhoto, landmark: Landmark, opts?: MatchOptions): Promise<VisualSignal>;
}

/** What the whole catalog says about a photo, with no planned landmark (the families' photo check). */
export interface CatalogIdentification {
  /** The landmark the photo shows, when one matches clearly (never a copy of a reference). */
  landmarkId?: string;
  /** Set when the photo is a (cropped, padded) copy of a catalog reference. */
  replayOf?: { landmarkId: string; file: string };
}

/** A matcher that can also identify a photo across the catalog. */
export interface CatalogIdentifier {
  identify(photo: DecodedPhoto): Promise<CatalogIdentification>;
}

/** Perceptual hashes of earlier submissions, for replay detection across all travellers. */
export interface SubmissionIndex {
  /** The nearest stored hash within maxDistance of any of the given hashes, if any. */
  findNear(hashes: readonly string[], maxDistance: number): Promise<{ distance: number } | undefined>;
  add(hash: string): Promise<void>;
}

export type PhotoRejectionCode = "not_an_image" | "truncated" | "too_many_pixels" | "too_large" | "too_small";

/** A photo that cannot be verified at all; the traveller is told why in their language. */
export class PhotoRejectedError extends Error {
  constructor(readonly code: PhotoRejectionCode) {
    super(`photo rejected: ${code}`);
    this.name = "PhotoRejectedError";
  }
}

export interface ExifFacts {
  captureTime?: Date;
  gps?: { lat: number; lon: number };
  orientation?: number;
}

export interface VerificationInput {
  photo: PhotoInput;
  location?: LocationInput;
  landmark: Landmark;
  references: readonly ReferenceFingerprint[];
  /**
   * These bytes were already checked for replay by an earlier check-in (an upgrade with a live location
   * re-uses its photo): their own hash is in the submission index now and must not count against them.
   */
  replayChecked?: boolean;
  /** Passed to the visual matcher (MatchOptions.learnedOpinion); by default it may ask every opinion. */
  learnedOpinion?: boolean;
}

export interface VerificationOutcome {
  verdict: Verdict;
  signals: Signals;
  /** The photo's perceptual hash (hex), stored for later replay checks when the check-in is accepted. */
  phash: string;
  /** The photo re-encoded as JPEG with no metadata at all, for the family. */
  cleanJpeg: Buffer;
  exif: ExifFacts;
}

/** Verifies one check-in photo; PhotoVerifier is the real one, the verify worker and the dashboard use it. */
export interface Verifier {
  verify(input: VerificationInput): Promise<VerificationOutcome>;
}

export interface PhotoLimits {
  maxBytes: number;
  maxPixels: number;
  minSide: number;
}
