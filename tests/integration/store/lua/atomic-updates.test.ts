/**
 * The store's small atomic steps (src/store/lua/compare-and-set*.lua, delete-if-equal.lua, move-keys.lua,
 * extend-expiry.lua) on a real redis-server: each refuses to act on a value that changed since it was read.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { Redis } from "ioredis";
import { COMPARE_AND_SET, COMPARE_AND_SET_FIELD, DELETE_IF_EQUAL, MOVE_KEYS, compareAndSet, compareAndSetField, deleteIfEqual, moveKeys } from "../../../../src/store/atomic-updates.ts";
import { EXTEND_EXPIRY } from "../../../../src/store/session-repository.ts";
import { startRedis, type RedisServerHandle } from "../../../support/redis-server.ts";

let server: RedisServerHandle;
let redis: Redis;
let n = 0;
let prefix: string;
const key = (name: string) => `${prefix}:${name}:${n++}`;

before(async () => {
  server = await startRedis();
  redis = new Redis(server.url);
  prefix = `{t${randomBytes(4).toString("hex")}}`;
});

after(async () => {
  redis?.disconnect();
  await server?.stop();
});

test("compare-and-set: replaces only the value read, keeps the TTL; a stale value is refused", async () => {
  const k = key("cas");
  await redis.set(k, "v1", "PX", 60_000);
  assert.equal(await compareAndSet(redis, k, "v1", "v2"), 1);
  assert.equal(await redis.get(k), "v2");
  assert.ok((await redis.pttl(k)) > 50_000, "KEEPTTL");
  // A second writer that read v1 too loses.
  assert.equal(await COMPARE_AND_SET.run(redis, k, "v1", "v3"), 0);
  assert.equal(await redis.get(k), "v2");
  assert.equal(await compareAndSet(redis, key("missing"), "v1", "v2"), 0, "no key: nothing to replace");
  // Racing writers from the same read: exactly one wins.
  const race = key("race");
  await redis.set(race, "old");
  const results = await Promise.all(Array.from({ length: 20 }, (_, i) => compareAndSet(redis, race, "old", `new${i}`)));
  assert.equal(results.filter((r) => r === 1).length, 1);
});

test("compare-and-set-field: replaces one hash field only if unchanged; a missing field never matches", async () => {
  const k = key("casf");
  await redis.hset(k, { secret: "s1", other: "o" });
  assert.equal(await compareAndSetField(redis, k, "secret", "s1", "s2"), 1);
  assert.equal(await COMPARE_AND_SET_FIELD.run(redis, k, "secret", "s1", "s3"), 0, "stale");
  assert.deepEqual(await redis.hgetall(k), { secret: "s2", other: "o" });
  assert.equal(await compareAndSetField(redis, k, "gone", "", "x"), 0);
  assert.equal(await redis.hexists(k, "gone"), 0, "a field deleted meanwhile is not written back");
});

test("delete-if-equal: deletes only while the key holds the value", async () => {
  const k = key("del");
  await redis.set(k, "1");
  assert.equal(await deleteIfEqual(redis, k, "claimed"), 0);
  assert.equal(await redis.get(k), "1", "a sent marker is not a claim: it stays");
  await redis.set(k, "claimed");
  assert.equal(await DELETE_IF_EQUAL.run(redis, k, "claimed"), 1);
  assert.equal(await redis.exists(k), 0);
  assert.equal(await deleteIfEqual(redis, k, "claimed"), 0, "nothing left");
});

test("move-keys: renames with the TTL; a target that exists wins and its source goes; counts the sources", async () => {
  const [a, a2, b, b2, c, c2] = ["a", "a2", "b", "b2", "c", "c2"].map(key) as [string, string, string, string, string, string];
  await redis.set(a, "A", "PX", 60_000);
  await redis.set(b, "B-old");
  await redis.set(b2, "B-new");
  assert.equal(await moveKeys(redis, [a, b, c], [a2, b2, c2]), 2, "c did not exist");
  assert.equal(await redis.get(a2), "A");
  assert.ok((await redis.pttl(a2)) > 50_000);
  assert.equal(await redis.get(b2), "B-new");
  assert.equal(await redis.exists(a, b, c, c2), 0);
  assert.equal(await moveKeys(redis, [a2], [a2]), 0, "a key onto itself is no move");
  assert.equal(await MOVE_KEYS.run(redis, 2, a2, a), 1, "the number of keys goes per call");
  assert.equal(await redis.get(a), "A");
});

test("extend-expiry: only ever lengthens; gives a key without TTL one; leaves a missing key missing", async () => {
  const k = key("idx");
  await redis.sadd(k, "s");
  assert.equal(await EXTEND_EXPIRY.run(redis, k, 60_000), -1, "returns the TTL before");
  assert.ok((await redis.pttl(k)) > 50_000, "no TTL: gets one");
  assert.ok((await EXTEND_EXPIRY.run(redis, k, 1_000)) > 50_000);
  assert.ok((await redis.pttl(k)) > 50_000, "a shorter one does not shorten it");
  await EXTEND_EXPIRY.run(redis, k, 600_000);
  assert.ok((await redis.pttl(k)) > 500_000, "a longer one lengthens it");
  const none = key("none");
  assert.equal(await EXTEND_EXPIRY.run(redis, none, 60_000), -2);
  assert.equal(await redis.exists(none), 0);
});
