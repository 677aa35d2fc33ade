import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { App } from "../../src/app.ts";
import { makeUser, type FakeBotApi } from "../support/fake-bot-api.ts";
import { makeJpeg } from "../support/photos.ts";
import type { RedisServerHandle } from "../support/redis-server.ts";
import { type TelegramDriver, textOf } from "../support/telegram-driver.ts";
import { startTelegramHarness, stopTelegramHarness } from "../support/telegram-harness.ts";

const PARIS = { latitude: 48.8802, longitude: 2.3553 };

let redis: RedisServerHandle;
let fake: FakeBotApi;
let app: App;
let bot: TelegramDriver;

before(async () => {
  ({ redis, fake, app, bot } = await startTelegramHarness());
});

after(() => stopTelegramHarness({ app, fake, redis }));

async function keysMentioning(id: string): Promise<string[]> {
  const keys = await app.redis.keys(`${app.keys.prefix}:*`);
  const hits: string[] = [];
  for (const key of keys) {
    if (key.includes(id)) hits.push(key);
    const type = await app.redis.type(key);
    const dump =
      type === "string" ? await app.redis.get(key).catch(() => "") :
      type === "hash" ? JSON.stringify(await app.redis.hgetall(key)) :
      type === "set" ? JSON.stringify(await app.redis.smembers(key)) : "";
    if (dump?.includes(id)) hits.push(key);
  }
  return hits;
}

describe("family links", () => {
  test("several contacts per traveller, several travellers per contact, unlink from either side", async () => {
    const t1 = makeUser({ first_name: "Aziz" });
    const t2 = makeUser({ first_name: "Bahar" });
    const mother = makeUser({ first_name: "Mother" });
    const brother = makeUser({ first_name: "Brother" });
    await bot.onboard(t1);
    await bot.onboard(t2);
    await bot.link(t1, mother);
    await bot.link(t1, brother);
    await bot.link(t2, mother);

    const list = await bot.ask(t1, () => fake.text(t1, "/contacts"), /Your family contacts/);
    const labels = (JSON.parse(JSON.stringify(list.params.reply_markup)).inline_keyboard as { text: string }[][]).flat().map((b) => b.text.replace(/[\u2068\u2069]/g, ""));
    assert.deepEqual(labels.sort(), ["Remove Brother", "Remove Mother"]);

    // The traveller removes the brother: the brother is told only that the link ended.
    const mark = fake.mark();
    const brotherId = (await app.conversation.person({ from: { channel: "telegram", chatId: String(brother.id) } }))!.id;
    await bot.ask(t1, () => fake.callback(t1, `unl:c:${brotherId}`), /Brother was removed/);
    await bot.expect(brother, /link with Aziz has ended/, mark);

    // The mother leaves Bahar's confirmations but keeps Aziz's.
    const t2Id = (await app.conversation.person({ from: { channel: "telegram", chatId: String(t2.id) } }))!.id;
    await bot.ask(mother, () => fake.callback(mother, `unl:t:${t2Id}`), /will not get messages from Bahar/);
    const following = await bot.ask(mother, () => fake.text(mother, "/contacts"), /You get arrival messages from/);
    assert.match(JSON.stringify(following.params.reply_markup), /Aziz/);
    assert.doesNotMatch(JSON.stringify(following.params.reply_markup), /Bahar/);

    // A check-in by Aziz reaches the mother only.
    await bot.ask(t1, () => fake.text(t1, "/trip paris-gare-du-nord 1h"), /Trip saved/);
    const m2 = fake.mark();
    fake.photo(t1, await makeJpeg({ width: 1280, height: 960, seed: "links" }));
    fake.location(t1, PARIS);
    await bot.expect(mother, /Not fully confirmed: .?Aziz/, m2, 15_000);
    await bot.expect(t1, /Check-in accepted/, m2, 15_000);
    assert.equal(bot.sentAfter(brother, m2).length, 0, "an unlinked contact gets nothing");
  });

  test("100 parallel redemptions of one invite: exactly one succeeds", async () => {
    const traveller = await app.deps.persons.touch({ channel: "sandbox", chatId: "race-traveller" }, "T", new Date());
    const invite = await app.deps.contacts.createInvite(traveller.id, new Date());
    const results = await Promise.all(Array.from({ length: 100 }, () => app.deps.contacts.redeemInvite(invite.code)));
    assert.equal(results.filter(Boolean).length, 1);
  });

  test("declining the consent leaves no trace", async () => {
    const t = makeUser({ first_name: "Ghost" });
    await bot.ask(t, () => fake.text(t, "/start"), /Choose your language/);
    await bot.ask(t, () => fake.callback(t, "lang:en"), /What we keep/);
    await bot.ask(t, () => fake.callback(t, "consent:n"), /Nothing was saved/);
    assert.equal(await app.conversation.person({ from: { channel: "telegram", chatId: String(t.id) } }), undefined);
    assert.deepEqual(await keysMentioning(String(t.id)), []);
  });
});

