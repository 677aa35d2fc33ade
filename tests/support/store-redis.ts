/**
 * A redis-server for one store test file, and a fresh random key prefix per test (a Redis Cluster hash tag, as
 * the app's), so tests never see each other's keys; `cleanup()` deletes what the test left under its prefix.
 */
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { createRedis } from "../../src/store/redis.ts";
import { Keys } from "../../src/store/keys.ts";
import { startRedis, type RedisServerHandle } from "./redis-server.ts";

export class StoreRedis {
  private prefixes: string[] = [];

  private constructor(
    readonly server: RedisServerHandle,
    /** A standalone server, so a plain client (SCAN works on it). */
    readonly redis: Redis,
  ) {}

  static async start(): Promise<StoreRedis> {
    const server = await startRedis();
    return new StoreRedis(server, createRedis(server.url, "store-test") as Redis);
  }

  /** Core record keys under a prefix of their own. */
  keys(): Keys {
    return new Keys(this.prefix());
  }

  prefix(): string {
    const prefix = `{s${randomBytes(4).toString("hex")}}`;
    this.prefixes.push(prefix);
    return prefix;
  }

  /** Every key under `prefix` (SCAN, so it never blocks). */
  async keysUnder(prefix: string): Promise<string[]> {
    const found: string[] = [];
    let cursor = "0";
    do {
      const [next, batch] = await this.redis.scan(cursor, "MATCH", `${prefix}*`, "COUNT", 1000);
      found.push(...batch);
      cursor = next;
    } while (cursor !== "0");
    return found;
  }

  async cleanup(): Promise<void> {
    for (const prefix of this.prefixes.splice(0)) {
      const keys = await this.keysUnder(prefix);
      if (keys.length) await this.redis.del(...keys);
    }
  }

  async stop(): Promise<void> {
    this.redis.disconnect();
    await this.server.stop();
  }
}
