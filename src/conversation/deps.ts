import type { Logger } from "pino";
import type { Config } from "../config.ts";
import type { I18n } from "../i18n/i18n.ts";
import type { JobProducer } from "../ports/jobs.ts";
import type { CheckinRepository } from "../store/checkin-repository.ts";
import type { ContactRepository } from "../store/contact-repository.ts";
import type { ConversationStateStore } from "../store/conversation-state.ts";
import type { LandmarkRepository } from "../store/landmark-repository.ts";
import type { MediaStore } from "../store/media-store.ts";
import type { PersonRepository } from "../store/person-repository.ts";
import type { RateLimiter } from "../store/rate-limiter.ts";
import type { TripRepository } from "../store/trip-repository.ts";
import type { PhotoLimits } from "../verification/contracts.ts";
import type { WordStore } from "../store/word-store.ts";
import type { InviteLinks, Messenger } from "../ports/messaging.ts";
import type { TripLifecycle } from "../ports/trips.ts";

/** Everything the conversation core reaches; built once per process by the app container. */
export interface ConversationDeps {
  persons: PersonRepository;
  contacts: ContactRepository;
  trips: TripRepository;
  checkins: CheckinRepository;
  media: MediaStore;
  states: ConversationStateStore;
  rates: RateLimiter;
  landmarks: LandmarkRepository;
  words: WordStore;
  lifecycle: TripLifecycle;
  queues: Pick<JobProducer, "verify" | "photoCheck" | "removeForCheckins">;
  messenger: Messenger;
  inviteLinks: InviteLinks;
  i18n: I18n;
  log: Logger;
  photoLimits: PhotoLimits;
  config: Pick<Config, "RETENTION" | "CHECKIN_PAIR_WINDOW" | "INVITE_TTL" | "INVITE_RATE_PER_HOUR" | "REDEEM_RATE_PER_HOUR" | "EXTEND_CAP" | "NGO_NAME" | "MESSAGE_RATE_PER_MINUTE" | "PHOTO_RATE_PER_HOUR" | "PHOTO_CHECK_RATE_PER_HOUR">;
  now(): Date;
}
