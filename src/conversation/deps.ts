import type { Logger } from "pino";
import type { Config } from "../config.ts";
import type { I18n } from "../i18n/i18n.ts";
import type { JobProducer } from "../ports/jobs.ts";
import type {
  CheckinStore, ContactStore, DialogueStateStore, LandmarkStore, MediaStore, PersonStore, RateLimits, TripStore, WordStore,
} from "../ports/stores.ts";
import type { PhotoLimits } from "../verification/contracts.ts";
import type { InviteLinks, Messenger } from "../ports/messaging.ts";
import type { TripLifecycle } from "../ports/trips.ts";

/** Everything the conversation core reaches; built once per process by the app container. The stores are the ports' shapes (ports/stores.ts). */
export interface ConversationDeps {
  persons: PersonStore;
  contacts: ContactStore;
  trips: TripStore;
  checkins: CheckinStore;
  media: MediaStore;
  states: DialogueStateStore;
  rates: RateLimits;
  landmarks: LandmarkStore;
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
