import { Worker, type ConnectionOptions, type Job, type Queue } from "bullmq";
import type { Logger } from "pino";
import { PHOTO_CHECK_JOB, QUEUE } from "../queues/names.ts";
import { alertJobSchema, deadlineJobSchema, ngoJobSchema, notifyJobSchema, photoCheckJobSchema, verifyJobSchema } from "../ports/jobs.ts";
import { PhotoCheckProcessor } from "./photo-check-processor.ts";
import { AlertProcessor } from "./alert-processor.ts";
import { DeadlineProcessor } from "./deadline-processor.ts";
import { DeadlineReconciler } from "./deadline-reconciler.ts";
import type { WorkerDeps } from "./deps.ts";
import { NgoProcessor } from "./ngo-processor.ts";
import { NotifyProcessor } from "./notify-processor.ts";
import { VerifyProcessor } from "./verify-processor.ts";

export interface WorkerOptions {
  connection: ConnectionOptions;
  prefix: string;
  verifyConcurrency: number;
  notifyConcurrency: number;
  maxPhotoBytes: number;
  /** CHECKIN_PAIR_WINDOW: also how long a partial check-in can be upgraded. */
  pairWindowMs: number;
  reconcileIntervalMs: number;
  lockMs: number;
  /** The deadline queue, for the reconciler. */
  deadlineQueue: Queue;
}

/** Deadline jobs one worker process fires at once. */
export const DEADLINE_CONCURRENCY = 40;

function exhausted(job: Job | undefined): job is Job {
  return job !== undefined && job.attemptsMade >= (job.opts.attempts ?? 1);
}

/** The BullMQ processors of the `worker` role, and the deadline reconciler. */
export class Workers {
  readonly verify: Worker;
  readonly notify: Worker;
  readonly deadline: Worker;
  readonly alert: Worker;
  readonly ngo: Worker;
  readonly reconciler: DeadlineReconciler;

  constructor(deps: WorkerDeps, opts: WorkerOptions, log: Logger) {
    const verifier = new VerifyProcessor(deps, opts.maxPhotoBytes, opts.pairWindowMs);
    const photoChecks = deps.photoChecker && new PhotoCheckProcessor(deps, deps.photoChecker, opts.maxPhotoBytes);
    const notifier = new NotifyProcessor(deps);
    const deadlines = new DeadlineProcessor(deps);
    const alerts = new AlertProcessor(deps);
    const ngo = new NgoProcessor(deps);
    const common = { connection: opts.connection, prefix: opts.prefix, lockDuration: opts.lockMs, stalledInterval: opts.lockMs };
    this.verify = new Worker(QUEUE.verify, async (job) => {
      if (job.name !== PHOTO_CHECK_JOB) return verifier.process(verifyJobSchema.parse(job.data));
      if (!photoChecks) throw new Error("this worker has no photo checker");
      return photoChecks.process(photoCheckJobSchema.parse(job.data));
    }, {
      ...common,
      concurrency: opts.verifyConcurrency,
    });
    this.notify = new Worker(QUEUE.notify, (job) => notifier.process(notifyJobSchema.parse(job.data)), {
      ...common,
      concurrency: opts.notifyConcurrency,
    });
    // I/O-bound, and a firing now also sends the traveller's reminder itself (it had an alert job of its own).
    this.deadline = new Worker(QUEUE.deadline, (job) => deadlines.process(deadlineJobSchema.parse(job.data)), {
      ...common,
      concurrency: DEADLINE_CONCURRENCY,
    });
    // Alerts are small and I/O-bound, and a burst of deadlines must not queue behind each other.
    this.alert = new Worker(QUEUE.alert, (job) => alerts.process(alertJobSchema.parse(job.data)), {
      ...common,
      concurrency: 20,
    });
    this.ngo = new Worker(QUEUE.ngo, (job) => ngo.process(ngoJobSchema.parse(job.data)), { ...common, concurrency: 2 });
    this.reconciler = new DeadlineReconciler(deps.trips, deps.lifecycle, opts.deadlineQueue, log);
    this.reconciler.start(opts.reconcileIntervalMs);

    for (const worker of this.all) {
      worker.on("failed", (job, err) => {
        log.warn({ queue: worker.name, jobId: job?.id, attempts: job?.attemptsMade, err: err.name }, "job failed");
      });
      worker.on("error", (err) => log.error({ queue: worker.name, err: err.name }, "worker error"));
    }
    this.verify.on("failed", (job) => {
      if (!exhausted(job)) return;
      if (job.name === PHOTO_CHECK_JOB) void photoChecks?.giveUp(photoCheckJobSchema.parse(job.data)).catch(() => undefined);
      else void verifier.giveUp(verifyJobSchema.parse(job.data)).catch(() => undefined);
    });
    // A deadline that fails for good is a person nobody will ask about: a human must know at once.
    this.deadline.on("failed", (job, err) => {
      if (!exhausted(job)) return;
      log.error({ queue: QUEUE.deadline, jobId: job.id, err: err.name }, "deadline job failed for good");
      if (deps.operatorChat) {
        void deps.messenger
          .send(deps.operatorChat, { text: `SafeArrival operators: deadline job ${job.id} failed for good (${err.name}). Check the worker logs and the deadline queue.` })
          .catch(() => undefined);
      }
    });
  }

  get all(): Worker[] {
    return [this.verify, this.notify, this.deadline, this.alert, this.ngo];
  }

  async close(): Promise<void> {
    this.reconciler.stop();
    await Promise.all(this.all.map((w) => w.close()));
  }
}
