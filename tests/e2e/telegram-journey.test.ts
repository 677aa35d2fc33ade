import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import exifr from "exifr";
import type { App } from "../../src/app.ts";
import { importCatalog } from "../../src/landmarks/import.ts";
import { startFakeBotApi, makeUser, type FakeBotApi } from "../support/fake-bot-api.ts";
import { startRedis, type RedisServerHandle } from "../support/redis-server.ts";
import { makeJpeg } from "../support/photos.ts";
import { buttonsOf, TelegramDriver, textOf } from "../support/telegram-driver.ts";
import { startTestApp } from "../support/test-app.ts";

const SYNTAGMA = { lat: 37.9755, lon: 23.7355 };

let redis: RedisServerHandle;
let fake: FakeBotApi;
let app: App;

before(async () => {
  redis = await startRedis();
  fake = await startFakeBotApi();
  app = await startTestApp({ redisUrl: redis.url, telegram: { apiRoot: fake.apiRoot, token: fake.token } });
});

after(async () => {
  await app?.stop();
  await fake?.close();
  await redis?.stop();
});

const expectMessage = (chatId: number, pattern: RegExp, mark: number, timeoutMs?: number) =>
  new TelegramDriver(fake).expect({ id: chatId, first_name: "" }, pattern, mark, timeoutMs);
const buttons = buttonsOf;

test("traveller and family walk the whole safe-arrival journey on Telegram", { timeout: 60_000 }, async () => {
  const traveller = makeUser({ first_name: "Amina", language_code: "en" });
  const family = makeUser({ first_name: "Yusuf", language_code: "en" });

  // 1. Onboarding: language, consent.
  let mark = fake.mark();
  fake.text(traveller, "/start");
  const picker = await expectMessage(traveller.id, /Choose your language/, mark);
  assert.ok(buttons(picker).some((b) => b.text === "العربية"), "each language is named in itself");
  mark = fake.mark();
  fake.callback(traveller, "lang:en");
  const consent = await expectMessage(traveller.id, /What we keep/, mark);
  assert.match(textOf(consent), /deleted 30 days after your trip ends/);
  assert.match(textOf(consent), /Who sees it/);
  mark = fake.mark();
  fake.callback(traveller, "consent:y");
  await expectMessage(traveller.id, /send \/contact/, mark);

  // 2. Invite a family member, who accepts.
  mark = fake.mark();
  fake.text(traveller, "/contact");
  const invite = await expectMessage(traveller.id, /t\.me\/safe_arrival_test_bot\?start=/, mark);
  const code = /start=([A-Za-z0-9_-]+)/.exec(textOf(invite))![1]!;
  assert.ok(Buffer.from(code, "base64url").length >= 16, "invite code carries at least 128 bits");

  mark = fake.mark();
  fake.text(family, `/start ${code}`);
  const preview = await expectMessage(family.id, /Amina wants you as a family contact/, mark);
  const accept = buttons(preview).find((b) => b.callback_data?.startsWith("inv:y:"));
  assert.ok(accept, "preview offers Accept");
  mark = fake.mark();
  fake.callback(family, accept!.callback_data!);
  await expectMessage(family.id, /You will now get arrival messages from .*Amina/, mark);
  await expectMessage(traveller.id, /Yusuf.* is now your family contact/, mark);

  // 3. Plan a trip.
  mark = fake.mark();
  fake.text(traveller, "/trip athens-syntagma-square 2h");
  await expectMessage(traveller.id, /Trip saved: .*Syntagma.*Eastern European Time/s, mark);

  // 4. Check in: a photo sent as a file (EXIF kept) and a live location, in that order.
  const photo = await makeJpeg({
    width: 1600,
    height: 1200,
    seed: "journey",
    exif: { dateTimeOriginal: new Date(Date.now() - 5 * 60_000), offset: "+00:00", make: "PhoneCo", gps: { lat: SYNTAGMA.lat, lon: SYNTAGMA.lon } },
  });
  assert.ok((await exifr.parse(photo))?.Make, "the test photo does carry EXIF");
  mark = fake.mark();
  fake.document(traveller, photo, { fileName: "arrival.jpg", mimeType: "image/jpeg" });
  await expectMessage(traveller.id, /Now send your location/, mark);
  mark = fake.mark();
  fake.location(traveller, { latitude: SYNTAGMA.lat + 0.0003, longitude: SYNTAGMA.lon, horizontal_accuracy: 20, live_period: 900 });
  await expectMessage(traveller.id, /checking your photo and location/, mark);

  // 5. The family receives the confirmation with a metadata-free photo.
  const confirmation = await expectMessage(family.id, /Not fully confirmed: .*Amina.* reports being at .*Syntagma/s, mark, 20_000);
  assert.equal(confirmation.method, "sendPhoto");
  const text = textOf(confirmation);
  assert.match(text, /(live location|a pin dropped on the map) \d+ m from the place/);
  assert.match(text, /photo taken \d+ min before it was sent/);
  // The demo references are drawings: the matcher ran and says honestly it did not recognise the place.
  assert.match(text, /photo not recognised as the place/);
  assert.match(text, /Eastern European Time/);
  const sent = confirmation.params.photo as { bytes: Buffer };
  assert.ok(sent.bytes.length > 1000);
  assert.equal(sent.bytes.subarray(0, 2).toString("hex"), "ffd8", "a JPEG");
  assert.equal(await exifr.parse(sent.bytes).catch(() => undefined), undefined, "no EXIF at all in what the family gets");

  const result = await expectMessage(traveller.id, /Check-in accepted, not fully verified/, mark);
  assert.match(textOf(result), /family contacts are being told/);

  // 6. Status reflects the arrival; the same photo again is a replay and reaches nobody.
  mark = fake.mark();
  fake.text(traveller, "/status");
  await expectMessage(traveller.id, /arrived at .*Syntagma[\s\S]*Family contacts: 1/, mark);

  mark = fake.mark();
  fake.text(traveller, "/trip athens-syntagma-square 1h");
  await expectMessage(traveller.id, /Trip saved/, mark);
  mark = fake.mark();
  fake.document(traveller, photo, { fileName: "again.jpg", mimeType: "image/jpeg" });
  fake.location(traveller, { latitude: SYNTAGMA.lat, longitude: SYNTAGMA.lon, horizontal_accuracy: 10 });
  const replay = await expectMessage(traveller.id, /Check-in not verified/, mark, 20_000);
  assert.match(textOf(replay), /already sent before/);
  assert.equal(fake.sentTo(family.id).filter((c) => c.seq > mark).length, 0, "a replay never reaches the family");
});

