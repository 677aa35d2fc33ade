import { randomUUID } from "node:crypto";
import { LuaScript } from "./lua/lua-script.ts";
import type { RedisClient } from "./redis.ts";
import type { Trip } from "../domain/person.ts";
import type { Keys } from "./keys.ts";
import type { PersonCipher, RecordKeys } from "./record-keys.ts";

/**
 * State changes that race (an arrival at the deadline second, a stage firing twice, an alert being
 * claimed while the traveller arrives) are single Lua scripts: each sees and changes the trip at once.
 */
export const TRIP_FINISH = new LuaScript<
  [trip: string, alerted: string, active: string, tripId: string, at: number, status: string, travellerId: string],
  null | string[]
>("saTripFinish", new URL("./lua/trip-finish.lua", import.meta.url), 3);

/**
 * Advances stage counters, each only if this exact stage of this exact deadline is the next one, many in one
 * call (see the .lua file): the number of keys is given per call.
 */
export const FIRE_STAGES = new LuaScript<[numberOfKeys: number, ...args: Array<string | number>], Array<number | string>>(
  "saFireStages", new URL("./lua/fire-stages.lua", import.meta.url),
);

/** One stage advance (TripRepository.fireStages). */
export interface StageAdvance {
  travellerId: string;
  tripId: string;
  deadline: number;
  stage: number;
  /** The stage alerts others than the traveller: the trip is marked escalated. */
  escalates: boolean;
  /** A message the stage already sent, whose sent marker (SentMarkers.markerOf) is set in the same step, first. */
  sent?: { key: string; retentionMs: number };
  /**
   * The deadline's entry among the due deadlines (DeadlineTimers.memberOf) and when its next stage is due
   * (undefined after the last): once advanced, the entry moves there or is removed, in the same step.
   */
  timer?: { member: string; nextDueAt?: number };
}

/** An alert may go to a recipient only while the trip is still active; the claim is what a correction later follows. */
export const TRIP_CLAIM_ALERT = new LuaScript<[trip: string, alerted: string, tripId: string, recipient: string], number>(
  "saTripClaimAlert", new URL("./lua/trip-claim-alert.lua", import.meta.url), 2,
);

/** Moves the deadline of the trip while it is active; its stages start again. */
export const TRIP_EXTEND = new LuaScript<
  [trip: string, alerted: string, active: string, tripId: string, deadline: number, expireAt: number, travellerId: string],
  number
>("saTripExtend", new URL("./lua/trip-extend.lua", import.meta.url), 3);

/** What scheduling a trip's stages needs of it. */
export type { TripSchedule } from "../ports/stores.ts";
import type { TripSchedule } from "../ports/stores.ts";

export type ArrivalResult =
  | { ok: true; alerted: string[] }
  | { ok: false; status?: string };

