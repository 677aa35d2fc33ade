import { randomBytes, scrypt as scryptCb, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import type { RedisClient } from "./redis.ts";
import type { Keys } from "./keys.ts";
import type { WordKind, WordMatch } from "../domain/person.ts";

const scrypt = promisify(scryptCb) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;
const KEY_LENGTH = 32;

/**
 * Case, accents and Unicode form must not make a traveller's word fail under stress (a duress word that is not
 * recognised is a signal lost): "İstanbul", "istanbul" and "ıstanbul" are one word, as are "José" and "jose".
 */
function fold(word: string): string {
  return word.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replaceAll("ı", "i").normalize("NFC").trim();
}

/** How words stored before `fold` were normalised (stored as "salt:hash"; newer ones as "2:salt:hash"). */
function foldV1(word: string): string {
  return word.normalize("NFKC").trim().toLowerCase();
}

/** A traveller's secret and duress words, kept only as salted scrypt hashes. */
export class WordStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly retentionMs: number,
  ) {}

  async set(personId: string, kind: WordKind, word: string): Promise<void> {
    const salt = randomBytes(16);
    const hash = await scrypt(fold(word), salt, KEY_LENGTH);
    const key = this.keys.words(personId);
    await this.redis.multi().hset(key, kind, `2:${salt.toString("hex")}:${hash.toString("hex")}`).pexpire(key, this.retentionMs).exec();
  }

  async has(personId: string, kind: WordKind): Promise<boolean> {
    return (await this.redis.hexists(this.keys.words(personId), kind)) === 1;
  }

  /** Which stored word `word` is, if any. Both are always checked, so timing does not tell which one matched. */
  async match(personId: string, word: string | undefined): Promise<WordMatch> {
    if (!word) return "none";
    const stored = await this.redis.hgetall(this.keys.words(personId));
    let result: WordMatch = "none";
    for (const kind of ["secret", "duress"] as const) {
      const parts = (stored[kind] ?? "00:00").split(":");
      const [saltHex, hashHex] = parts.slice(-2);
      const expected = Buffer.from(hashHex ?? "", "hex");
      const folded = parts.length === 3 ? fold(word) : foldV1(word);
      const actual = await scrypt(folded, Buffer.from(saltHex ?? "", "hex"), KEY_LENGTH);
      if (stored[kind] && expected.length === actual.length && timingSafeEqual(expected, actual)) result = kind;
    }
    return result;
  }

  async delete(personId: string): Promise<void> {
    await this.redis.del(this.keys.words(personId));
  }
}
