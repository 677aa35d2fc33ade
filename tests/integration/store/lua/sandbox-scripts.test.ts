/**
 * The sandbox chat log's script (src/channels/sandbox/lua/append.lua) on a real redis-server: one number per
 * entry across all chats even when appends race, the entry stored with its number first, the log trimmed to
 * its last entries and kept for its TTL; and the log (SandboxChatLog) reading back what it appended.
 */
import assert from "node:assert/strict";
import { after, afterEach, before, test } from "node:test";
import { SANDBOX_APPEND, SandboxChatLog } from "../../../../src/channels/sandbox/sandbox-chat-log.ts";
import { MediaStore } from "../../../../src/store/media-store.ts";
import { StoreRedis } from "../../../support/store-redis.ts";

let s: StoreRedis;
before(async () => (s = await StoreRedis.start()));
afterEach(() => s.cleanup());
after(() => s.stop());

test("sandbox-append: racing appends to two chats get distinct, consecutive numbers", async () => {
  const keys = s.keys();
  const seqs = await Promise.all(
    Array.from({ length: 20 }, (_, i) => SANDBOX_APPEND.run(s.redis, keys.sandboxSeq(), keys.sandboxLog(i % 2 ? "a" : "b"), `"text":"m${i}"}`, 100, 60_000)),
  );
  assert.deepEqual([...seqs].sort((x, y) => x - y), Array.from({ length: 20 }, (_, i) => i + 1));
  const stored = [...(await s.redis.lrange(keys.sandboxLog("a"), 0, -1)), ...(await s.redis.lrange(keys.sandboxLog("b"), 0, -1))];
  assert.equal(stored.length, 20);
  for (const raw of stored) {
    const entry = JSON.parse(raw) as { seq: number; text: string };
    // The number goes first and belongs to the entry it was returned for.
    assert.match(raw, /^\{"seq":\d+,"text":/);
    assert.equal(entry.seq, seqs[Number(entry.text.slice(1))]);
  }
});

test("sandbox-append: keeps the last entries only, for the TTL", async () => {
  const keys = s.keys();
  for (let i = 0; i < 5; i++) await SANDBOX_APPEND.run(s.redis, keys.sandboxSeq(), keys.sandboxLog("c"), `"text":"m${i}"}`, 3, 60_000);
  const texts = (await s.redis.lrange(keys.sandboxLog("c"), 0, -1)).map((r) => (JSON.parse(r) as { text: string }).text);
  assert.deepEqual(texts, ["m2", "m3", "m4"]);
  const ttl = await s.redis.pttl(keys.sandboxLog("c"));
  assert.ok(ttl > 50_000 && ttl <= 60_000, String(ttl));
});

test("SandboxChatLog: entries come back in order after a number, a photo through the media store", async () => {
  const keys = s.keys();
  const media = new MediaStore(s.redis, keys, 60_000);
  const log = new SandboxChatLog(s.redis, keys, media, 60_000);
  const first = await log.append("chat", { dir: "in", text: "hello" });
  const second = await log.append("chat", { dir: "out", text: "a photo", photo: Buffer.from("jpeg"), buttons: [[{ label: "OK", data: "ok" }]] });
  assert.equal(second.seq, first.seq + 1);
  assert.ok(second.photoId);
  assert.equal((await media.get(second.photoId))?.toString(), "jpeg");
  const all = await log.after("chat", 0);
  assert.deepEqual(all.map((e) => [e.seq, e.dir, e.text]), [[first.seq, "in", "hello"], [second.seq, "out", "a photo"]]);
  assert.deepEqual(all[1]!.buttons, [[{ label: "OK", data: "ok" }]]);
  assert.deepEqual((await log.after("chat", first.seq)).map((e) => e.text), ["a photo"]);
  await log.clear("chat");
  assert.deepEqual(await log.after("chat", 0), []);
});
