import { randomBytes } from "node:crypto";
import type { RedisClient } from "./redis.ts";
import type { Invite } from "../domain/person.ts";
import type { Keys } from "./keys.ts";

/** 18 random bytes: 144 bits, 24 base64url characters, inside Telegram's 64-character start parameter. */
const INVITE_CODE_BYTES = 18;
export const INVITE_CODE_PATTERN = /^[A-Za-z0-9_-]{24}$/;

/** Person-hash field prefixes of a link (see ContactRepository.link); no other field starts with them. */
export const CONTACT_FIELD = "c:";
export const FOLLOWS_FIELD = "f:";

/** Family links between travellers and contacts, and the single-use invites that create them. */
export class ContactRepository {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly inviteTtlMs: number,
    private readonly retentionMs: number,
  ) {}

  async createInvite(travellerId: string, now: Date): Promise<Invite> {
    const code = randomBytes(INVITE_CODE_BYTES).toString("base64url");
    const expiresAt = new Date(now.getTime() + this.inviteTtlMs);
    await this.redis
      .multi()
      .set(this.keys.invite(code), JSON.stringify({ travellerId, createdAt: now.getTime() }), "PX", this.inviteTtlMs)
      .sadd(this.keys.invitesBy(travellerId), code)
      .pexpire(this.keys.invitesBy(travellerId), this.inviteTtlMs)
      .exec();
    return { code, travellerId, createdAt: now, expiresAt };
  }

  /** Reads an invite without using it up (the family member still has to accept). */
  async peekInvite(code: string): Promise<{ travellerId: string } | undefined> {
    if (!INVITE_CODE_PATTERN.test(code)) return undefined;
    const raw = await this.redis.get(this.keys.invite(code));
    return raw ? (JSON.parse(raw) as { travellerId: string }) : undefined;
  }

  /** Uses an invite up atomically: of any number of parallel redemptions exactly one gets it. */
  async redeemInvite(code: string): Promise<{ travellerId: string } | undefined> {
    if (!INVITE_CODE_PATTERN.test(code)) return undefined;
    const raw = await this.redis.getdel(this.keys.invite(code));
    if (!raw) return undefined;
    const invite = JSON.parse(raw) as { travellerId: string };
    await this.redis.srem(this.keys.invitesBy(invite.travellerId), code);
    return invite;
  }

  /**
   * A link is a field in each side's person hash (CONTACT_FIELD + contact id in the traveller's, FOLLOWS_FIELD
   * + traveller id in the contact's): a few dozen bytes inside a listpack where a set of its own cost two
   * hundred or more (Redis 7.0 keeps small sets of ids as hashtables). It lives as long as the person record.
   */
  async link(travellerId: string, contactId: string): Promise<boolean> {
    const [t, c] = [this.keys.person(travellerId), this.keys.person(contactId)];
    const [added] = (await this.redis
      .multi()
      .hsetnx(t, CONTACT_FIELD + contactId, "1")
      .hsetnx(c, FOLLOWS_FIELD + travellerId, "1")
      // Only where the record had no expiry (it always has one): a link never extends a person's retention.
      .pexpire(t, this.retentionMs, "NX")
      .pexpire(c, this.retentionMs, "NX")
      .exec())!;
    return added?.[1] === 1 && !(await this.redis.sismember(this.keys.contactsOf(travellerId), contactId));
  }

  async unlink(travellerId: string, contactId: string): Promise<boolean> {
    const [removed, , legacy] = (await this.redis
      .multi()
      .hdel(this.keys.person(travellerId), CONTACT_FIELD + contactId)
      .hdel(this.keys.person(contactId), FOLLOWS_FIELD + travellerId)
      .srem(this.keys.contactsOf(travellerId), contactId)
      .srem(this.keys.follows(contactId), travellerId)
      .exec())!;
    return removed?.[1] === 1 || legacy?.[1] === 1;
  }

  async isLinked(travellerId: string, contactId: string): Promise<boolean> {
    const [[, field], [, legacy]] = (await this.redis
      .pipeline()
      .hexists(this.keys.person(travellerId), CONTACT_FIELD + contactId)
      .sismember(this.keys.contactsOf(travellerId), contactId)
      .exec())! as [[null, number], [null, number]];
    return field === 1 || legacy === 1;
  }

  /** Marks a contact whose chat refused a message (blocked the bot, chat gone); true for the first mark only. */
  async markUnreachable(contactId: string): Promise<boolean> {
    return (await this.redis.set(this.keys.unreachable(contactId), "1", "PX", this.retentionMs, "NX")) === "OK";
  }

  async isUnreachable(contactId: string): Promise<boolean> {
    return (await this.redis.exists(this.keys.unreachable(contactId))) === 1;
  }

  /** A contact who writes to the bot again can be reached again. */
  async clearUnreachable(contactId: string): Promise<void> {
    await this.redis.del(this.keys.unreachable(contactId));
  }

  contactsOf(travellerId: string): Promise<string[]> {
    return this.linksOf(travellerId, CONTACT_FIELD, this.keys.contactsOf(travellerId));
  }

  followedBy(contactId: string): Promise<string[]> {
    return this.linksOf(contactId, FOLLOWS_FIELD, this.keys.follows(contactId));
  }

  /**
   * One side's links: the fields of the person hash, and the set that held them before issue 18 (written no
   * more; it expires with its retention, after which reading it finds nothing).
   */
  private async linksOf(personId: string, field: string, legacyKey: string): Promise<string[]> {
    const [[fieldsErr, fields], [legacyErr, legacy]] = (await this.redis.pipeline().hkeys(this.keys.person(personId)).smembers(legacyKey).exec())! as [
      [Error | null, string[]], [Error | null, string[]],
    ];
    if (fieldsErr || legacyErr) throw fieldsErr ?? legacyErr;
    const ids = fields.filter((f) => f.startsWith(field)).map((f) => f.slice(field.length));
    return legacy.length ? [...new Set([...ids, ...legacy])] : ids;
  }

  /** Drops every link and open invite of a person, on both sides; returns who was on the other end. */
  async forgetPerson(personId: string): Promise<{ contacts: string[]; travellers: string[] }> {
    const [contacts, travellers, codes] = await Promise.all([
      this.contactsOf(personId),
      this.followedBy(personId),
      this.redis.smembers(this.keys.invitesBy(personId)),
    ]);
    const tx = this.redis.multi();
    for (const c of contacts) tx.hdel(this.keys.person(c), FOLLOWS_FIELD + personId).srem(this.keys.follows(c), personId);
    for (const t of travellers) tx.hdel(this.keys.person(t), CONTACT_FIELD + personId).srem(this.keys.contactsOf(t), personId);
    const own = [...contacts.map((c) => CONTACT_FIELD + c), ...travellers.map((t) => FOLLOWS_FIELD + t)];
    // The person record itself is deleted by PersonRepository.delete; its link fields go here, with the links.
    if (own.length) tx.hdel(this.keys.person(personId), ...own);
    for (const code of codes) tx.del(this.keys.invite(code));
    tx.del(this.keys.contactsOf(personId), this.keys.follows(personId), this.keys.invitesBy(personId), this.keys.unreachable(personId));
    await tx.exec();
    return { contacts, travellers };
  }
}
