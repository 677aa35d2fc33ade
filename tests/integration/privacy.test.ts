import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import type { App } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { App as AppClass } from "../../src/app.ts";
import { createLogger } from "../../src/log.ts";
import { rotateKeys, storeRotationSteps } from "../../src/store/key-rotation.ts";
import { KeyRing } from "../../src/store/key-ring.ts";
import { Keys } from "../../src/store/keys.ts";
import { PersonRepository } from "../../src/store/person-repository.ts";
import { RecordKeys } from "../../src/store/record-keys.ts";
import { makeUser, startFakeBotApi, type FakeBotApi } from "../support/fake-bot-api.ts";
import { makeJpeg } from "../support/photos.ts";
import { startRedis, type RedisServerHandle } from "../support/redis-server.ts";
import { TelegramDriver } from "../support/telegram-driver.ts";
import { startTestApp } from "../support/test-app.ts";

/** About 30 m from the landmark: the traveller's own position, which must never be stored or logged. */
const PARIS = { latitude: 48.880471, longitude: 2.355612 };
const logLines: string[] = [];

let redis: RedisServerHandle;
let fake: FakeBotApi;
let app: App;
let bot: TelegramDriver;

before(async () => {
  redis = await startRedis();
  fake = await startFakeBotApi();
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  app = await startTestApp({
    redisUrl: redis.url,
    telegram: { apiRoot: fake.apiRoot, token: fake.token },
    log: createLogger("trace", sink),
    env: { NGO_NAME: "Safe Passage", ESCALATION_GRACE: "1s" },
  });
  bot = new TelegramDriver(fake);
});

after(async () => {
  await app?.stop();
  await fake?.close();
  await redis?.stop();
});

/** Every key of the app with its type, TTL and a text dump of its value. */
async function dump(): Promise<{ key: string; ttl: number; text: string }[]> {
  const out = [];
  for (const key of await app.redis.keys(`${app.keys.prefix}*`)) {
    const type = await app.redis.type(key);
    const text =
      type === "string" ? ((await app.redis.getBuffer(key))?.toString("latin1") ?? "") :
      type === "hash" ? JSON.stringify(await app.redis.hgetall(key)) :
      type === "set" ? JSON.stringify(await app.redis.smembers(key)) :
      type === "zset" ? JSON.stringify(await app.redis.zrange(key, 0, -1)) :
      type === "list" ? JSON.stringify(await app.redis.lrange(key, 0, -1)) : "";
    out.push({ key, ttl: await app.redis.pttl(key), text });
  }
  return out;
}

describe("a full journey leaves no personal data in clear, and nothing personal without a TTL", () => {
  const traveller = makeUser({ first_name: "Zainab", last_name: "Qaderi" });
  const family = makeUser({ first_name: "Ferozan", last_name: "Qaderi" });

  before(async () => {
    await bot.ask(traveller, () => fake.text(traveller, "/start"), /Choose your language/);
    await bot.ask(traveller, () => fake.callback(traveller, "lang:en"), /What we keep/);
    await bot.ask(traveller, () => fake.callback(traveller, "consent:y"), /Safe Passage/);
    await bot.ask(traveller, () => fake.callback(traveller, "ngo:y"), /two words/);
    await bot.ask(traveller, () => fake.text(traveller, "/secret tulip7"), /secret word is saved/);
    await bot.link(traveller, family);
    await bot.ask(traveller, () => fake.text(traveller, "/trip paris-gare-du-nord 2s"), /Trip saved/);
    const mark = fake.mark();
    await bot.expect(family, /Zainab Qaderi planned to arrive/, mark, 15_000);
    fake.photo(traveller, await makeJpeg({ width: 1280, height: 960, seed: "privacy", exif: { gps: { lat: PARIS.latitude, lon: PARIS.longitude }, make: "Cam" } }));
    fake.location(traveller, { ...PARIS, horizontal_accuracy: 12 });
    await bot.expect(family, /False alarm: Zainab Qaderi arrived/, mark, 20_000);
  });

  test("Redis holds no name, chat id, coordinates or secret word in clear", async () => {
    const secrets = ["Zainab", "Qaderi", "Ferozan", String(traveller.id), String(family.id), "48.8804", "2.3556", "tulip7", fake.token];
    for (const { key, text } of await dump()) {
      for (const secret of secrets) assert.ok(!key.includes(secret) && !text.includes(secret), `${secret} in clear in ${key}`);
    }
  });

  test("every personal key has a TTL; the few without one are named, non-personal indexes", async () => {
    const p = app.keys.prefix;
    const exempt = [
      /:landmarks?$|:landmark:|:landmarks:(geo|known-pictures)$/, // the catalog, its position index and known-picture hashes: public places, not people
      /^[^:]+:(verify|notify|deadline|alert|ngo|outbox-whatsapp|outbox-telegram):/, // BullMQ; jobs carry ids only (a reply sealed) and are removed after completion
      /:tg-inbox$/, // the Telegram inbox stream: sealed updates, each deleted once handled
      /:submissions$/, // perceptual hashes of accepted photos; each entry expires by its score
      /:trips:active$/, // ids of travellers with an active trip; entries leave when the trip ends
      /:ngo-alerts(:org:[^:]+)?$/, // alert ids (the alerts expire)
      /:sandbox:seq$/, // a counter
      /:dash:orgs?(:[^:]+)?$/, // NGO organisations: names of organisations, not of people
    ];
    const missing = (await dump()).filter(({ key, ttl }) => ttl < 0 && !exempt.some((r) => r.test(key.slice(p.length))) && !exempt.some((r) => r.test(key)));
    assert.deepEqual(missing.map((m) => m.key), []);
  });

  test("logs of the whole journey carry no name, chat id, coordinates, photo or token", () => {
    assert.ok(logLines.length > 5, "the journey was logged");
    const all = logLines.join("");
    for (const secret of ["Zainab", "Qaderi", "Ferozan", String(traveller.id), String(family.id), "48.8804", "2.3556", fake.token, "/9j/"]) {
      assert.ok(!all.includes(secret), `${secret} in the logs`);
    }
  });

  test("job payloads carry ids only", async () => {
    for (const queue of app.producers.all) {
      for (const job of await queue.getJobs(["completed", "waiting", "delayed", "failed", "active"])) {
        const data = JSON.stringify(job?.data ?? {});
        assert.ok(!/Zainab|Qaderi|48\.8804|2\.3556/.test(data), `${queue.name}: ${data}`);
      }
    }
  });
});

