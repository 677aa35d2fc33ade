import type { Logger } from "pino";
import type { Messenger } from "../ports/messaging.ts";
import type { TripLifecycle } from "../ports/trips.ts";
import type { ChatAddress } from "../domain/identity.ts";
import type { I18n } from "../i18n/i18n.ts";
import type { JobProducer } from "../ports/jobs.ts";
import type { CheckinStore, ContactStore, DeadlineFiring, DeadlineTimerStore, LandmarkStore, MediaStore, NgoAlertStore, PersonStore, SentMarkers, TripStore } from "../ports/stores.ts";
import type { ConfirmationSigner } from "../proof/confirmation-signer.ts";
import type { PhotoChecker } from "../verification/photo-check.ts";
import type { SubmissionIndex, Verifier } from "../verification/contracts.ts";

/** The deployment's NGO, when one is configured. */
export interface NgoSettings {
  name: string;
  dutyChat?: ChatAddress;
  webhook?: { url: string; secret: string };
}

export interface WorkerDeps {
  persons: PersonStore;
  contacts: ContactStore;
  trips: TripStore;
  checkins: CheckinStore;
  media: MediaStore;
  landmarks: LandmarkStore;
  submissions: SubmissionIndex;
  ngoAlerts: NgoAlertStore;
  sent: SentMarkers;
  /** A deadline firing's Redis work, in as few script calls as the firings under way can share. */
  firing: DeadlineFiring;
  /** Where a firing moves a deadline whose stage is not due yet, or drops one whose trip changed. */
  timers: Pick<DeadlineTimerStore, "remove" | "reschedule">;
  lifecycle: TripLifecycle;
  verifier: Verifier;
  queues: Pick<JobProducer, "notify" | "alert" | "ngo" | "verifyLoad">;
  messenger: Messenger;
  i18n: I18n;
  log: Logger;
  ngo?: NgoSettings;
  operatorChat?: ChatAddress;
  /** Signs the family's arrival confirmations (a link or code anyone can check); unsigned when absent. */
  confirmations?: ConfirmationSigner;
  /** The families' photo check (catalog only, never submissions); photo-check jobs are not taken without it. */
  photoChecker?: PhotoChecker;
  now(): Date;
}
