/**
 * The WhatsApp channel's scripts (src/channels/whatsapp/lua/) on a real redis-server: the socket lock's
 * fencing tokens, writes to the session refused under a stale lock value, the numbering of buttons.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { type Redis } from "ioredis";
import { HSET_FENCED, SET_FENCED } from "../../../../src/channels/whatsapp/wa-auth-store.ts";
import { CHOICES_REMEMBER } from "../../../../src/channels/whatsapp/wa-choices.ts";
import { WaKeys } from "../../../../src/channels/whatsapp/wa-keys.ts";
import { SOCKET_LOCK_ACQUIRE, SOCKET_LOCK_RENEW, WaSocketLock } from "../../../../src/channels/whatsapp/wa-socket-lock.ts";
import { StoreRedis } from "../../../support/store-redis.ts";

let store: StoreRedis;
let redis: Redis;

before(async () => {
  store = await StoreRedis.start();
  redis = store.redis;
});

after(() => store?.stop());

const freshKeys = () => new WaKeys(`{t${randomBytes(4).toString("hex")}}`);

test("socket-lock-acquire: one holder at a time, each new holder with a larger fencing token", async () => {
  const keys = freshKeys();
  const results = await Promise.all(["p1", "p2", "p3", "p4"].map((owner) => SOCKET_LOCK_ACQUIRE.run(redis, keys.socketLock(), keys.socketFence(), owner, 60_000)));
  const won = results.filter((r) => r !== null);
  assert.equal(won.length, 1);
  assert.match(won[0]!, /^1:p\d$/);
  await redis.del(keys.socketLock());
  assert.match((await SOCKET_LOCK_ACQUIRE.run(redis, keys.socketLock(), keys.socketFence(), "p9", 60_000))!, /^2:p9$/);
  assert.ok((await redis.pttl(keys.socketLock())) > 50_000);
});

test("socket-lock-renew and release: only by the current holder", async () => {
  const keys = freshKeys();
  const first = new WaSocketLock(redis, keys, 60_000);
  const second = new WaSocketLock(redis, keys, 60_000);
  assert.equal(await first.acquire(), true);
  const stale = first.value!;
  await redis.pexpire(keys.socketLock(), 1_000);
  assert.equal(await first.renew(), true);
  assert.ok((await redis.pttl(keys.socketLock())) > 50_000);
  // The lease lapses; another process takes the lock.
  await redis.del(keys.socketLock());
  assert.equal(await second.acquire(), true);
  assert.equal(await SOCKET_LOCK_RENEW.run(redis, keys.socketLock(), stale, 60_000), 0);
  assert.equal(await first.renew(), false);
  assert.equal(first.value, undefined);
  // A late release with the old value leaves the new holder's lock.
  await first.release();
  assert.equal(await redis.get(keys.socketLock()), second.value);
  await second.release();
  assert.equal(await redis.exists(keys.socketLock()), 0);
});

test("auth-set-fenced and auth-hset-fenced: written under the current lock value only, nothing under a stale one", async () => {
  const keys = freshKeys();
  const lock = keys.socketLock();
  await redis.set(lock, "2:new");
  await assert.rejects(SET_FENCED.run(redis, lock, keys.authCreds(), "1:old", "creds-old"), /FENCED/);
  assert.equal(await redis.exists(keys.authCreds()), 0);
  assert.equal(await SET_FENCED.run(redis, lock, keys.authCreds(), "2:new", "creds-new"), "OK");
  assert.equal(await redis.get(keys.authCreds()), "creds-new");

  assert.equal(await HSET_FENCED.run(redis, lock, keys.authKeys(), "2:new", "pre-key:1", "a", "pre-key:2", "b"), 1);
  await assert.rejects(HSET_FENCED.run(redis, lock, keys.authKeys(), "1:old", "pre-key:1", "", "pre-key:3", "c"), /FENCED/);
  assert.deepEqual(await redis.hgetall(keys.authKeys()), { "pre-key:1": "a", "pre-key:2": "b" }, "a refused write changes nothing");
  assert.equal(await HSET_FENCED.run(redis, lock, keys.authKeys(), "2:new", "pre-key:1", "", "pre-key:3", "c"), 1);
  assert.deepEqual(await redis.hgetall(keys.authKeys()), { "pre-key:2": "b", "pre-key:3": "c" }, "an empty value deletes");
  await redis.del(lock);
  await assert.rejects(SET_FENCED.run(redis, lock, keys.authCreds(), "2:new", "x"), /FENCED/, "no lock: no write");
});

test("choices-remember: numbering continues within the append window, restarts after it; the map expires", async () => {
  const keys = freshKeys();
  const k = keys.choices("chat");
  const t = 1_000_000;
  assert.equal(await CHOICES_REMEMBER.run(redis, k, t, 15_000, 60_000, "a", "b"), 1);
  assert.equal(await CHOICES_REMEMBER.run(redis, k, t + 10_000, 15_000, 60_000, "c"), 3);
  assert.deepEqual(await redis.hmget(k, "1", "2", "3"), ["a", "b", "c"]);
  assert.equal(await CHOICES_REMEMBER.run(redis, k, t + 30_000, 15_000, 60_000, "d"), 1);
  assert.deepEqual(await redis.hmget(k, "1", "2", "3"), ["d", null, null], "an old list is forgotten");
  assert.ok((await redis.pttl(k)) > 50_000);
  // Two messages at once: their numbers never overlap.
  const firsts = await Promise.all([CHOICES_REMEMBER.run(redis, k, t + 31_000, 15_000, 60_000, "x", "y"), CHOICES_REMEMBER.run(redis, k, t + 31_000, 15_000, 60_000, "z", "w")]);
  assert.deepEqual(firsts.sort(), [2, 4]);
});
