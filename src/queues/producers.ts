import { Queue, type ConnectionOptions, type JobsOptions } from "bullmq";
import { QUEUE } from "./names.ts";
import { jobIds, notifyJobSchema, verifyJobSchema, type NotifyJob, type VerifyJob } from "./payloads.ts";

const DEFAULTS: JobsOptions = {
  attempts: 8,
  backoff: { type: "exponential", delay: 2_000 },
  removeOnComplete: { age: 3_600, count: 1_000 },
  removeOnFail: { age: 7 * 86_400 },
};

/** The only way the app puts work on queues, so payloads are validated and ids deterministic. */
export class Producers {
  readonly verifyQueue: Queue;
  readonly notifyQueue: Queue;

  constructor(connection: ConnectionOptions, prefix: string) {
    this.verifyQueue = new Queue(QUEUE.verify, { connection, prefix, defaultJobOptions: DEFAULTS });
    this.notifyQueue = new Queue(QUEUE.notify, { connection, prefix, defaultJobOptions: DEFAULTS });
  }

  async verify(job: VerifyJob): Promise<void> {
    const data = verifyJobSchema.parse(job);
    await this.verifyQueue.add(QUEUE.verify, data, { jobId: jobIds.verify(data) });
  }

  async notify(jobs: NotifyJob[]): Promise<void> {
    const data = jobs.map((j) => notifyJobSchema.parse(j));
    await this.notifyQueue.addBulk(data.map((d) => ({ name: QUEUE.notify, data: d, opts: { jobId: jobIds.notify(d) } })));
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
    await Promise.all([this.verifyQueue.close(), this.notifyQueue.close()]);
  }
}