describe("crypto-shredding and key rotation", () => {
  test("after /forget the sealed fields cannot be opened any more, even from a copy", async () => {
    const t = makeUser({ first_name: "Marwa" });
    await bot.onboard(t);
    const person = (await app.conversation.person({ from: { channel: "telegram", chatId: String(t.id) } }))!;
    const copy = await app.redis.hgetall(app.keys.person(person.id)); // what an AOF or a backup would still hold
    assert.equal((await app.recordKeys.forPerson(person.id)).open("displayName", copy.displayName), "Marwa");
    await bot.ask(t, () => fake.text(t, "/forget"), /Delete everything/);
    await bot.ask(t, () => fake.callback(t, "forget:y"), /Everything about you is deleted/);
    assert.equal(await app.redis.exists(app.keys.dataKey(person.id)), 0, "the data key is gone");
    await assert.rejects(async () => (await app.recordKeys.forPerson(person.id)).open("displayName", copy.displayName));
    await app.recordKeys.destroy(person.id);
  });

  test("rotating the master key re-wraps data keys and keeps every address reachable", async () => {
    const keys = new Keys(`{rot${randomBytes(3).toString("hex")}}`);
    const oldKey = randomBytes(32).toString("base64");
    const newKey = randomBytes(32).toString("base64");
    const before = new PersonRepository(app.redis, keys, 3_600_000, new RecordKeys(app.redis, keys, new KeyRing(oldKey), 3_600_000));
    const p = await before.touch({ channel: "telegram", chatId: "424242" }, "Hasan", new Date());
    const during = new RecordKeys(app.redis, keys, new KeyRing(newKey, oldKey), 3_600_000);
    const persons = new PersonRepository(app.redis, keys, 3_600_000, during);
    const steps = storeRotationSteps(app.redis, keys, during, persons);
    assert.deepEqual(await rotateKeys(persons, steps), { "data keys re-wrapped": 1, "chat addresses re-indexed": 1 });
    assert.deepEqual(await rotateKeys(persons, steps), { "data keys re-wrapped": 0, "chat addresses re-indexed": 0 }, "running it again changes nothing");
    const after = new PersonRepository(app.redis, keys, 3_600_000, new RecordKeys(app.redis, keys, new KeyRing(newKey), 3_600_000));
    const found = await after.findByAddress({ channel: "telegram", chatId: "424242" });
    assert.equal(found?.id, p.id);
    assert.equal(found?.displayName, "Hasan");
  });
});

describe("production mode", () => {
  test("refuses to start without APP_KEY or PROOF_SIGNING_KEY, or on a Redis without AOF and noeviction", async () => {
    const base = { REDIS_URL: redis.url, REDIS_PREFIX: "{prod}", PORT: "0", LOG_LEVEL: "silent", NODE_ENV: "production" };
    assert.throws(() => new AppClass(loadConfig(base), createLogger("silent"), { roles: [] }), /APP_KEY is required in production/);
    const withAppKey = { ...base, APP_KEY: randomBytes(32).toString("base64") };
    assert.throws(() => new AppClass(loadConfig(withAppKey), createLogger("silent"), { roles: [] }), /PROOF_SIGNING_KEY is required in production/);
    const prod = new AppClass(loadConfig({ ...withAppKey, PROOF_SIGNING_KEY: randomBytes(32).toString("base64") }), createLogger("silent"), { roles: [] });
    try {
      await assert.rejects(prod.start(), /Redis is not safe for production: appendonly is not yes/);
    } finally {
      await prod.stop();
    }
  });
});
