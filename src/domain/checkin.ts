/**
 * A check-in as it is recorded: the photo and location it was made of (held only until verification), and
 * the verdict. Kept by store/checkin-repository.ts; read by the conversation and the verify worker.
 */
import type { CheckinStatus } from "./person.ts";
import type { Verdict } from "./verdict.ts";
import type { LocationReport } from "./location-report.ts";

export interface PendingPhoto {
  mediaId: string;
  asFile: boolean;
  forwarded: boolean;
  at: Date;
}

export interface PendingLocation extends LocationReport {
  at: Date;
}

export interface Checkin {
  id: string;
  travellerId: string;
  tripId: string;
  landmarkId: string;
  status: CheckinStatus;
  photo: PendingPhoto;
  /** Held only until verification; removed with the photo. */
  location?: PendingLocation;
  createdAt: Date;
  verdict?: Verdict;
  rejection?: string;
  cleanMediaId?: string;
  /** The photo's perceptual hash, once verified: entered in the replay index after the verdict is recorded. */
  phash?: string;
  /** Checked in with the duress word: the traveller sees a normal result, the family a warning. */
  duress?: boolean;
  /** This check-in tries to upgrade that earlier partial one: the family hears only if it proves more. */
  upgradeOf?: string;
  /** How much the check-in it upgrades proved (verdictStrength). */
  baseline?: number;
  /** The photo was already checked for replay (it is an earlier check-in's own photo, now with a live location). */
  replayChecked?: boolean;
}

/** What a further photo or live location completes to upgrade a partial check-in. */
export interface UpgradeOffer {
  checkinId: string;
  tripId: string;
  landmarkId: string;
  photo: PendingPhoto;
  location: PendingLocation;
  /** What the family was told so far proves this much (verdictStrength). */
  strength: number;
}
