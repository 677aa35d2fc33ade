/** WordStore (src/store/word-store.ts): a traveller's secret and duress words, kept as salted scrypt hashes only. */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, afterEach, before, test } from "node:test";
import { WordStore } from "../../../src/store/word-store.ts";
import { WORD_PATTERN } from "../../../src/domain/person.ts";
import { StoreRedis } from "../../support/store-redis.ts";

let s: StoreRedis;
before(async () => (s = await StoreRedis.start()));
afterEach(() => s.cleanup());
after(() => s.stop());

const RETENTION = 3_600_000;

test("each word is recognised as what it is; anything else is none", async () => {
  const keys = s.keys();
  const words = new WordStore(s.redis, keys, RETENTION);
  const id = randomUUID();
  await words.set(id, "secret", "Olivenbaum");
  await words.set(id, "duress", "Sonnenblume");
  assert.equal(await words.match(id, "Olivenbaum"), "secret");
  assert.equal(await words.match(id, "Sonnenblume"), "duress");
  assert.equal(await words.match(id, "Sonnenblum"), "none");
  assert.equal(await words.match(id, undefined), "none");
  assert.equal(await words.match(randomUUID(), "Olivenbaum"), "none", "another traveller's word is not theirs");
});

test("case, spaces and Unicode form do not make a word fail", async () => {
  const words = new WordStore(s.redis, s.keys(), RETENTION);
  const id = randomUUID();
  await words.set(id, "secret", "Çiçek");
  assert.equal(await words.match(id, "  çİÇEK ".replace("İ", "I")), "secret");
  assert.equal(await words.match(id, "C\u0327ic\u0327ek"), "secret", "decomposed form");
});

test("Turkish dotted and dotless i, and accents, do not make a word fail", async () => {
  const words = new WordStore(s.redis, s.keys(), RETENTION);
  const id = randomUUID();
  await words.set(id, "duress", "İstanbul");
  for (const typed of ["istanbul", "ISTANBUL", "ıstanbul", "İSTANBUL"]) assert.equal(await words.match(id, typed), "duress", typed);
  await words.set(id, "secret", "José2024");
  assert.equal(await words.match(id, "jose2024"), "secret");
  assert.equal(await words.match(id, "josé2025"), "none");
});

test("a word stored before accent folding (\"salt:hash\") is still recognised as it was typed then", async () => {
  const keys = s.keys();
  const words = new WordStore(s.redis, keys, RETENTION);
  const id = randomUUID();
  const { scryptSync } = await import("node:crypto");
  const salt = Buffer.alloc(16, 7);
  const v1 = (w: string) => `${salt.toString("hex")}:${scryptSync(w.normalize("NFKC").trim().toLowerCase(), salt, 32).toString("hex")}`;
  await s.redis.hset(keys.words(id), "secret", v1("Çiçek"), "duress", v1("Sonnenblume"));
  assert.equal(await words.match(id, "ÇİÇEK".replace("İ", "I")), "secret");
  assert.equal(await words.match(id, "sonnenblume"), "duress");
  assert.equal(await words.match(id, "cicek"), "none", "the old form did not fold accents");
});

test("only salted hashes are stored, with the retention period; has() and delete()", async () => {
  const keys = s.keys();
  const words = new WordStore(s.redis, keys, RETENTION);
  const id = randomUUID();
  assert.equal(await words.has(id, "secret"), false);
  await words.set(id, "secret", "Olivenbaum");
  await words.set(randomUUID(), "secret", "Olivenbaum");
  assert.equal(await words.has(id, "secret"), true);
  assert.equal(await words.has(id, "duress"), false);
  const stored = await s.redis.hgetall(keys.words(id));
  assert.ok(!JSON.stringify(stored).toLowerCase().includes("olivenbaum"));
  const ttl = await s.redis.pttl(keys.words(id));
  assert.ok(ttl > 0 && ttl <= RETENTION);
  await words.delete(id);
  assert.equal(await words.match(id, "Olivenbaum"), "none");
  assert.equal(await words.has(id, "secret"), false);
});

test("a word is 4 to 32 letters or digits", () => {
  assert.ok(WORD_PATTERN.test("Çiçek"));
  assert.ok(WORD_PATTERN.test("زيتون"));
  assert.ok(WORD_PATTERN.test("नमस्ते"), "vowel signs are part of a word");
  assert.ok(WORD_PATTERN.test("C\u0327ic\u0327ek"), "a decomposed accent is part of a word");
  assert.ok(!WORD_PATTERN.test("abc"));
  assert.ok(!WORD_PATTERN.test("two words"));
  assert.ok(!WORD_PATTERN.test("a".repeat(33)));
});
