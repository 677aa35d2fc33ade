import type { RedisClient } from "./redis.ts";
import type { Keys } from "./keys.ts";

/** Marks outgoing messages (by job id) as sent, so a retried or re-run job never sends twice. */
export class SentMarkers {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly retentionMs: number,
  ) {}

  async was(jobId: string): Promise<boolean> {
    return (await this.redis.exists(this.keys.outboxSent(jobId))) === 1;
  }

  async mark(jobId: string): Promise<void> {
    await this.redis.set(this.keys.outboxSent(jobId), "1", "PX", this.retentionMs);
  }
}
