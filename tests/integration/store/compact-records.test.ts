/**
 * Compact records (issue 18): a traveller's trip and person hashes stay listpack-encoded on a real
 * redis-server (default hash-max-listpack-value 64), family links are fields of those person hashes rather
 * than sets of their own, and records written by earlier versions (the trip's landmark sealed as text, the
 * person's own id stored in its hash, links in sets) are still read.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { Redis } from "ioredis";
import { ContactRepository } from "../../../src/store/contact-repository.ts";
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
let contacts: ContactRepository;

before(async () => {
  server = await startRedis();
  redis = new Redis(server.url);
  keys = new Keys(`{t${randomBytes(4).toString("hex")}}`);
  recordKeys = new RecordKeys(redis, keys, new KeyRing(randomBytes(32).toString("base64")), RETENTION);
  persons = new PersonRepository(redis, keys, RETENTION, recordKeys);
  trips = new TripRepository(redis, keys, RETENTION, recordKeys);
  contacts = new ContactRepository(redis, keys, 86_400_000, RETENTION);
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

test("links are fields of both person hashes, which stay listpack-encoded, keep their expiry and read back", async () => {
  const now = new Date();
  const traveller = await persons.touch({ channel: "telegram", chatId: "700000010" }, "Amina", now);
  const family = [await persons.touch({ channel: "telegram", chatId: "700000011" }, "Samir", now), await persons.touch({ channel: "telegram", chatId: "700000012" }, "Leila", now)];
  const ttl = await redis.pttl(keys.person(traveller.id));
  for (const f of family) assert.equal(await contacts.link(traveller.id, f.id), true);
  assert.deepEqual((await contacts.contactsOf(traveller.id)).sort(), family.map((f) => f.id).sort());
  assert.deepEqual(await contacts.followedBy(family[0]!.id), [traveller.id]);
  for (const id of [traveller.id, ...family.map((f) => f.id)]) assert.equal(await redis.object("ENCODING", keys.person(id)), "listpack");
  assert.equal(await redis.exists(keys.contactsOf(traveller.id), keys.follows(family[0]!.id)), 0, "no link keys of their own");
  assert.ok(Math.abs((await redis.pttl(keys.person(traveller.id))) - ttl) < 5_000, "a link does not extend the retention");
  assert.equal((await persons.get(family[1]!.id))?.displayName, "Leila", "the person reads as before");
});

test("links stored as sets before issue 18 are still read, and unlinked and forgotten on both sides", async () => {
  const now = new Date();
  const [t, a, b] = [
    await persons.touch({ channel: "telegram", chatId: "700000020" }, "Old traveller", now),
    await persons.touch({ channel: "telegram", chatId: "700000021" }, "Old contact", now),
    await persons.touch({ channel: "telegram", chatId: "700000022" }, "New contact", now),
  ];
  await redis.sadd(keys.contactsOf(t.id), a.id);
  await redis.sadd(keys.follows(a.id), t.id);
  assert.equal(await contacts.link(t.id, a.id), false, "already linked");
  await contacts.unlink(t.id, a.id);
  assert.deepEqual(await contacts.contactsOf(t.id), []);
  await redis.sadd(keys.contactsOf(t.id), a.id);
  await redis.sadd(keys.follows(a.id), t.id);
  await contacts.link(t.id, b.id);
  assert.deepEqual((await contacts.contactsOf(t.id)).sort(), [a.id, b.id].sort());
  assert.equal(await contacts.isLinked(t.id, a.id), true);
  assert.deepEqual(await contacts.followedBy(a.id), [t.id]);
  const forgotten = await contacts.forgetPerson(t.id);
  assert.deepEqual(forgotten.contacts.sort(), [a.id, b.id].sort());
  assert.deepEqual(forgotten.travellers, []);
  assert.deepEqual(await contacts.followedBy(a.id), []);
  assert.deepEqual(await contacts.followedBy(b.id), []);
  assert.equal(await redis.exists(keys.contactsOf(t.id), keys.follows(a.id)), 0);
});
