import assert from "node:assert/strict";
import { access } from "node:fs/promises";
import { test } from "node:test";
import { Redis } from "ioredis";
import { pingRedis, startRedis } from "../../support/redis-server.ts";

function client(url: string): Redis {
  // Fail fast: a test against a dead server should error, not hang in retries.
  return new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
}

test("startRedis: answers on its own port, never 6379, and stop() cleans up", async () => {
  const redis = await startRedis();
  try {
    assert.notEqual(redis.port, 6379);
    assert.equal(redis.url, `redis://127.0.0.1:${redis.port}`);
    const c = client(redis.url);
    await c.connect();
    const prefix = `t:${Math.random().toString(36).slice(2)}:`;
    assert.equal(await c.set(`${prefix}k`, "v"), "OK");
    assert.equal(await c.get(`${prefix}k`), "v");
    assert.equal(await c.config("GET", "maxmemory-policy").then((r) => (r as string[])[1]), "noeviction");
    assert.equal(await c.config("GET", "appendonly").then((r) => (r as string[])[1]), "no");
    c.disconnect();
  } finally {
    await redis.stop();
  }
  assert.equal(await pingRedis(redis.port), false);
  await assert.rejects(access(redis.dir), /ENOENT/);
});

test("startRedis: AOF data survives SIGKILL and restart on the same port", async () => {
  const redis = await startRedis({ appendonly: true });
  try {
    const c = client(redis.url);
    await c.connect();
    assert.equal(await c.config("GET", "appendfsync").then((r) => (r as string[])[1]), "always");
    await c.set("survivor", "still-here");
    await c.rpush("list", "a", "b", "c");
    c.disconnect();

    const pidBefore = redis.pid;
    await redis.kill();
    assert.equal(await pingRedis(redis.port), false);

    await redis.restart();
    assert.notEqual(redis.pid, pidBefore);
    const c2 = client(redis.url);
    await c2.connect();
    assert.equal(await c2.get("survivor"), "still-here");
    assert.deepEqual(await c2.lrange("list", 0, -1), ["a", "b", "c"]);
    c2.disconnect();
  } finally {
    await redis.stop();
  }
});

test("startRedis: without AOF a restart starts empty", async () => {
  const redis = await startRedis();
  try {
    const c = client(redis.url);
    await c.connect();
    await c.set("gone", "1");
    c.disconnect();
    await redis.restart();
    const c2 = client(redis.url);
    await c2.connect();
    assert.equal(await c2.get("gone"), null);
    c2.disconnect();
  } finally {
    await redis.stop();
  }
});

test("startRedis: a reconnecting ioredis client recovers after restart", async () => {
  const redis = await startRedis({ appendonly: true });
  const c = new Redis(redis.url, { retryStrategy: () => 50, maxRetriesPerRequest: null });
  c.on("error", () => {
    // expected while the server is down
  });
  try {
    await c.set("x", "1");
    await redis.kill();
    const pending = c.get("x"); // queued while disconnected
    await redis.restart();
    assert.equal(await pending, "1");
  } finally {
    c.disconnect();
    await redis.stop();
  }
});

test("startRedis: several servers at once get distinct ports", async () => {
  const servers = await Promise.all([startRedis(), startRedis(), startRedis()]);
  try {
    assert.equal(new Set(servers.map((s) => s.port)).size, 3);
    for (const s of servers) assert.equal(await pingRedis(s.port), true);
  } finally {
    await Promise.all(servers.map((s) => s.stop()));
  }
});
