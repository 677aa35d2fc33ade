export * from "./contracts.ts";
export { DEFAULT_PHOTO_LIMITS, cleanJpeg, decodePhoto, inspectPhoto, type PhotoHeader } from "./decode.ts";
export { parseExifDateTime, readExif } from "./exif.ts";
export { REPLAY_MAX_DISTANCE, dihedralHashes, hamming, isPdqHex, pdqHash, phashPhoto } from "./pdq.ts";
export {
  DEFAULT_ACCURACY_CAP_M,
  PHOTO_GPS_CONTRADICTION_MIN_M,
  PHOTO_GPS_CONTRADICTION_RADII,
  locationSignal,
  photoGpsSignal,
  validCoordinates,
  type LocationOptions,
} from "./location.ts";
export { DEFAULT_FRESHNESS_MS, FUTURE_TOLERANCE_MS, captureTimeSignal } from "./capture-time.ts";
export { NotEvaluatedMatcher } from "./not-evaluated-matcher.ts";
export { MemorySubmissionIndex } from "./memory-submission-index.ts";
export { PhotoVerifier, type PhotoVerifierOptions } from "./photo-verifier.ts";
