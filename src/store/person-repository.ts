import { randomUUID } from "node:crypto";
import type { RedisClient } from "./redis.ts";
import type { ChatAddress, ChannelId } from "../domain/identity.ts";
import { isLocale, type Locale } from "../domain/locale.ts";
import type { Person } from "../domain/person.ts";
import type { Recipient } from "../ports/stores.ts";
import type { Keys } from "./keys.ts";
import type { PersonCipher, RecordKeys } from "./record-keys.ts";
import { hsetIfExists, moveKeys } from "./atomic-updates.ts";
import { scanKeys } from "./reseal.ts";


/** The person-record fields behind a Recipient, in the order recipientFrom reads them (HMGET). */
export const RECIPIENT_FIELDS = ["channel", "chatId", "locale"] as const;

/**
 * People and their chat addresses. The chat id, display name and last arrival are sealed with the
 * person's data key; the address index holds only a keyed hash of the chat id.
 */
export class PersonRepository {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly retentionMs: number,
    private readonly recordKeys: RecordKeys,
  ) {}

  private addressKey(address: ChatAddress): string {
    return this.keys.address(address.channel, this.recordKeys.ring.addressIndex(address.channel, address.chatId));
  }

  /** The index entry under APP_KEY_PREVIOUS's hash, while it is set. */
  private previousAddressKey(address: ChatAddress): string | undefined {
    const index = this.recordKeys.ring.previousAddressIndex(address.channel, address.chatId);
    return index ? this.keys.address(address.channel, index) : undefined;
  }

  /**
   * During a rotation an address may still be indexed under the previous key's hash: moved to the current
   * one on first sight, so a returning person is found (not created twice) before `keys rotate` ran.
   */
  private async carryOverAddress(address: ChatAddress): Promise<void> {
    const previous = this.previousAddressKey(address);
    if (previous) await moveKeys(this.redis, [previous], [this.addressKey(address)]);
  }

  async findByAddress(address: ChatAddress): Promise<Person | undefined> {
    let id = await this.redis.get(this.addressKey(address));
    if (!id && this.recordKeys.ring.previous) {
      await this.carryOverAddress(address);
      id = await this.redis.get(this.addressKey(address));
    }
    return id ? this.get(id) : undefined;
  }

  async get(id: string): Promise<Person | undefined> {
    const h = await this.redis.hgetall(this.keys.person(id));
    // Records before issue 18 also hold their own id; newer ones are known by their channel (the key names the id).
    if (!h.channel) return undefined;
    return this.fromHash(id, h, await this.recordKeys.forPerson(id));
  }

  private fromHash(id: string, h: Record<string, string>, cipher: PersonCipher): Person {
    const lastLandmarkId = cipher.open("lastLandmarkId", h.lastLandmarkId);
    return {
      id,
      address: { channel: h.channel as ChannelId, chatId: cipher.open("chatId", h.chatId)! },
      locale: isLocale(h.locale) ? h.locale : undefined,
      displayName: cipher.open("displayName", h.displayName) ?? "",
      consentAt: h.consentAt ? new Date(Number(h.consentAt)) : undefined,
      ngoConsent: h.ngoConsent === undefined ? undefined : h.ngoConsent === "1",
      lastArrival: lastLandmarkId
        ? { landmarkId: lastLandmarkId, at: new Date(Number(cipher.open("lastArrivalAt", h.lastArrivalAt))) }
        : undefined,
      createdAt: new Date(Number(h.createdAt)),
    };
  }

  /**
   * A recipient from the RECIPIENT_FIELDS values of the person's record (read by the caller, e.g. in a
   * pipeline with other records); only the chat id is opened. Undefined for a person no longer stored.
   */
  recipientFrom(id: string, values: readonly (string | null)[], cipher: PersonCipher): Recipient | undefined {
    const [channel, chatId, locale] = values;
    if (!channel || !chatId) return undefined;
    return { id, address: { channel: channel as ChannelId, chatId: cipher.open("chatId", chatId)! }, locale: isLocale(locale) ? locale : undefined };
  }

  /**
   * Finds or creates the person behind an address, refreshing the retention clock and display name.
   * Every inbound message touches its sender, so a known person (the usual case) costs two round trips:
   * the address, then the record read with the three retention clocks pushed on in one pipeline; the
   * display name is sealed and written only when it changed.
   */
  async touch(address: ChatAddress, displayName: string, now: Date): Promise<Person> {
    const addrKey = this.addressKey(address);
    await this.carryOverAddress(address);
    const known = await this.redis.get(addrKey);
    if (known) {
      const key = this.keys.person(known);
      const replies = await this.redis
        .pipeline()
        .hgetall(key)
        .pexpire(key, this.retentionMs)
        .pexpire(addrKey, this.retentionMs)
        .pexpire(this.recordKeys.dataKeyOf(known), this.retentionMs)
        .exec();
      const [err, h] = replies?.[0] ?? [new Error("no reply")];
      if (err) throw err;
      const hash = h as Record<string, string>;
      // A record gone meanwhile (forgotten, expired) takes the full path below, as an unknown address does.
      if (hash.channel) {
        const cipher = await this.recordKeys.forPerson(known);
        const person = this.fromHash(known, hash, cipher);
        if (person.displayName === displayName) return person;
        await hsetIfExists(this.redis, key, { displayName: cipher.seal("displayName", displayName) });
        return { ...person, displayName };
      }
    }
    return this.create(address, addrKey, displayName, now);
  }

  /** touch for an address not (or no longer) indexed: the index entry won by one process, the record set up. */
  private async create(address: ChatAddress, addrKey: string, displayName: string, now: Date): Promise<Person> {
    const id = randomUUID();
    const won = await this.redis.set(addrKey, id, "PX", this.retentionMs, "NX");
    const personId = won ? id : (await this.redis.get(addrKey))!;
    const cipher = await this.recordKeys.forPerson(personId);
    const key = this.keys.person(personId);
    const tx = this.redis.multi();
    if (won) {
      tx.hset(key, { channel: address.channel, chatId: cipher.seal("chatId", address.chatId), createdAt: now.getTime() });
    }
    tx.hset(key, { displayName: cipher.seal("displayName", displayName) });
    tx.pexpire(key, this.retentionMs).pexpire(addrKey, this.retentionMs);
    await tx.exec();
    await this.recordKeys.touch(personId);
    return (await this.get(personId))!;
  }

  async setLocale(id: string, locale: Locale): Promise<void> {
    await hsetIfExists(this.redis, this.keys.person(id), { locale });
  }

  async setConsent(id: string, at: Date): Promise<void> {
    await hsetIfExists(this.redis, this.keys.person(id), { consentAt: at.getTime() });
  }

  async setNgoConsent(id: string, consent: boolean): Promise<void> {
    await hsetIfExists(this.redis, this.keys.person(id), { ngoConsent: consent ? "1" : "0" });
  }

  /** Keeps only the last verified arrival: no history of where someone has been. */
  async setLastArrival(id: string, landmarkId: string, at: Date): Promise<void> {
    const cipher = await this.recordKeys.forPerson(id);
    await hsetIfExists(this.redis, this.keys.person(id), {
      lastLandmarkId: cipher.seal("lastLandmarkId", landmarkId),
      lastArrivalAt: cipher.seal("lastArrivalAt", String(at.getTime())),
    });
  }

  /** Deletes the records and destroys the data key, so copies elsewhere (AOF, backups) stay unreadable. */
  async delete(person: Person): Promise<void> {
    const previous = this.previousAddressKey(person.address);
    await this.redis.del(this.keys.person(person.id), this.addressKey(person.address), ...(previous ? [previous] : []));
    await this.recordKeys.destroy(person.id);
  }

  /** Every stored person's address, for key rotation (which re-indexes what is keyed by a chat address). */
  async *addresses(): AsyncGenerator<ChatAddress> {
    for await (const key of scanKeys(this.redis, this.keys.person("*"))) {
      const person = await this.get(key.slice(key.lastIndexOf(":") + 1)).catch(() => undefined);
      if (person) yield person.address;
    }
  }

  /** For key rotation: moves the address's index entry from the previous key's hash to the current one. */
  async reindexAddress(address: ChatAddress): Promise<boolean> {
    const previous = this.previousAddressKey(address);
    return previous !== undefined && (await moveKeys(this.redis, [previous], [this.addressKey(address)])) > 0;
  }
}
