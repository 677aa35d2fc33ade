import { DelayedError, UnrecoverableError, Worker, type ConnectionOptions, type Job, type Queue } from "bullmq";
import type { Logger } from "pino";
import { PHOTO_CHECK_JOB, QUEUE } from "../queues/names.ts";
import { alertJobSchema, deadlineJobData, deadlineJobFrom, ngoJobSchema, notifyJobSchema, photoCheckJobSchema, verifyJobSchema } from "../ports/jobs.ts";
import { PhotoCheckProcessor } from "./photo-check-processor.ts";
import { AlertProcessor } from "./alert-processor.ts";
import { DeadlineProcessor, type NextStage } from "./deadline-processor.ts";
import { DeadlineReconciler } from "./deadline-reconciler.ts";
import { DeadlineSweeper } from "./deadline-sweeper.ts";
import { LearnedOpinionBudget } from "./learned-opinion-budget.ts";
import type { DeadlineTimerStore } from "../ports/stores.ts";
import type { RedisClient } from "../store/redis.ts";
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
  /** VERIFY_LEARNED_MAX_WAIT_MS: a verify job that waited longer is matched without the learned third opinion. */
  learnedMaxWaitMs: number;
  reconcileIntervalMs: number;
  lockMs: number;
  /** The deadline queue (jobs stored before the timers) and its Redis, for the reconciler. */
  deadlineQueue: Queue;
  redis: RedisClient;
  /** The deadlines' timers, which the sweeper fires. */
  timers: DeadlineTimerStore;
}

/** Deadline jobs (stored before the timers) one worker process runs at once. */
export const DEADLINE_CONCURRENCY = 40;

/**
 * Deadlines one worker process fires at once from their timers. The firings under way share their scripts
 * (one load, one advance per event-loop turn, see store/batcher.ts) and each claim takes as many as there is
 * room for: more at once means fewer script calls, and fewer AOF fsyncs waited for, per firing. Bounded so
 * that a burst's sends wait in a channel's pacing far less than the lease (JOB_LOCK).
 */
export const DEADLINE_FIRINGS = 100;

/**
 * A deadline keeps no attempts of its own: it retries itself after a failure, waiting 1 s, then twice as
 * long each time up to an hour, and is never dropped; operators are told at the TELL_OPERATORS_AT-th
 * failure in a row.
 */
