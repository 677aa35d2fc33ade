import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { App } from "../../src/app.ts";
import { makeUser, type FakeBotApi } from "../support/fake-bot-api.ts";
import type { RedisServerHandle } from "../support/redis-server.ts";
import { type TelegramDriver } from "../support/telegram-driver.ts";
import { startTelegramHarness, stopTelegramHarness } from "../support/telegram-harness.ts";

const SECRET = "webhook-secret-0123456789";

let redis: RedisServerHandle;
let fake: FakeBotApi;
let app: App;
let bot: TelegramDriver;

before(async () => {
  ({ redis, fake, app, bot } = await startTelegramHarness({ env: { MESSAGE_RATE_PER_MINUTE: "5", TELEGRAM_WEBHOOK_URL: "https://bot.example.org", TELEGRAM_WEBHOOK_SECRET: SECRET } }));
});

after(() => stopTelegramHarness({ app, fake, redis }));

let updateId = 1_000;
function update(from: ReturnType<typeof makeUser>, text: string) {
  return {
    update_id: updateId++,
    message: { message_id: updateId, date: Math.floor(Date.now() / 1000), chat: { id: from.id, type: "private", first_name: from.first_name }, from, text },
  };
}

function post(body: unknown, secret = SECRET) {
  return app.web!.fastify.inject({
    method: "POST",
    url: "/telegram/webhook",
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret },
    payload: JSON.stringify(body),
  });
}

describe("Telegram webhook", () => {
  test("registers itself with Telegram with a secret token", async () => {
    const call = await fake.waitForCall("setWebhook");
    assert.equal(call.params.secret_token, SECRET);
    assert.equal(call.params.url, "https://bot.example.org/telegram/webhook");
  });

  test("a wrong or missing secret token is refused", async () => {
    const u = makeUser();
    assert.equal((await post(update(u, "/help"), "wrong-secret-0123456789xx")).statusCode, 401);
    assert.equal((await post(update(u, "/help"), "short")).statusCode, 401);
    const res = await app.web!.fastify.inject({ method: "POST", url: "/telegram/webhook", payload: {} });
    assert.equal(res.statusCode, 401);
  });

  test("each update is handled once, however often Telegram delivers it", async () => {
    const u = makeUser();
    const mark = fake.mark();
    const once = update(u, "/help");
    for (let i = 0; i < 3; i++) assert.equal((await post(once)).statusCode, 200);
    await bot.expect(u, /What I can do/, mark);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(bot.sentAfter(u, mark).length, 1);
  });

  test("with Redis down the webhook answers 5xx so Telegram redelivers, and the update is handled after", async () => {
    const u = makeUser();
    const pending = update(u, "/help");
    const ready = await app.web!.fastify.inject({ method: "GET", url: "/readyz" });
    assert.equal(ready.statusCode, 200);
    assert.equal(typeof ready.json().queues.verify, "number");
    // Marked before: the store still queued in the client when Redis comes back may add the update first.
    const mark = fake.mark();
    await redis.kill();
    try {
      const res = await post(pending);
      assert.ok(res.statusCode >= 500, `status ${res.statusCode}`);
      assert.equal((await app.web!.fastify.inject({ method: "GET", url: "/readyz" })).statusCode, 503);
    } finally {
      await redis.restart();
    }
    await new Promise((r) => setTimeout(r, 500));
    assert.equal((await post(pending)).statusCode, 200);
    await bot.expect(u, /What I can do/, mark, 10_000);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(bot.sentAfter(u, mark).length, 1, "handled once");
  });
});

describe("rate limits per sender", () => {
  test("past the message limit the sender is told once, then ignored for the window", async () => {
    const u = makeUser();
    const mark = fake.mark();
    for (let i = 0; i < 8; i++) assert.equal((await post(update(u, "/help"))).statusCode, 200);
    await bot.expect(u, /Too many messages/, mark);
    // Replies leave through the outbox, so the notice may overtake the last answers: wait for them, then a little more.
    const answers = () => bot.sentAfter(u, mark).filter((c) => /What I can do/.test(String(c.params.text))).length;
    for (const deadline = Date.now() + 5_000; answers() < 5 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 300));
    const sent = bot.sentAfter(u, mark);
    assert.equal(sent.filter((c) => /What I can do/.test(String(c.params.text))).length, 5);
    assert.equal(sent.filter((c) => /Too many messages/.test(String(c.params.text))).length, 1);
    const other = makeUser();
    const m2 = fake.mark();
    await post(update(other, "/help"));
    await bot.expect(other, /What I can do/, m2);
  });
});
