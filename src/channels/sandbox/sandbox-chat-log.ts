import { LuaScript } from "../../store/lua/lua-script.ts";
import type { RedisClient } from "../../store/redis.ts";
import type { Button } from "../../ports/messaging.ts";
import type { Keys } from "../../store/keys.ts";
import type { MediaStore } from "../../store/media-store.ts";

export interface SandboxEntry {
  seq: number;
  /** "in": what the sandbox user sent; "out": what the bot answered. */
  dir: "in" | "out";
  text: string;
  buttons?: Button[][];
  requestLocation?: { label: string };
  photoId?: string;
  at: number;
}

const MAX_ENTRIES = 200;

/** Numbers and stores one entry (see the script); replies with its sequence number. */
export const SANDBOX_APPEND = new LuaScript<[seqKey: string, logKey: string, jsonTail: string, maxEntries: number, ttlMs: number], number>(
  "saSandboxAppend", new URL("./lua/append.lua", import.meta.url), 2,
);

/** The sandbox chat's history per chat, in Redis so any process (bot, worker) can write to it. */
export class SandboxChatLog {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly media: MediaStore,
    private readonly ttlMs: number,
  ) {}

  async append(chatId: string, entry: Omit<SandboxEntry, "seq" | "at" | "photoId"> & { photo?: Buffer }): Promise<SandboxEntry> {
    const { photo, ...rest } = entry;
    const photoId = photo ? await this.media.put(photo) : undefined;
    const unnumbered = { ...rest, at: Date.now(), ...(photoId ? { photoId } : {}) };
    // Numbered and stored by one script (one round trip: a burst of reminders goes through here).
    const json = JSON.stringify(unnumbered);
    const seq = await SANDBOX_APPEND.run(this.redis, this.keys.sandboxSeq(), this.keys.sandboxLog(chatId), json.slice(1), MAX_ENTRIES, this.ttlMs);
    return { ...unnumbered, seq };
  }

  async after(chatId: string, seq: number): Promise<SandboxEntry[]> {
    const raw = await this.redis.lrange(this.keys.sandboxLog(chatId), 0, -1);
    return raw.map((r) => JSON.parse(r) as SandboxEntry).filter((e) => e.seq > seq);
  }

  async clear(chatId: string): Promise<void> {
    await this.redis.del(this.keys.sandboxLog(chatId));
  }
}
