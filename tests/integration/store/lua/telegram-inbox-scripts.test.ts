/**
 * The Telegram inbox's scripts (src/channels/telegram/inbox-*.lua) on a real redis-server: a batch stored once
 * per update id (a redelivery in the same batch or a later one is dropped), each chat's pending set with one
 * member per update, the ack that leaves nothing behind; and the inbox around them (a batch of concurrent
 * stores, prototype keys dropped before the update reaches a handler).
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import type { Update } from "grammy/types";
import { type Redis } from "ioredis";
import pino from "pino";
import { INBOX_ACK, INBOX_STORE, inboxStoreArgs, type InboxStoreItem } from "../../../../src/channels/telegram/telegram-inbox-entry.ts";
import { TelegramInbox } from "../../../../src/channels/telegram/telegram-inbox.ts";
import { Keys } from "../../../../src/store/keys.ts";
import { SealedBox } from "../../../../src/store/sealed-box.ts";
import { StoreRedis } from "../../../support/store-redis.ts";

let store: StoreRedis;
let redis: Redis;

before(async () => {
  store = await StoreRedis.start();
  redis = store.redis;
});

after(() => store?.stop());

/** Script calls Redis has run so far (by SHA, or with the source after a NOSCRIPT). */
async function scriptCalls(): Promise<number> {
  const stats = await redis.info("commandstats");
  return ["evalsha", "eval"].reduce((n, c) => n + Number(new RegExp(`cmdstat_${c}:calls=(\\d+)`).exec(stats)?.[1] ?? 0), 0);
}

const freshKeys = () => new Keys(`{t${randomBytes(4).toString("hex")}}`);
const TTL = 60_000;

function item(keys: Keys, id: number, chat: string | undefined, kind: "l" | "o" | "", force = false): InboxStoreItem {
  return { keys: [keys.telegramSeen(0), chat ? keys.telegramChatPending(chat) : keys.telegramInbox()], args: [id, id, `sealed-${id}`, kind, force ? "1" : ""] };
}

test("inbox-store: each update id stored once, in one call for the batch; a redelivery (same batch or later) is dropped", async () => {
  const keys = freshKeys();
  const store = (items: InboxStoreItem[]) => INBOX_STORE.run(redis, ...inboxStoreArgs(keys.telegramInbox(), TTL, items));
  assert.deepEqual(await store([item(keys, 7, "a", "o"), item(keys, 8, "a", "l"), item(keys, 7, "a", "o"), item(keys, 9, undefined, "")]), [1, 1, 0, 1]);
  assert.deepEqual(await store([item(keys, 8, "a", "l")]), [0]);
  const entries = await redis.xrange(keys.telegramInbox(), "-", "+");
  assert.deepEqual(entries.map(([, f]) => f), [["u", "7", "s", "sealed-7"], ["u", "8", "s", "sealed-8"], ["u", "9", "s", "sealed-9"]]);
  // The chat's pending set: one member per update, "<id>.<kind>.<entry id>"; an update without a chat has none.
  const members = await redis.zrange(keys.telegramChatPending("a"), 0, -1, "WITHSCORES");
  assert.deepEqual(members, [`7.o.${entries[0]![0]}`, "7", `8.l.${entries[1]![0]}`, "8"]);
  assert.equal(await redis.getbit(keys.telegramSeen(0), 9), 1);
  const ttl = await redis.pttl(keys.telegramSeen(0));
  assert.ok(ttl > TTL - 5_000 && ttl <= TTL, `the seen bitmap expires: ${ttl}`);
});

test("inbox-store with force: a seen id stored again, its chat keeping one member for it", async () => {
  const keys = freshKeys();
  const store = (items: InboxStoreItem[]) => INBOX_STORE.run(redis, ...inboxStoreArgs(keys.telegramInbox(), TTL, items));
  assert.deepEqual(await store([item(keys, 3, "b", "o")]), [1]);
  assert.deepEqual(await store([item(keys, 3, "b", "o", true)]), [1]);
  const entries = await redis.xrange(keys.telegramInbox(), "-", "+");
  assert.equal(entries.length, 2);
  assert.deepEqual(await redis.zrange(keys.telegramChatPending("b"), 0, -1), [`3.o.${entries[1]![0]}`]);
});

