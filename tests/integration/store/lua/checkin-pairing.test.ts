/**
 * The check-in pairing scripts (src/store/lua/add-checkin-part.lua, mark-pending-duress.lua) on a real
 * redis-server: concurrent halves make exactly one pair, the window runs from the first half.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { Redis } from "ioredis";
import { ADD_PART, MARK_PENDING_DURESS } from "../../../../src/store/checkin-repository.ts";
import { startRedis, type RedisServerHandle } from "../../../support/redis-server.ts";

let server: RedisServerHandle;
let redis: Redis;
let prefix: string;
let n = 0;
const key = () => `${prefix}:pending:${n++}`;

before(async () => {
  server = await startRedis();
  redis = new Redis(server.url);
  prefix = `{t${randomBytes(4).toString("hex")}}`;
});

after(async () => {
  redis?.disconnect();
  await server?.stop();
});

test("add-checkin-part: the second half takes the pair out; a newer photo replaces (and returns) the older", async () => {
  const k = key();
  assert.deepEqual(await ADD_PART.run(redis, k, 60_000, "photo", "p1"), [null]);
  assert.deepEqual(await ADD_PART.run(redis, k, 60_000, "photo", "p2"), ["p1"]);
  assert.deepEqual(await ADD_PART.run(redis, k, 60_000, "location", "l1"), [null, "p2", "l1", null]);
  assert.equal(await redis.exists(k), 0, "the pair is taken out");
});

test("add-checkin-part: the window is set by the first half only", async () => {
  const k = key();
  await ADD_PART.run(redis, k, 60_000, "location", "l1");
  assert.ok((await redis.pttl(k)) > 50_000);
  await redis.pexpire(k, 5_000);
  await ADD_PART.run(redis, k, 60_000, "location", "l2");
  assert.ok((await redis.pttl(k)) <= 5_000, "a later part does not restart the window");
});

test("add-checkin-part: many concurrent photos and locations make pairs out of distinct halves, never one twice", async () => {
  const k = key();
  const replies = await Promise.all(
    Array.from({ length: 40 }, (_, i) => ADD_PART.run(redis, k, 60_000, i % 2 ? "location" : "photo", `${i % 2 ? "l" : "p"}${i}`)),
  );
  const pairs = replies.filter((r) => r.length === 4);
  assert.ok(pairs.length >= 1);
  const used = pairs.flatMap((r) => [r[1], r[2]]);
  assert.equal(new Set(used).size, used.length, "each half in at most one pair");
});

test("mark-pending-duress: the mode travels with the pair; it opens the window when first", async () => {
  const k = key();
  await MARK_PENDING_DURESS.run(redis, k, 60_000);
  assert.ok((await redis.pttl(k)) > 50_000);
  await redis.pexpire(k, 5_000);
  await ADD_PART.run(redis, k, 60_000, "photo", "p");
  assert.ok((await redis.pttl(k)) <= 5_000);
  await MARK_PENDING_DURESS.run(redis, k, 60_000);
  assert.ok((await redis.pttl(k)) <= 5_000, "marking again keeps the window");
  assert.deepEqual(await ADD_PART.run(redis, k, 60_000, "location", "l"), [null, "p", "l", "duress"]);
});
