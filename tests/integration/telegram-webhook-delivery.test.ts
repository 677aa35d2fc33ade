/**
 * The webhook against the fake's re-sends, which follow the real server's: a failed update is re-sent with
 * growing delays and holds back its chat's later updates. A handler error must therefore be answered 2xx
 * (and recorded), and a 5xx kept for "Redis is down, try again".
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { App } from "../../src/app.ts";
import { makeUser, type FakeBotApi } from "../support/fake-bot-api.ts";
import { findFreePort, type RedisServerHandle } from "../support/redis-server.ts";
import type { TelegramDriver } from "../support/telegram-driver.ts";
import { startTelegramHarness, stopTelegramHarness } from "../support/telegram-harness.ts";

let redis: RedisServerHandle;
let fake: FakeBotApi;
let app: App;
let bot: TelegramDriver;


before(async () => {
  const port = await findFreePort();
  ({ redis, fake, app, bot } = await startTelegramHarness({
    env: { PORT: String(port), TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}`, TELEGRAM_WEBHOOK_SECRET: "webhook-secret-0123456789", METRICS_TOKEN: "metrics-token-for-tests" },
    // The server's schedule (at once, then 2, 4, 8, ... "seconds") in 100 ms units.
    fake: { webhookDelayUnitMs: 100 },
  }));
});

after(() => stopTelegramHarness({ app, fake, redis }));

const deliveriesOf = (updateId: number) => fake.webhookDeliveries.filter((d) => d.update_id === updateId).map((d) => d.status);

async function failedCount(reason: string): Promise<number> {
  const res = await app.web!.fastify.inject({ method: "GET", url: "/metrics", headers: { authorization: "Bearer metrics-token-for-tests" } });
  const m = new RegExp(`safearrival_telegram_updates_failed_total\\{reason="${reason}"\\} (\\d+)`).exec(res.body);
  return m ? Number(m[1]) : 0;
}

test("a handler error is answered 200 once and counted: no re-send storm, the chat's next update is not held back", async () => {
  const user = makeUser();
  await bot.ask(user, () => fake.text(user, "/help"), /What I can do/);
  const before = await failedCount("handler_error");
  const original = app.conversation.handle.bind(app.conversation);
  app.conversation.handle = async (msg) => {
    if (msg.from.chatId === String(user.id) && msg.kind === "text" && msg.text === "/status") throw new Error("handler bug");
    return original(msg);
  };
  try {
    const failing = fake.text(user, "/status");
    const mark = fake.mark();
    const next = Date.now();
    await bot.ask(user, () => fake.text(user, "/help"), /What I can do/, 5_000);
    assert.ok(Date.now() - next < 2_000, "the chat's next update came through at once");
    await new Promise((r) => setTimeout(r, 1_000));
    assert.deepEqual(deliveriesOf(failing.update_id), [200], "delivered once, answered 200");
    assert.equal(await failedCount("handler_error"), before + 1);
    assert.equal(bot.sentAfter(user, mark).filter((c) => /What I can do/.test(String(c.params.text))).length, 1);
  } finally {
    app.conversation.handle = original;
  }
});

test("an update the bot cannot use (a group message) is answered 200 and counted", async () => {
  const before = await failedCount("unusable");
  const user = makeUser();
  const id = fake.pushUpdate({
    message: { message_id: 9, date: Math.floor(Date.now() / 1000), chat: { id: -100123, type: "group", title: "G" }, from: { id: user.id, is_bot: false, first_name: "G" }, text: "hi" },
  });
  const deadline = Date.now() + 5_000;
  while (deliveriesOf(id).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 500));
  assert.deepEqual(deliveriesOf(id), [200]);
  assert.equal(await failedCount("unusable"), before + 1);
});

test("Redis down: 5xx, and the fake's re-send delivers the update once Redis is back, handled once", async () => {
  const user = makeUser();
  await bot.ask(user, () => fake.text(user, "/help"), /What I can do/);
  await redis.kill();
  let pending: number;
  try {
    const mark = fake.mark();
    pending = fake.text(user, "/help").update_id;
    const deadline = Date.now() + 15_000;
    while (!deliveriesOf(pending).some((s) => s >= 500) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    assert.ok(deliveriesOf(pending).some((s) => s >= 500), `statuses ${deliveriesOf(pending).join(",")}`);
    await redis.restart();
    await bot.expect(user, /What I can do/, mark, 20_000);
    await new Promise((r) => setTimeout(r, 1_000));
    assert.equal(bot.sentAfter(user, mark).filter((c) => /What I can do/.test(String(c.params.text))).length, 1, "handled once");
    assert.equal(deliveriesOf(pending).at(-1), 200);
  } finally {
    if (redis.pid === undefined) await redis.restart().catch(() => undefined);
  }
});
