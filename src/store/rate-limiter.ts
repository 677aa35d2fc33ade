import type { RedisClient } from "./redis.ts";
import type { ChatAddress } from "../domain/identity.ts";
import type { Keys } from "./keys.ts";
import { LuaScript } from "./lua/lua-script.ts";
import type { RateCheck } from "../ports/stores.ts";

/** Several of one sender's counters in one call, stopping at the first past its limit (see the script). */
const RATE_COUNT = new LuaScript<(string | number)[], [number, number]>("saRateCount", new URL("./lua/rate-count.lua", import.meta.url));

/** The keyed hash of a chat address (KeyRing.addressIndex): a plain hash could be matched against a list of numbers. */
export type AddressIndex = (channel: string, chatId: string) => string;

/**
 * Fixed-window counters in Redis, so limits hold across processes. Counters are keyed by a keyed hash of the
 * chat address, not the person id: /forget then cannot reset a limit, and a counter names nobody.
 */
export class RateLimiter {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly addressIndex: AddressIndex,
  ) {}

  /** Counts one use of `kind` by the sender; false once `limit` uses happened in the current window. */
  async take(kind: string, sender: ChatAddress, limit: number, windowMs: number, now = Date.now()): Promise<boolean> {
    return (await this.count(kind, sender, windowMs, now)) <= limit;
  }

  /** Counts one use and returns how many uses the sender made in the current window, this one included. */
  async count(kind: string, sender: ChatAddress, windowMs: number, now = Date.now()): Promise<number> {
    return this.countSubject(kind, this.addressIndex(sender.channel, sender.chatId), windowMs, now);
  }

  /**
   * Counts one use of each check's kind in turn, as `count` one after the other would, and stops at the first
   * past its limit: that one's index and count (the kinds after it not counted), or undefined when all are
   * within. One round trip for all (an inbound photo checks two).
   */
  async countUntilOver(checks: readonly RateCheck[], sender: ChatAddress, now = Date.now()): Promise<{ index: number; count: number } | undefined> {
    const subject = this.addressIndex(sender.channel, sender.chatId);
    const keys = checks.map((c) => this.keys.rate(c.kind, subject, Math.floor(now / c.windowMs)));
    const [index, count] = await RATE_COUNT.run(this.redis, keys.length, ...keys, ...checks.flatMap((c) => [c.windowMs, c.limit]));
    return index === 0 ? undefined : { index: index - 1, count };
  }

  /**
   * The same counter for a requester that is not a chat, such as a web client's address (the public
   * confirmation page). Only the keyed hash of it names the key, which lives one window.
   */
  async countFor(kind: string, requester: string, windowMs: number, now = Date.now()): Promise<number> {
    return this.countSubject(kind, this.addressIndex("web", requester), windowMs, now);
  }

  private async countSubject(kind: string, subject: string, windowMs: number, now: number): Promise<number> {
    const key = this.keys.rate(kind, subject, Math.floor(now / windowMs));
    const [[, count]] = (await this.redis.multi().incr(key).pexpire(key, windowMs).exec()) as [[null, number], unknown];
    return count;
  }
}
