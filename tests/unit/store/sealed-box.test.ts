/** SealedBox (src/store/sealed-box.ts): AES-256-GCM values bound to the name they are stored under. */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import { SealError, SealedBox } from "../../../src/store/sealed-box.ts";

const key = () => randomBytes(32).toString("base64");

test("a sealed string or buffer opens to the same bytes under the same name", () => {
  const box = new SealedBox(key());
  assert.equal(box.open(box.seal("Amina, +44 7700 900000", "person:1"), "person:1").toString("utf8"), "Amina, +44 7700 900000");
  const bytes = randomBytes(300);
  assert.deepEqual(box.open(box.seal(bytes, "media:1"), "media:1"), bytes);
});

test("the sealed text shows nothing of the value, and sealing twice differs (a fresh IV each time)", () => {
  const box = new SealedBox(key());
  const a = box.seal("Amina", "person:1");
  const b = box.seal("Amina", "person:1");
  assert.notEqual(a, b);
  assert.match(a, /^v1\./);
  assert.ok(!Buffer.from(a.slice(3), "base64").includes(Buffer.from("Amina")));
});

test("a value moved to another name, changed, or opened with another key does not open", () => {
  const box = new SealedBox(key());
  const sealed = box.seal("Amina", "person:1");
  assert.throws(() => box.open(sealed, "person:2"), SealError);
  const raw = Buffer.from(sealed.slice(3), "base64");
  raw[raw.length - 1]! ^= 1;
  assert.throws(() => box.open(`v1.${raw.toString("base64")}`, "person:1"), SealError);
  assert.throws(() => new SealedBox(key()).open(sealed, "person:1"), SealError);
});

test("what is not a sealed value is refused as such", () => {
  const box = new SealedBox(key());
  assert.throws(() => box.open("Amina", "person:1"), /not a sealed value/);
  assert.throws(() => box.open("v2.AAAA", "person:1"), /not a sealed value/);
  assert.throws(() => box.open("v1.AAAA", "person:1"), /too short/);
});

test("a key must be 32 bytes; one key has nothing to reseal", () => {
  assert.throws(() => new SealedBox(randomBytes(16).toString("base64")), SealError);
  const box = new SealedBox(key());
  assert.equal(box.reseal(), undefined);
});
