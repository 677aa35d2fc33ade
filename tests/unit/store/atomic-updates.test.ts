/** The key-rotation moves (src/store/atomic-updates.ts): each a compare-and-set or a move that never loses the newer value. */
import assert from "node:assert/strict";
import { after, afterEach, before, test } from "node:test";
import { compareAndSet, compareAndSetField, hsetIfExists, moveKeys } from "../../../src/store/atomic-updates.ts";
import { StoreRedis } from "../../support/store-redis.ts";

let s: StoreRedis;
before(async () => (s = await StoreRedis.start()));
afterEach(() => s.cleanup());
after(() => s.stop());

test("compareAndSet replaces only an unchanged value, and keeps the TTL", async () => {
  const p = s.prefix();
  await s.redis.set(`${p}:k`, "old", "PX", 60_000);
  assert.equal(await compareAndSet(s.redis, `${p}:k`, "other", "new"), 0);
  assert.equal(await s.redis.get(`${p}:k`), "old");
  assert.equal(await compareAndSet(s.redis, `${p}:k`, "old", "new"), 1);
  assert.equal(await s.redis.get(`${p}:k`), "new");
  assert.ok((await s.redis.pttl(`${p}:k`)) > 0);
  assert.equal(await compareAndSet(s.redis, `${p}:missing`, "old", "new"), 0);
  assert.equal(await s.redis.exists(`${p}:missing`), 0);
});

test("compareAndSetField does the same for one hash field", async () => {
  const p = s.prefix();
  await s.redis.hset(`${p}:h`, { a: "old", b: "keep" });
  assert.equal(await compareAndSetField(s.redis, `${p}:h`, "a", "other", "new"), 0);
  assert.equal(await compareAndSetField(s.redis, `${p}:h`, "a", "old", "new"), 1);
  assert.deepEqual(await s.redis.hgetall(`${p}:h`), { a: "new", b: "keep" });
});

test("moveKeys renames with the TTL, lets an existing target win, and counts the sources found", async () => {
  const p = s.prefix();
  await s.redis.set(`${p}:from1`, "v1", "PX", 60_000);
  await s.redis.set(`${p}:from2`, "stale");
  await s.redis.set(`${p}:to2`, "newer");
  assert.equal(await moveKeys(s.redis, [`${p}:from1`, `${p}:from2`, `${p}:from3`], [`${p}:to1`, `${p}:to2`, `${p}:to3`]), 2);
  assert.equal(await s.redis.get(`${p}:to1`), "v1");
  assert.ok((await s.redis.pttl(`${p}:to1`)) > 0);
  assert.equal(await s.redis.get(`${p}:to2`), "newer");
  assert.deepEqual((await s.keysUnder(p)).sort(), [`${p}:to1`, `${p}:to2`]);
  assert.equal(await moveKeys(s.redis, [`${p}:same`], [`${p}:same`]), 0);
});

test("hsetIfExists sets fields of an existing hash (keeping its TTL) and creates nothing", async () => {
  const p = s.prefix();
  await s.redis.hset(`${p}:h`, { a: "1" });
  await s.redis.pexpire(`${p}:h`, 60_000);
  assert.equal(await hsetIfExists(s.redis, `${p}:h`, { a: "2", b: 3 }), true);
  assert.deepEqual(await s.redis.hgetall(`${p}:h`), { a: "2", b: "3" });
  assert.ok((await s.redis.pttl(`${p}:h`)) > 0);
  assert.equal(await hsetIfExists(s.redis, `${p}:gone`, { a: "1" }), false);
  assert.equal(await s.redis.exists(`${p}:gone`), 0);
});
