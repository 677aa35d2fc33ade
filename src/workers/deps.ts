import type { Logger } from "pino";
import type { Messenger } from "../conversation/messages.ts";
import type { I18n } from "../i18n/i18n.ts";
import type { NotifyJob } from "../queues/payloads.ts";
import type { CheckinRepository } from "../store/checkin-repository.ts";
import type { ContactRepository } from "../store/contact-repository.ts";
import type { LandmarkRepository } from "../store/landmark-repository.ts";
import type { MediaStore } from "../store/media-store.ts";
import type { PersonRepository } from "../store/person-repository.ts";
import type { TripRepository } from "../store/trip-repository.ts";
import type { SubmissionIndex, VerificationInput, VerificationOutcome } from "../verification/contracts.ts";

export interface Verifier {
  verify(input: VerificationInput): Promise<VerificationOutcome>;
}

export interface WorkerDeps {
  persons: PersonRepository;
  contacts: ContactRepository;
  trips: TripRepository;
  checkins: CheckinRepository;
  media: MediaStore;
  landmarks: LandmarkRepository;
  submissions: SubmissionIndex;
  verifier: Verifier;
  queues: { notify(jobs: NotifyJob[]): Promise<void> };
  messenger: Messenger;
  i18n: I18n;
  log: Logger;
  now(): Date;
}
