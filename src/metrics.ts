/**
 * The process's Prometheus metrics (served at /metrics by web/metrics-routes.ts): queue depths per queue and
 * state, the deadline queue's lag, verification latency, failed Telegram updates, dashboard logins. Labels
 * name queues, states and outcomes only: never a person, chat or alert.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Queue } from "bullmq";

const STATES = ["waiting", "active", "delayed", "failed", "completed", "prioritized"] as const;

export class Metrics {
  readonly registry = new Registry();
  readonly logins: Counter<"result">;
  readonly verification: Histogram<"verdict">;
  readonly learnedOpinionShed: Counter;
  readonly telegramUpdatesFailed: Counter<"reason">;

  /** `oldestDueDeadline`: when the longest-waiting due deadline was due (ms), undefined when none waits. */
  constructor(queues: () => Queue[], oldestDueDeadline: () => Promise<number | undefined>) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: "safearrival_" });
    new Gauge({
      name: "safearrival_queue_jobs",
      help: "Jobs per queue and state (failed: deliveries and jobs that failed for good and are kept 7 days).",
      labelNames: ["queue", "state"] as const,
      registers,
      async collect() {
        for (const q of queues()) {
          const counts = await q.getJobCounts(...STATES);
          for (const state of STATES) this.set({ queue: q.name, state }, counts[state] ?? 0);
        }
      },
    });
    new Gauge({
      name: "safearrival_deadline_lag_seconds",
      help: "How long the oldest due deadline has been waiting for a worker (0 when none is waiting).",
      registers,
      async collect() {
        const due = (await oldestDueDeadline()) ?? Date.now();
        this.set(Math.max(0, (Date.now() - due) / 1000));
      },
    });
    this.verification = new Histogram({
      name: "safearrival_verification_seconds",
      help: "Time to verify one photo check-in (decode, hashes, visual match), by verdict.",
      labelNames: ["verdict"] as const,
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
      registers,
    });
    this.learnedOpinionShed = new Counter({
      name: "safearrival_verification_learned_shed_total",
      help: "Photo check-ins matched without the learned third opinion because the worker had no spare capacity for it (LearnedOpinionBudget: waited too long, other check-ins queued, CPU pressure, once a second), or VERIFY_LEARNED_MAX_WAIT_MS is 0.",
      registers,
    });
    this.telegramUpdatesFailed = new Counter({
      name: "safearrival_telegram_updates_failed_total",
      help: "Telegram updates answered without being handled, by reason (malformed, unusable, handler_error); the log has their update ids.",
      labelNames: ["reason"] as const,
      registers,
    });
    this.logins = new Counter({
      name: "safearrival_dashboard_logins_total",
      help: "Dashboard login attempts by result (ok, failed, limited).",
      labelNames: ["result"] as const,
      registers,
    });
  }
}
