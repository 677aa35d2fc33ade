import type { Queue } from "bullmq";
import type { Logger } from "pino";
import type { TripLifecycle } from "../ports/trips.ts";
import { stageDueAt } from "../domain/escalation.ts";
import { jobIds, type DeadlineJob } from "../ports/jobs.ts";
import type { RedisClient } from "../store/redis.ts";
import type { DeadlineTimerStore, TripSchedule, TripStore } from "../ports/stores.ts";

/** Trips checked per round trip. */
const BATCH = 500;

export interface ReconcileReport {
  checked: number;
  recreated: number;
  retried: number;
  dropped: number;
}

/**
 * Deadlines must never be lost silently: this re-creates, from the trip records, the timer of any active
 * trip's deadline that still has a stage to fire and has neither a timer nor a BullMQ job (one stored before
 * the timers), and retries failed jobs. Running it twice changes nothing.
 */
export class DeadlineReconciler {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly trips: TripStore,
    private readonly lifecycle: TripLifecycle,
    private readonly queue: Queue,
    /** The queue's Redis, for reading many jobs' states in one pipeline. */
    private readonly redis: RedisClient,
    private readonly timers: Pick<DeadlineTimerStore, "scheduled">,
    private readonly log: Logger,
  ) {}

  async run(): Promise<ReconcileReport> {
    const report: ReconcileReport = { checked: 0, recreated: 0, retried: 0, dropped: 0 };
    const ids = await this.trips.activeTravellerIds();
    // In batches, each a round trip for the trips and one for their jobs: one round trip per trip and check
    // (as before) made a run over 10,000 open trips take seconds of Redis time, every interval.
    for (let i = 0; i < ids.length; i += BATCH) await this.check(ids.slice(i, i + BATCH), report);
    if (report.recreated || report.retried) this.log.warn({ ...report }, "deadline reconciler repaired jobs");
    return report;
  }

  private async check(travellerIds: string[], report: ReconcileReport): Promise<void> {
    const schedules = await this.trips.schedulesOf(travellerIds);
    const expected: Array<{ trip: TripSchedule; job: DeadlineJob; jobId: string }> = [];
    for (const [i, trip] of schedules.entries()) {
      report.checked++;
      if (!trip || trip.status !== "active") {
        // An index entry without an active trip (expired, ended by a crash mid-way): nothing to watch.
        await this.trips.delete(travellerIds[i]!).catch(() => undefined);
        if (trip) report.dropped++;
        continue;
      }
      if (!stageDueAt(this.lifecycle.ladder, trip.deadline, trip.stage)) continue;
      const job = { travellerId: trip.travellerId, tripId: trip.id, deadline: trip.deadline.getTime() };
      expected.push({ trip, job, jobId: jobIds.deadline(job) });
    }
    if (expected.length === 0) return;
    const timed = await this.timers.scheduled(expected.map((e) => e.job));
    // A job's hash and its place in the failed and completed sets (BullMQ's keys); any other state is a job on its way.
    const pipeline = this.redis.pipeline();
    for (const { jobId } of expected) pipeline.exists(this.queue.toKey(jobId)).zscore(this.queue.keys.failed!, jobId).zscore(this.queue.keys.completed!, jobId);
    const replies = (await pipeline.exec())!;
    for (const [n, { trip, jobId }] of expected.entries()) {
      const [exists, failed, completed] = replies.slice(3 * n, 3 * n + 3).map(([err, reply]) => {
        if (err) throw err;
        return reply;
      });
      if (exists && failed !== null) {
        const job = await this.queue.getJob(jobId);
        await job?.retry();
        report.retried++;
      } else if ((!exists || completed !== null) && !timed[n]) {
        // A deadline's job ends only after its last stage (and is removed then): one left completed while a
        // stage is still due (kept by an older version's options) is replaced; the stage fires once anyway.
        if (exists) await this.queue.remove(jobId);
        await this.lifecycle.scheduleNext(trip);
        report.recreated++;
      }
    }
  }

  start(intervalMs: number): void {
    const tick = () => {
      this.run()
        .catch((err: Error) => this.log.error({ err: err.name }, "deadline reconciler failed"))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, intervalMs).unref();
        });
    };
    this.timer = setTimeout(tick, 0).unref();
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
