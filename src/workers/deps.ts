import type { Logger } from "pino";
import type { Messenger } from "../ports/messaging.ts";
import type { TripLifecycle } from "../ports/trips.ts";
import type { ChatAddress } from "../domain/identity.ts";
import type { I18n } from "../i18n/i18n.ts";
import type { JobProducer } from "../ports/jobs.ts";
import type { CheckinRepository } from "../store/checkin-repository.ts";
import type { ContactRepository } from "../store/contact-repository.ts";
import type { LandmarkRepository } from "../store/landmark-repository.ts";
import type { MediaStore } from "../store/media-store.ts";
import type { NgoAlertRepository } from "../store/ngo-alert-repository.ts";
import type { PersonRepository } from "../store/person-repository.ts";
import type { SentMarkers } from "../store/sent-markers.ts";
import type { TripRepository } from "../store/trip-repository.ts";
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
  persons: PersonRepository;
  contacts: ContactRepository;
  trips: TripRepository;
  checkins: CheckinRepository;
  media: MediaStore;
  landmarks: LandmarkRepository;
  submissions: SubmissionIndex;
  ngoAlerts: NgoAlertRepository;
  sent: SentMarkers;
  lifecycle: TripLifecycle;
  verifier: Verifier;
  queues: Pick<JobProducer, "notify" | "alert" | "ngo">;
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
