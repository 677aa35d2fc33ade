import { createHash, createHmac, randomBytes } from "node:crypto";
import type { Keys } from "./keys.ts";
import type { RedisClient } from "./redis.ts";
import { SealedBox } from "./sealed-box.ts";

const DEK_CACHE_MS = 60_000;

function keyIdOf(base64Key: string): string {
  return createHash("sha256").update(Buffer.from(base64Key, "base64")).digest("hex").slice(0, 8);
}

/** The personal fields of one person, sealed with that person's own data key. */
export class PersonCipher {
  constructor(
    private readonly box: SealedBox,
    private readonly personId: string,
  ) {}

  seal(field: string, value: string): string {
    return this.box.seal(value, `${this.personId}|${field}`);
  }

  open(field: string, sealed: string | undefined): string | undefined {
    if (sealed === undefined) return undefined;
    return this.box.open(sealed, `${this.personId}|${field}`).toString("utf8");
  }
}

/**
 * Envelope encryption of personal fields: each person has a random data key, stored only wrapped by
 * the master key (APP_KEY). Deleting a person deletes their data key, so whatever copy of their
 * records survives in the AOF or a backup can no longer be read ("crypto-shredding").
 * Rotation: start with the new APP_KEY and the old one as APP_KEY_PREVIOUS, then run
 * `safe-arrival keys rotate`, which re-wraps every data key and re-indexes chat addresses.
 */
export class RecordKeys {
  private readonly master: SealedBox;
  private readonly masterId: string;
  private readonly previous?: { box: SealedBox; id: string };
  private readonly indexKey: Buffer;
  private readonly previousIndexKey?: Buffer;
  private readonly cache = new Map<string, { box: SealedBox; at: number }>();

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    masterKey: string,
    private readonly retentionMs: number,
    previousMasterKey?: string,
  ) {
    this.master = new SealedBox(masterKey);
    this.masterId = keyIdOf(masterKey);
    this.indexKey = createHmac("sha256", Buffer.from(masterKey, "base64")).update("address-index").digest();
    if (previousMasterKey) {
      this.previous = { box: new SealedBox(previousMasterKey), id: keyIdOf(previousMasterKey) };
      this.previousIndexKey = createHmac("sha256", Buffer.from(previousMasterKey, "base64")).update("address-index").digest();
    }
  }

  /**
   * A keyed hash of a chat address, for index keys: Redis never holds a chat id or phone number in
   * clear, and without the master key the hash cannot be matched against a list of numbers.
   */
  addressIndex(channel: string, chatId: string, previous = false): string {
    const key = previous && this.previousIndexKey ? this.previousIndexKey : this.indexKey;
    return createHmac("sha256", key).update(`${channel}:${chatId}`).digest("base64url").slice(0, 32);
  }

  /** The person's cipher, creating their data key on first use. */
  async forPerson(personId: string): Promise<PersonCipher> {
    const hit = this.cache.get(personId);
    if (hit && Date.now() - hit.at < DEK_CACHE_MS) return new PersonCipher(hit.box, personId);
    const key = this.keys.dataKey(personId);
    let wrapped = await this.redis.get(key);
    if (!wrapped) {
      const candidate = `${this.masterId}:${this.master.seal(randomBytes(32).toString("base64"), key)}`;
      await this.redis.set(key, candidate, "PX", this.retentionMs, "NX");
      wrapped = (await this.redis.get(key))!;
    }
    const box = new SealedBox(this.unwrap(key, wrapped));
    this.cache.set(personId, { box, at: Date.now() });
    return new PersonCipher(box, personId);
  }

  /** Keeps the data key as long as the records it protects. */
  async touch(personId: string): Promise<void> {
    await this.redis.pexpire(this.keys.dataKey(personId), this.retentionMs);
  }

  /** Crypto-shredding: without this key the person's sealed fields are noise, wherever copies of them are. */
  async destroy(personId: string): Promise<void> {
    this.cache.delete(personId);
    await this.redis.del(this.keys.dataKey(personId));
  }

  private unwrap(key: string, wrapped: string): string {
    const [id, sealed] = [wrapped.slice(0, 8), wrapped.slice(9)];
    const box = id === this.masterId ? this.master : id === this.previous?.id ? this.previous.box : undefined;
    if (!box) throw new Error("a data key is wrapped by an unknown master key: set APP_KEY_PREVIOUS and run `safe-arrival keys rotate`");
    return box.open(sealed, key).toString("utf8");
  }

  /** Re-wraps one data key with the current master key; false when it already was. */
  async rewrap(key: string): Promise<boolean> {
    const wrapped = await this.redis.get(key);
    if (!wrapped || wrapped.startsWith(`${this.masterId}:`)) return false;
    const dek = this.unwrap(key, wrapped);
    const ttl = await this.redis.pttl(key);
    await this.redis.set(key, `${this.masterId}:${this.master.seal(dek, key)}`, "PX", ttl > 0 ? ttl : this.retentionMs);
    return true;
  }
}