test("inbox-ack: the entry leaves the group's pending list and the stream together", async () => {
  const keys = freshKeys();
  const stream = keys.telegramInbox();
  await redis.xgroup("CREATE", stream, "g", "0", "MKSTREAM");
  const [id] = (await INBOX_STORE.run(redis, ...inboxStoreArgs(stream, TTL, [item(keys, 1, "c", "o")])), await redis.xrange(stream, "-", "+")).map(([entry]) => entry);
  await redis.xreadgroup("GROUP", "g", "me", "COUNT", 1, "STREAMS", stream, ">");
  assert.equal((await redis.xpending(stream, "g"))[0], 1);
  assert.equal(await INBOX_ACK.run(redis, stream, "g", id!), 1);
  assert.equal((await redis.xpending(stream, "g"))[0], 0);
  assert.equal(await redis.xlen(stream), 0);
  assert.equal(await INBOX_ACK.run(redis, stream, "g", id!), 0, "acknowledged twice: nothing left to delete");
});

test("the inbox stores concurrent updates in one call, and a handler never sees a prototype key", async () => {
  const keys = freshKeys();
  const inbox = new TelegramInbox({ redis, keys, box: new SealedBox(randomBytes(32).toString("base64")), lockMs: 30_000, concurrency: 4, log: pino({ level: "silent" }), chatIndex: (c) => `i${c}` });
  const before = await scriptCalls();
  const updates = [1, 2, 3].map((id): Update => ({ update_id: id, message: { message_id: id, date: 0, chat: { id: 42, type: "private", first_name: "x" }, text: `m${id}` } }) as Update);
  const raw = Buffer.from(`{"update_id":4,"__proto__":{"polluted":true},"message":{"message_id":4,"date":0,"chat":{"id":42,"type":"private","first_name":"x"},"text":"m4","constructor":{"prototype":{"x":1}}}}`);
  const seen: Update[] = [];
  try {
    await Promise.all([...updates.map((u) => inbox.store(u)), inbox.store(JSON.parse(raw.toString()) as Update, { raw })]);
    const calls = (await scriptCalls()) - before;
    assert.ok(calls <= 2, `four concurrent stores, one script call (its source sent again once on a new connection): ${calls}`);
    assert.equal(await redis.xlen(keys.telegramInbox()), 4);
    await inbox.start(async (u) => {
      seen.push(u);
    });
    for (let i = 0; i < 100 && seen.length < 4; i++) await new Promise((r) => setTimeout(r, 50));
  } finally {
    await inbox.close();
  }
  assert.deepEqual(seen.map((u) => u.update_id), [1, 2, 3, 4]);
  const last = seen[3]!;
  assert.equal(Object.hasOwn(last, "__proto__"), false);
  assert.equal(Object.hasOwn(last.message!, "constructor"), false);
  assert.equal(({} as { polluted?: boolean }).polluted, undefined);
  assert.equal(last.message!.text, "m4");
});

test("acks queued beside other commands on the inbox's auto-pipelined connection", async () => {
  const keys = freshKeys();
  const inbox = new TelegramInbox({ redis, keys, box: new SealedBox(randomBytes(32).toString("base64")), lockMs: 30_000, concurrency: 8, log: pino({ level: "silent" }), chatIndex: (c) => `i${c}` });
  const updates = [1, 2, 3, 4, 5, 6].map((id): Update => ({ update_id: id, message: { message_id: id, date: 0, chat: { id: id % 3, type: "private", first_name: "x" }, text: `m${id}` } }) as Update);
  const seen: number[] = [];
  try {
    await Promise.all(updates.map((u) => inbox.store(u)));
    // Each handler leaves a command queued on the inbox's connection as it returns: the acks that follow in
    // the same event-loop turn join that pipeline (as one turn's ack joins another's `done` in the app).
    const queued: Promise<unknown>[] = [];
    await inbox.start(async (u) => {
      seen.push(u.update_id);
      queued.push(inbox.locationWaiting(u));
    });
    for (let i = 0; i < 100 && (await redis.xlen(keys.telegramInbox())) > 0; i++) await new Promise((r) => setTimeout(r, 50));
    await Promise.all(queued);
  } finally {
    await inbox.close();
  }
  assert.deepEqual(seen.sort(), [1, 2, 3, 4, 5, 6]);
  assert.equal(await redis.xlen(keys.telegramInbox()), 0, "every entry acknowledged and deleted");
});
