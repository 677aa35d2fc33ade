/** Re-sealing in place (src/store/reseal.ts) for key rotation: values and hash fields move to the current key, keeping their TTL. */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, afterEach, before, test } from "node:test";
import { KeyRing } from "../../../src/store/key-ring.ts";
import { resealHashFields, resealValue, scanKeys } from "../../../src/store/reseal.ts";
import { StoreRedis } from "../../support/store-redis.ts";

let s: StoreRedis;
before(async () => (s = await StoreRedis.start()));
afterEach(() => s.cleanup());
after(() => s.stop());

const key = () => randomBytes(32).toString("base64");

test("a value sealed with the previous key is re-sealed once, keeps its TTL, and opens without the previous key", async () => {
  const [oldKey, newKey] = [key(), key()];
  const p = s.prefix();
  await s.redis.set(`${p}:v`, new KeyRing(oldKey).seal("secret", `${p}:v`), "PX", 60_000);
  const ring = new KeyRing(newKey, oldKey);
  assert.equal(await resealValue(s.redis, ring, `${p}:v`), true);
  assert.equal(await resealValue(s.redis, ring, `${p}:v`), false);
  assert.equal(new KeyRing(newKey).open((await s.redis.get(`${p}:v`))!, `${p}:v`).toString(), "secret");
  assert.ok((await s.redis.pttl(`${p}:v`)) > 0);
  assert.equal(await resealValue(s.redis, ring, `${p}:missing`), false);
});

test("every field of a hash sealed bound to its field name is re-sealed; current ones are counted out (a large hash, scanned in pages)", async () => {
  const [oldKey, newKey] = [key(), key()];
  const p = s.prefix();
  const fields: Record<string, string> = {};
  for (let i = 0; i < 1_200; i++) fields[`f${i}`] = new KeyRing(oldKey).seal(`v${i}`, `f${i}`);
  fields.current = new KeyRing(newKey).seal("c", "current");
  await s.redis.hset(`${p}:h`, fields);
  assert.equal(await resealHashFields(s.redis, new KeyRing(newKey, oldKey), `${p}:h`), 1_200, "a large hash is scanned to its end");
  const after = await s.redis.hgetall(`${p}:h`);
  const only = new KeyRing(newKey);
  assert.equal(only.open(after.f7!, "f7").toString(), "v7");
  assert.equal(only.open(after.current!, "current").toString(), "c");
});

test("scanKeys finds every key of a pattern", async () => {
  const p = s.prefix();
  for (let i = 0; i < 1_200; i++) await s.redis.set(`${p}:many:${i}`, "1");
  await s.redis.set(`${p}:other`, "1");
  const found = new Set<string>();
  for await (const k of scanKeys(s.redis, `${p}:many:*`)) found.add(k);
  assert.equal(found.size, 1_200);
});
