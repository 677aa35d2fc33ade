/** MediaStore (src/store/media-store.ts): photos kept only transiently, under a TTL, deleted when done. */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, afterEach, before, test } from "node:test";
import { MediaStore } from "../../../src/store/media-store.ts";
import { StoreRedis } from "../../support/store-redis.ts";

let s: StoreRedis;
before(async () => (s = await StoreRedis.start()));
afterEach(() => s.cleanup());
after(() => s.stop());

const TTL = 600_000;

test("bytes come back as stored, under a new id or the one given", async () => {
  const media = new MediaStore(s.redis, s.keys(), TTL);
  const bytes = randomBytes(70_000);
  const id = await media.put(bytes);
  assert.match(id, /^[0-9a-f-]{36}$/);
  assert.deepEqual(await media.get(id), bytes);
  assert.equal(await media.put(Buffer.from("clean"), "clean-1"), "clean-1");
  assert.equal((await media.get("clean-1"))?.toString(), "clean");
  assert.equal(await media.get("missing"), undefined);
});

test("every photo has the TTL", async () => {
  const keys = s.keys();
  const media = new MediaStore(s.redis, keys, TTL);
  const id = await media.put(randomBytes(10));
  const ttl = await s.redis.pttl(keys.media(id));
  assert.ok(ttl > 0 && ttl <= TTL, String(ttl));
});

test("delete removes several at once, and nothing when given nothing", async () => {
  const media = new MediaStore(s.redis, s.keys(), TTL);
  const [a, b, c] = [await media.put(randomBytes(10)), await media.put(randomBytes(10)), await media.put(randomBytes(10))];
  await media.delete();
  await media.delete(a, b);
  assert.equal(await media.get(a), undefined);
  assert.equal(await media.get(b), undefined);
  assert.ok(await media.get(c));
});
