/**
 * The families' photo check (/checkphoto) over Telegram, on a catalog of real photos (../shared/eval):
 * a reference picture, a known picture and a fresh photo each get the right answer, the answer does not
 * depend on whether a traveller submitted that photo, the photo is not kept, and it is rate-limited.
 * Also the signed confirmation link the family receives, checked on the public page.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { phashPhoto } from "../../src/verification/pdq.ts";
import { randomUUID } from "node:crypto";
import { Producers } from "../../src/queues/producers.ts";
import { QUEUE } from "../../src/queues/names.ts";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import type { App } from "../../src/app.ts";
import { makeUser, type FakeBotApi, type FakeUser } from "../support/fake-bot-api.ts";
import { makeJpeg } from "../support/photos.ts";
import type { RedisServerHandle } from "../support/redis-server.ts";
import { type TelegramDriver, textOf } from "../support/telegram-driver.ts";
import { startTelegramHarness, stopTelegramHarness } from "../support/telegram-harness.ts";
import { baseUrlOf } from "../support/test-app.ts";

const EVAL = path.resolve(import.meta.dirname, "../../../shared/eval");
const SACRE_COEUR_REF = path.join(EVAL, "landmarks/sacre-coeur/ref/02928139_3448003521.jpg");
const SACRE_COEUR_FRESH = path.join(EVAL, "landmarks/sacre-coeur/query/44120379_8371960244.jpg");
const TOWER_BRIDGE_KNOWN = path.join(EVAL, "landmarks/tower-bridge/query/london_bridge_94185272_3874562886.jpg");
const SAN_MARCO = path.join(EVAL, "landmarks/piazza-san-marco/query/piazza_san_marco_43351518_2659980686.jpg");
const ST_PAULS = path.join(EVAL, "distractors/st_pauls_cathedral_30776973_2635313996.jpg");
const SACRE_COEUR = { latitude: 48.88671, longitude: 2.3431 };
const RATE = 8;
const CHECK_MS = 60_000;

let redis: RedisServerHandle;
let fake: FakeBotApi;
let app: App;
let bot: TelegramDriver;
let catalog: string;

before(async () => {
  // Two landmarks with their references; Tower Bridge also lists a picture known to circulate (known/).
  catalog = await mkdtemp(path.join(os.tmpdir(), "photo-check-catalog-"));
  for (const id of ["sacre-coeur", "tower-bridge"]) {
    await cp(path.join(EVAL, "landmarks", id, "landmark.json"), path.join(catalog, id, "landmark.json"));
    await cp(path.join(EVAL, "landmarks", id, "ref"), path.join(catalog, id, "ref"), { recursive: true });
  }
  await mkdir(path.join(catalog, "tower-bridge", "known"));
  await cp(TOWER_BRIDGE_KNOWN, path.join(catalog, "tower-bridge", "known", "circulating.jpg"));
  // A hash shared without its picture, of a place outside the catalog.
  await writeFile(path.join(catalog, "known-pictures.txt"), `# shared by another NGO\n${await phashPhoto(await readFile(ST_PAULS))}\n`);
  ({ redis, fake, app, bot } = await startTelegramHarness({
    env: { CATALOG_DIR: catalog, PUBLIC_URL: "https://safe.example.org", PHOTO_CHECK_RATE_PER_HOUR: String(RATE) },
  }));
});

after(async () => {
  await stopTelegramHarness({ app, fake, redis });
  if (catalog) await rm(catalog, { recursive: true, force: true });
});

/** /checkphoto, then the photo; returns the answer's text. */
async function check(user: FakeUser, photo: Buffer, opts: { asFile?: boolean } = {}): Promise<string> {
  await bot.ask(user, () => fake.text(user, "/checkphoto"), /Send me the photo you were sent/);
  const answer = await bot.ask(
    user,
    () => (opts.asFile ? fake.document(user, photo, { fileName: "sent.jpg", mimeType: "image/jpeg" }) : fake.photo(user, photo, { forwarded: true })),
    /What I can say about this photo/,
    CHECK_MS,
  );
  return textOf(answer);
}

async function mediaKeys(): Promise<string[]> {
  return app.redis.keys(`${app.config.REDIS_PREFIX}:media:*`);
}

