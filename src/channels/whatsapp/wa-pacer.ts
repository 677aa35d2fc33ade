import type { RedisClient } from "../../store/redis.ts";
import type { WaKeys } from "./wa-keys.ts";

// KEYS: global slot, chat slot; ARGV: now, global gap, chat gap. Reserves the next free slot; returns it.
const RESERVE = `
local now = tonumber(ARGV[1])
local g = tonumber(redis.call('GET', KEYS[1]) or '0')
local c = tonumber(redis.call('GET', KEYS[2]) or '0')
local at = math.max(now, g, c)
local gg = tonumber(ARGV[2])
local cg = tonumber(ARGV[3])
redis.call('SET', KEYS[1], tostring(at + gg), 'PX', math.max(at + gg - now, 1) + 60000)
redis.call('SET', KEYS[2], tostring(at + cg), 'PX', math.max(at + cg - now, 1) + 60000)
return tostring(at)`;

export interface PacerRates {
  /** Messages per minute to one chat. */
  perChat: number;
  /** Messages per minute overall. */
  global: number;
}

/**
 * Spaces WhatsApp sends evenly: at most `perChat` a minute to one chat and `global` a minute overall.
 * Slots are reserved in Redis, so the limits hold across processes and restarts; a sender waits for its slot.
 */
export class WaPacer {
  private readonly globalGap: number;
  private readonly chatGap: number;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: WaKeys,
    rates: PacerRates,
  ) {
    this.globalGap = Math.ceil(60_000 / rates.global);
    this.chatGap = Math.ceil(60_000 / rates.perChat);
  }

  /** Reserves the next slot for a send to `chatId`; resolves with the ms to wait before sending. */
  async reserve(chatId: string, now = Date.now()): Promise<number> {
    const at = Number(await this.redis.eval(RESERVE, 2, this.keys.paceGlobal(), this.keys.paceChat(chatId), now, this.globalGap, this.chatGap));
    return Math.max(0, at - now);
  }

  /** Waits for the slot. */
  async wait(chatId: string): Promise<void> {
    const ms = await this.reserve(chatId);
    if (ms > 0) await new Promise((r) => setTimeout(r, ms));
  }
}
