import { Queue, type ConnectionOptions } from "bullmq";
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import { QUEUE } from "../../queues/names.ts";
import type { RedisClient } from "../../store/redis.ts";

/**
 * Earlier versions kept stored updates as BullMQ jobs (queue `inbound-telegram`, job id `tg-<update id>`,
 * the update sealed the same way): any left there are moved into the stream, so an upgrade loses none.
 */
export async function moveLegacyInboxJobs(
  conn: RedisClient,
  legacy: { connection: ConnectionOptions; prefix: string },
  open: (sealed: string, updateId: number) => Update,
  store: (update: Update) => Promise<void>,
  log: Logger,
): Promise<void> {
  // Never used here (a new deployment): opening it would only create its keys.
  if (!(await conn.exists(`${legacy.prefix}:${QUEUE.telegramInboundLegacy}:meta`))) return;
  const queue = new Queue(QUEUE.telegramInboundLegacy, { connection: legacy.connection, prefix: legacy.prefix });
  try {
    const jobs = await queue.getJobs(["wait", "active", "delayed", "prioritized", "waiting-children"]);
    for (const job of jobs) {
      if (!job?.id?.startsWith("tg-")) continue;
      const updateId = Number(job.id.slice(3));
      const sealed = (job.data as { sealed?: string }).sealed;
      if (!sealed) continue;
      const update = open(sealed, updateId);
      // A job an older process still holds (a rolling upgrade) stays with it.
      if ((await job.isActive()) && (await conn.exists(queue.toKey(`${job.id}:lock`)))) continue;
      await store(update);
      await job.remove();
    }
    if (jobs.length) log.info({ moved: jobs.length }, "telegram updates moved from the old inbound queue");
    // Emptied: its keys go too (a job still held by an older process keeps the queue until it is done).
    if ((await queue.getJobCountByTypes("wait", "active", "delayed", "prioritized", "waiting-children")) === 0) await queue.obliterate({ force: true });
  } catch (err) {
    log.warn({ err: (err as Error).name }, "old inbound queue not read");
  } finally {
    await queue.close();
  }
}
