import type { Redis } from "ioredis";
import type { Keys } from "./keys.ts";

/** Fixed-window counters in Redis, so limits hold across processes. */
export class RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  /** Counts one use of `kind` by `subject`; false once `limit` uses happened in the current window. */
  async take(kind: string, subject: string, limit: number, windowMs: number, now = Date.now()): Promise<boolean> {
    const window = Math.floor(now / windowMs);
    const key = this.keys.rate(kind, subject, window);
    const [[, count]] = (await this.redis.multi().incr(key).pexpire(key, windowMs).exec()) as [[null, number], unknown];
    return count <= limit;
  }
}
