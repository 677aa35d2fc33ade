/**
 * Outbound priorities at a busy pacer (issue 18): a person's own replies are queued in the outbox and wait
 * for their slot without holding the turn, and a family confirmation queued after them goes first.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { App } from "../../src/app.ts";
import { makeUser, telegramErrors, type FakeBotApi } from "../support/fake-bot-api.ts";
import { makeJpeg } from "../support/photos.ts";
import type { RedisServerHandle } from "../support/redis-server.ts";
import { startTelegramHarness, stopTelegramHarness } from "../support/telegram-harness.ts";
import { inTurn } from "../../src/channels/telegram/telegram-turn-scope.ts";

let redis: RedisServerHandle;
let fake: FakeBotApi;
let app: App;

before(async () => {
  // Two sends a second overall: ten replies take five seconds to go out.
  ({ redis, fake, app } = await startTelegramHarness({ env: { TELEGRAM_RATE_GLOBAL: "2", TELEGRAM_RATE_PER_CHAT: "100" } }));
});

after(() => stopTelegramHarness({ app, fake, redis }));

test("ten replies waiting for the pacer: the turns are done at once, and a family message queued after them goes first", async () => {
  const users = Array.from({ length: 10 }, () => makeUser());
  const family = makeUser();
  const mark = fake.mark();
  const pushed = Date.now();
  for (const u of users) fake.text(u, "/help");
  // Every turn ends without waiting for its reply's slot: the outbox holds them all well before they can go.
  const outbox = app.telegramOutbox!.outboxQueue;
  const sent = () => fake.calls("sendMessage").filter((c) => c.seq > mark && c.outcome === "ok");
  const end = Date.now() + 2_000;
  let queued = 0;
  while (Date.now() < end) {
    const c = await outbox.getJobCounts("waiting", "delayed", "prioritized", "active");
    queued = (c.waiting ?? 0) + (c.delayed ?? 0) + (c.prioritized ?? 0) + (c.active ?? 0);
    if (queued + sent().length >= users.length) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.ok(queued + sent().length >= users.length, `all ten turns queued or sent their reply within 2 s (${queued} + ${sent().length})`);
  assert.ok(Date.now() - pushed < 2_500);
  assert.ok(queued >= 5, `most replies still wait for their slot (${queued})`);
  // Each waiting chat's order set expires by itself (a crash or a key rotation may leave one behind).
  const chatSets = await app.redis.keys(`${app.keys.prefix}:tg-out-chat:*`);
  assert.ok(chatSets.length > 0, "the waiting replies' chats have order sets");
  for (const key of chatSets) {
    // -2: its last message went out between the listing and this look (the set is gone).
    const ttl = await app.redis.pttl(key);
    assert.ok(ttl > 0 || ttl === -2, `a chat's order set has a TTL (${ttl})`);
  }

  // A family confirmation (normal priority, sent by a worker) asks after all of them.
  await app.deps.messenger.send({ channel: "telegram", chatId: String(family.id) }, { text: "family confirmation" });
  const doneBy = Date.now() + 15_000;
  while (sent().length < users.length + 1 && Date.now() < doneBy) await new Promise((r) => setTimeout(r, 100));
  const order = sent().map((c) => String(c.params.chat_id));
  const familyAt = order.indexOf(String(family.id));
  assert.ok(familyAt >= 0, "the family message went out");
  assert.equal(order.length, users.length + 1, "every reply went out in the end");
  assert.ok(familyAt <= 3, `the family message went out before the replies still waiting (position ${familyAt + 1} of ${order.length})`);
});

test("a turn run again after a crash queues its replies once: not again while they wait, nor after they went out", async () => {
  const user = makeUser();
  const chatId = String(user.id);
  const outbox = app.telegramOutbox!;
  const mark = fake.mark();
  const sent = () => fake.calls("sendMessage").filter((c) => c.seq > mark && c.outcome === "ok" && String(c.params.chat_id) === chatId);
  const turn = () =>
    inTurn(990_001, async () => {
      await outbox.enqueue(chatId, { text: "first reply", priority: "low" });
      await outbox.enqueue(chatId, { text: "second reply", priority: "low" });
    });
  await turn();
  await turn(); // the update taken over while both still wait
  const end = Date.now() + 15_000;
  while (sent().length < 2 && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  await turn(); // and once more after both went out
  // Outside a turn (a worker's message) the same text twice is two messages.
  await outbox.enqueue(chatId, { text: "from a worker", priority: "low" });
  await outbox.enqueue(chatId, { text: "from a worker", priority: "low" });
  while (sent().length < 4 && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 1_500)); // room for duplicates to show (two sends a second)
  assert.deepEqual(sent().map((c) => c.params.text), ["first reply", "second reply", "from a worker", "from a worker"]);
});

test("a split message whose second part fails is retried from that part: the photo is not sent twice", async () => {
  const user = makeUser();
  const chatId = String(user.id);
  // A caption over Telegram's 1,024 characters: the photo carries the first part, texts the rest.
  const text = Array.from({ length: 12 }, (_, i) => `${i}. arrived safely, ${"details ".repeat(20)}`).join("\n\n");
  assert.ok(text.length > 1024);
  const mark = fake.mark();
  // Flood control with a wait longer than auto-retry's 60 s (Telegram's 429 with retry_after): the send fails at
  // once and the outbox job is retried. (The fake accepts the retry 2 s later; Telegram would make it wait the
  // 61 s, which changes when the rest goes, not what.)
  fake.failNext("sendMessage", telegramErrors.tooManyRequests(61), 1);
  await app.telegramOutbox!.enqueue(chatId, { text, photo: await makeJpeg({ width: 320, height: 240, seed: "split" }), priority: "low" });
  const ours = () => fake.calls().filter((c) => c.seq > mark && String(c.params.chat_id) === chatId && (c.method === "sendPhoto" || c.method === "sendMessage"));
  const words = (s: string) => s.split(/\s+/).filter(Boolean);
  const end = Date.now() + 20_000;
  const delivered = () => words(ours().filter((c) => c.outcome === "ok").map((c) => String(c.params.caption ?? c.params.text)).join("\n"));
  while (delivered().length < words(text).length && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 1_000)); // room for a duplicate to show
  assert.equal(ours().filter((c) => c.method === "sendPhoto").length, 1, "the photo went once");
  assert.equal(ours().filter((c) => c.outcome !== "ok").length, 1, "the second part failed once");
  assert.deepEqual(delivered(), words(text), "every part delivered once, in order");
});
