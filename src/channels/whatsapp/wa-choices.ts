import { LuaScript } from "../../store/lua/lua-script.ts";
import type { RedisClient } from "../../store/redis.ts";
import type { WaKeys } from "./wa-keys.ts";

/** Messages with buttons sent this close together share one numbering (a list split over two messages). */
const APPEND_WINDOW_MS = 15_000;
/** A numbered list is answerable this long. */
export const CHOICES_TTL_MS = 30 * 60_000;

/** Numbers one message's buttons, continuing the numbering within the append window (see the script). */
export const CHOICES_REMEMBER = new LuaScript<[key: string, now: number, appendWindowMs: number, ttlMs: number, ...data: string[]], number>(
  "saWaChoicesRemember", new URL("./lua/choices-remember.lua", import.meta.url), 1,
);

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
    const first = await CHOICES_REMEMBER.run(this.redis, this.keys.choices(chatId), now, APPEND_WINDOW_MS, CHOICES_TTL_MS, ...data);
    return Number(first);
  }

  async resolve(chatId: string, number: number): Promise<string | undefined> {
    if (!Number.isInteger(number) || number < 1) return undefined;
    return (await this.redis.hget(this.keys.choices(chatId), String(number))) ?? undefined;
  }
}
