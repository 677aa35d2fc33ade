/** Connecting to Redis (src/store/redis.ts): which topology the settings describe, and a standalone connection that works. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { createRedis, parseHostList, redisMode } from "../../../src/store/redis.ts";
import { startRedis } from "../../support/redis-server.ts";

test("host lists: ports defaulted, spaces and empty parts ignored, IPv6 kept whole", () => {
  assert.deepEqual(parseHostList(" a:7000, b ,,[::1]:7001", 26379), [
    { host: "a", port: 7000 },
    { host: "b", port: 26379 },
    { host: "[::1]", port: 7001 },
  ]);
});

test("the topology: cluster over sentinel over standalone", () => {
  assert.equal(redisMode({}), "standalone");
  assert.equal(redisMode({ REDIS_SENTINELS: "s:26379" }), "sentinel");
  assert.equal(redisMode({ REDIS_CLUSTER_NODES: "a:7000" }), "cluster");
});

test("refused: both sentinels and cluster, or a cluster prefix without a hash tag", () => {
  assert.throws(() => createRedis({ REDIS_SENTINELS: "s:1", REDIS_CLUSTER_NODES: "a:1" }, "t"), /either/);
  assert.throws(() => createRedis({ REDIS_CLUSTER_NODES: "127.0.0.1:1", REDIS_PREFIX: "sa" }, "t"), /hash tag/);
});

test("a standalone connection from a URL names itself and answers", async () => {
  const server = await startRedis();
  const redis = createRedis(server.url, "unit");
  try {
    assert.equal(await redis.ping(), "PONG");
    assert.equal(await redis.client("GETNAME"), "safe-arrival:unit");
  } finally {
    redis.disconnect();
    await server.stop();
  }
});