describe("/forget", () => {
  test("deletes everything about the traveller at once and tells contacts only that the link ended", async () => {
    const t = makeUser({ first_name: "Farid" });
    const f = makeUser({ first_name: "Sister" });
    await bot.onboard(t);
    await bot.link(t, f);
    await bot.ask(t, () => fake.text(t, "/trip paris-gare-du-nord 1h"), /Trip saved/);
    const mediaKeys = async () => new Set(await app.redis.keys(`${app.keys.prefix}:media:*`));
    const mediaBefore = await mediaKeys();
    let mark = fake.mark();
    fake.photo(t, await makeJpeg({ width: 1280, height: 960, seed: "forget" }));
    fake.location(t, PARIS);
    await bot.expect(f, /Not fully confirmed: .?Farid/, mark, 15_000);
    await bot.expect(t, /Check-in accepted/, mark, 15_000);
    // A pending half check-in and an open invite are personal data too.
    await bot.ask(t, () => fake.text(t, "/trip paris-gare-du-nord 2h"), /Trip saved/);
    const pendingPhoto = await makeJpeg({ width: 1280, height: 960, seed: "forget-pending" });
    await bot.ask(t, () => fake.photo(t, pendingPhoto), /Now send your location/);
    assert.ok((await mediaKeys()).size >= mediaBefore.size + 2, "the family's copy and the pending photo");
    await bot.ask(t, () => fake.text(t, "/contact"), /start=/);

    const person = (await app.conversation.person({ from: { channel: "telegram", chatId: String(t.id) } }))!;
    assert.ok((await keysMentioning(person.id)).length > 0);

    await bot.ask(t, () => fake.text(t, "/forget"), /Delete everything about you now/);
    await bot.ask(t, () => fake.callback(t, "forget:n"), /Nothing was deleted/);
    assert.ok(await app.conversation.person({ from: { channel: "telegram", chatId: String(t.id) } }));

    await bot.ask(t, () => fake.text(t, "/forget"), /Delete everything/);
    mark = fake.mark();
    await bot.ask(t, () => fake.callback(t, "forget:y"), /Everything about you is deleted/);
    const told = await bot.expect(f, /link with Farid has ended/, mark);
    assert.doesNotMatch(textOf(told), /forget|deleted/i, "the contact learns only that the link ended");
    assert.deepEqual(await keysMentioning(person.id), []);
    assert.deepEqual(await keysMentioning(String(t.id)), []);
    assert.deepEqual([...(await mediaKeys())].filter((k) => !mediaBefore.has(k)), [], "the pending photo and the family's copy are gone");
    assert.equal(await app.conversation.person({ from: { channel: "telegram", chatId: String(t.id) } }), undefined);
  });

  test("/cancel ends the trip", async () => {
    const t = makeUser({ first_name: "Kamal" });
    await bot.onboard(t);
    await bot.ask(t, () => fake.text(t, "/cancel"), /You have no trip/);
    await bot.ask(t, () => fake.text(t, "/trip paris-gare-du-nord 1h"), /Trip saved/);
    await bot.ask(t, () => fake.text(t, "/cancel"), /Your trip is ended/);
    await bot.ask(t, () => fake.text(t, "/status"), /You have no trip/);
    await bot.ask(t, () => fake.location(t, PARIS), /no trip yet/);
  });
});

describe("guided /trip flow", () => {
  test("buttons for the landmark and the deadline, or a typed duration", async () => {
    const t = makeUser({ first_name: "Yara" });
    await bot.onboard(t);
    const choose = await bot.ask(t, () => fake.text(t, "/trip"), /Where do you plan to arrive/);
    const first = (choose.params.reply_markup as { inline_keyboard: { callback_data: string }[][] }).inline_keyboard[0]![0]!;
    const deadline = await bot.ask(t, () => fake.callback(t, first.callback_data), /When do you plan to arrive/);
    assert.match(JSON.stringify(deadline.params.reply_markup), /trip:d:1h/);
    await bot.ask(t, () => fake.text(t, "45m"), /Trip saved/);
    await bot.ask(t, () => fake.text(t, "/trip rome-termini-station"), /When do you plan to arrive at Roma Termini/);
    await bot.ask(t, () => fake.callback(t, "trip:d:3h"), /Trip saved: Roma Termini/);
  });

  test("/checkin explains how, with a request-location button", async () => {
    const t = makeUser({ first_name: "Idris" });
    await bot.onboard(t);
    await bot.ask(t, () => fake.text(t, "/checkin"), /no trip yet/);
    await bot.ask(t, () => fake.text(t, "/trip rome-termini-station 2h"), /Trip saved/);
    const howto = await bot.ask(t, () => fake.text(t, "/checkin"), /When you arrive at Roma Termini/);
    assert.deepEqual((howto.params.reply_markup as { keyboard: unknown[][] }).keyboard[0]![0], { text: "Send my location", request_location: true });
  });
});
