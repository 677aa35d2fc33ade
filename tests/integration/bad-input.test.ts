import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { App } from "../../src/app.ts";
import { makeUser, type FakeBotApi, type FakeUser } from "../support/fake-bot-api.ts";
import { makeJpeg, notAnImage, pngClaiming, truncated } from "../support/photos.ts";
import type { RedisServerHandle } from "../support/redis-server.ts";
import { type TelegramDriver, textOf } from "../support/telegram-driver.ts";
import { startTelegramHarness, stopTelegramHarness } from "../support/telegram-harness.ts";

const ROME = { latitude: 41.901, longitude: 12.5015 };

let redis: RedisServerHandle;
let fake: FakeBotApi;
let app: App;
let bot: TelegramDriver;

before(async () => {
  ({ redis, fake, app, bot } = await startTelegramHarness({ env: { INVITE_TTL: "2s" } }));
});

after(() => stopTelegramHarness({ app, fake, redis }));

async function travellerWithTrip(): Promise<FakeUser> {
  const t = makeUser({ first_name: "Samir" });
  await bot.onboard(t);
  await bot.ask(t, () => fake.text(t, "/trip rome-termini-station 3h"), /Trip saved/);
  return t;
}

/** No job may be left waiting, active, delayed or failed once the bot has answered. */
async function assertNoStuckJobs(): Promise<void> {
  for (const queue of [app.producers.verifyQueue, app.producers.notifyQueue]) {
    const deadline = Date.now() + 5_000;
    let counts = await queue.getJobCounts("waiting", "active", "delayed", "failed", "prioritized");
    while (Object.values(counts).some((n) => n > 0) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      counts = await queue.getJobCounts("waiting", "active", "delayed", "failed", "prioritized");
    }
    assert.deepEqual(counts, { waiting: 0, active: 0, delayed: 0, failed: 0, prioritized: 0 }, `${queue.name} queue`);
  }
}

