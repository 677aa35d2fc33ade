import { randomUUID } from "node:crypto";
import type { RedisClient } from "./redis.ts";

/** Which waiting send goes first when the pacer is the bottleneck. */
export type SendPriority = "high" | "normal" | "low";

const RANK: Record<SendPriority, number> = { high: 0, normal: 1, low: 2 };
/** Order scores: rank * RANK_SPAN + the ms a waiter first asked; epoch ms stay below 1e13 until the year 2286. */
const RANK_SPAN = 1e13;

/**
 * One attempt to take a send slot, atomically.
 * KEYS: waiters (zset ticket -> order), waiter info (hash ticket -> "chatKey|lastAsk"), last global grant,
 * last grant to this chat (ms). ARGV: ticket, order, per-chat rate, global rate, window ms, stale ms. Times
 * are the Redis server's clock, so processes on different hosts agree.
 * Returns 0 when the slot is granted (and recorded), -1 when a waiter ahead could go now, else the ms to
 * wait before asking again.
 *
 * Sends are spaced evenly (window / rate apart, overall and per chat) rather than let through in bursts, so
 * any window of that length holds at most `rate` of them, even as seen by the receiver a few ms later.
 * A grant also needs no waiter ahead in order (higher priority, or the same and asked earlier) that could go
 * now. Waiters that stopped asking (a crashed or cut-off process) are dropped after `stale` ms.
 */
const TAKE = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local ticket = ARGV[1]
local order = tonumber(ARGV[2])
local chatGap = tonumber(ARGV[5]) / tonumber(ARGV[3])
local globalGap = tonumber(ARGV[5]) / tonumber(ARGV[4])
local stale = tonumber(ARGV[6])
redis.call('ZADD', KEYS[1], 'NX', order, ticket)
redis.call('HSET', KEYS[2], ticket, KEYS[4] .. '|' .. now)
redis.call('PEXPIRE', KEYS[1], stale * 10)
redis.call('PEXPIRE', KEYS[2], stale * 10)
local wait = tonumber(redis.call('GET', KEYS[3]) or '0') + globalGap - now
if wait > 0 then return math.ceil(wait) end
wait = tonumber(redis.call('GET', KEYS[4]) or '0') + chatGap - now
if wait > 0 then return math.ceil(wait) end
local mine = tonumber(redis.call('ZSCORE', KEYS[1], ticket))
local ahead = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. mine)
for _, other in ipairs(ahead) do
  local info = redis.call('HGET', KEYS[2], other)
  local sep = info and string.find(info, '|', 1, true)
  if not sep or tonumber(string.sub(info, sep + 1)) < now - stale then
    redis.call('ZREM', KEYS[1], other)
    redis.call('HDEL', KEYS[2], other)
  elseif tonumber(redis.call('GET', string.sub(info, 1, sep - 1)) or '0') + chatGap <= now then
    return -1
  end
end
redis.call('ZREM', KEYS[1], ticket)
redis.call('HDEL', KEYS[2], ticket)
local ttl = math.ceil(math.max(chatGap, globalGap)) + 1000
redis.call('SET', KEYS[3], now, 'PX', ttl)
redis.call('SET', KEYS[4], now, 'PX', ttl)
return 0`;

/**
 * One attempt that does not stand in the line (a queued message: its queue keeps the order and retries it).
 * Same KEYS and ARGV as TAKE (the ticket unused). Returns {0, 0} when granted, {1, ms} when the global gap
 * is not over, {2, ms} when the chat's is not, {3, 0} when a waiter ahead in the line could go now.
 */
const TRY = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local order = tonumber(ARGV[2])
local chatGap = tonumber(ARGV[5]) / tonumber(ARGV[3])
local globalGap = tonumber(ARGV[5]) / tonumber(ARGV[4])
local stale = tonumber(ARGV[6])
local wait = tonumber(redis.call('GET', KEYS[3]) or '0') + globalGap - now
if wait > 0 then return {1, math.ceil(wait)} end
wait = tonumber(redis.call('GET', KEYS[4]) or '0') + chatGap - now
if wait > 0 then return {2, math.ceil(wait)} end
local ahead = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', '(' .. order)
for _, other in ipairs(ahead) do
  local info = redis.call('HGET', KEYS[2], other)
  local sep = info and string.find(info, '|', 1, true)
  if sep and tonumber(string.sub(info, sep + 1)) >= now - stale and tonumber(redis.call('GET', string.sub(info, 1, sep - 1)) or '0') + chatGap <= now then
    return {3, 0}
  end
end
local ttl = math.ceil(math.max(chatGap, globalGap)) + 1000
redis.call('SET', KEYS[3], now, 'PX', ttl)
redis.call('SET', KEYS[4], now, 'PX', ttl)
return {0, 0}`;

