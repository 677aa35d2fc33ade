import { Queue, type ConnectionOptions, type JobsOptions } from "bullmq";
import { PHOTO_CHECK_JOB, QUEUE, QUEUE_EVENTS_MAX_LEN } from "./names.ts";
import {
  alertJobSchema, jobIds, ngoJobSchema, notifyJobSchema, outboxJobSchema, photoCheckJobSchema, verifyJobSchema,
  type AlertJob, type DeadlineJob, type NgoJob, type NotifyJob, type OutboxJob, type PhotoCheckJob, type VerifyJob, type JobProducer,
} from "../ports/jobs.ts";

const DEFAULTS: JobsOptions = {
  attempts: 8,
  backoff: { type: "exponential", delay: 2_000 },
  // Completed jobs stay an hour, so a re-added deterministic id is still recognised as done.
  removeOnComplete: { age: 3_600, count: 10_000 },
  removeOnFail: { age: 7 * 86_400 },
};

/** The only way the app puts work on queues, so payloads are validated and ids deterministic. */
export class Producers implements JobProducer {
  readonly verifyQueue: Queue;
  readonly notifyQueue: Queue;
  readonly deadlineQueue: Queue;
  readonly alertQueue: Queue;
  readonly ngoQueue: Queue;
  /** WhatsApp sends; the retries are the outbox processor's, with its own pacing on top. */
  readonly whatsappOutboxQueue: Queue;

  constructor(connection: ConnectionOptions, prefix: string) {
    const queue = (name: string, extra: JobsOptions = {}) =>
      new Queue(name, { connection, prefix, streams: { events: { maxLen: QUEUE_EVENTS_MAX_LEN } }, defaultJobOptions: { ...DEFAULTS, ...extra } });
    this.verifyQueue = queue(QUEUE.verify);
    this.notifyQueue = queue(QUEUE.notify);
    // No job options kept in each deadline job (its hash stays listpack-encoded): the deadline worker retries
    // its own failures and removes finished jobs (src/workers/workers.ts).
    this.deadlineQueue = new Queue(QUEUE.deadline, { connection, prefix, streams: { events: { maxLen: QUEUE_EVENTS_MAX_LEN } } });
    this.alertQueue = queue(QUEUE.alert, { attempts: 12 });
    this.ngoQueue = queue(QUEUE.ngo, { attempts: 15, backoff: { type: "exponential", delay: 5_000 } });
    this.whatsappOutboxQueue = queue(QUEUE.whatsappOutbox, { attempts: 6, backoff: { type: "exponential", delay: 3_000 } });
  }

  get all(): Queue[] {
    return [this.verifyQueue, this.notifyQueue, this.deadlineQueue, this.alertQueue, this.ngoQueue, this.whatsappOutboxQueue];
  }

  async verify(job: VerifyJob): Promise<void> {
    const data = verifyJobSchema.parse(job);
    await this.verifyQueue.add(QUEUE.verify, data, { jobId: jobIds.verify(data) });
  }

  async verifyLoad(): Promise<number> {
    const counts = await this.verifyQueue.getJobCounts("waiting", "active");
    return (counts.waiting ?? 0) + (counts.active ?? 0);
  }

  /** A families' photo check, on the verify queue so it runs in the verify worker like a check-in. */
  async photoCheck(job: PhotoCheckJob): Promise<void> {
    const data = photoCheckJobSchema.parse(job);
    // Once: a failed check is answered with an apology rather than retried for minutes with the photo kept.
    // A priority, so that BullMQ takes every waiting check-in (unprioritized) first: arrivals never wait behind checks.
    await this.verifyQueue.add(PHOTO_CHECK_JOB, data, { jobId: jobIds.photoCheck(data), attempts: 2, priority: 1 });
  }

  async notify(jobs: NotifyJob[]): Promise<void> {
    const data = jobs.map((j) => notifyJobSchema.parse(j));
    await this.notifyQueue.addBulk(data.map((d) => ({ name: QUEUE.notify, data: d, opts: { jobId: jobIds.notify(d) } })));
  }

  /**
   * Jobs for the NGO go without a priority, which BullMQ takes before any prioritized job: in a burst of
   * missed check-ins the NGO's alerts start first, the family's and traveller's follow in their order.
   */
  async alert(jobs: AlertJob[]): Promise<void> {
    const data = jobs.map((j) => alertJobSchema.parse(j));
    await this.alertQueue.addBulk(
      data.map((d) => ({ name: QUEUE.alert, data: d, opts: { jobId: jobIds.alert(d), ...(d.recipient === "ngo" ? {} : { priority: 1 }) } })),
    );
  }

  async ngo(jobs: NgoJob[]): Promise<void> {
    const data = jobs.map((j) => ngoJobSchema.parse(j));
    await this.ngoQueue.addBulk(data.map((d) => ({ name: QUEUE.ngo, data: d, opts: { jobId: jobIds.ngo(d) } })));
  }

  /** Hands one stored WhatsApp message to the process that holds the socket (after `delayMs`, for a resend). */
  async whatsappOutbox(job: OutboxJob, delayMs = 0, priority?: number): Promise<void> {
    const data = outboxJobSchema.parse(job);
    await this.whatsappOutboxQueue.add(QUEUE.whatsappOutbox, data, {
      jobId: jobIds.outbox(data),
      ...(delayMs > 0 ? { delay: delayMs } : {}),
      ...(priority ? { priority } : {}),
    });
  }

  /** Drops a deadline job stored before the deadline timers (an extension, an arrival); one that fires anyway finds the trip changed. */
  async cancelDeadline(job: DeadlineJob): Promise<void> {
    await this.deadlineQueue.remove(jobIds.deadline(job)).catch(() => 0);
  }

  /** Drops a traveller's queued work (used by /forget). Active jobs find their records gone and stop. */
  async removeForCheckins(checkinIds: readonly string[], contactIds: readonly string[]): Promise<void> {
    const removals: Promise<unknown>[] = [];
    for (const checkinId of checkinIds) {
      removals.push(this.verifyQueue.remove(jobIds.verify({ checkinId })));
      for (const contactId of contactIds) removals.push(this.notifyQueue.remove(jobIds.notify({ checkinId, contactId })));
    }
    await Promise.allSettled(removals);
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((q) => q.close()));
  }
}
