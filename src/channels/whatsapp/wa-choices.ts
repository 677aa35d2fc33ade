import type { RedisClient } from "../../store/redis.ts";
import type { WaKeys } from "./wa-keys.ts";

/** Messages with buttons sent this close together share one numbering (a list split over two messages). */
const APPEND_WINDOW_MS = 15_000;
/** A numbered list is answerable this long. */
export const CHOICES_TTL_MS = 30 * 60_000;

// KEYS[1] the chat's hash; ARGV: now, append window, ttl, data...; returns the first number used.
const REMEMBER = `
local now = tonumber(ARGV[1])
local last = tonumber(redis.call('HGET', KEYS[1], '_at') or '0')
local n = 0
if now - last <= tonumber(ARGV[2]) then n = tonumber(redis.call('HGET', KEYS[1], '_n') or '0') else redis.call('DEL', KEYS[1]) end
local first = n + 1
for i = 4, #ARGV do n = n + 1; redis.call('HSET', KEYS[1], tostring(n), ARGV[i]) end
redis.call('HSET', KEYS[1], '_n', tostring(n), '_at', tostring(now))
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[3]))
return first`;

/**
 * WhatsApp has no buttons a bot can rely on, so buttons become numbered lines ("1. Accept") and a reply
 * "1" is mapped back to the button's data through this short-lived per-chat map.
 */
export class WaChoices {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: WaKeys,
  ) {}

  /** Numbers the buttons of one message; returns the number of the first. */
  async remember(chatId: string, data: readonly string[], now = Date.now()): Promise<number> {
    const first = await this.redis.eval(REMEMBER, 1, this.keys.choices(chatId), now, APPEND_WINDOW_MS, CHOICES_TTL_MS, ...data);
    return Number(first);
  }

  async resolve(chatId: string, number: number): Promise<string | undefined> {
    if (!Number.isInteger(number) || number < 1) return undefined;
    return (await this.redis.hget(this.keys.choices(chatId), String(number))) ?? undefined;
  }
}
