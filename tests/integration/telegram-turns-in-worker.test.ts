/**
 * TELEGRAM_TURNS_IN=worker: the bot role only takes updates in (here by polling) and stores them; the worker
 * role runs the turns. And an upgrade from the BullMQ inbox loses nothing: a job left in the old
 * `inbound-telegram` queue is moved into the inbox stream at start and handled.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { Queue } from "bullmq";
import type { App, Role } from "../../src/app.ts";
import { QUEUE } from "../../src/queues/names.ts";
import { makeUser, type FakeBotApi } from "../support/fake-bot-api.ts";
import { TelegramDriver } from "../support/telegram-driver.ts";
import { TelegramAppGroup } from "../support/telegram-harness.ts";

let fake: FakeBotApi;
let driver: TelegramDriver;

let group: TelegramAppGroup;

before(async () => {
  group = await TelegramAppGroup.start();
  ({ fake } = group);
  driver = new TelegramDriver(fake);
});

after(() => group?.stop());

const app = (roles: Role[], env: Record<string, string>, shared?: App): Promise<App> => group.app(roles, env, shared);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test("TELEGRAM_TURNS_IN=worker: the bot process stores the update and answers nothing; the worker process runs the turn", { timeout: 90_000 }, async () => {
  const env = { TELEGRAM_TURNS_IN: "worker" };
  const bot = await app(["bot"], env);
  const user = makeUser();
  const mark = fake.mark();
  const update = fake.text(user, "/help");
  // Confirmed to Telegram (a later getUpdates offset) once stored.
  await fake.waitForCall((c) => c.seq > mark && c.method === "getUpdates" && Number(c.params.offset) > update.update_id, 20_000);
  await sleep(1_500);
  assert.equal(driver.sentAfter(user, mark).length, 0, "the bot role ran no turn");

  await app(["worker"], env, bot);
  await driver.expect(user, /What I can do/, mark, 30_000);
  await sleep(1_000);
  assert.equal(driver.sentAfter(user, mark).length, 1, "handled once");
});

test("an update left in the old BullMQ inbound queue is moved into the inbox at start and handled", { timeout: 90_000 }, async () => {
  // Only for a prefix and key: this process takes no updates.
  const keeper = await app([], {});
  const user = makeUser();
  // Stored by an older process and confirmed to Telegram: never handed out by the fake again.
  const id = 900_000_000;
  const chat = { id: user.id, type: "private", first_name: user.first_name };
  const update = { update_id: id, message: { message_id: 1, from: user, chat, date: Math.floor(Date.now() / 1000), text: "/help", entities: [{ type: "bot_command", offset: 0, length: 5 }] } };
  // As the BullMQ inbox stored it: job id tg-<update id>, the update sealed to its update key.
  const old = new Queue(QUEUE.telegramInboundLegacy, { connection: keeper.redis, prefix: keeper.config.REDIS_PREFIX });
  await old.add("update", { sealed: keeper.keyRing.seal(JSON.stringify(update), keeper.keys.telegramUpdate(id)) }, { jobId: `tg-${id}` });
  await old.close();
  const mark = fake.mark();
  await app(["bot"], {}, keeper);
  await driver.expect(user, /What I can do/, mark, 30_000);
  const oldKeys = await keeper.redis.keys(`${keeper.config.REDIS_PREFIX}:${QUEUE.telegramInboundLegacy}:*`);
  assert.deepEqual(oldKeys, [], "the emptied old queue is gone");
});
