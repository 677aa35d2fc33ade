import { randomUUID } from "node:crypto";
import type { RedisClient } from "./redis.ts";
import type { Keys } from "./keys.ts";

/** Photos live here only transiently: a short TTL, deleted as soon as they are no longer needed. */
export class MediaStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly ttlMs: number,
  ) {}

  async put(bytes: Buffer, id: string = randomUUID()): Promise<string> {
    await this.redis.set(this.keys.media(id), bytes, "PX", this.ttlMs);
    return id;
  }

  async get(id: string): Promise<Buffer | undefined> {
    return (await this.redis.getBuffer(this.keys.media(id))) ?? undefined;
  }

  async delete(...ids: string[]): Promise<void> {
    if (ids.length > 0) await this.redis.del(...ids.map((id) => this.keys.media(id)));
  }
}
