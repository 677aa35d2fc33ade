import { randomBytes } from "node:crypto";
import type { KeyRing } from "./key-ring.ts";
import type { Keys } from "./keys.ts";
import type { RedisClient } from "./redis.ts";
import { compareAndSet } from "./atomic-updates.ts";
import { SealedBox } from "./sealed-box.ts";

const DEK_CACHE_MS = 60_000;

/** The personal fields of one person, sealed with that person's own data key. */
export class PersonCipher {
  constructor(
    private readonly box: SealedBox,
    private readonly personId: string,
  ) {}

  seal(field: string, value: string): string {
    return this.box.seal(value, `${this.personId}|${field}`);
  }

  /** The raw-bytes form (SealedBox.sealBytes), for hash fields that must stay short; open reads both forms. */
  sealBytes(field: string, value: string): Buffer {
    return this.box.sealBytes(value, `${this.personId}|${field}`);
  }

  open(field: string, sealed: string | Buffer | undefined): string | undefined {
    if (sealed === undefined) return undefined;
    return this.box.open(sealed, `${this.personId}|${field}`).toString("utf8");
  }
}

/**
 * Envelope encryption of personal fields: each person has a random data key, stored only wrapped by
 * the master key (APP_KEY). Deleting a person deletes their data key, so whatever copy of their
 * records survives in the AOF or a backup can no longer be read ("crypto-shredding").
 * Rotation: start with the new APP_KEY and the old one as APP_KEY_PREVIOUS, then run
 * `safe-arrival keys rotate` (src/store/key-rotation.ts).
 */
export class RecordKeys {
  private readonly cache = new Map<string, { box: SealedBox; at: number }>();

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    readonly ring: KeyRing,
    private readonly retentionMs: number,
  ) {}

  /** The person's cipher, creating their data key on first use. */
  async forPerson(personId: string): Promise<PersonCipher> {
    const hit = this.cached(personId);
    if (hit) return hit;
    const key = this.keys.dataKey(personId);
    let wrapped = await this.redis.get(key);
    if (!wrapped) {
      await this.redis.set(key, this.wrap(key, randomBytes(32).toString("base64")), "PX", this.retentionMs, "NX");
      wrapped = (await this.redis.get(key))!;
    }
    const box = new SealedBox(this.unwrap(key, wrapped));
    this.cache.set(personId, { box, at: Date.now() });
    return new PersonCipher(box, personId);
  }

  /** The cipher when the person's data key is in the cache, without reading Redis. */
  cached(personId: string): PersonCipher | undefined {
    const hit = this.cache.get(personId);
    return hit && Date.now() - hit.at < DEK_CACHE_MS ? new PersonCipher(hit.box, personId) : undefined;
  }

  /**
   * The cipher from a wrapped data key the caller read along with other records (one pipeline, see
   * dataKeyOf); undefined when the person has no data key yet (forPerson creates one).
   */
  fromWrapped(personId: string, wrapped: string | null | undefined): PersonCipher | undefined {
    if (!wrapped) return undefined;
    const box = new SealedBox(this.unwrap(this.keys.dataKey(personId), wrapped));
    this.cache.set(personId, { box, at: Date.now() });
    return new PersonCipher(box, personId);
  }

  /** Where a person's wrapped data key is stored, for reading it in a pipeline (fromWrapped opens it). */
  dataKeyOf(personId: string): string {
    return this.keys.dataKey(personId);
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

  private wrap(key: string, dek: string): string {
    return `${this.ring.current.id}:${this.ring.current.box.seal(dek, key)}`;
  }

  private unwrap(key: string, wrapped: string): string {
    const [id, sealed] = [wrapped.slice(0, 8), wrapped.slice(9)];
    const { current, previous } = this.ring;
    const box = id === current.id ? current.box : id === previous?.id ? previous.box : undefined;
    if (!box) throw new Error("a data key is wrapped by an unknown master key: set APP_KEY_PREVIOUS and run `safe-arrival keys rotate`");
    return box.open(sealed, key).toString("utf8");
  }

  /** Re-wraps one data key with the current master key; false when it already was. */
  async rewrap(key: string): Promise<boolean> {
    const wrapped = await this.redis.get(key);
    if (!wrapped || wrapped.startsWith(`${this.ring.current.id}:`)) return false;
    const rewrapped = this.wrap(key, this.unwrap(key, wrapped));
    return (await compareAndSet(this.redis, key, wrapped, rewrapped)) === 1;
  }
}
