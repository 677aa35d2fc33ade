import { Worker, type ConnectionOptions } from "bullmq";
import type { Logger } from "pino";
import { QUEUE } from "../queues/names.ts";
import { notifyJobSchema, verifyJobSchema } from "../queues/payloads.ts";
import { NotifyProcessor } from "./notify-processor.ts";
import { VerifyProcessor } from "./verify-processor.ts";
import type { WorkerDeps } from "./deps.ts";

export interface WorkerOptions {
  connection: ConnectionOptions;
  prefix: string;
  verifyConcurrency: number;
  notifyConcurrency: number;
  maxPhotoBytes: number;
}

/** The BullMQ processors of the `worker` role. */
export class Workers {
  readonly verify: Worker;
  readonly notify: Worker;

  constructor(deps: WorkerDeps, opts: WorkerOptions, log: Logger) {
    const verifier = new VerifyProcessor(deps, opts.maxPhotoBytes);
    const notifier = new NotifyProcessor(deps);
    this.verify = new Worker(QUEUE.verify, (job) => verifier.process(verifyJobSchema.parse(job.data)), {
      connection: opts.connection,
      prefix: opts.prefix,
      concurrency: opts.verifyConcurrency,
    });
    this.notify = new Worker(QUEUE.notify, (job) => notifier.process(notifyJobSchema.parse(job.data)), {
      connection: opts.connection,
      prefix: opts.prefix,
      concurrency: opts.notifyConcurrency,
    });
    this.verify.on("failed", (job, err) => {
      log.warn({ queue: QUEUE.verify, jobId: job?.id, attempts: job?.attemptsMade, err: err.name }, "job failed");
      const exhausted = job && job.attemptsMade >= (job.opts.attempts ?? 1);
      if (exhausted) void verifier.giveUp(verifyJobSchema.parse(job.data)).catch(() => undefined);
    });
    this.notify.on("failed", (job, err) => {
      log.warn({ queue: QUEUE.notify, jobId: job?.id, attempts: job?.attemptsMade, err: err.name }, "job failed");
    });
    for (const w of [this.verify, this.notify]) w.on("error", (err) => log.error({ err: err.name }, "worker error"));
  }

  async close(): Promise<void> {
    await Promise.all([this.verify.close(), this.notify.close()]);
  }
}
