import type { Queue } from "bullmq";
import type { Logger } from "pino";
import type { TripLifecycle } from "../ports/trips.ts";
import { stageDueAt } from "../domain/escalation.ts";
import { jobIds } from "../ports/jobs.ts";
import type { TripRepository } from "../store/trip-repository.ts";

export interface ReconcileReport {
  checked: number;
  recreated: number;
  retried: number;
  dropped: number;
}

/**
 * Deadlines must never be lost silently: this re-creates, from the trip records, any missing job for
 * an active trip's next stage and retries failed ones. Running it twice changes nothing.
 */
export class DeadlineReconciler {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly trips: TripRepository,
    private readonly lifecycle: TripLifecycle,
    private readonly queue: Queue,
    private readonly log: Logger,
  ) {}

  async run(): Promise<ReconcileReport> {
    const report: ReconcileReport = { checked: 0, recreated: 0, retried: 0, dropped: 0 };
    for (const travellerId of await this.trips.activeTravellerIds()) {
      report.checked++;
      const trip = await this.trips.get(travellerId);
      if (!trip || trip.status !== "active") {
        // An index entry without an active trip (expired, ended by a crash mid-way): nothing to watch.
        await this.trips.delete(travellerId).catch(() => undefined);
        if (trip) report.dropped++;
        continue;
      }
      if (!stageDueAt(this.lifecycle.ladder, trip.deadline, trip.stage)) continue;
      const id = jobIds.deadline({ travellerId, tripId: trip.id, deadline: trip.deadline.getTime(), stage: trip.stage });
      const job = await this.queue.getJob(id);
      const state = job ? await job.getState() : "missing";
      if (state === "failed") {
        await job!.retry();
        report.retried++;
      } else if (state === "missing" || state === "unknown" || state === "completed") {
        // A completed job whose stage did not advance crashed between its steps; re-adding repeats it safely.
        if (job && state === "completed") await job.remove();
        await this.lifecycle.scheduleNext(trip);
        report.recreated++;
      }
    }
    if (report.recreated || report.retried) this.log.warn({ ...report }, "deadline reconciler repaired jobs");
    return report;
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
