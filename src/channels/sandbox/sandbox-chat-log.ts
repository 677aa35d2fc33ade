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

/** The sandbox chat's history per chat, in Redis so any process (bot, worker) can write to it. */
export class SandboxChatLog {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly media: MediaStore,
    private readonly ttlMs: number,
  ) {}

  async append(chatId: string, entry: Omit<SandboxEntry, "seq" | "at" | "photoId"> & { photo?: Buffer }): Promise<SandboxEntry> {
    const seq = await this.redis.incr(this.keys.sandboxSeq());
    const { photo, ...rest } = entry;
    const photoId = photo ? await this.media.put(photo) : undefined;
    const stored: SandboxEntry = { ...rest, seq, at: Date.now(), ...(photoId ? { photoId } : {}) };
    const key = this.keys.sandboxLog(chatId);
    await this.redis.multi().rpush(key, JSON.stringify(stored)).ltrim(key, -MAX_ENTRIES, -1).pexpire(key, this.ttlMs).exec();
    return stored;
  }

  async after(chatId: string, seq: number): Promise<SandboxEntry[]> {
    const raw = await this.redis.lrange(this.keys.sandboxLog(chatId), 0, -1);
    return raw.map((r) => JSON.parse(r) as SandboxEntry).filter((e) => e.seq > seq);
  }

  async clear(chatId: string): Promise<void> {
    await this.redis.del(this.keys.sandboxLog(chatId));
  }
}
