/**
 * SendPacer (src/store/send-pacer.ts): sends spaced per chat and overall through Redis, and a line of waiters by
 * priority. Only lower bounds of time are asserted (a loaded machine is slower, never faster).
 */
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { after, afterEach, before, test } from "node:test";
import { SendPacer, type SendPacerOptions } from "../../../src/store/send-pacer.ts";
import { StoreRedis } from "../../support/store-redis.ts";

let s: StoreRedis;
before(async () => (s = await StoreRedis.start()));
afterEach(() => s.cleanup());
after(() => s.stop());

const pacer = (opts: Partial<SendPacerOptions> = {}) =>
  new SendPacer(s.redis, { prefix: s.prefix(), name: "tg", perChatPerSecond: 1, globalPerSecond: 1000, ...opts });

test("one chat: the next send waits out the chat's gap; another chat goes meanwhile", async () => {
  const p = pacer();
  assert.deepEqual(await p.tryTake("chat-a", "normal", Date.now()), { kind: "granted" });
  // Past the global gap (1 ms; the script counts whole milliseconds, so an ask in the same one meets it first).
  await sleep(3);
  const denied = await p.tryTake("chat-a", "normal", Date.now());
  assert.equal(denied.kind, "chat");
  assert.ok(denied.kind === "chat" && denied.ms > 0 && denied.ms <= 1_000);
  await sleep(20);
  assert.deepEqual(await p.tryTake("chat-b", "normal", Date.now()), { kind: "granted" });
});

test("overall: sends to different chats are spaced by the global rate", async () => {
  const p = pacer({ perChatPerSecond: 100, globalPerSecond: 2 });
  assert.deepEqual(await p.tryTake("chat-a", "normal", Date.now()), { kind: "granted" });
  const denied = await p.tryTake("chat-b", "normal", Date.now());
  assert.ok(denied.kind === "global" && denied.ms > 0 && denied.ms <= 500, JSON.stringify(denied));
});

test("a high-priority waiter whose chat is free goes before a normal send to another chat", async () => {
  const p = pacer({ perChatPerSecond: 100, globalPerSecond: 2 });
  assert.deepEqual(await p.tryTake("chat-c", "normal", Date.now()), { kind: "granted" });
  const asked = Date.now();
  assert.ok((await p.take("chat-ngo", "ticket-1", "high", asked)) > 0, "waits for the global gap, in line");
  await sleep(600);
  assert.deepEqual(await p.tryTake("chat-b", "normal", Date.now()), { kind: "behind" });
  assert.equal(await p.take("chat-ngo", "ticket-1", "high", asked), 0);
});

test("a high-priority waiter whose own chat is busy blocks nobody else", async () => {
  const p = pacer({ perChatPerSecond: 1, globalPerSecond: 1000 });
  await p.tryTake("chat-ngo", "normal", Date.now());
  const asked = Date.now();
  assert.ok((await p.take("chat-ngo", "ticket-1", "high", asked)) > 0);
  await sleep(20);
  assert.deepEqual(await p.tryTake("chat-b", "low", Date.now()), { kind: "granted" });
});

test("wait() resolves when the slot is granted, spacing sends to one chat", async () => {
  const p = pacer({ perChatPerSecond: 10 });
  await p.wait("chat-a");
  const start = Date.now();
  await p.wait("chat-a", "low");
  assert.ok(Date.now() - start >= 90, `${Date.now() - start} ms`);
});

test("chat ids stand in key names only through chatIndex", async () => {
  const prefix = s.prefix();
  const p = new SendPacer(s.redis, { prefix, name: "tg", perChatPerSecond: 1, globalPerSecond: 1000, chatIndex: (id) => `h${id.length}` });
  await p.tryTake("700100200", "normal", Date.now());
  await p.take("700100201", "t", "normal", Date.now());
  const keys = await s.keysUnder(prefix);
  assert.ok(keys.length > 0);
  assert.ok(!keys.some((k) => k.includes("7001002")), keys.join());
});
