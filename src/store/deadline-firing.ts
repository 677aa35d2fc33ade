import { readFileSync } from "node:fs";
import type { Trip } from "../domain/person.ts";
import type { Keys } from "./keys.ts";
import { RECIPIENT_FIELDS, type PersonRepository, type Recipient } from "./person-repository.ts";
import type { RecordKeys } from "./record-keys.ts";
import type { RedisClient } from "./redis.ts";
import type { SentMarkers } from "./sent-markers.ts";
import type { SendClaim } from "../ports/stores.ts";
import type { TripRepository } from "./trip-repository.ts";

const LOAD_FIRING = readFileSync(new URL("./lua/load-firing.lua", import.meta.url), "utf8");

interface FiringCommands {
  /** As bytes: the trip's sealed landmark is raw. */
  saLoadFiringBuffer(tripKey: string, personKey: string, dataKey: string, markerKey: string, readDataKey: "1" | "0", claimMs: string, ...fields: string[]): Promise<
    [Buffer[], (Buffer | null)[], Buffer | null, Buffer | null]
  >;
}

/** What a firing reads before it acts. */
export interface FiringState {
  trip?: Trip;
  /** The traveller as a reminder needs them (address and language only). */
  traveller?: Recipient;
  /** The reminder's send claim, when one was asked for. */
  claim?: SendClaim;
}

/**
 * The Redis work of one deadline firing in as few round trips as its crash-safe order allows (see
 * DeadlineProcessor): one script reads the trip, the traveller's recipient fields and (when not cached)
 * their data key, and takes the reminder's send claim; one more marks the reminder sent and advances the
 * stage. A burst of deadlines is bounded by the work per firing, so each command counts.
 */
export class DeadlineFiringStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly recordKeys: RecordKeys,
    private readonly trips: TripRepository,
    private readonly persons: PersonRepository,
    private readonly sent: SentMarkers,
  ) {
    redis.defineCommand("saLoadFiring", { numberOfKeys: 4, lua: LOAD_FIRING });
  }

  /** `reminderId`: the reminder's sent-marker id, claimed in the same round trip (release it if unused). */
  async load(travellerId: string, reminderId?: string): Promise<FiringState> {
    const cached = this.recordKeys.cached(travellerId);
    const marker = reminderId ? this.sent.markerOf(reminderId) : undefined;
    const tripKey = this.keys.trip(travellerId);
    const [flat, personRaw, wrapped, claimRaw] = await (this.redis as unknown as FiringCommands).saLoadFiringBuffer(
      tripKey, this.keys.person(travellerId), this.recordKeys.dataKeyOf(travellerId), marker?.key ?? tripKey,
      cached ? "0" : "1", marker ? String(marker.claimMs) : "", ...RECIPIENT_FIELDS,
    );
    const tripHash: Record<string, Buffer> = {};
    for (let i = 0; i < flat.length; i += 2) tripHash[flat[i]!.toString("utf8")] = flat[i + 1]!;
    const personFields = personRaw.map((v) => v?.toString("utf8") ?? null);
    const claim = claimRaw ? (claimRaw.toString("utf8") as SendClaim) : undefined;
    if (!tripHash.id && !personFields[0]) return { claim };
    const cipher = cached ?? this.recordKeys.fromWrapped(travellerId, wrapped?.toString("utf8")) ?? (await this.recordKeys.forPerson(travellerId));
    return {
      trip: this.trips.parse(travellerId, tripHash, cipher),
      traveller: this.persons.recipientFrom(travellerId, personFields, cipher),
      claim,
    };
  }

  /**
   * Marks the reminder sent (when it was) and advances the trip past `stage`, in one step, in that order.
   * True for the one caller that advanced the stage.
   */
  advance(trip: Trip, stage: number, escalates: boolean, sentReminderId?: string): Promise<boolean> {
    return this.trips.fireStage(trip.travellerId, trip.id, trip.deadline, stage, escalates, sentReminderId ? this.sent.markerOf(sentReminderId) : undefined);
  }

  async releaseClaim(reminderId: string): Promise<void> {
    await this.sent.release(reminderId);
  }
}
