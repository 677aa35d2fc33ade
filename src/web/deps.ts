import type { Queue } from "bullmq";
import type { Logger } from "pino";
import type { Config } from "../config.ts";
import type { I18n } from "../i18n/i18n.ts";
import type { Metrics } from "../metrics.ts";
import type { ProofKeys } from "../proof/proof-keys.ts";
import type { KeyRing } from "../store/key-ring.ts";
import type { Keys } from "../store/keys.ts";
import type { LandmarkRepository } from "../store/landmark-repository.ts";
import type { NgoAlertRepository } from "../store/ngo-alert-repository.ts";
import type { PersonRepository } from "../store/person-repository.ts";
import type { RateLimiter } from "../store/rate-limiter.ts";
import type { RedisClient } from "../store/redis.ts";
import type { TripRepository } from "../store/trip-repository.ts";
import type { Verifier } from "../verification/contracts.ts";

/**
 * What the web role reaches (health, metrics, dashboard, proof page): built once by the app container
 * (App.webDeps), so that the web layer depends on these services and not on the container itself.
 */
export interface WebDeps {
  config: Config;
  log: Logger;
  redis: RedisClient;
  keys: Keys;
  /** Seals the staff's TOTP secrets (APP_KEY, APP_KEY_PREVIOUS during a rotation). */
  keyRing: KeyRing;
  metrics: Metrics;
  proofKeys: ProofKeys;
  /** Every BullMQ queue, for readiness, the queue board and the admin page's counts. */
  queues: Queue[];
  persons: PersonRepository;
  trips: TripRepository;
  landmarks: LandmarkRepository;
  ngoAlerts: NgoAlertRepository;
  rates: RateLimiter;
  i18n: I18n;
  /** The check-in verifier, for the dashboard's try-a-photo against a landmark's references. */
  verifier: Verifier;
  /** True while this process's matcher threads still load their vision engine (MATCHER_WARM_START): not ready yet. */
  warming?: () => boolean;
  now(): Date;
}