/** Why a queued message may not go yet (SendPacer.tryTake). */
export type PaceDenial = { kind: "granted" } | { kind: "global"; ms: number } | { kind: "chat"; ms: number } | { kind: "behind" };

const CANCEL = `
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])
return 0`;

export interface SendPacerOptions {
  /** Key names start with `${prefix}:pace:${name}` (the prefix carries the Cluster hash tag). */
  prefix: string;
  name: string;
  /** Sends to one chat per second, at most (spaced 1/rate s apart). */
  perChatPerSecond: number;
  /** Sends overall per second, at most (spaced 1/rate s apart). */
  globalPerSecond: number;
  /** Turns a chat id into what key names hold (a keyed hash), so no chat id stands in clear in Redis. */
  chatIndex?: (chatId: string) => string;
  /** A waiter that has not asked for this long is dropped from the line (default 3 s). */
  staleMs?: number;
}

/** Longest sleep between two asks: keeps a waiter's place fresh (well under staleMs). */
const MAX_SLEEP_MS = 250;
/** Sleep when someone ahead in line could go now: it is about to take the slot. */
const YIELD_MS = 5;
const WINDOW_MS = 1_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Outbound pacing shared by every process through Redis: at most `perChatPerSecond` sends to one chat and
 * `globalPerSecond` overall in any second, spaced evenly rather than in bursts. Senders waiting for a slot
 * stand in one line ordered by priority, then by arrival: when a slot frees, a high-priority send (an NGO
 * alert) takes it before any lower one that could also go, but never blocks sends to other chats while
 * its own chat is busy.
 */
export class SendPacer {
  private readonly staleMs: number;
  private readonly chatIndex: (chatId: string) => string;
  private readonly base: string;

  constructor(
    private readonly redis: RedisClient,
    private readonly opts: SendPacerOptions,
  ) {
    this.staleMs = opts.staleMs ?? 3_000;
    this.chatIndex = opts.chatIndex ?? ((chatId) => chatId);
    this.base = `${opts.prefix}:pace:${opts.name}`;
  }

  private keys(chatId: string): string[] {
    return [`${this.base}:waiters`, `${this.base}:waiter-info`, `${this.base}:last-global`, `${this.base}:last-chat:${this.chatIndex(chatId)}`];
  }

  /** One attempt: 0 when granted, otherwise ms to wait (negative: someone ahead could go now). */
  async take(chatId: string, ticket: string, priority: SendPriority, firstAsked: number): Promise<number> {
    const { opts } = this;
    const order = RANK[priority] * RANK_SPAN + firstAsked;
    const result = await this.redis.eval(TAKE, 4, ...this.keys(chatId), ticket, order, opts.perChatPerSecond, opts.globalPerSecond, WINDOW_MS, this.staleMs);
    return Number(result);
  }

  /**
   * For queued messages: takes the slot if it is free now, without joining the line of waiters (the queue
   * orders and retries them; a line of hundreds of queued messages would make every ask scan it). Waiters
   * ahead in the line (higher priority) still go first.
   */
  async tryTake(chatId: string, priority: SendPriority, firstAsked: number): Promise<PaceDenial> {
    const { opts } = this;
    const order = RANK[priority] * RANK_SPAN + firstAsked;
    const [code, ms] = (await this.redis.eval(TRY, 4, ...this.keys(chatId), "", order, opts.perChatPerSecond, opts.globalPerSecond, WINDOW_MS, this.staleMs)) as [number, number];
    if (code === 0) return { kind: "granted" };
    if (code === 1) return { kind: "global", ms };
    if (code === 2) return { kind: "chat", ms };
    return { kind: "behind" };
  }

  /** Waits for a slot to send to `chatId`; resolves once the send may go out (the slot is then used). */
  async wait(chatId: string, priority: SendPriority = "normal"): Promise<void> {
    const ticket = randomUUID();
    const firstAsked = Date.now();
    try {
      for (;;) {
        const ms = await this.take(chatId, ticket, priority, firstAsked);
        if (ms === 0) return;
        await sleep(ms < 0 ? YIELD_MS : Math.min(ms, MAX_SLEEP_MS));
      }
    } catch (err) {
      // Leave the line, so nobody waits behind a send that will not come (stale waiters expire anyway).
      await this.redis.eval(CANCEL, 2, ...this.keys(chatId).slice(0, 2), ticket).catch(() => undefined);
      throw err;
    }
  }
}
