/**
 * Ingress durability: the webhook answers 200 once the update is stored, and handling happens behind the
 * answer. A bot process killed (SIGKILL) after the 200 but before its reply went out loses nothing: the
 * update is handled by the next process, exactly once, and Telegram never had to re-send it.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import type { App } from "../../src/app.ts";
import { makeUser, startFakeBotApi, type FakeBotApi } from "../support/fake-bot-api.ts";
import { findFreePort, startRedis, type RedisServerHandle } from "../support/redis-server.ts";
import { startTestApp } from "../support/test-app.ts";
import { killWorkers, spawnWorker } from "../support/worker-process.ts";

const SECRET = "webhook-secret-0123456789";

let redis: RedisServerHandle;
let fake: FakeBotApi;
let app: App;
let port: number;


/** A webhook bot process (role bot), as in production. */
function startBot(): ChildProcess {
  return spawnWorker(app, fake, {
    redisUrl: redis.url,
    role: "bot",
    env: {
      PORT: String(port),
      TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}`,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      JOB_LOCK: "2s",
      // The hung reply below must stay hung until the kill, not time out and be retried by the same process.
      TELEGRAM_TIMEOUT: "60s",
    },
  });
}

before(async () => {
  redis = await startRedis();
  port = await findFreePort();
  // The re-send schedule in 100 ms units: a redelivery (which must not be needed) would show within the test.
  fake = await startFakeBotApi({ webhookDelayUnitMs: 100 });
  // Only for the shared prefix and key: this process takes no updates.
  app = await startTestApp({ redisUrl: redis.url, roles: [], telegram: { apiRoot: fake.apiRoot, token: fake.token } });
});

after(async () => {
  killWorkers();
  await app?.stop();
  await fake?.close();
  await redis?.stop();
});

const until = async (cond: () => boolean, ms: number, what: string) => {
  const end = Date.now() + ms;
  while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
  assert.ok(cond(), what);
};

test("SIGKILL between the webhook's 200 and the reply: the update is handled after restart, exactly once, in order", async () => {
  let bot = startBot();
  await fake.waitForCall("setWebhook", 30_000);
  const user = makeUser();
  const mark = fake.mark();
  // The reply to the first update hangs at the Bot API: the process is mid-turn when it dies.
  fake.failNext("sendMessage", "timeout");
  const first = fake.text(user, "/help");
  const second = fake.text(user, "/language");
  const deliveries = (id: number) => fake.webhookDeliveries.filter((d) => d.update_id === id).map((d) => d.status);
  await until(() => deliveries(first.update_id).includes(200) && deliveries(second.update_id).includes(200), 10_000, "both updates answered 200 while the first turn still runs");
  await until(() => fake.calls("sendMessage").some((c) => c.seq > mark && c.outcome === "timeout"), 10_000, "the first reply is hanging");
  const exited = new Promise((r) => bot.once("exit", r));
  bot.kill("SIGKILL");
  await exited;
  const sentOk = () => fake.calls("sendMessage").filter((c) => c.seq > mark && c.outcome === "ok" && String(c.params.chat_id) === String(user.id));
  assert.equal(sentOk().length, 0, "nothing answered before the kill");

  bot = startBot();
  // A new process starts (tsx, app, catalog) and the stalled jobs come back after JOB_LOCK: slow on a busy 2-core machine.
  await until(() => sentOk().length >= 2, 75_000, "both updates handled after the restart");
  await new Promise((r) => setTimeout(r, 3_000)); // room for duplicates to show
  const texts = sentOk().map((c) => String(c.params.text));
  assert.equal(texts.length, 2, `exactly once each: ${texts.length} replies`);
  assert.match(texts[0]!, /What I can do/, "the first update's reply first");
  assert.deepEqual(deliveries(first.update_id), [200], "Telegram delivered it once");
  bot.kill("SIGKILL");
});