export const DEADLINE_RETRY = { firstMs: 1_000, maxMs: 3_600_000, tellOperatorsAt: 10 };

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
  readonly sweeper: DeadlineSweeper;

  constructor(deps: WorkerDeps, opts: WorkerOptions, log: Logger) {
    const verifier = new VerifyProcessor(deps, opts.maxPhotoBytes, opts.pairWindowMs);
    const photoChecks = deps.photoChecker && new PhotoCheckProcessor(deps, deps.photoChecker, opts.maxPhotoBytes);
    const notifier = new NotifyProcessor(deps);
    const deadlines = new DeadlineProcessor(deps);
    const alerts = new AlertProcessor(deps);
    const ngo = new NgoProcessor(deps);
    const common = { connection: opts.connection, prefix: opts.prefix, lockDuration: opts.lockMs, stalledInterval: opts.lockMs };
    const learnedBudget = new LearnedOpinionBudget(deps.queues, opts.learnedMaxWaitMs);
    this.verify = new Worker(QUEUE.verify, async (job) => {
      if (job.name !== PHOTO_CHECK_JOB) return verifier.process(verifyJobSchema.parse(job.data), { learnedOpinion: await learnedBudget.mayAsk(job.timestamp) });
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
    const tellOperators = (text: string) => {
      if (deps.operatorChat) void deps.messenger.send(deps.operatorChat, { text }).catch(() => undefined);
    };
    // Deadlines are fired from their timers (DeadlineSweeper), a batch at a time, leased for a job lock's time.
    this.sweeper = new DeadlineSweeper(opts.timers, deadlines, {
      concurrency: DEADLINE_FIRINGS,
      leaseMs: opts.lockMs,
      pollMs: 1_000,
      retry: DEADLINE_RETRY,
      tellOperators,
    }, log);
    this.sweeper.start();
    // Deadline jobs stored before the timers: one job per deadline, which after each stage moves itself to
    // the next stage's time (BullMQ's moveToDelayed + DelayedError), or one job per stage before issue 18.
    this.deadline = new Worker(QUEUE.deadline, async (job, token) => {
      const firing = deadlineJobFrom(job.data);
      if (!firing) throw new UnrecoverableError("not a deadline job");
      const failures = (job.data as { f?: number }).f ?? 0;
      let next: Awaited<ReturnType<DeadlineProcessor["process"]>>;
      let moved = false;
      const moveOn = async (to: NextStage) => {
        await job.moveToDelayed(to.dueAt.getTime(), token);
        moved = true;
      };
      try {
        // A job that had failed resets its count first, so that the move to the next stage keeps a clean job.
        if (failures && !firing.legacy) await job.updateData(deadlineJobData(firing));
        next = await deadlines.process(firing, firing.legacy ? undefined : { moveOn });
      } catch (err) {
        // Jobs stored before issue 18 carry BullMQ attempts and backoff of their own.
        if (firing.legacy) throw err;
        if (moved) {
          // Already waiting for the next stage, which repeats this one first if it did not advance.
          log.warn({ queue: QUEUE.deadline, jobId: job.id, err: (err as Error).name }, "deadline stage failed after the job moved on");
          throw new DelayedError();
        }
        const failed = failures + 1;
        log.warn({ queue: QUEUE.deadline, jobId: job.id, failures: failed, err: (err as Error).name }, "deadline job failed; retrying");
        if (failed === DEADLINE_RETRY.tellOperatorsAt) {
          tellOperators(`SafeArrival operators: deadline job ${job.id} failed ${failed} times in a row (${(err as Error).name}); it keeps retrying. Check the worker logs and the deadline queue.`);
        }
        await job.updateData({ ...deadlineJobData(firing), f: failed });
        await job.moveToDelayed(Date.now() + Math.min(DEADLINE_RETRY.firstMs * 2 ** (failed - 1), DEADLINE_RETRY.maxMs), token);
        throw new DelayedError();
      }
      if (moved) throw new DelayedError();
      if (!next) return;
      if (firing.legacy) {
        // An old per-stage job hands over to this deadline's timer.
        await deps.lifecycle.scheduleNext({ id: firing.tripId, travellerId: firing.travellerId, deadline: new Date(firing.deadline), stage: next.stage });
        return;
      }
      await job.moveToDelayed(next.dueAt.getTime(), token);
      throw new DelayedError();
    }, {
      ...common,
      concurrency: DEADLINE_CONCURRENCY,
      // Not kept in each job (see Producers): a finished deadline job is removed, a failed one kept a week.
      removeOnComplete: { count: 0 },
      removeOnFail: { age: 7 * 86_400 },
    });
    // Alerts are small and I/O-bound, and a burst of deadlines must not queue behind each other.
    this.alert = new Worker(QUEUE.alert, (job) => alerts.process(alertJobSchema.parse(job.data)), {
      ...common,
      concurrency: 20,
    });
    this.ngo = new Worker(QUEUE.ngo, (job) => ngo.process(ngoJobSchema.parse(job.data)), { ...common, concurrency: 2 });
    this.reconciler = new DeadlineReconciler(deps.trips, deps.lifecycle, opts.deadlineQueue, opts.redis, opts.timers, log);
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
      tellOperators(`SafeArrival operators: deadline job ${job.id} failed for good (${err.name}). Check the worker logs and the deadline queue.`);
    });
  }

  get all(): Worker[] {
    return [this.verify, this.notify, this.deadline, this.alert, this.ngo];
  }

  async close(): Promise<void> {
    this.reconciler.stop();
    await Promise.all([this.sweeper.stop(), ...this.all.map((w) => w.close())]);
  }
}
