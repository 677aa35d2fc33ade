/**
 * The send pacer's scripts (src/store/lua/pace-take.lua, pace-try.lua, pace-cancel.lua) on a real
 * redis-server: the evenly spaced slots (a token bucket of one, per chat and overall) and the line of waiters.
 * The window is a minute (WINDOW) where a test needs a slot to stay taken, so that the assertions hold on a
 * loaded machine.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { Redis } from "ioredis";
import { PACE_CANCEL, PACE_TAKE, PACE_TRY } from "../../../../src/store/send-pacer.ts";
import { startRedis, type RedisServerHandle } from "../../../support/redis-server.ts";

let server: RedisServerHandle;
let redis: Redis;
let prefix: string;
let n = 0;

before(async () => {
  server = await startRedis();
  redis = new Redis(server.url);
  prefix = `{t${randomBytes(4).toString("hex")}}`;
});

after(async () => {
  redis?.disconnect();
  await server?.stop();
});

function pacer() {
  const base = `${prefix}:pace:${n++}`;
  const keys = (chat: string) => [`${base}:waiters`, `${base}:waiter-info`, `${base}:last-global`, `${base}:last-chat:${chat}`] as const;
  return { base, keys };
}

const STALE = 3_000;
const WINDOW = 60_000;

test("pace-take: one grant per gap per chat and overall; the others are told how long to wait", async () => {
  const { keys } = pacer();
  // 1 per window per chat, 2 overall: gaps of 60 and 30 s.
  assert.equal(await PACE_TAKE.run(redis, ...keys("a"), "t1", 1, 1, 2, WINDOW, STALE), 0);
  const sameChat = await PACE_TAKE.run(redis, ...keys("a"), "t2", 2, 1, 2, WINDOW, STALE);
  assert.ok(sameChat > 0 && sameChat <= 30_000, `global gap first: ${sameChat}`);
  await redis.del(keys("a")[2]);
  const chatGap = await PACE_TAKE.run(redis, ...keys("a"), "t2", 2, 1, 2, WINDOW, STALE);
  assert.ok(chatGap > 30_000 && chatGap <= 60_000, `then the chat's gap: ${chatGap}`);
  const otherChat = await PACE_TAKE.run(redis, ...keys("b"), "t3", 3, 1, 2, WINDOW, STALE);
  assert.equal(otherChat, 0, "another chat is not held by this chat's gap");
  assert.deepEqual(await redis.zrange(keys("a")[0], 0, -1), ["t2"], "the one still waiting stands in line");
});

test("pace-take: a waiter ahead in line that could go makes a later one yield (-1); a stale one is dropped", async () => {
  const { keys } = pacer();
  const [waiters, info, lastGlobal] = keys("x");
  // An earlier waiter for chat "a", which is free: it could go now.
  await redis.zadd(waiters, 1, "early");
  await redis.hset(info, "early", `${keys("a")[3]}|${Date.now() + 60_000}`);
  assert.equal(await PACE_TAKE.run(redis, ...keys("b"), "late", 2, 1, 1000, 1000, STALE), -1);
  // The same waiter, silent for longer than the stale time: dropped, and the later one goes.
  await redis.hset(info, "early", `${keys("a")[3]}|${Date.now() - 60_000}`);
  assert.equal(await PACE_TAKE.run(redis, ...keys("b"), "late", 2, 1, 1000, 1000, STALE), 0);
  assert.deepEqual(await redis.zrange(waiters, 0, -1), [], "the granted and the stale waiter both left the line");
  assert.ok(Number(await redis.get(lastGlobal)) > 0, "the grant is recorded");
});

test("pace-try: the same slots without joining the line; codes say which gap holds it", async () => {
  const { keys } = pacer();
  assert.deepEqual(await PACE_TRY.run(redis, ...keys("a"), "", 5, 1, 2, WINDOW, STALE), [0, 0]);
  const [code, ms] = await PACE_TRY.run(redis, ...keys("a"), "", 6, 1, 2, WINDOW, STALE);
  assert.equal(code, 1, "the global gap (30 s) holds first");
  assert.ok(ms > 0 && ms <= 30_000);
  await redis.del(keys("a")[2]);
  const [chatCode] = await PACE_TRY.run(redis, ...keys("a"), "", 6, 1, 2, WINDOW, STALE);
  assert.equal(chatCode, 2, "then the chat's (60 s)");
  // A live waiter ahead (higher priority) that could go: behind.
  await redis.del(keys("a")[2]);
  await redis.zadd(keys("a")[0], 1, "vip");
  await redis.hset(keys("a")[1], "vip", `${keys("b")[3]}|${Date.now() + 60_000}`);
  assert.deepEqual(await PACE_TRY.run(redis, ...keys("c"), "", 9, 1, 2, WINDOW, STALE), [3, 0]);
  assert.equal(await redis.zcard(keys("a")[0]), 1, "try never joins the line");
});

test("pace-take: concurrent asks for one free slot: exactly one is granted", async () => {
  const { keys } = pacer();
  const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => PACE_TAKE.run(redis, ...keys(`c${i}`), `t${i}`, i, 1, 1, WINDOW, STALE)));
  assert.equal(replies.filter((r) => r === 0).length, 1);
});

test("pace-cancel: a waiter that gives up leaves the line", async () => {
  const { keys } = pacer();
  await PACE_TAKE.run(redis, ...keys("a"), "first", 1, 1, 1, WINDOW, STALE);
  await PACE_TAKE.run(redis, ...keys("a"), "second", 2, 1, 1, WINDOW, STALE);
  assert.equal(await redis.zscore(keys("a")[0], "second"), "2");
  await PACE_CANCEL.run(redis, keys("a")[0], keys("a")[1], "second");
  assert.equal(await redis.zscore(keys("a")[0], "second"), null);
  assert.equal(await redis.hexists(keys("a")[1], "second"), 0);
});
