import type { Trip } from "../domain/person.ts";
import type { Keys } from "./keys.ts";
import { LuaScript } from "./lua/lua-script.ts";
import { RECIPIENT_FIELDS, type PersonRepository } from "./person-repository.ts";
import type { RecordKeys } from "./record-keys.ts";
import type { SentMarkers } from "./sent-markers.ts";
import type { DeadlineFiring, FiringStage, FiringState, SendClaim } from "../ports/stores.ts";
import type { TripRepository } from "./trip-repository.ts";
import type { RedisClient } from "./redis.ts";

/** Reads a firing's records and claims the due stage's reminder (see the .lua file). As bytes: the trip's sealed landmark is raw. */
type LoadReply = [trip: Buffer[], person: (Buffer | null)[], dataKey: Buffer | null, claim: Buffer | null, claimedStage: number | null];
export const LOAD_FIRING = new LuaScript<[numberOfKeys: number, ...args: Array<string | number>], LoadReply>(
  "saLoadFiring", new URL("./lua/load-firing.lua", import.meta.url),
);

/**
 * The Redis work of one deadline firing in as few round trips as its crash-safe order allows (see
 * DeadlineProcessor): one script reads the trip, the traveller's recipient fields and (when not cached)
 * their data key, and takes the reminder's send claim; one more marks the reminder sent and advances the
 * stage. A burst of deadlines is bounded by the work per firing, so each command counts.
 */
export class DeadlineFiringStore implements DeadlineFiring {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly recordKeys: RecordKeys,
    private readonly trips: TripRepository,
    private readonly persons: PersonRepository,
    private readonly sent: SentMarkers,
  ) {}

  /**
   * The trip, its traveller, and (when the job's trip is active with its current stage due by `dueBy`) the
   * claim on that stage's reminder, in one round trip. `stages`: the ladder, as this deadline's due times and
   * reminder ids. Release a claim that goes unused.
   */
  async load(job: { travellerId: string; tripId: string; deadline: number }, stages: readonly FiringStage[], dueBy: number): Promise<FiringState> {
    const { travellerId } = job;
    const cached = this.recordKeys.cached(travellerId);
    const tripKey = this.keys.trip(travellerId);
    const markers = stages.map((s) => (s.reminderId ? this.sent.markerOf(s.reminderId).key : tripKey));
    const { claimMs } = this.sent.markerOf("");
    const [flat, personRaw, wrapped, claimRaw, claimedStage] = await LOAD_FIRING.runBuffer<LoadReply>(
      this.redis, 3 + markers.length, tripKey, this.keys.person(travellerId), this.recordKeys.dataKeyOf(travellerId), ...markers,
      cached ? "0" : "1", claimMs, job.tripId, String(job.deadline), dueBy,
      RECIPIENT_FIELDS.length, ...RECIPIENT_FIELDS, ...stages.map((s) => s.dueAt),
    );
    const claim = claimRaw ? (claimRaw.toString("utf8") as SendClaim) : undefined;
    try {
      const tripHash: Record<string, Buffer> = {};
      for (let i = 0; i < flat.length; i += 2) tripHash[flat[i]!.toString("utf8")] = flat[i + 1]!;
      const personFields = personRaw.map((v) => v?.toString("utf8") ?? null);
      if (!tripHash.id && !personFields[0]) return { claim };
      const cipher = cached ?? this.recordKeys.fromWrapped(travellerId, wrapped?.toString("utf8")) ?? (await this.recordKeys.forPerson(travellerId));
      return {
        trip: this.trips.parse(travellerId, tripHash, cipher),
        traveller: this.persons.recipientFrom(travellerId, personFields, cipher),
        claim,
      };
    } catch (err) {
      // Records that cannot be opened now: the retry must not find its own claim in the way.
      const reminderId = claim === "claimed" && claimedStage !== null ? stages[claimedStage]?.reminderId : undefined;
      if (reminderId) await this.sent.release(reminderId).catch(() => undefined);
      throw err;
    }
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
