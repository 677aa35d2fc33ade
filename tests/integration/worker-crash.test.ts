import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import type { App } from "../../src/app.ts";
import { makeUser, startFakeBotApi, telegramErrors, type FakeBotApi } from "../support/fake-bot-api.ts";
import { startRedis, type RedisServerHandle } from "../support/redis-server.ts";
import { TelegramDriver, textOf } from "../support/telegram-driver.ts";
import { startTestApp } from "../support/test-app.ts";
import { killWorkers, spawnWorker } from "../support/worker-process.ts";


let redis: RedisServerHandle;
let fake: FakeBotApi;
let app: App;
let bot: TelegramDriver;

const env = () => ({
  REDIS_PREFIX: app.config.REDIS_PREFIX,
  APP_KEY: app.config.APP_KEY!,
  PROOF_SIGNING_KEY: app.config.PROOF_SIGNING_KEY!,
  ESCALATION_GRACE: "1s",
  JOB_LOCK: "2s",
  TELEGRAM_RATE_PER_CHAT: "100",
  TELEGRAM_RATE_GLOBAL: "1000",
  RECONCILE_INTERVAL: "2s",
});

function startWorker(): ChildProcess {
  return spawnWorker(app, fake, { redisUrl: redis.url, env: env() });
}

before(async () => {
  redis = await startRedis();
  fake = await startFakeBotApi();
  app = await startTestApp({ redisUrl: redis.url, roles: ["bot"], telegram: { apiRoot: fake.apiRoot, token: fake.token }, env: { ESCALATION_GRACE: "1s", JOB_LOCK: "2s" } });
  bot = new TelegramDriver(fake);
});

after(async () => {
  killWorkers();
  await app?.stop();
  await fake?.close();
  await redis?.stop();
});

test("a worker killed with SIGKILL mid-escalation: after restart every alert goes out exactly once", { timeout: 90_000 }, async () => {
  const t = makeUser({ first_name: "Walid" });
  const family = Array.from({ length: 6 }, (_, i) => makeUser({ first_name: `Kin${i}` }));
  await bot.onboard(t);
  for (const f of family) await bot.link(t, f);

  let worker = startWorker();
  const mark = fake.mark();
  // Slow the family alerts down with transient Bot API errors, so the kill lands mid-escalation.
  await bot.ask(t, () => fake.text(t, "/trip athens-syntagma-square 2s"), /Trip saved/);
  await bot.expect(t, /Are you safe\?/, mark, 20_000);
  fake.failNext("sendMessage", telegramErrors.internal(), 4);
  await fake.waitForCall((c) => c.seq > mark && /has not checked in/.test(textOf(c)), 20_000).catch(() => undefined);
  worker.kill("SIGKILL");
  await new Promise((r) => worker.once("exit", r));
  worker = startWorker();

  for (const f of family) await bot.expect(f, /Walid planned to arrive/, mark, 40_000);
  await new Promise((r) => setTimeout(r, 3_000)); // time for any duplicate to show up
  for (const f of family) {
    const alerts = bot.sentAfter(f, mark).filter((c) => /has not checked in/.test(textOf(c)));
    assert.equal(alerts.length, 1, `${f.first_name} got exactly one alert`);
  }
  assert.equal(bot.sentAfter(t, mark).filter((c) => /Are you safe\?/.test(textOf(c))).length, 1, "one reminder");
  worker.kill("SIGTERM");
});
