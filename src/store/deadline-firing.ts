import type { Trip } from "../domain/person.ts";
import { Batcher } from "./batcher.ts";
import type { Keys } from "./keys.ts";
import { LuaScript } from "./lua/lua-script.ts";
import { RECIPIENT_FIELDS, type PersonRepository } from "./person-repository.ts";
import type { RecordKeys } from "./record-keys.ts";
import type { SentMarkers } from "./sent-markers.ts";
import type { DeadlineFiring, FiringStage, FiringState, FiringTimer, SendClaim } from "../ports/stores.ts";
import type { StageAdvance, TripRepository } from "./trip-repository.ts";
import type { RedisClient } from "./redis.ts";

/** One firing's records and claim (see the .lua file). As bytes: the trip's sealed landmark is raw. */
type LoadReply = [trip: Buffer[], person: (Buffer | null)[], dataKey: Buffer | null, claim: Buffer | null, claimedStage: number | null];
/** Reads many firings' records and claims their due stages' reminders; a firing's entry is a Buffer when it failed alone. */
export const LOAD_FIRINGS = new LuaScript<[numberOfKeys: number, ...args: Array<string | number>], Array<LoadReply | Buffer>>(
  "saLoadFirings", new URL("./lua/load-firings.lua", import.meta.url),
);

interface LoadRequest {
  job: { travellerId: string; tripId: string; deadline: number };
  stages: readonly FiringStage[];
  dueBy: number;
  /** The person's data key is cached here: the script need not read it. */
  cached: boolean;
}

/**
 * The Redis work of deadline firings in as few round trips as their crash-safe order allows (see
 * DeadlineProcessor): one script reads the trip, the traveller's recipient fields and (when not cached)
 * their data key, and takes the reminder's send claim; one more marks the reminder sent and advances the
 * stage (and moves the deadline's timer). A burst of deadlines is bounded by the work per firing, so the
 * firings under way at once share these scripts: the loads of one event-loop turn go as one call, and so do
 * the advances (Batcher); each firing's step stays as atomic, and its outcome its own, as when alone.
 */
export class DeadlineFiringStore implements DeadlineFiring {
  private readonly loads = new Batcher<LoadRequest, LoadReply>((reqs) => this.loadAll(reqs));
  private readonly advances: Batcher<StageAdvance, boolean>;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly recordKeys: RecordKeys,
    private readonly trips: TripRepository,
    private readonly persons: PersonRepository,
    private readonly sent: SentMarkers,
  ) {
    this.advances = new Batcher((reqs) => this.trips.fireStages(reqs));
  }

  /**
   * The trip, its traveller, and (when the job's trip is active with its current stage due by `dueBy`) the
   * claim on that stage's reminder, in one round trip. `stages`: the ladder, as this deadline's due times and
   * reminder ids. Release a claim that goes unused.
   */
  async load(job: { travellerId: string; tripId: string; deadline: number }, stages: readonly FiringStage[], dueBy: number): Promise<FiringState> {
    const { travellerId } = job;
    const cached = this.recordKeys.cached(travellerId);
    const [flat, personRaw, wrapped, claimRaw, claimedStage] = await this.loads.add({ job, stages, dueBy, cached: cached !== undefined });
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

  private async loadAll(reqs: LoadRequest[]): Promise<Array<LoadReply | Error>> {
    const stageCount = reqs[0]!.stages.length;
    const { claimMs } = this.sent.markerOf("");
    const keys: string[] = [];
    const args: Array<string | number> = [claimMs, RECIPIENT_FIELDS.length, ...RECIPIENT_FIELDS, stageCount];
    for (const { job, stages, dueBy, cached } of reqs) {
      // One ladder per process: every firing of a batch has as many stages.
      if (stages.length !== stageCount) throw new Error("load-firings: firings of one batch have ladders of different lengths");
      const tripKey = this.keys.trip(job.travellerId);
      keys.push(tripKey, this.keys.person(job.travellerId), this.recordKeys.dataKeyOf(job.travellerId));
      for (const s of stages) keys.push(s.reminderId ? this.sent.markerOf(s.reminderId).key : tripKey);
      args.push(cached ? "0" : "1", job.tripId, String(job.deadline), dueBy);
      for (const s of stages) args.push(s.dueAt);
    }
    const replies = await LOAD_FIRINGS.runBuffer<Array<LoadReply | Buffer>>(this.redis, keys.length, ...keys, ...args);
    return replies.map((r) => (Buffer.isBuffer(r) ? new Error(`load-firings: ${r.toString("utf8")}`) : r));
  }

  /**
   * Marks the reminder sent (when it was) and advances the trip past `stage`, in one step, in that order;
   * with `timer`, the deadline's timer moves to the next stage in the same step. True for the one caller that
   * advanced the stage.
   */
  advance(trip: Trip, stage: number, escalates: boolean, sentReminderId?: string, timer?: FiringTimer): Promise<boolean> {
    return this.advances.add({
      travellerId: trip.travellerId,
      tripId: trip.id,
      deadline: trip.deadline.getTime(),
      stage,
      escalates,
      sent: sentReminderId ? this.sent.markerOf(sentReminderId) : undefined,
      timer,
    });
  }

  async releaseClaim(reminderId: string): Promise<void> {
    await this.sent.release(reminderId);
  }
}