describe("bad input gets a clear message and loses nothing", () => {
  test("a non-image file", async () => {
    const t = await travellerWithTrip();
    await bot.ask(t, () => fake.document(t, Buffer.from("%PDF-1.4 not a photo"), { fileName: "ticket.pdf", mimeType: "application/pdf" }), /not a photo I can read/);
    // A file that claims to be an image but is not, caught by content and not by name.
    await bot.ask(t, () => fake.document(t, notAnImage(), { fileName: "photo.jpg", mimeType: "image/jpeg" }), /not a photo I can read/);
  });

  test("a truncated JPEG is refused after verification, and a good photo still works after it", async () => {
    const t = await travellerWithTrip();
    const good = await makeJpeg({ width: 1280, height: 960, seed: "truncation-good" });
    const bad = truncated(await makeJpeg({ width: 1280, height: 960, seed: "truncation-bad" }));
    await bot.ask(t, () => fake.photo(t, bad), /Now send your location/);
    const rejected = await bot.ask(t, () => fake.location(t, ROME), /could not check this photo/, 15_000);
    assert.match(textOf(rejected), /damaged or incomplete/);
    await bot.ask(t, () => fake.photo(t, good), /Now send your location/);
    await bot.ask(t, () => fake.location(t, ROME), /Check-in accepted/, 15_000);
    await assertNoStuckJobs();
  });

  test("a PNG that claims 20000x20000 pixels", async () => {
    const t = await travellerWithTrip();
    await bot.ask(t, () => fake.document(t, pngClaiming(20_000, 20_000), { fileName: "huge.png", mimeType: "image/png" }), /too large to check/);
  });

  test("a photo over 20 MB is refused before download", async () => {
    const t = await travellerWithTrip();
    const small = await makeJpeg({ width: 800, height: 600, seed: "big" });
    let fileId = "";
    await bot.ask(
      t,
      () => {
        fileId = fake.document(t, small, { fileName: "big.jpg", mimeType: "image/jpeg", size: 21 * 1024 * 1024 }).update.message.document.file_id;
      },
      /too big\. The limit is 20 MB/,
    );
    assert.ok(fileId);
    assert.equal(fake.calls("getFile").filter((c) => c.params.file_id === fileId).length, 0, "never downloaded");
  });

  test("a forwarded photo does not count", async () => {
    const t = await travellerWithTrip();
    const photo = await makeJpeg({ width: 1280, height: 960, seed: "forwarded" });
    await bot.ask(t, () => fake.photo(t, photo, { forwarded: true }), /Forwarded photos do not count/);
  });

  test("forwarded and venue locations do not count", async () => {
    const t = await travellerWithTrip();
    await bot.ask(t, () => fake.location(t, { ...ROME, forwarded: true }), /Forwarded locations do not count/);
    await bot.ask(t, () => fake.venue(t, { ...ROME, title: "Termini", address: "Piazza dei Cinquecento" }), /place from the map does not count/);
  });

  test("a location before any trip", async () => {
    const t = makeUser({ first_name: "Lina" });
    await bot.onboard(t);
    await bot.ask(t, () => fake.location(t, ROME), /no trip yet\. Send \/trip first/);
  });

  test("a location before consent asks for consent first", async () => {
    const t = makeUser({ first_name: "Omid" });
    await bot.ask(t, () => fake.location(t, ROME), /accept how we use your data: send \/start/);
  });

  test("/trip with an unknown landmark, a deadline in the past, or nonsense", async () => {
    const t = makeUser({ first_name: "Hawa" });
    await bot.onboard(t);
    await bot.ask(t, () => fake.text(t, "/trip eiffel-tower 2h"), /do not know the place “eiffel-tower”/);
    await bot.ask(t, () => fake.text(t, "/trip rome-termini-station 2020-01-01T10:00"), /That time is in the past/);
    await bot.ask(t, () => fake.text(t, "/trip rome-termini-station soon"), /did not understand that time/);
    await bot.ask(t, () => fake.text(t, "/trip rome-termini-station 30d"), /too far away/);
  });

  test("a reused invite code and an expired one", async () => {
    const t = makeUser({ first_name: "Amal" });
    const first = makeUser({ first_name: "Rami" });
    const second = makeUser({ first_name: "Dina" });
    await bot.onboard(t);
    const code = await bot.link(t, first);
    await bot.ask(second, () => fake.text(second, `/start ${code}`), /not valid any more/);
    await bot.ask(second, () => fake.callback(second, `inv:y:${code}`), /not valid any more/);

    const invite = await bot.ask(t, () => fake.text(t, "/contact"), /start=/);
    const expiring = /start=([A-Za-z0-9_-]+)/.exec(textOf(invite))![1]!;
    await new Promise((r) => setTimeout(r, 2_300));
    await bot.ask(second, () => fake.text(second, `/start ${expiring}`), /not valid any more/);
    await bot.ask(second, () => fake.text(second, "/start garbage<script>"), /not valid any more/);
  });

  test("a display name full of HTML reaches the family as plain text", async () => {
    const t = makeUser({ first_name: "<b>x</b><a href=\"https://evil.example\">", last_name: "&amp;" });
    const f = makeUser({ first_name: "Nour" });
    await bot.onboard(t);
    const invite = await bot.ask(t, () => fake.text(t, "/contact"), /start=/);
    const code = /start=([A-Za-z0-9_-]+)/.exec(textOf(invite))![1]!;
    const preview = await bot.ask(f, () => fake.text(f, `/start ${code}`), /wants you as a family contact/);
    assert.match(textOf(preview), /^<b>x<\/b><a href="https:\/\/evil\.example"> &amp; wants you/);
    assert.equal(preview.params.parse_mode, undefined, "no parse mode, so nothing is interpreted as markup");
    assert.equal(preview.params.entities, undefined);
  });

  test("stickers and other messages get a plain answer", async () => {
    const t = makeUser({ first_name: "Zara" });
    const mark = fake.mark();
    fake.pushUpdate({
      message: { message_id: 999, date: Math.floor(Date.now() / 1000), chat: { id: t.id, type: "private", first_name: t.first_name }, from: t, sticker: { file_id: "s", file_unique_id: "s", width: 1, height: 1, is_animated: false, is_video: false, type: "regular" } },
    });
    await bot.expect(t, /only read text, photos and locations/, mark);
    await bot.ask(t, () => fake.text(t, "/teleport"), /do not know this command/);
  });

  test("no verification or notification job is left stuck", async () => {
    await assertNoStuckJobs();
  });
});
