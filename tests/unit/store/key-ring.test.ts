/** KeyRing (src/store/key-ring.ts): seals with APP_KEY, opens with it or APP_KEY_PREVIOUS, and keys the address index. */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import { KeyRing, keyIdOf } from "../../../src/store/key-ring.ts";
import { SealError, SealedBox } from "../../../src/store/sealed-box.ts";

const key = () => randomBytes(32).toString("base64");

test("during a rotation values sealed with the previous key open, and reseal moves them to the current key", () => {
  const [oldKey, newKey] = [key(), key()];
  const before = new KeyRing(oldKey);
  const sealed = before.seal("Amina", "person:1");
  const rotating = new KeyRing(newKey, oldKey);
  assert.equal(rotating.open(sealed, "person:1").toString(), "Amina");
  const resealed = rotating.reseal(sealed, "person:1");
  assert.ok(resealed);
  assert.equal(new KeyRing(newKey).open(resealed, "person:1").toString(), "Amina", "opens once the previous key is gone");
  assert.equal(rotating.reseal(resealed, "person:1"), undefined, "already under the current key");
  assert.throws(() => new KeyRing(newKey).open(sealed, "person:1"), SealError, "without the previous key the old value is lost");
});

test("new values are sealed with the current key; reseal leaves alone what opens with neither key", () => {
  const [oldKey, newKey] = [key(), key()];
  const ring = new KeyRing(newKey, oldKey);
  assert.equal(new SealedBox(newKey).open(ring.seal("x", "k"), "k").toString(), "x");
  assert.equal(ring.reseal(new SealedBox(key()).seal("x", "k"), "k"), undefined);
  assert.equal(new KeyRing(newKey).reseal(ring.seal("x", "k"), "k"), undefined, "nothing to move without a previous key");
});

test("the address index is a keyed hash: stable, per channel, per key, and never the chat id", () => {
  const k = key();
  const ring = new KeyRing(k);
  const index = ring.addressIndex("telegram", "123456789");
  assert.equal(index, new KeyRing(k).addressIndex("telegram", "123456789"));
  assert.notEqual(index, ring.addressIndex("whatsapp", "123456789"));
  assert.notEqual(index, new KeyRing(key()).addressIndex("telegram", "123456789"));
  assert.ok(!index.includes("123456789"));
  assert.equal(index.length, 32);
});

test("the previous key's index is offered only during a rotation", () => {
  const [oldKey, newKey] = [key(), key()];
  assert.equal(new KeyRing(newKey).previousAddressIndex("telegram", "1"), undefined);
  assert.equal(new KeyRing(newKey, oldKey).previousAddressIndex("telegram", "1"), new KeyRing(oldKey).addressIndex("telegram", "1"));
  assert.equal(new KeyRing(newKey, newKey).previous, undefined, "the same key twice is no rotation");
});

test("a key's public id is short, stable and reveals nothing of the key", () => {
  const k = key();
  assert.equal(keyIdOf(k), keyIdOf(k));
  assert.match(keyIdOf(k), /^[0-9a-f]{8}$/);
  assert.notEqual(keyIdOf(k), keyIdOf(key()));
});
