/** RateLimiter (src/store/rate-limiter.ts): fixed-window counters in Redis, per sender and kind, named by a keyed hash. */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, afterEach, before, test } from "node:test";
import { KeyRing } from "../../../src/store/key-ring.ts";
import { RateLimiter } from "../../../src/store/rate-limiter.ts";
import { StoreRedis } from "../../support/store-redis.ts";

let s: StoreRedis;
before(async () => (s = await StoreRedis.start()));
afterEach(() => s.cleanup());
after(() => s.stop());

const ring = new KeyRing(randomBytes(32).toString("base64"));
const amina = { channel: "telegram", chatId: "700100200" } as const;
const samir = { channel: "telegram", chatId: "700100201" } as const;
const WINDOW = 60_000;
const T0 = 1_800_000_000_000; // the start of a window (a multiple of WINDOW)

function limiter() {
  const keys = s.keys();
  return { keys, rates: new RateLimiter(s.redis, keys, (channel, chatId) => ring.addressIndex(channel, chatId)) };
}

test("`limit` uses pass in a window, the next is refused, and the next window starts afresh", async () => {
  const { rates } = limiter();
  for (let i = 0; i < 3; i++) assert.equal(await rates.take("photo", amina, 3, WINDOW, T0 + i * 1000), true);
  assert.equal(await rates.take("photo", amina, 3, WINDOW, T0 + 59_000), false);
  assert.equal(await rates.take("photo", amina, 3, WINDOW, T0 + WINDOW), true);
});

test("counts are per sender and per kind", async () => {
  const { rates } = limiter();
  assert.equal(await rates.count("photo", amina, WINDOW, T0), 1);
  assert.equal(await rates.count("photo", amina, WINDOW, T0), 2);
  assert.equal(await rates.count("photo", samir, WINDOW, T0), 1);
  assert.equal(await rates.count("text", amina, WINDOW, T0), 1);
  assert.equal(await rates.countFor("proof", "203.0.113.9", WINDOW, T0), 1);
  assert.equal(await rates.countFor("proof", "203.0.113.9", WINDOW, T0), 2);
});

test("a counter names nobody and lives one window", async () => {
  const { keys, rates } = limiter();
  await rates.count("photo", amina, WINDOW, Date.now());
  await rates.countFor("proof", "203.0.113.9", WINDOW, Date.now());
  const stored = await s.keysUnder(keys.prefix);
  assert.equal(stored.length, 2);
  for (const key of stored) {
    assert.ok(!key.includes(amina.chatId) && !key.includes("203.0.113.9"), key);
    const ttl = await s.redis.pttl(key);
    assert.ok(ttl > 0 && ttl <= WINDOW, `${key}: ${ttl}`);
  }
});

test("countUntilOver counts each kind in turn in one call and stops at the first past its limit", async () => {
  const { keys, rates } = limiter();
  const checks = [{ kind: "msg", limit: 2, windowMs: WINDOW }, { kind: "photo", limit: 1, windowMs: 3_600_000 }];
  assert.equal(await rates.countUntilOver(checks, amina, T0), undefined);
  // The second photo is past its limit: both counted, the photo's count returned.
  assert.deepEqual(await rates.countUntilOver(checks, amina, T0 + 1), { index: 1, count: 2 });
  // Past the message limit: the photo is not counted any more.
  assert.deepEqual(await rates.countUntilOver(checks, amina, T0 + 2), { index: 0, count: 3 });
  assert.equal(await rates.count("photo", amina, 3_600_000, T0 + 3), 3);
  assert.equal(await rates.count("msg", samir, WINDOW, T0), 1);
  const stored = await s.keysUnder(keys.prefix);
  assert.equal(stored.length, 3);
  for (const key of stored) {
    const ttl = await s.redis.pttl(key);
    assert.ok(ttl > 0 && ttl <= 3_600_000, `${key} ${ttl}`);
  }
});
