import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { App } from "../../src/app.ts";
import { makeUser, telegramErrors, type FakeBotApi, type FakeUser } from "../support/fake-bot-api.ts";
import { makeJpeg } from "../support/photos.ts";
import type { RedisServerHandle } from "../support/redis-server.ts";
import { type TelegramDriver } from "../support/telegram-driver.ts";
import { startTelegramHarness, stopTelegramHarness } from "../support/telegram-harness.ts";

const ROME = { latitude: 41.901, longitude: 12.5015 };

let redis: RedisServerHandle;
let fake: FakeBotApi;
let app: App;
let bot: TelegramDriver;
let seed = 0;

before(async () => {
  ({ redis, fake, app, bot } = await startTelegramHarness({ env: { TELEGRAM_POLL_TIMEOUT: "1s", TELEGRAM_TIMEOUT: "3s" } }));
});

after(() => stopTelegramHarness({ app, fake, redis }));

/** A traveller with one family contact, a trip, and a check-in whose confirmation meets `fault`. */
async function checkInAgainst(fault: (contact: FakeUser) => void): Promise<{ t: FakeUser; f: FakeUser; mark: number }> {
  const t = makeUser({ first_name: `Trav${++seed}` });
  const f = makeUser({ first_name: `Kin${seed}` });
  await bot.onboard(t);
  await bot.link(t, f);
  await bot.ask(t, () => fake.text(t, "/trip rome-termini-station 2h"), /Trip saved/);
  await bot.ask(t, async () => fake.photo(t, await makeJpeg({ width: 960, height: 720, seed: `fault-${seed}` })), /send your location/);
  const mark = fake.mark();
  fault(f);
  fake.location(t, ROME);
  return { t, f, mark };
}

const photosTo = (f: FakeUser, mark: number) => fake.calls("sendPhoto").filter((c) => c.seq > mark && String(c.params.chat_id) === String(f.id));

describe("the Bot API failing while a confirmation goes out", () => {
  test("500 twice: retried with backoff, delivered exactly once", async () => {
    const { f, mark } = await checkInAgainst(() => fake.failNext("sendPhoto", telegramErrors.internal(), 2));
    await bot.expect(f, /Not fully confirmed/, mark, 30_000);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(photosTo(f, mark).filter((c) => c.outcome === "ok").length, 1);
    assert.equal(photosTo(f, mark).filter((c) => c.outcome === "error").length, 2);
  });

  test("a request that times out is abandoned and retried, delivered once", async () => {
    const { f, mark } = await checkInAgainst(() => fake.failNext("sendPhoto", "timeout", 1));
    await bot.expect(f, /Not fully confirmed/, mark, 30_000);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal(photosTo(f, mark).filter((c) => c.outcome === "ok").length, 1);
  });

  test("429 with retry_after: the retry waits that long", async () => {
    const { f, mark } = await checkInAgainst(() => fake.failNext("sendPhoto", telegramErrors.tooManyRequests(2), 1));
    const ok = await bot.expect(f, /Not fully confirmed/, mark, 30_000);
    const limited = photosTo(f, mark).find((c) => c.outcome === "error")!;
    assert.ok(limited, "the 429 was seen");
    assert.ok(ok.at - limited.at >= 1_900, `retried after ${ok.at - limited.at} ms`);
    assert.equal(photosTo(f, mark).filter((c) => c.outcome === "ok").length, 1);
  });

  test("403 blocked: no retry, the contact is marked unreachable and the traveller told once", async () => {
    const { t, f: blocked, mark } = await checkInAgainst((contact) => fake.block(contact.id));
    await bot.expect(t, /could not reach Kin\d+: they may have blocked me/, mark, 20_000);
    await new Promise((r) => setTimeout(r, 1_500));
    assert.equal(photosTo(blocked, mark).length, 1, "one attempt, no retry on 403");
    const id = (await app.conversation.person({ from: { channel: "telegram", chatId: String(blocked.id) } }))!.id;
    assert.equal(await app.deps.contacts.isUnreachable(id), true);
    // Writing to the bot again makes them reachable again.
    fake.block(blocked.id, false);
    await bot.ask(blocked, () => fake.text(blocked, "/help"), /What I can do/);
    assert.equal(await app.deps.contacts.isUnreachable(id), false);
    assert.equal(bot.sentAfter(t, mark).filter((c) => /could not reach/.test(String(c.params.text))).length, 1);
  });

  test("400 chat not found: no retry, marked unreachable", async () => {
    const { t, f, mark } = await checkInAgainst(() => fake.failNext("sendPhoto", telegramErrors.chatNotFound(), 1));
    await bot.expect(t, /could not reach/, mark, 20_000);
    await new Promise((r) => setTimeout(r, 1_500));
    assert.equal(photosTo(f, mark).length, 1, "one attempt, no retry on 400");
    assert.equal(photosTo(f, mark)[0]!.outcome, "error");
  });
});
