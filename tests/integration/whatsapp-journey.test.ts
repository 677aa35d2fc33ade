/**
 * The whole journey with a traveller on WhatsApp: family on WhatsApp, and family on Telegram. The
 * WhatsApp side is a fake socket that injects messages through the socket's own event path; Telegram
 * is the fake Bot API. Both go through the real conversation core, queues and workers on a private Redis.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import exifr from "exifr";
import { App } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";
import { startFakeBotApi, makeUser, type FakeBotApi } from "../support/fake-bot-api.ts";
import { choiceNumber, FakeWhatsApp, makeWaUser, waText, type FakeWaUser } from "../support/fake-whatsapp.ts";
import { makeJpeg } from "../support/photos.ts";
import { startRedis, type RedisServerHandle } from "../support/redis-server.ts";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { DEMO_CATALOG_DIR } from "../../src/landmarks/demo-catalog.ts";
import { buttonsOf, TelegramDriver, textOf } from "../support/telegram-driver.ts";
import { seedCatalog } from "../support/seed-catalog.ts";

const SYNTAGMA = { lat: 37.9755, lon: 23.7355 };
const BOT_NUMBER = "447700900000";

let redis: RedisServerHandle;
let fakeTg: FakeBotApi;
let wa: FakeWhatsApp;
let app: App;

before(async () => {
  redis = await startRedis();
  fakeTg = await startFakeBotApi();
  wa = new FakeWhatsApp();
  const config = loadConfig({
    REDIS_URL: redis.url,
    REDIS_PREFIX: `{t${randomBytes(4).toString("hex")}}`,
    PORT: "0",
    LOG_LEVEL: "silent",
    TELEGRAM_BOT_TOKEN: fakeTg.token,
    TELEGRAM_API_ROOT: fakeTg.apiRoot,
    WHATSAPP_ENABLED: "true",
    WHATSAPP_NUMBER: BOT_NUMBER,
    APP_KEY: randomBytes(32).toString("base64"),
    PROOF_SIGNING_KEY: randomBytes(32).toString("base64"),
    WHATSAPP_RATE_PER_CHAT: "6000",
    WHATSAPP_RATE_GLOBAL: "6000",
  });
  app = new App(config, createLogger(process.env.TEST_LOG_LEVEL ?? "silent"), { roles: ["bot", "worker"], whatsappSocket: wa.factory });
  await seedCatalog(app);
  await app.start();
});

after(async () => {
  await app?.stop();
  await fakeTg?.close();
  await redis?.stop();
});

async function onboardOnWhatsApp(user: FakeWaUser): Promise<void> {
  const picker = await wa.ask(user, () => wa.text(user, "/start"), /Choose your language/);
  const consent = await wa.ask(user, () => wa.text(user, String(choiceNumber(picker, /^English$/))), /What we keep/);
  await wa.ask(user, () => wa.text(user, String(choiceNumber(consent, /I agree/))), /Thank you/);
}

async function checkIn(traveller: FakeWaUser, seed: string): Promise<number> {
  await wa.ask(traveller, () => wa.text(traveller, "/trip athens-syntagma-square 2h"), /Trip saved: .*Syntagma/s);
  const photo = await makeJpeg({
    width: 1600,
    height: 1200,
    seed,
    exif: { dateTimeOriginal: new Date(Date.now() - 5 * 60_000), offset: "+00:00", make: "PhoneCo", gps: SYNTAGMA },
  });
  // A document keeps the EXIF (WhatsApp strips it from photos).
  await wa.ask(traveller, () => wa.document(traveller, photo, { fileName: "arrival.jpg", mimetype: "image/jpeg" }), /Now send your location/);
  const mark = wa.mark();
  wa.liveLocation(traveller, SYNTAGMA.lat + 0.0003, SYNTAGMA.lon, 20);
  await wa.expect(traveller, /checking your photo and location/, mark);
  return mark;
}

test("traveller and family both on WhatsApp: numbered choices, wa.me invite, confirmation photo", { timeout: 60_000 }, async () => {
  const traveller = makeWaUser("Amina");
  const family = makeWaUser("Yusuf");
  await onboardOnWhatsApp(traveller);
  assert.ok(wa.sent.every((s) => !s.jid.endsWith("@s.whatsapp.net")), "the bot addresses people by LID, never by phone number");

  const invite = await wa.ask(traveller, () => wa.text(traveller, "/contact"), /wa\.me/);
  const m = new RegExp(`https://wa\\.me/${BOT_NUMBER}\\?text=([A-Za-z0-9_-]+)`).exec(waText(invite));
  assert.ok(m, `the invite is a wa.me link with the code as text: ${waText(invite)}`);
  const code = m[1]!;

  // The family has not written yet: the bot cannot (and must not) message them.
  await assert.rejects(app.deps.messenger.send({ channel: "whatsapp", chatId: family.lid }, { text: "hello" }), /unreachable/);
  assert.equal(wa.sentTo(family).length, 0);

  // Opening the link sends the bare code: it is read as /start <code>.
  // WhatsApp tells no client language, so a new family member picks one first.
  const picker = await wa.ask(family, () => wa.text(family, code), /Choose your language/);
  const preview = await wa.ask(family, () => wa.text(family, String(choiceNumber(picker, /^English$/))), /Amina wants you as a family contact/);
  const mark = wa.mark();
  wa.text(family, String(choiceNumber(preview, /^Accept$/)));
  await wa.expect(family, /You will now get arrival messages from .*Amina/, mark);
  await wa.expect(traveller, /Yusuf.* is now your family contact/, mark);

  const checkinMark = await checkIn(traveller, "wa-only");
  const confirmation = await wa.expect(family, /Not fully confirmed: .*Amina.* reports being at .*Syntagma/s, checkinMark, 20_000);
  const content = confirmation.content as { image?: Buffer; caption?: string };
  assert.ok(content.image, "the confirmation carries the photo");
  assert.equal(content.image.subarray(0, 2).toString("hex"), "ffd8");
  assert.equal(await exifr.parse(content.image).catch(() => undefined), undefined, "no EXIF in what the family gets");
  assert.match(waText(confirmation), /(live location|a pin dropped on the map) \d+ m from the place/);
  // No PUBLIC_URL here: the confirmation carries the signed code itself, which checks as this check-in.
  const signed = /Confirmation code \(proof that this message is genuine\): ([A-Za-z0-9_-]+)/.exec(waText(confirmation));
  assert.ok(signed, waText(confirmation));
  const checked = app.proofKeys.check(signed[1]!, new Date());
  assert.ok(checked.valid);
  assert.equal(checked.confirmation.landmarkId, "athens-syntagma-square");
  assert.equal(checked.confirmation.status, "partial");
  await wa.expect(traveller, /Check-in accepted, not fully verified/, checkinMark);

  // Neither the LIDs nor the phone numbers stand in clear anywhere in Redis, keys or values.
  const secrets = [traveller, family].flatMap((u) => [u.lid.split("@")[0]!, u.pn.split("@")[0]!]);
  for (const key of await app.redis.keys(`${app.keys.prefix}*`)) {
    const type = await app.redis.type(key);
    const value =
      type === "string" ? ((await app.redis.getBuffer(key))?.toString("latin1") ?? "") :
      type === "hash" ? JSON.stringify(await app.redis.hgetall(key)) :
      type === "set" ? JSON.stringify(await app.redis.smembers(key)) : "";
    for (const secret of secrets) assert.ok(!key.includes(secret) && !value.includes(secret), `${secret} in clear in ${key}`);
  }
});

test("traveller on WhatsApp, family on Telegram: the confirmation photo crosses channels", { timeout: 60_000 }, async () => {
  const traveller = makeWaUser("Leila");
  const family = makeUser({ first_name: "Omar", language_code: "en" });
  const tg = new TelegramDriver(fakeTg);
  await onboardOnWhatsApp(traveller);
  const invite = await wa.ask(traveller, () => wa.text(traveller, "/contact"), /wa\.me/);
  const code = /text=([A-Za-z0-9_-]+)/.exec(waText(invite))![1]!;

  // On Telegram the same code works with /start.
  const preview = await tg.ask(family, () => fakeTg.text(family, `/start ${code}`), /Leila wants you as a family contact/);
  const accept = buttonsOf(preview).find((b) => b.callback_data?.startsWith("inv:y:"));
  assert.ok(accept);
  const mark = wa.mark();
  await tg.ask(family, () => fakeTg.callback(family, accept.callback_data!), /You will now get arrival messages from .*Leila/);
  await wa.expect(traveller, /Omar.* is now your family contact/, mark);

  const tgMark = fakeTg.mark();
  await checkIn(traveller, "cross-channel");
  const confirmation = await tg.expect(family, /Not fully confirmed: .*Leila.* reports being at .*Syntagma/s, tgMark, 20_000);
  assert.equal(confirmation.method, "sendPhoto");
  const sent = confirmation.params.photo as { bytes: Buffer };
  assert.equal(sent.bytes.subarray(0, 2).toString("hex"), "ffd8");
  assert.equal(await exifr.parse(sent.bytes).catch(() => undefined), undefined);
  assert.match(textOf(confirmation), /(live location|a pin dropped on the map) \d+ m from the place/);
});

test("anyone on WhatsApp can check a photo they were sent: a catalog reference is named as a known picture", { timeout: 60_000 }, async () => {
  const stranger = makeWaUser("Salma");
  const reference = await readFile(path.join(DEMO_CATALOG_DIR, "athens-syntagma-square", "ref", "view-1.jpg"));
  const mark = wa.mark();
  wa.image(stranger, reference, { caption: "/checkphoto", forwarded: true });
  await wa.expect(stranger, /Checking the photo/, mark);
  const answer = waText(await wa.expect(stranger, /What I can say about this photo/, mark, 30_000));
  assert.match(answer, /It shows .*Syntagma/);
  assert.match(answer, /known picture of .*Syntagma.* not a new photo/);
  assert.match(answer, /cannot tell: who took it/);
});
