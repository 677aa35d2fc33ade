import { randomUUID } from "node:crypto";
import type { RedisClient } from "./redis.ts";
import type { ChatAddress, ChannelId } from "../domain/identity.ts";
import { isLocale, type Locale } from "../domain/locale.ts";
import type { Person } from "../domain/person.ts";
import type { Keys } from "./keys.ts";

export class PersonRepository {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly retentionMs: number,
  ) {}

  async findByAddress(address: ChatAddress): Promise<Person | undefined> {
    const id = await this.redis.get(this.keys.address(address.channel, address.chatId));
    return id ? this.get(id) : undefined;
  }

  async get(id: string): Promise<Person | undefined> {
    const h = await this.redis.hgetall(this.keys.person(id));
    if (!h.id) return undefined;
    return {
      id: h.id,
      address: { channel: h.channel as ChannelId, chatId: h.chatId! },
      locale: isLocale(h.locale) ? h.locale : undefined,
      displayName: h.displayName ?? "",
      consentAt: h.consentAt ? new Date(Number(h.consentAt)) : undefined,
      ngoConsent: h.ngoConsent === undefined ? undefined : h.ngoConsent === "1",
      lastArrival: h.lastLandmarkId ? { landmarkId: h.lastLandmarkId, at: new Date(Number(h.lastArrivalAt)) } : undefined,
      createdAt: new Date(Number(h.createdAt)),
    };
  }

  /** Finds or creates the person behind an address, refreshing the retention clock and display name. */
  async touch(address: ChatAddress, displayName: string, now: Date): Promise<Person> {
    const addrKey = this.keys.address(address.channel, address.chatId);
    const id = randomUUID();
    const won = await this.redis.set(addrKey, id, "PX", this.retentionMs, "NX");
    const personId = won ? id : (await this.redis.get(addrKey))!;
    const key = this.keys.person(personId);
    const tx = this.redis.multi();
    if (won) {
      tx.hset(key, { id: personId, channel: address.channel, chatId: address.chatId, createdAt: now.getTime() });
    }
    tx.hset(key, { displayName });
    tx.pexpire(key, this.retentionMs).pexpire(addrKey, this.retentionMs);
    await tx.exec();
    return (await this.get(personId))!;
  }

  async setLocale(id: string, locale: Locale): Promise<void> {
    await this.redis.hset(this.keys.person(id), { locale });
  }

  async setConsent(id: string, at: Date): Promise<void> {
    await this.redis.hset(this.keys.person(id), { consentAt: at.getTime() });
  }

  async setNgoConsent(id: string, consent: boolean): Promise<void> {
    await this.redis.hset(this.keys.person(id), { ngoConsent: consent ? "1" : "0" });
  }

  /** Keeps only the last verified arrival: no history of where someone has been. */
  async setLastArrival(id: string, landmarkId: string, at: Date): Promise<void> {
    await this.redis.hset(this.keys.person(id), { lastLandmarkId: landmarkId, lastArrivalAt: at.getTime() });
  }

  async delete(person: Person): Promise<void> {
    await this.redis.del(this.keys.person(person.id), this.keys.address(person.address.channel, person.address.chatId));
  }
}
