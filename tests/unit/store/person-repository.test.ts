/**
 * PersonRepository (src/store/person-repository.ts): people found by chat address through a keyed hash, their
 * chat id, name and last arrival sealed with their own data key, destroyed on deletion.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, afterEach, before, test } from "node:test";
import { KeyRing } from "../../../src/store/key-ring.ts";
import { PersonRepository } from "../../../src/store/person-repository.ts";
import { RecordKeys } from "../../../src/store/record-keys.ts";
import type { Keys } from "../../../src/store/keys.ts";
import { StoreRedis } from "../../support/store-redis.ts";

let s: StoreRedis;
before(async () => (s = await StoreRedis.start()));
afterEach(() => s.cleanup());
after(() => s.stop());

const RETENTION = 30 * 86_400_000;
const key = () => randomBytes(32).toString("base64");
const address = { channel: "telegram", chatId: "700100200" } as const;
const now = new Date("2026-05-01T09:00:00Z");

function repo(ring = new KeyRing(key()), keys: Keys = s.keys()) {
  return { keys, persons: new PersonRepository(s.redis, keys, RETENTION, new RecordKeys(s.redis, keys, ring, RETENTION)) };
}

test("the first message creates a person; later ones find the same one and refresh the name", async () => {
  const { persons } = repo();
  const amina = await persons.touch(address, "Amina", now);
  assert.deepEqual(amina, {
    id: amina.id, address, locale: undefined, displayName: "Amina", consentAt: undefined, ngoConsent: undefined, lastArrival: undefined, createdAt: now,
  });
  const again = await persons.touch(address, "Amina K.", new Date());
  assert.equal(again.id, amina.id);
  assert.equal(again.displayName, "Amina K.");
  assert.equal(again.createdAt.getTime(), now.getTime());
  assert.deepEqual(await persons.findByAddress(address), again);
  assert.equal(await persons.findByAddress({ channel: "whatsapp", chatId: address.chatId }), undefined, "per channel");
});

test("parallel first messages make one person", async () => {
  const { persons } = repo();
  const made = await Promise.all(Array.from({ length: 6 }, () => persons.touch(address, "Amina", now)));
  assert.equal(new Set(made.map((p) => p.id)).size, 1);
});

test("Redis holds no chat id, name or place in clear", async () => {
  const { keys, persons } = repo();
  const amina = await persons.touch(address, "Amina", now);
  await persons.setLastArrival(amina.id, "paris-gare-du-nord", now);
  const names = await s.keysUnder(keys.prefix);
  const values = await Promise.all(names.map(async (k) => ((await s.redis.type(k)) === "hash" ? JSON.stringify(await s.redis.hgetall(k)) : String(await s.redis.get(k)))));
  const dump = names.join() + values.join();
  for (const secret of ["700100200", "Amina", "gare-du-nord"]) assert.ok(!dump.includes(secret), secret);
});

test("language, consents and the last arrival (only the last) are stored", async () => {
  const { persons } = repo();
  const { id } = await persons.touch(address, "Amina", now);
  await persons.setLocale(id, "ar");
  await persons.setConsent(id, now);
  await persons.setNgoConsent(id, false);
  await persons.setLastArrival(id, "rome-termini-station", new Date(1_000));
  await persons.setLastArrival(id, "paris-gare-du-nord", new Date(2_000));
  const p = (await persons.get(id))!;
  assert.deepEqual([p.locale, p.consentAt, p.ngoConsent, p.lastArrival], ["ar", now, false, { landmarkId: "paris-gare-du-nord", at: new Date(2_000) }]);
});

test("a person whose record expired is not brought back by a late language, consent or arrival", async () => {
  const { keys, persons } = repo();
  const { id } = await persons.touch(address, "Amina", now);
  const ttl = await s.redis.pttl(keys.person(id));
  assert.ok(ttl > 0, "the record expires");
  await persons.setLocale(id, "ar");
  assert.ok((await s.redis.pttl(keys.person(id))) > 0, "setting a field keeps the expiry");
  await s.redis.del(keys.person(id)); // as when its retention ran out during the turn
  await persons.setLocale(id, "fr");
  await persons.setConsent(id, now);
  await persons.setNgoConsent(id, true);
  await persons.setLastArrival(id, "paris-gare-du-nord", now);
  assert.equal(await s.redis.exists(keys.person(id)), 0, "no record without an expiry left behind");
});

test("deleting a person removes the records and the address, and a new message makes a new person", async () => {
  const { keys, persons } = repo();
  const amina = await persons.touch(address, "Amina", now);
  await persons.delete(amina);
  assert.equal(await persons.get(amina.id), undefined);
  assert.equal(await persons.findByAddress(address), undefined);
  assert.equal(await s.redis.exists(keys.dataKey(amina.id)), 0, "the data key is destroyed");
  assert.notEqual((await persons.touch(address, "Amina", now)).id, amina.id);
});

test("during a key rotation a returning person is found under the previous key's index, and moved to the current", async () => {
  const [oldKey, newKey] = [key(), key()];
  const keys = s.keys();
  const before = await repo(new KeyRing(oldKey), keys).persons.touch(address, "Amina", now);
  const rotating = repo(new KeyRing(newKey, oldKey), keys).persons;
  assert.equal((await rotating.findByAddress(address))?.id, before.id);
  const index = (k: string) => keys.address(address.channel, new KeyRing(k).addressIndex(address.channel, address.chatId));
  assert.equal(await s.redis.get(index(newKey)), before.id, "indexed under the current key now");
  assert.equal(await s.redis.exists(index(oldKey)), 0);
});

test("addresses() lists every stored person's address, for key rotation", async () => {
  const { persons } = repo();
  await persons.touch(address, "Amina", now);
  await persons.touch({ channel: "whatsapp", chatId: "447700900001" }, "Samir", now);
  const found: string[] = [];
  for await (const a of persons.addresses()) found.push(`${a.channel}:${a.chatId}`);
  assert.deepEqual(found.sort(), ["telegram:700100200", "whatsapp:447700900001"]);
});
