/** RedisSubmissionIndex (src/store/submission-index.ts): accepted photos' hashes, for replay checks, for the retention period. */
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { after, afterEach, before, test } from "node:test";
import { RedisSubmissionIndex } from "../../../src/store/submission-index.ts";
import { StoreRedis } from "../../support/store-redis.ts";

let s: StoreRedis;
before(async () => (s = await StoreRedis.start()));
afterEach(() => s.cleanup());
after(() => s.stop());

/** A 64-digit hash with the first `bits` bits flipped from `base`. */
function flip(base: string, bits: number): string {
  const digits = [...base];
  for (let i = 0; i < bits; i++) {
    const d = Math.floor(i / 4);
    digits[d] = (parseInt(digits[d]!, 16) ^ (1 << i % 4)).toString(16);
  }
  return digits.join("");
}

const A = "0".repeat(64);

test("the nearest stored hash within the distance is found, over all the variants asked about", async () => {
  const index = new RedisSubmissionIndex(s.redis, s.keys(), 3_600_000);
  assert.equal(await index.findNear([A], 31), undefined);
  await index.add(flip(A, 20));
  await index.add(flip(A, 9));
  assert.deepEqual(await index.findNear([A], 31), { distance: 9 });
  assert.deepEqual(await index.findNear([A], 8), undefined);
  assert.deepEqual(await index.findNear(["f".repeat(64), flip(A, 10)], 5), { distance: 1 });
});

test("a hash older than the retention period no longer counts, and is dropped", async () => {
  const keys = s.keys();
  const index = new RedisSubmissionIndex(s.redis, keys, 1_000);
  await index.add(A);
  assert.deepEqual(await index.findNear([A], 0), { distance: 0 });
  await sleep(1_300);
  assert.equal(await index.findNear([A], 0), undefined);
  await new RedisSubmissionIndex(s.redis, keys, 3_600_000).add(flip(A, 64));
  assert.equal(await s.redis.zcard(keys.submissions()), 1, "adding sweeps the expired ones");
});
