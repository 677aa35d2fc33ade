import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { App } from "../../src/app.ts";
import { makeUser, type FakeBotApi, type FakeUser } from "../support/fake-bot-api.ts";
import type { RedisServerHandle } from "../support/redis-server.ts";
import { type TelegramDriver, textOf } from "../support/telegram-driver.ts";
import { startTelegramHarness, stopTelegramHarness } from "../support/telegram-harness.ts";

let redis: RedisServerHandle;
let fake: FakeBotApi;
let app: App;
let bot: TelegramDriver;

before(async () => {
  ({ redis, fake, app, bot } = await startTelegramHarness({ redis: { appendonly: true }, env: { ESCALATION_GRACE: "1h", JOB_LOCK: "2s", RECONCILE_INTERVAL: "2s" } }));
});

after(() => stopTelegramHarness({ app, fake, redis }));

test("Redis killed with SIGKILL and restarted from its AOF: every acknowledged deadline still fires, once", { timeout: 90_000 }, async () => {
  const travellers: FakeUser[] = Array.from({ length: 8 }, (_, i) => makeUser({ first_name: `Aof${i}` }));
  for (const t of travellers) await bot.onboard(t);
  const mark = fake.mark();
  for (const t of travellers) await bot.ask(t, () => fake.text(t, "/trip athens-syntagma-square 4s"), /Trip saved/);
  const acknowledgedAt = Date.now();

  // Down across the due time: the deadlines come due while Redis is gone.
  await redis.kill("SIGKILL");
  await new Promise((r) => setTimeout(r, Math.max(0, acknowledgedAt + 5_000 - Date.now())));
  await redis.restart();

  for (const t of travellers) await bot.expect(t, /Are you safe\?/, mark, 40_000);
  await new Promise((r) => setTimeout(r, 3_000)); // room for a duplicate to show
  for (const t of travellers) {
    const reminders = bot.sentAfter(t, mark).filter((c) => /Are you safe\?/.test(textOf(c)));
    assert.equal(reminders.length, 1, `${t.first_name}: one reminder`);
  }
});
