/**
 * Verification signals and the verdict rule table. Pure: the verification module computes signals,
 * this file decides. Every reason is a machine-readable code rendered in the reader's language.
 */

export type LocationSignal =
  | { status: "within"; source: "live" | "pin" | "exif"; distanceM: number; accuracyM?: number }
  | { status: "outside"; source: "live" | "pin" | "exif"; distanceM: number; accuracyM?: number }
  /** A venue or forwarded location: it says where something is, not where the traveller is. */
  | { status: "not_counted"; why: "forwarded" | "venue" }
  | { status: "missing" };

export type CaptureTimeSignal =
  | { status: "fresh"; ageMs: number }
  | { status: "stale"; ageMs: number }
  /** The EXIF time lies in the future beyond clock-skew tolerance: edited or a wrong camera clock. */
  | { status: "future" }
  | { status: "missing" };

export type ReplaySignal =
  | { status: "original" }
  /** Within `distance` bits of a reference's hash, or (stage 2, crops and screenshots) its pixels line up: `correlation`. */
  | { status: "reference"; distance: number; of?: string; correlation?: number }
  | { status: "earlier_submission"; distance: number };

export type VisualSignal =
  | { status: "not_evaluated" }
  /** `detector`: whose evidence decided (the first detector, or the second opinion). */
  | { status: "match"; score: number; reference?: string; inliers?: number; detector?: "orb" | "akaze" }
  | {
      status: "no_match";
      score: number;
      inliers?: number;
      reference?: string;
      /** Set when the photo is a cropped or padded copy of this reference (stage-2 replay check). */
      replayOf?: string;
      correlation?: number;
    }
  | { status: "other_landmark"; landmarkId: string; score: number; reference?: string; inliers?: number };

export interface Signals {
  photoForwarded: boolean;
  location: LocationSignal;
  captureTime: CaptureTimeSignal;
  replay: ReplaySignal;
  visual: VisualSignal;
}

export type VerdictStatus = "verified" | "partial" | "not_verified";

export type ReasonCode =
  | "photo_forwarded"
  | "photo_replay_reference"
  | "photo_replay_earlier"
  | "photo_original"
  | "location_within"
  | "location_outside"
  | "location_forwarded"
  | "location_venue"
  | "location_missing"
  | "capture_time_fresh"
  | "capture_time_stale"
  | "capture_time_future"
  | "capture_time_missing"
  | "visual_match"
  | "visual_no_match"
  | "visual_other_landmark"
  | "visual_not_evaluated";

export interface Reason {
  code: ReasonCode;
  /** Whether this reason speaks for (true) or against/without (false) the arrival. */
  ok: boolean;
  /** Rounded numbers only (metres, minutes, landmark id); never coordinates. */
  vars?: Record<string, string | number>;
}

export interface Verdict {
  status: VerdictStatus;
  reasons: Reason[];
}

function locationReason(s: LocationSignal): Reason {
  switch (s.status) {
    case "within":
      return { code: "location_within", ok: true, vars: { distance: Math.round(s.distanceM), source: s.source } };
    case "outside":
      return { code: "location_outside", ok: false, vars: { distance: Math.round(s.distanceM), source: s.source } };
    case "not_counted":
      return { code: s.why === "forwarded" ? "location_forwarded" : "location_venue", ok: false };
    case "missing":
      return { code: "location_missing", ok: false };
  }
}

function captureReason(s: CaptureTimeSignal): Reason {
  switch (s.status) {
    case "fresh":
      return { code: "capture_time_fresh", ok: true, vars: { minutes: Math.round(s.ageMs / 60_000) } };
    case "stale":
      return { code: "capture_time_stale", ok: false, vars: { minutes: Math.round(s.ageMs / 60_000) } };
    case "future":
      return { code: "capture_time_future", ok: false };
    case "missing":
      return { code: "capture_time_missing", ok: false };
  }
}

function visualReason(s: VisualSignal): Reason {
  switch (s.status) {
    case "match":
      return { code: "visual_match", ok: true };
    case "no_match":
      return { code: "visual_no_match", ok: false };
    case "other_landmark":
      return { code: "visual_other_landmark", ok: false, vars: { landmark: s.landmarkId } };
    case "not_evaluated":
      return { code: "visual_not_evaluated", ok: false };
  }
}

function replayReason(s: ReplaySignal, forwarded: boolean): Reason {
  if (forwarded) return { code: "photo_forwarded", ok: false };
  switch (s.status) {
    case "reference":
      return { code: "photo_replay_reference", ok: false };
    case "earlier_submission":
      return { code: "photo_replay_earlier", ok: false };
    case "original":
      return { code: "photo_original", ok: true };
  }
}

/**
 * The rule table, strictest first:
 * 1. A forwarded or replayed photo, a location outside the radius, no usable location, a stale or
 *    future capture time, or a photo of something else: not verified.
 * 2. Location within the radius and the photo visually matches the landmark: verified.
 * 3. Location within the radius but the photo could not be matched visually: partial (the family is
 *    told exactly what was and was not checked). "Not recognised" is not evidence of absence: the
 *    matcher never accepts a wrong place, but misses some right ones (night, other side, close-ups),
 *    so an unrecognised photo is partial and the traveller is asked for another one.
 */
export function decideVerdict(s: Signals): Verdict {
  const reasons = [
    visualReason(s.visual),
    locationReason(s.location),
    captureReason(s.captureTime),
    replayReason(s.replay, s.photoForwarded),
  ];
  const blocking =
    s.photoForwarded ||
    s.replay.status !== "original" ||
    s.location.status !== "within" ||
    s.captureTime.status === "stale" ||
    s.captureTime.status === "future" ||
    s.visual.status === "other_landmark";
  if (blocking) return { status: "not_verified", reasons };
  if (s.visual.status === "match") return { status: "verified", reasons };
  return { status: "partial", reasons };
}
