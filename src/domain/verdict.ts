/**
 * Verification signals and the verdict rule table. Pure: the verification module computes signals,
 * this file decides. Every reason is a machine-readable code rendered in the reader's language.
 */

export type LocationSignal =
  | { status: "within"; source: "live" | "pin" | "exif"; distanceM: number; accuracyM?: number }
  | { status: "outside"; source: "live" | "pin" | "exif"; distanceM: number; accuracyM?: number }
  /**
   * A venue, forwarded, or sent through a bot (inline bots can post any point): it says where something
   * is, not where the traveller is.
   */
  | { status: "not_counted"; why: "forwarded" | "venue" | "via_bot" }
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

/** The matcher's opinions, in the order it asks them: ORB, the AKAZE second opinion, the learned (XFeat) third. */
export type VisualDetector = "orb" | "akaze" | "xfeat";

export type VisualSignal =
  | { status: "not_evaluated" }
  /** `detector`: whose evidence decided. */
  | { status: "match"; score: number; reference?: string; inliers?: number; detector?: VisualDetector }
  | {
      status: "no_match";
      score: number;
      inliers?: number;
      reference?: string;
      /** Set when the photo is a cropped or padded copy of this reference (stage-2 replay check). */
      replayOf?: string;
      correlation?: number;
      /**
       * The photo is a night view and none of the landmark's references is (domain/light.ts): the family
       * is told why it may not have been recognised, instead of "it may show another place".
       */
      dark?: true;
    }
  | { status: "other_landmark"; landmarkId: string; score: number; reference?: string; inliers?: number };

/**
 * The photo's own GPS (EXIF, files only) against the location the traveller sent. A camera's fix and a
 * phone's location taken together at the same place are never kilometres apart.
 */
export type PhotoGpsSignal =
  | { status: "not_compared" }
  | { status: "agrees"; distanceM: number }
  | { status: "contradicts"; distanceM: number };

export interface Signals {
  photoForwarded: boolean;
  /** Absent in signals recorded before the comparison existed: not compared. */
  photoGps?: PhotoGpsSignal;
  location: LocationSignal;
  captureTime: CaptureTimeSignal;
  replay: ReplaySignal;
  visual: VisualSignal;
}

/**
 * - verified: the photo shows the place and the location is within its radius.
 * - partial: nothing speaks against the arrival, but not everything could be confirmed.
 * - needs_attention: signals contradict each other; never an arrival, the family is told what could
 *   not be confirmed.
 * - not_verified: the photo is not new (forwarded or replayed) or the traveller is not there; the
 *   family is not told.
 */
export type VerdictStatus = "verified" | "partial" | "needs_attention" | "not_verified";

export type ReasonCode =
  | "photo_forwarded"
  | "photo_replay_reference"
  | "photo_replay_earlier"
  | "photo_original"
  | "location_within"
  | "location_outside"
  | "location_forwarded"
  | "location_venue"
  | "location_via_bot"
  | "photo_gps_agrees"
  | "photo_gps_contradicts"
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
  /**
   * Rounded numbers only (metres, minutes, landmark id), the location's source (live, pin, exif) and an
   * unrecognised photo's light (night, when the references are all daylight views); never coordinates.
   */
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
      return { code: s.why === "forwarded" ? "location_forwarded" : s.why === "venue" ? "location_venue" : "location_via_bot", ok: false };
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
      return s.dark ? { code: "visual_no_match", ok: false, vars: { light: "night" } } : { code: "visual_no_match", ok: false };
    case "other_landmark":
      return { code: "visual_other_landmark", ok: false, vars: { landmark: s.landmarkId } };
    case "not_evaluated":
      return { code: "visual_not_evaluated", ok: false };
  }
}

function photoGpsReason(s: PhotoGpsSignal | undefined): Reason | undefined {
  if (!s || s.status === "not_compared") return undefined;
  const vars = { distance: Math.round(s.distanceM) };
  return s.status === "agrees" ? { code: "photo_gps_agrees", ok: true, vars } : { code: "photo_gps_contradicts", ok: false, vars };
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

/** Signals that contradict a claimed arrival: each one alone makes the check-in need attention. */
function contradicts(s: Signals): boolean {
  return (
    s.photoGps?.status === "contradicts" ||
    s.location.status === "not_counted" ||
    s.captureTime.status === "stale" ||
    s.captureTime.status === "future" ||
    s.visual.status === "other_landmark"
  );
}

/**
 * The rule table, strictest first (docs/verification.md states it in plain words):
 * 1. A forwarded or replayed photo: not verified (it is not a new photo; the family is not told).
 * 2. Contradicting signals (the photo's GPS far from the location sent, an old or future capture time,
 *    the photo showing another catalog landmark, a forwarded/venue/bot location): needs attention,
 *    never an arrival, whatever else checked out.
 * 3. No usable location, or a location outside the radius: not verified.
 * 4. Location within the radius and the photo visually matches the landmark: verified.
 * 5. Location within the radius but the photo could not be matched visually: partial. "Not recognised"
 *    is not evidence of absence: the matcher never accepts a wrong place, but misses some right ones
 *    (night, other side, close-ups), so an unrecognised photo is partial and the family is told so.
 * Reasons come out with what could NOT be confirmed first, in the order of the rules above.
 */
export function decideVerdict(s: Signals): Verdict {
  const reasons = [
    photoGpsReason(s.photoGps),
    visualReason(s.visual),
    locationReason(s.location),
    captureReason(s.captureTime),
    replayReason(s.replay, s.photoForwarded),
  ].filter((r): r is Reason => r !== undefined);
  // Stable: the not-ok reasons first, each group in rule order.
  reasons.sort((a, b) => Number(a.ok) - Number(b.ok));
  return { status: status(s), reasons };
}

function status(s: Signals): VerdictStatus {
  if (s.photoForwarded || s.replay.status !== "original") return "not_verified";
  if (contradicts(s)) return "needs_attention";
  if (s.location.status !== "within") return "not_verified";
  return s.visual.status === "match" ? "verified" : "partial";
}

/** How much an accepted verdict proves, for upgrades: a later check-in replaces an earlier one only when it proves more. */
export function verdictStrength(v: Verdict): number {
  if (v.status === "verified") return 3;
  if (v.status !== "partial") return 0;
  return v.reasons.some((r) => r.code === "location_within" && r.vars?.source === "live") ? 2 : 1;
}
