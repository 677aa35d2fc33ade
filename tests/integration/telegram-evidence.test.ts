/**
 * What counts as the traveller's own evidence on Telegram: a location or photo sent through an inline bot
 * (`via_bot`, even a "live" one) is treated like a forwarded one, and a venue is not a position.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { App } from "../../src/app.ts";
import { makeUser, type FakeBotApi, type FakeUser } from "../support/fake-bot-api.ts";
import { makeJpeg } from "../support/photos.ts";
import type { RedisServerHandle } from "../support/redis-server.ts";
import type { TelegramDriver } from "../support/telegram-driver.ts";
import { startTelegramHarness, stopTelegramHarness } from "../support/telegram-harness.ts";

const ROME = { latitude: 41.901, longitude: 12.5015 };

let redis: RedisServerHandle;
let fake: FakeBotApi;
let app: App;
let bot: TelegramDriver;

before(async () => {
  ({ redis, fake, app, bot } = await startTelegramHarness());
});

after(() => stopTelegramHarness({ app, fake, redis }));

async function travellerWithPhoto(seed: string): Promise<FakeUser> {
  const t = makeUser();
  await bot.onboard(t);
  await bot.ask(t, () => fake.text(t, "/trip rome-termini-station 2h"), /Trip saved/);
  await bot.ask(t, async () => fake.photo(t, await makeJpeg({ width: 960, height: 720, seed })), /send your location/);
  return t;
}

test("a live location sent through an inline bot is not counted; the traveller's own location then is", async () => {
  const t = await travellerWithPhoto("via-bot-location");
  const mark = fake.mark();
  await bot.ask(t, () => fake.location(t, { ...ROME, live_period: 900, viaBot: "some_map_bot" }), /Locations sent through another bot do not count/);
  await new Promise((r) => setTimeout(r, 500));
  assert.ok(!bot.sentAfter(t, mark).some((c) => /checking your photo and location/.test(String(c.params.text))), "no check-in from it");
  await bot.ask(t, () => fake.location(t, ROME), /checking your photo and location/);
});

test("a photo sent through an inline bot is not counted", async () => {
  const t = makeUser();
  await bot.onboard(t);
  await bot.ask(t, () => fake.text(t, "/trip rome-termini-station 2h"), /Trip saved/);
  const photo = await makeJpeg({ width: 960, height: 720, seed: "via-bot-photo" });
  await bot.ask(t, () => fake.photo(t, photo, { viaBot: "some_image_bot" }), /Photos sent through another bot do not count/);
});

test("a forwarded location and a venue are still refused", async () => {
  const t = await travellerWithPhoto("forwarded-venue");
  await bot.ask(t, () => fake.location(t, { ...ROME, forwarded: true }), /Forwarded locations do not count/);
  await bot.ask(t, () => fake.venue(t, { ...ROME, title: "Roma Termini", address: "Piazza dei Cinquecento" }), /A place from the map does not count/);
});