test("a real photo of an imported landmark is verified by the visual matcher and the family is told it arrived", { timeout: 90_000 }, async () => {
  // A catalog of one real landmark from the eval set: its reference photos and coordinates.
  const eval_ = path.resolve(import.meta.dirname, "../../../shared/eval/landmarks/sacre-coeur");
  const catalog = mkdtempSync(path.join(tmpdir(), "sa-catalog-"));
  cpSync(path.join(eval_, "landmark.json"), path.join(catalog, "sacre-coeur", "landmark.json"), { recursive: true });
  cpSync(path.join(eval_, "ref"), path.join(catalog, "sacre-coeur", "ref"), { recursive: true });
  await importCatalog(catalog, app.deps.landmarks);
  rmSync(catalog, { recursive: true, force: true });
  const place = JSON.parse(readFileSync(path.join(eval_, "landmark.json"), "utf8")) as { lat: number; lon: number };

  const traveller = makeUser({ first_name: "Samir", language_code: "en" });
  const family = makeUser({ first_name: "Leila", language_code: "en" });
  let mark = fake.mark();
  fake.text(traveller, "/start");
  await expectMessage(traveller.id, /Choose your language/, mark);
  fake.callback(traveller, "lang:en");
  await expectMessage(traveller.id, /What we keep/, mark);
  fake.callback(traveller, "consent:y");
  await expectMessage(traveller.id, /send \/contact/, mark);
  mark = fake.mark();
  fake.text(traveller, "/contact");
  const code = /start=([A-Za-z0-9_-]+)/.exec(textOf(await expectMessage(traveller.id, /start=/, mark)))![1]!;
  mark = fake.mark();
  fake.text(family, `/start ${code}`);
  const accept = buttons(await expectMessage(family.id, /wants you as a family contact/, mark)).find((b) => b.callback_data?.startsWith("inv:y:"));
  fake.callback(family, accept!.callback_data!);
  await expectMessage(traveller.id, /is now your family contact/, mark);
  mark = fake.mark();
  fake.text(traveller, "/trip sacre-coeur 2h");
  await expectMessage(traveller.id, /Trip saved/, mark);

  // A photo by another photographer (not a reference), sent as a chat photo, and a live location.
  mark = fake.mark();
  fake.photo(traveller, readFileSync(path.join(eval_, "query", "17295357_9106075285.jpg")));
  fake.location(traveller, { latitude: place.lat + 0.0002, longitude: place.lon, horizontal_accuracy: 15, live_period: 900 });
  const confirmation = await expectMessage(family.id, /Samir.* arrived at /s, mark, 30_000);
  assert.match(textOf(confirmation), /photo matches the place/);
  await expectMessage(traveller.id, /Check-in verified/, mark);
});
