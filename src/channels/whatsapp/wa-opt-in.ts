import { moveKeys } from "../../store/atomic-updates.ts";
import type { RedisClient } from "../../store/redis.ts";
import type { WaKeys } from "./wa-keys.ts";

export type UnreachableReason = "never_messaged" | "blocked" | "not_found" | "failed";

/**
 * Who may be messaged on WhatsApp. The bot never writes first: a chat becomes sendable only once it
 * wrote to the bot (a family member opening the wa.me invite link sends the code), which is what keeps
 * the number from looking like a spammer. A chat that could not be reached is marked until it writes again.
 */
export class WaOptIn {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: WaKeys,
    /** How long an opt-in lasts after the chat last wrote (the app's RETENTION). */
    private readonly ttlMs: number,
  ) {}

  async markSeen(chatId: string): Promise<void> {
    await this.carryOver(chatId);
    await this.redis.multi().set(this.keys.seen(chatId), "1", "PX", this.ttlMs).del(this.keys.unreachable(chatId)).exec();
  }

  async hasMessaged(chatId: string): Promise<boolean> {
    if ((await this.redis.exists(this.keys.seen(chatId))) === 1) return true;
    // During a key rotation the opt-in may still be named by the previous key's hash.
    return (await this.carryOver(chatId)) > 0 && (await this.redis.exists(this.keys.seen(chatId))) === 1;
  }

  /**
   * While APP_KEY_PREVIOUS is set: moves the chat's keys (opt-in, unreachable mark, numbered choices,
   * pacing) from the previous key's hash to the current one. Returns how many were found there.
   */
  async carryOver(chatId: string): Promise<number> {
    const previous = this.keys.previous(chatId);
    if (!previous) return 0;
    return moveKeys(this.redis, previous.perChat(chatId), this.keys.perChat(chatId));
  }

  /** Keeps an opt-in alive while messages reach the chat. */
  async refresh(chatId: string): Promise<void> {
    await this.redis.pexpire(this.keys.seen(chatId), this.ttlMs);
  }

  /** True when this call marked the chat (so the traveller is told once, not per message). */
  async markUnreachable(chatId: string, reason: UnreachableReason): Promise<boolean> {
    return (await this.redis.set(this.keys.unreachable(chatId), reason, "PX", this.ttlMs, "NX")) === "OK";
  }

  async unreachable(chatId: string): Promise<UnreachableReason | undefined> {
    return ((await this.redis.get(this.keys.unreachable(chatId))) as UnreachableReason | null) ?? undefined;
  }

  /** /forget and tests: the chat is as if it never wrote. */
  async forget(chatId: string): Promise<void> {
    await this.redis.del(this.keys.seen(chatId), this.keys.unreachable(chatId), this.keys.choices(chatId), ...(this.keys.previous(chatId)?.perChat(chatId) ?? []));
  }
}
