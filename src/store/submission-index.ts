import type { RedisClient } from "./redis.ts";
import type { SubmissionIndex } from "../verification/contracts.ts";
import { hammingWords, hashWords } from "../verification/pdq.ts";
import type { Keys } from "./keys.ts";

/**
 * Hashes of accepted submissions, each kept for the retention period (score = expiry time).
 * A linear scan: fine for the thousands a deployment holds in a retention window; the visual-matching
 * issue owns an index when that stops being true.
 */
export class RedisSubmissionIndex implements SubmissionIndex {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly retentionMs: number,
  ) {}

  async findNear(hashes: readonly string[], maxDistance: number): Promise<{ distance: number } | undefined> {
    const now = Date.now();
    const stored = await this.redis.zrangebyscore(this.keys.submissions(), now, "+inf");
    let best: number | undefined;
    const queries = hashes.map(hashWords);
    for (const s of stored) {
      const words = hashWords(s);
      for (const h of queries) {
        const d = hammingWords(words, h);
        if (d <= maxDistance && (best === undefined || d < best)) best = d;
      }
    }
    return best === undefined ? undefined : { distance: best };
  }

  async add(hash: string): Promise<void> {
    const now = Date.now();
    await this.redis
      .multi()
      .zadd(this.keys.submissions(), now + this.retentionMs, hash)
      .zremrangebyscore(this.keys.submissions(), "-inf", now)
      .exec();
  }
}
