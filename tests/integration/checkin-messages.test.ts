/**
 * Message economy of a check-in (issue 18): a photo and a location sent together cost the traveller at most
 * two messages ("checking", then the result; no "now send your location" when the location is already in)
 * and each family contact one.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { App } from "../../src/app.ts";
import { makeUser, type FakeBotApi } from "../support/fake-bot-api.ts";
import { makeJpeg } from "../support/photos.ts";
import type { RedisServerHandle } from "../support/redis-server.ts";
import { startTelegramHarness, stopTelegramHarness } from "../support/telegram-harness.ts";

const ROME = { latitude: 41.901, longitude: 12.5015 };

let redis: RedisServerHandle;
let fake: FakeBotApi;
let app: App;

before(async () => {
  ({ redis, fake, app } = await startTelegramHarness());
});

after(() => stopTelegramHarness({ app, fake, redis }));

test("a photo and a location sent together: two messages to the traveller, one to the family contact", async () => {
  const traveller = makeUser({ first_name: "Tra" });
  const contact = makeUser({ first_name: "Con" });
  const { persons, contacts, trips, lifecycle } = app.deps;
  const t = await persons.touch({ channel: "telegram", chatId: String(traveller.id) }, traveller.first_name, new Date());
  const c = await persons.touch({ channel: "telegram", chatId: String(contact.id) }, contact.first_name, new Date());
  await persons.setLocale(t.id, "en");
  await persons.setConsent(t.id, new Date());
  await contacts.link(t.id, c.id);
  await lifecycle.scheduleNext(await trips.create(t.id, "rome-termini-station", new Date(Date.now() + 7_200_000), new Date()));
  const photo = await makeJpeg({ width: 640, height: 480, seed: "checkin-messages" });

  const mark = fake.mark();
  fake.photo(traveller, photo);
  fake.location(traveller, ROME);
  const to = (chat: number) => fake.calls().filter((x) => x.seq > mark && x.outcome === "ok" && String(x.params.chat_id) === String(chat) && /^send/.test(x.method));
  const end = Date.now() + 60_000;
  while (to(contact.id).length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  assert.equal(to(contact.id).length, 1, "the family confirmation went out");
  const resultEnd = Date.now() + 10_000;
  while (to(traveller.id).length < 2 && Date.now() < resultEnd) await new Promise((r) => setTimeout(r, 100));
  await new Promise((r) => setTimeout(r, 1_500)); // room for more to show
  const texts = to(traveller.id).map((x) => String(x.params.text ?? x.params.caption));
  assert.ok(texts.length <= 2, `at most 2 messages to the traveller, got ${texts.length}: ${texts.join(" | ")}`);
  assert.ok(!texts.some((x) => /Now send your location/.test(x)), "no request for a location already sent");
  assert.equal(to(contact.id).length, 1, "one message to the family contact");
});