/** One current trip per traveller; it expires RETENTION after its deadline. */
export class TripRepository {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly retentionMs: number,
    private readonly recordKeys: RecordKeys,
  ) {}

  async create(travellerId: string, landmarkId: string, deadline: Date, now: Date): Promise<Trip> {
    const trip: Trip = {
      id: randomUUID(),
      travellerId,
      landmarkId,
      deadline,
      originalDeadline: deadline,
      createdAt: now,
      status: "active",
      stage: 0,
      escalated: false,
    };
    const key = this.keys.trip(travellerId);
    const expireAt = deadline.getTime() + this.retentionMs;
    // Where someone is heading is as sensitive as where they are: sealed with the traveller's key, in the raw
    // form, so that the hash keeps every value under 64 bytes and stays listpack-encoded (about a quarter of
    // the memory of a hashtable one). The traveller id is the key's own suffix: not stored again.
    const cipher = await this.recordKeys.forPerson(travellerId);
    await this.redis
      .multi()
      .del(key, this.keys.tripAlerted(travellerId))
      .hset(key, {
        id: trip.id,
        landmarkId: cipher.sealBytes("trip.landmarkId", landmarkId),
        deadline: deadline.getTime(),
        originalDeadline: deadline.getTime(),
        createdAt: now.getTime(),
        status: trip.status,
        stage: 0,
        expireAt,
      })
      .pexpireat(key, expireAt)
      .zadd(this.keys.activeTrips(), deadline.getTime(), travellerId)
      .exec();
    return trip;
  }

  async get(travellerId: string): Promise<Trip | undefined> {
    // As bytes: the sealed landmark is raw (older trips hold it as text; both open).
    const raw = await this.redis.hgetallBuffer(this.keys.trip(travellerId));
    if (!raw.id) return undefined;
    return this.parse(travellerId, raw, await this.recordKeys.forPerson(travellerId));
  }

  /**
   * A trip from its hash as HGETALL returns it, as bytes (read by the caller, e.g. in a script with other
   * records); undefined when there is none.
   */
  parse(travellerId: string, raw: Record<string, Buffer>, cipher: PersonCipher): Trip | undefined {
    if (!raw.id) return undefined;
    const h: Record<string, string | undefined> = {};
    for (const [field, value] of Object.entries(raw)) if (field !== "landmarkId") h[field] = value.toString("utf8");
    return {
      id: h.id!,
      travellerId,
      landmarkId: cipher.open("trip.landmarkId", raw.landmarkId)!,
      deadline: new Date(Number(h.deadline)),
      originalDeadline: new Date(Number(h.originalDeadline ?? h.deadline)),
      createdAt: new Date(Number(h.createdAt)),
      status: h.status === "arrived" || h.status === "safe" ? h.status : "active",
      arrivedAt: h.arrivedAt ? new Date(Number(h.arrivedAt)) : undefined,
      stage: Number(h.stage ?? 0),
      escalated: h.escalated === "1",
    };
  }

  /**
   * Ends the trip as arrived (or reported safe), only if it is still this trip and still active.
   * Returns who had been alerted, so each of them gets the correction.
   */
  async finish(travellerId: string, tripId: string, at: Date, status: "arrived" | "safe" = "arrived"): Promise<ArrivalResult> {
    const reply = await TRIP_FINISH.run(
      this.redis, this.keys.trip(travellerId), this.keys.tripAlerted(travellerId), this.keys.activeTrips(),
      tripId, at.getTime(), status, travellerId,
    );
    if (!reply) return { ok: false };
    if (reply[0] !== "ok") return { ok: false, status: reply[0] };
    return { ok: true, alerted: reply.slice(1) };
  }

  /**
   * True for exactly one caller per (trip, deadline, stage). `sent`: a message the stage already sent, whose
   * sent marker (SentMarkers.markerOf) is set in the same step, before the stage advances.
   */
  async fireStage(
    travellerId: string, tripId: string, deadline: Date, stage: number, escalates: boolean,
    sent?: { key: string; retentionMs: number },
  ): Promise<boolean> {
    const [fired] = await this.fireStages([{ travellerId, tripId, deadline: deadline.getTime(), stage, escalates, sent }]);
    if (fired instanceof Error) throw fired;
    return fired!;
  }

  /**
   * Many stage advances in one script call, each as fireStage (and moving its deadline's timer, when given):
   * true for the one caller that advanced, or the Error of that advance alone.
   */
  async fireStages(advances: readonly StageAdvance[]): Promise<Array<boolean | Error>> {
    const keys: string[] = [this.keys.deadlinesDue(), this.keys.deadlineFailures()];
    const args: Array<string | number> = [];
    for (const a of advances) {
      const trip = this.keys.trip(a.travellerId);
      keys.push(trip, a.sent?.key ?? trip);
      args.push(a.tripId, a.deadline, a.stage, a.escalates ? "1" : "0", a.sent?.retentionMs ?? 0, a.timer?.member ?? "", a.timer?.nextDueAt ?? "");
    }
    const replies = await FIRE_STAGES.run(this.redis, keys.length, ...keys, ...args);
    return replies.map((r) => (typeof r === "number" ? r === 1 : new Error(`fire-stages: ${r}`)));
  }

  /** Records that `recipient` is about to be alerted; false when the trip ended meanwhile. */
  async claimAlert(travellerId: string, tripId: string, recipient: string): Promise<boolean> {
    const n = await TRIP_CLAIM_ALERT.run(this.redis, this.keys.trip(travellerId), this.keys.tripAlerted(travellerId), tripId, recipient);
    return n === 1;
  }

  /** After the alert went out: a correction may now follow it. */
  async markAlertSent(travellerId: string, recipient: string): Promise<void> {
    await this.redis.hset(this.keys.tripAlerted(travellerId), recipient, "sent");
  }

  /** "claimed" while an alert to the recipient may still be on its way, "sent" after, undefined if none. */
  async alertState(travellerId: string, recipient: string): Promise<"claimed" | "sent" | undefined> {
    const state = await this.redis.hget(this.keys.tripAlerted(travellerId), recipient);
    return state === "claimed" || state === "sent" ? state : undefined;
  }

  async extend(travellerId: string, tripId: string, deadline: Date): Promise<boolean> {
    const n = await TRIP_EXTEND.run(
      this.redis, this.keys.trip(travellerId), this.keys.tripAlerted(travellerId), this.keys.activeTrips(),
      tripId, deadline.getTime(), deadline.getTime() + this.retentionMs, travellerId,
    );
    return n === 1;
  }

  /**
   * The schedule-relevant part of many travellers' trips in one round trip, nothing opened (the reconciler
   * checks thousands of trips each run); undefined where a traveller has no trip.
   */
  async schedulesOf(travellerIds: readonly string[]): Promise<Array<TripSchedule | undefined>> {
    if (travellerIds.length === 0) return [];
    const p = this.redis.pipeline();
    for (const id of travellerIds) p.hmget(this.keys.trip(id), "id", "status", "deadline", "stage");
    const replies = (await p.exec())!;
    return replies.map(([err, reply], i) => {
      if (err) throw err;
      const [id, status, deadline, stage] = reply as (string | null)[];
      if (!id) return undefined;
      return {
        id,
        travellerId: travellerIds[i]!,
        status: status === "arrived" || status === "safe" ? status : "active",
        deadline: new Date(Number(deadline)),
        stage: Number(stage ?? 0),
      };
    });
  }

  /** Travellers whose trip is active, for the reconciler. */
  activeTravellerIds(): Promise<string[]> {
    return this.redis.zrange(this.keys.activeTrips(), 0, -1);
  }

  async delete(travellerId: string): Promise<boolean> {
    const [[, n]] = (await this.redis
      .multi()
      .del(this.keys.trip(travellerId))
      .del(this.keys.tripAlerted(travellerId))
      .zrem(this.keys.activeTrips(), travellerId)
      .exec()) as [[null, number], ...unknown[]];
    return n === 1;
  }
}
