/**
 * Compact records (issue 18): a traveller's trip and person hashes stay listpack-encoded on a real
 * redis-server (default hash-max-listpack-value 64), and records written by earlier versions (the trip's
 * landmark sealed as text, the person's own id stored in its hash) are still read.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { Redis } from "ioredis";
import { KeyRing } from "../../../src/store/key-ring.ts";
import { Keys } from "../../../src/store/keys.ts";
import { PersonRepository } from "../../../src/store/person-repository.ts";
import { RecordKeys } from "../../../src/store/record-keys.ts";
import { TripRepository } from "../../../src/store/trip-repository.ts";
import { startRedis, type RedisServerHandle } from "../../support/redis-server.ts";

const RETENTION = 86_400_000;
let server: RedisServerHandle;
let redis: Redis;
let keys: Keys;
let recordKeys: RecordKeys;
let persons: PersonRepository;
let trips: TripRepository;

before(async () => {
  server = await startRedis();
  redis = new Redis(server.url);
  keys = new Keys(`{t${randomBytes(4).toString("hex")}}`);
  recordKeys = new RecordKeys(redis, keys, new KeyRing(randomBytes(32).toString("base64")), RETENTION);
  persons = new PersonRepository(redis, keys, RETENTION, recordKeys);
  trips = new TripRepository(redis, keys, RETENTION, recordKeys);
});

after(async () => {
  redis?.disconnect();
  await server?.stop();
});

test("a trip's hash stays listpack-encoded, and reads back", async () => {
  const person = await persons.touch({ channel: "telegram", chatId: "700000001" }, "Traveller", new Date());
  const deadline = new Date(Date.now() + 3_600_000);
  const trip = await trips.create(person.id, "athens-syntagma-square", deadline, new Date());
  assert.equal(await redis.object("ENCODING", keys.trip(person.id)), "listpack");
  const read = await trips.get(person.id);
  assert.equal(read?.landmarkId, "athens-syntagma-square");
  assert.equal(read?.travellerId, person.id);
  assert.equal(read?.id, trip.id);
  assert.equal(read?.deadline.getTime(), deadline.getTime());
  assert.ok(!(await redis.hgetallBuffer(keys.trip(person.id))).landmarkId!.includes("athens"), "sealed");
});

test("a person's hash stays listpack-encoded without its own id, and reads back", async () => {
  const person = await persons.touch({ channel: "telegram", chatId: "700000002" }, "Amina Haidari", new Date());
  await persons.setLocale(person.id, "fa");
  await persons.setConsent(person.id, new Date());
  assert.equal(await redis.object("ENCODING", keys.person(person.id)), "listpack");
  assert.equal(await redis.hexists(keys.person(person.id), "id"), 0);
  const read = await persons.get(person.id);
  assert.equal(read?.id, person.id);
  assert.equal(read?.displayName, "Amina Haidari");
  assert.deepEqual(read?.address, { channel: "telegram", chatId: "700000002" });
  assert.equal(await persons.get(randomBytes(16).toString("hex")), undefined);
});

test("records written before issue 18 are still read: a trip sealed as text with its traveller id, a person with its id", async () => {
  const person = await persons.touch({ channel: "telegram", chatId: "700000003" }, "Old", new Date());
  const cipher = await recordKeys.forPerson(person.id);
  const deadline = Date.now() + 3_600_000;
  await redis.hset(keys.person(person.id), { id: person.id });
  await redis.hset(keys.trip(person.id), {
    id: "5b0f2a8e-0c61-4d0e-9d55-3c1e2b7f9a10",
    travellerId: person.id,
    landmarkId: cipher.seal("trip.landmarkId", "paris-gare-du-nord"),
    deadline, originalDeadline: deadline, createdAt: Date.now(), status: "active", stage: 0, expireAt: deadline + RETENTION,
  });
  const trip = await trips.get(person.id);
  assert.equal(trip?.landmarkId, "paris-gare-du-nord");
  assert.equal(trip?.travellerId, person.id);
  assert.equal((await persons.get(person.id))?.displayName, "Old");
  assert.equal(await trips.fireStage(person.id, trip!.id, trip!.deadline, 0, false), true);
  assert.equal((await trips.get(person.id))?.stage, 1);
});
