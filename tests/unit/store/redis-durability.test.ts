/** assertDurableRedis (src/store/redis-durability.ts): production refuses a Redis that forgets or evicts. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { Redis } from "ioredis";
import { pino } from "pino";
import { ConfigError } from "../../../src/config.ts";
import { createRedis } from "../../../src/store/redis.ts";
import { assertDurableRedis } from "../../../src/store/redis-durability.ts";
import { startRedis, type RedisServerHandle } from "../../support/redis-server.ts";

const log = pino({ level: "silent" });
let server: RedisServerHandle;
let redis: Redis;
before(async () => {
  server = await startRedis({ appendonly: true });
  redis = createRedis(server.url, "durability-test") as Redis;
});
after(async () => {
  redis.disconnect();
  await server.stop();
});

test("AOF on and noeviction: accepted", async () => {
  await assertDurableRedis(redis, log);
});

test("without AOF, or with an eviction policy: refused, saying what to set", async () => {
  await redis.config("SET", "appendonly", "no");
  await assert.rejects(assertDurableRedis(redis, log), (err: Error) => err instanceof ConfigError && /appendonly yes/.test(err.message));
  await redis.config("SET", "appendonly", "yes");
  await redis.config("SET", "maxmemory-policy", "allkeys-lru");
  await assert.rejects(assertDurableRedis(redis, log), /maxmemory-policy noeviction/);
  await redis.config("SET", "maxmemory-policy", "noeviction");
  await assertDurableRedis(redis, log);
});

test("a Redis that refuses CONFIG (managed services) is let through with a warning", async () => {
  const warnings: string[] = [];
  const recording = pino({ level: "warn" }, { write: (line: string) => void warnings.push(line) });
  await redis.acl("SETUSER", "noconfig", "on", "nopass", "~*", "+@all", "-config");
  const limited = createRedis(server.url.replace("redis://", "redis://noconfig@"), "durability-limited") as Redis;
  try {
    await assertDurableRedis(limited, recording);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /CONFIG disabled/);
  } finally {
    limited.disconnect();
  }
});