describe("photo check for families", { timeout: 300_000 }, () => {
  test("Telegram's command menu lists /checkphoto", () => {
    const menu = fake.calls("setMyCommands").at(-1)?.params.commands;
    const commands = (typeof menu === "string" ? JSON.parse(menu) : menu) as { command: string }[];
    assert.ok(commands.some((c) => c.command === "checkphoto"), JSON.stringify(commands));
  });

  test("a catalog reference (re-encoded) is a known picture of its landmark", async () => {
    const family = makeUser({ first_name: "Yusuf" });
    const reencoded = await sharp(await readFile(SACRE_COEUR_REF)).resize({ width: 900 }).jpeg({ quality: 80 }).toBuffer();
    const text = await check(family, reencoded);
    assert.match(text, /It shows Sacré-Cœur Basilica\./);
    assert.match(text, /known picture of Sacré-Cœur Basilica \(a picture anyone can find\), not a new photo/);
    assert.match(text, /who took it, who sent it, or that the person is safe/);
  });

  test("a picture in the catalog's known-pictures list is named as such", async () => {
    const family = makeUser({ first_name: "Hiba" });
    const text = await check(family, await readFile(TOWER_BRIDGE_KNOWN));
    assert.match(text, /It shows Tower Bridge\./);
    assert.match(text, /picture of Tower Bridge that is known to be passed around/);
  });

  test("a picture on the catalog's known-pictures.txt (a hash, no landmark) is known, of no place in the list", async () => {
    const text = await check(makeUser({ first_name: "Ayan" }), await sharp(await readFile(ST_PAULS)).jpeg({ quality: 75 }).toBuffer());
    assert.match(text, /It does not show any place in our list\./);
    assert.match(text, /It is a picture known to be passed around, not a new photo\./);
  });

  test("a fresh photo of a landmark is recognised and not called known; a place outside the catalog is none", async () => {
    const family = makeUser({ first_name: "Karim" });
    const fresh = await check(family, await readFile(SACRE_COEUR_FRESH));
    assert.match(fresh, /It shows Sacré-Cœur Basilica\./);
    assert.match(fresh, /It is not a picture we know\. That does not prove that it is new\./);
    assert.match(fresh, /came without its time and place/, "sent as a compressed photo: no EXIF to read");
    const elsewhere = await check(family, await readFile(SAN_MARCO));
    assert.match(elsewhere, /It does not show any place in our list\./);
    assert.match(elsewhere, /It is not a picture we know/);
    assert.deepEqual(await mediaKeys(), [], "no photo is kept after the checks");
  });

  test("as a file, its EXIF time and place are read: fresh and at the landmark, or old", async () => {
    const family = makeUser({ first_name: "Sara" });
    const recent = await makeJpeg({
      width: 1024, height: 768, seed: "exif-check",
      exif: { dateTimeOriginal: new Date(Date.now() - 12 * 60_000), gps: { lat: SACRE_COEUR.latitude + 0.0005, lon: SACRE_COEUR.longitude } },
    });
    const text = await check(family, recent, { asFile: true });
    assert.match(text, /taken 12 min before you sent it/);
    assert.match(text, /Its stored place is at Sacré-Cœur Basilica\./);
    const old = await makeJpeg({ width: 1024, height: 768, seed: "exif-old", exif: { dateTimeOriginal: new Date(Date.now() - 30 * 3_600_000) } });
    const oldText = await check(family, old, { asFile: true });
    assert.match(oldText, /more than 30 hours before you sent it: an old photo/);
    assert.match(oldText, /It has no stored place\./);
  });

  test("the answer is byte-identical whether or not a traveller submitted that photo", async () => {
    const photo = await readFile(SACRE_COEUR_FRESH);
    const asker = makeUser({ first_name: "Nadia" });
    const before = await check(asker, photo);

    // A traveller checks in with exactly this photo at Sacré-Cœur; their family gets a signed confirmation.
    const traveller = makeUser({ first_name: "Amina" });
    const family = makeUser({ first_name: "Omar" });
    await bot.onboard(traveller);
    await bot.link(traveller, family);
    const joined = fake.sentTo(family.id).map(textOf).find((t) => /You will now get arrival messages/.test(t));
    assert.match(joined ?? "", /Send \/checkphoto and I will tell you what I can about it/, "families learn of the photo check as they join");
    await bot.ask(traveller, () => fake.text(traveller, "/trip sacre-coeur 3h"), /Trip saved/);
    await bot.ask(traveller, () => fake.photo(traveller, photo), /Now send your location/);
    const arrival = bot.expect(family, /arrived at Sacré-Cœur Basilica/, fake.mark(), CHECK_MS);
    await bot.ask(traveller, () => fake.location(traveller, { ...SACRE_COEUR, horizontal_accuracy: 10 }), /Check-in accepted|verified/i, CHECK_MS);
    const confirmation = textOf(await arrival);
    assert.ok((await app.redis.zcard(`${app.config.REDIS_PREFIX}:submissions`)) >= 1, "the photo is in the submission index now");

    await bot.ask(asker, () => fake.text(asker, "/help"), /Send \/checkphoto/);
    const afterText = await check(asker, photo);
    assert.equal(afterText, before, "same asker, same answer");
    const stranger = makeUser({ first_name: "Lena" });
    assert.equal(await check(stranger, photo), before, "anyone else, same answer");

    // The family's confirmation carries a link that the public page confirms.
    const link = /https:\/\/safe\.example\.org\/c\/([A-Za-z0-9_-]+)/.exec(confirmation);
    assert.ok(link, confirmation);
    const page = await (await fetch(`${baseUrlOf(app)}/c/${link[1]}`, { headers: { "accept-language": "fr-CA, en;q=0.5" } })).text();
    assert.match(page, /Basilique du Sacré-Cœur/);
    assert.doesNotMatch(page, /Amina|Omar|48\.88|2\.34/, "no name, no coordinates");
  });

  test("the sandbox chat gives the same answer as Telegram", async () => {
    const photo = await readFile(TOWER_BRIDGE_KNOWN);
    const telegram = await check(makeUser({ first_name: "Tariq" }), photo);
    const base = `${baseUrlOf(app)}/sandbox/api/family-check`;
    const post = (route: string, body: unknown) =>
      fetch(`${base}/${route}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    await post("text", { name: "Yusuf", language: "en", text: "/checkphoto" });
    const form = new FormData();
    form.set("name", "Yusuf");
    form.set("language", "en");
    form.set("photo", new Blob([photo], { type: "image/jpeg" }), "sent.jpg");
    await fetch(`${base}/photo`, { method: "POST", body: form });
    let answer: string | undefined;
    for (const deadline = Date.now() + CHECK_MS; !answer && Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      const entries = (await (await fetch(`${base}/messages`)).json()) as { dir: string; text: string }[];
      // Without Fluent's isolation marks and the messenger's direction marks, as the Telegram driver reads it.
      answer = entries.map((e) => ({ ...e, text: e.text.replace(/[\u2068\u2069\u200e\u200f]/g, "") })).find((e) => e.dir === "out" && e.text.startsWith("What I can say"))?.text;
    }
    assert.equal(answer, telegram);
  });

  test("the check page is rate-limited per client address like messages are", async () => {
    // Fixed one-minute windows: however the requests fall across a window boundary, at most two windows' worth pass.
    const limit = app.config.MESSAGE_RATE_PER_MINUTE;
    const statuses: number[] = [];
    for (let i = 0; i < 2 * limit + 2; i++) statuses.push((await fetch(`${baseUrlOf(app)}/c/not-a-code-at-all-123456`)).status);
    assert.ok(statuses.includes(429), "refused past the limit");
    assert.ok(statuses.filter((s) => s === 200).length <= 2 * limit);
    assert.deepEqual([...new Set(statuses)].sort(), [200, 429]);
  });

  test("photo checks queue behind check-ins: BullMQ takes unprioritized verify jobs first", async () => {
    const producers = new Producers(app.redis, `{pq${Date.now()}}`);
    try {
      await producers.photoCheck({ requesterId: randomUUID(), mediaId: randomUUID(), asFile: false, receivedAt: Date.now(), locale: "en" });
      await producers.verify({ checkinId: randomUUID() });
      assert.deepEqual(await producers.verifyQueue.getJobCounts("waiting", "prioritized"), { waiting: 1, prioritized: 1 });
      const [next] = await producers.verifyQueue.getWaiting();
      assert.equal(next?.name, QUEUE.verify, "the check-in is the one waiting to be taken");
    } finally {
      await producers.verifyQueue.obliterate({ force: true });
      await producers.close();
    }
  });

  test("each person may check a limited number of photos per hour", async () => {
    const user = makeUser({ first_name: "Rapid" });
    const small = await makeJpeg({ width: 640, height: 480, seed: "rate" });
    for (let i = 0; i < RATE; i++) await check(user, small);
    await bot.ask(user, () => fake.photo(user, small, { caption: "/checkphoto" }), /You checked many photos this hour/);
    // Someone else is not affected.
    const other = makeUser({ first_name: "Calm" });
    await bot.ask(other, () => fake.photo(other, small, { caption: "/checkphoto" }), /What I can say about this photo/, CHECK_MS);
  });
});
