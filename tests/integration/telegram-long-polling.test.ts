/**
 * Long polling against a fake Bot API that holds every getUpdates for the whole `timeout` the bot asks, as the
 * real server does: the bot is never deaf between polls, and a message after an idle spell is answered as fast
 * as one in a busy chat.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { App } from "../../src/app.ts";
import { makeUser, type FakeBotApi, type RecordedCall } from "../support/fake-bot-api.ts";
import type { RedisServerHandle } from "../support/redis-server.ts";
import type { TelegramDriver } from "../support/telegram-driver.ts";
import { startTelegramHarness, stopTelegramHarness } from "../support/telegram-harness.ts";

let redis: RedisServerHandle;
let fake: FakeBotApi;
let app: App;
let bot: TelegramDriver;

before(async () => {
  // A short poll so that several idle cycles fit in a test; the client timeout is as short as config allows.
  ({ redis, fake, app, bot } = await startTelegramHarness({ env: { TELEGRAM_POLL_TIMEOUT: "2s", TELEGRAM_TIMEOUT: "4s" } }));
});

after(() => stopTelegramHarness({ app, fake, redis }));

const polls = (from: number): RecordedCall[] => fake.calls("getUpdates").filter((c) => c.seq > from);

test("idle polls are held for the whole timeout and followed at once by the next, then a message is answered within 2 s", async (t) => {
  const user = makeUser();
  await bot.ask(user, () => fake.text(user, "/help"), /What I can do/);
  const mark = fake.mark();
  // Several idle cycles of 2 s (and, on a client that gave up at 4 s, its abort and retry gap).
  await new Promise((r) => setTimeout(r, 9_000));
  const idle = polls(mark).filter((c) => c.outcome !== "pending");
  assert.ok(idle.length >= 3, `at least 3 idle polls ended in 9 s, saw ${idle.length}`);
  for (const c of idle) {
    assert.equal(c.params.timeout, 2, "the poll asks for TELEGRAM_POLL_TIMEOUT");
    assert.equal(c.outcome, "ok", `poll ${c.seq} answered by the server, not cut off by the client`);
  }
  const all = polls(mark);
  for (let i = 1; i < all.length; i++) {
    const gap = all[i]!.at - all[i - 1]!.endedAt!;
    assert.ok(gap < 500, `next poll ${gap} ms after the previous one ended`);
  }

  const sent = Date.now();
  const answer = await bot.ask(user, () => fake.text(user, "/help"), /What I can do/, 5_000);
  t.diagnostic(`${idle.length} idle polls; answered ${answer.at - sent} ms after 9 s of idle`);
  assert.ok(answer.at - sent < 2_000, `answered after ${answer.at - sent} ms of idle`);
});

test("a failed poll is retried within about a second, not after a growing backoff", async (t) => {
  const user = makeUser();
  const mark = fake.mark();
  // Three 502s from a proxy in front of the Bot API, one after another.
  fake.failNext("getUpdates", { status: 502, body: "<html><body><h1>502 Bad Gateway</h1></body></html>" }, 3);
  // An update ends the poll now open, so that the next polls meet the faults at once.
  await bot.ask(user, () => fake.text(user, "/help"), /What I can do/);
  const deadline = Date.now() + 20_000;
  const failed = () => polls(mark).filter((c) => c.outcome === "error");
  while (failed().length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const third = failed()[2];
  assert.ok(third, "the three faults were met");
  await fake.waitForCall((c) => c.method === "getUpdates" && c.seq > third.seq, 5_000);
  const all = polls(mark).filter((c) => c.seq <= third.seq + 1);
  for (let i = 1; i < all.length; i++) {
    const gap = all[i]!.at - all[i - 1]!.endedAt!;
    assert.ok(gap < 1_500, `re-polled ${gap} ms after a failure`);
  }
  t.diagnostic(`re-poll gaps after failures: ${all.slice(1).map((c, i) => c.at - all[i]!.endedAt!).join(", ")} ms`);
  const sent = Date.now();
  const answer = await bot.ask(user, () => fake.text(user, "/help"), /What I can do/, 5_000);
  assert.ok(answer.at - sent < 2_000, `answered ${answer.at - sent} ms after the failures`);
});

test("another process polling the same token (409) does not leave the bot deaf once it is gone", async (t) => {
  const user = makeUser();
  await bot.ask(user, () => fake.text(user, "/help"), /What I can do/);
  await new Promise((r) => setTimeout(r, 300)); // the bot's next poll is waiting
  const before = Date.now();
  // A second `bot` process polls the token: the server ends the bot's waiting poll with 409 (see the fake's header).
  const other = await fetch(`${fake.apiRoot}/bot${fake.token}/getUpdates?timeout=1`);
  assert.equal(other.status, 200);
  const conflicted = fake.calls("getUpdates").filter((c) => c.outcome === "error" && (c.endedAt ?? 0) >= before);
  assert.ok(conflicted.length >= 1, "the bot's poll was answered 409");
  // The other process is gone; the bot takes the token back and answers (the runner alone would have stopped for good).
  const sent = Date.now();
  const answer = await bot.ask(user, () => fake.text(user, "/help"), /What I can do/, 20_000);
  t.diagnostic(`answered ${answer.at - sent} ms after the conflict`);
});
