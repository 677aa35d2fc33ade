import { createHash } from "node:crypto";
import type { RedisClient } from "./redis.ts";
import { addressKey, type ChatAddress } from "../domain/identity.ts";
import type { Keys } from "./keys.ts";

/**
 * Fixed-window counters in Redis, so limits hold across processes. Counters are keyed by a hash of the
 * chat address, not the person id: /forget then cannot reset a limit, and a counter names nobody.
 */
export class RateLimiter {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {}

  /** Counts one use of `kind` by the sender; false once `limit` uses happened in the current window. */
  async take(kind: string, sender: ChatAddress, limit: number, windowMs: number, now = Date.now()): Promise<boolean> {
    return (await this.count(kind, sender, windowMs, now)) <= limit;
  }

  /** Counts one use and returns how many uses the sender made in the current window, this one included. */
  async count(kind: string, sender: ChatAddress, windowMs: number, now = Date.now()): Promise<number> {
    const window = Math.floor(now / windowMs);
    const subject = createHash("sha256").update(`${this.keys.prefix}|${addressKey(sender)}`).digest("base64url").slice(0, 22);
    const key = this.keys.rate(kind, subject, window);
    const [[, count]] = (await this.redis.multi().incr(key).pexpire(key, windowMs).exec()) as [[null, number], unknown];
    return count;
  }

  /**
   * The same counter for a requester that is not a chat, such as a web client's address (the public
   * confirmation page). Only a hash of it names the key, which lives one window.
   */
  async countFor(kind: string, requester: string, windowMs: number, now = Date.now()): Promise<number> {
    const window = Math.floor(now / windowMs);
    const subject = createHash("sha256").update(`${this.keys.prefix}|web|${requester}`).digest("base64url").slice(0, 22);
    const key = this.keys.rate(kind, subject, window);
    const [[, count]] = (await this.redis.multi().incr(key).pexpire(key, windowMs).exec()) as [[null, number], unknown];
    return count;
  }
}
