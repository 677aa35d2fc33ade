import { randomUUID } from "node:crypto";
import { LuaScript } from "./lua/lua-script.ts";
import type { RedisClient } from "./redis.ts";
import type { PaceDenial, Pacer, SendPriority } from "../ports/messaging.ts";

const RANK: Record<SendPriority, number> = { high: 0, normal: 1, low: 2 };
/** Order scores: rank * RANK_SPAN + the ms a waiter first asked; epoch ms stay below 1e13 until the year 2286. */
const RANK_SPAN = 1e13;

type PaceArgs = [waiters: string, waiterInfo: string, lastGlobal: string, lastChat: string, ticket: string, order: number, perChat: number, global: number, windowMs: number, staleMs: number];

/** One attempt to take a send slot, standing in the line of waiters (see the script). */
export const PACE_TAKE = new LuaScript<PaceArgs, number>("saPaceTake", new URL("./lua/pace-take.lua", import.meta.url), 4);

/** One attempt that does not stand in the line (a queued message; see the script). */
export const PACE_TRY = new LuaScript<PaceArgs, [number, number]>("saPaceTry", new URL("./lua/pace-try.lua", import.meta.url), 4);

/** Takes a waiter that gave up out of the line. */
export const PACE_CANCEL = new LuaScript<[waiters: string, waiterInfo: string, ticket: string], number>(
  "saPaceCancel", new URL("./lua/pace-cancel.lua", import.meta.url), 2,
);

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
export class SendPacer implements Pacer {
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

  private keys(chatId: string): [string, string, string, string] {
    return [`${this.base}:waiters`, `${this.base}:waiter-info`, `${this.base}:last-global`, `${this.base}:last-chat:${this.chatIndex(chatId)}`];
  }

  /** One attempt: 0 when granted, otherwise ms to wait (negative: someone ahead could go now). */
  async take(chatId: string, ticket: string, priority: SendPriority, firstAsked: number): Promise<number> {
    const { opts } = this;
    const order = RANK[priority] * RANK_SPAN + firstAsked;
    const result = await PACE_TAKE.run(this.redis, ...this.keys(chatId), ticket, order, opts.perChatPerSecond, opts.globalPerSecond, WINDOW_MS, this.staleMs);
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
    const [code, ms] = await PACE_TRY.run(this.redis, ...this.keys(chatId), "", order, opts.perChatPerSecond, opts.globalPerSecond, WINDOW_MS, this.staleMs);
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
      const [waiters, waiterInfo] = this.keys(chatId);
      await PACE_CANCEL.run(this.redis, waiters, waiterInfo, ticket).catch(() => undefined);
      throw err;
    }
  }
}
