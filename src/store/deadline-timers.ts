import { deadlineFromLean, deadlineJobData, type DeadlineJob } from "../ports/jobs.ts";
import type { ClaimedDeadlines, DeadlineTimerStore } from "../ports/stores.ts";
import type { Keys } from "./keys.ts";
import { LuaScript } from "./lua/lua-script.ts";
import type { RedisClient } from "./redis.ts";

/** Leases the due deadlines (see the .lua file). */
export const CLAIM_DEADLINES = new LuaScript<[due: string, now: number, max: number, leaseUntil: number], [string[], string | null]>(
  "saClaimDeadlines", new URL("./lua/claim-deadlines.lua", import.meta.url), 1,
);

/** Extends leases still held (see the .lua file). */
export const RENEW_LEASES = new LuaScript<[due: string, until: number, ...pairs: Array<string | number>], number[]>(
  "saRenewLeases", new URL("./lua/renew-leases.lua", import.meta.url), 1,
);

/** Counts a failure and moves the timer to the retry (see the .lua file). */
export const DEADLINE_FAILED = new LuaScript<[due: string, failures: string, member: string, now: number, firstMs: number, maxMs: number], number>(
  "saDeadlineFailed", new URL("./lua/deadline-failed.lua", import.meta.url), 2,
);

/**
 * The deadlines' timers: one sorted-set entry per trip deadline, scored by when it is next looked at (its
 * current stage's due time; while a worker fires it, the end of that worker's lease; after a failure, the
 * retry). Workers take the due ones in batches (DeadlineSweeper), rather than a BullMQ delayed job each: a
 * burst of deadlines then costs a few commands per batch instead of a job fetch and move per firing.
 * The member is the deadline itself (its ids, as a lean deadline job's data), so the trip is never named
 * in it, and a changed trip (arrived, extended, replaced) has a member of its own: the old one fires nothing.
 */
export class DeadlineTimers implements DeadlineTimerStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {}

  /** A deadline's member: its lean form (deadlineJobData). */
  static memberOf(job: DeadlineJob): string {
    return deadlineJobData(job).d;
  }

  /** The deadline of a member (deadlineFromLean); undefined for anything else. */
  static jobOf(member: string): DeadlineJob | undefined {
    return deadlineFromLean(member);
  }

  /** Schedules the deadline's timer at `dueAt`; an existing one is left as it is (it may be leased, or retrying). */
  async schedule(job: DeadlineJob, dueAt: Date): Promise<void> {
    await this.redis.zadd(this.keys.deadlinesDue(), "NX", dueAt.getTime(), DeadlineTimers.memberOf(job));
  }

  /** Drops the deadline's timer (an extension, an arrival); a firing under way finds the trip changed. */
  async cancel(job: DeadlineJob): Promise<void> {
    await this.remove(DeadlineTimers.memberOf(job));
  }

  async remove(member: string): Promise<void> {
    await this.redis.multi().zrem(this.keys.deadlinesDue(), member).hdel(this.keys.deadlineFailures(), member).exec();
  }

  /** Looks at the deadline again at `at` (its stage is not due yet); only while it is scheduled. */
  async reschedule(member: string, at: Date): Promise<void> {
    await this.redis.multi().zadd(this.keys.deadlinesDue(), "XX", at.getTime(), member).hdel(this.keys.deadlineFailures(), member).exec();
  }

  /**
   * Counts a failure of the deadline's firing and retries it after `retry.firstMs`, twice as long after each
   * further failure in a row, up to `retry.maxMs`; returns the failures in a row (0 when the deadline is no
   * longer scheduled: a cancelled one is not brought back).
   */
  async failed(member: string, retry: { firstMs: number; maxMs: number }): Promise<number> {
    return DEADLINE_FAILED.run(this.redis, this.keys.deadlinesDue(), this.keys.deadlineFailures(), member, Date.now(), retry.firstMs, retry.maxMs);
  }

  /** Leases up to `max` due deadlines until `leaseUntil` (ms) for this worker. */
  async claim(now: number, max: number, leaseUntil: number): Promise<ClaimedDeadlines> {
    const [members, next] = await CLAIM_DEADLINES.run(this.redis, this.keys.deadlinesDue(), now, max, leaseUntil);
    return { members, nextAt: next === null ? undefined : Number(next) };
  }

  /**
   * Extends this worker's leases (member -> the lease end it holds) to `until`, each only while its score is
   * still that lease end; true for each extended.
   */
  async renew(leases: ReadonlyMap<string, number>, until: number): Promise<boolean[]> {
    if (leases.size === 0) return [];
    const pairs = [...leases].flat();
    const replies = await RENEW_LEASES.run(this.redis, this.keys.deadlinesDue(), until, ...pairs);
    return replies.map((r) => r === 1);
  }

  /** Whether each deadline has a timer, in one round trip (the reconciler checks thousands). */
  async scheduled(jobs: readonly DeadlineJob[]): Promise<boolean[]> {
    if (jobs.length === 0) return [];
    const scores = await this.redis.zmscore(this.keys.deadlinesDue(), ...jobs.map((j) => DeadlineTimers.memberOf(j)));
    return scores.map((s) => s !== null);
  }

  /** Deadlines looked at by `until` (ms) at the latest: due, leased or retrying by then. */
  async dueBy(until: number): Promise<number> {
    return this.redis.zcount(this.keys.deadlinesDue(), "-inf", until);
  }

  /** When the longest-waiting due deadline was due (ms), or undefined when none waits. */
  async oldestDue(now: number): Promise<number | undefined> {
    const [, score] = await this.redis.zrangebyscore(this.keys.deadlinesDue(), "-inf", now, "WITHSCORES", "LIMIT", 0, 1);
    return score === undefined ? undefined : Number(score);
  }
}
