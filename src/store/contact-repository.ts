import { randomBytes } from "node:crypto";
import type { RedisClient } from "./redis.ts";
import type { Invite } from "../domain/person.ts";
import type { Keys } from "./keys.ts";

/** 18 random bytes: 144 bits, 24 base64url characters, inside Telegram's 64-character start parameter. */
const INVITE_CODE_BYTES = 18;
export const INVITE_CODE_PATTERN = /^[A-Za-z0-9_-]{24}$/;

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

  async link(travellerId: string, contactId: string): Promise<boolean> {
    const [added] = (await this.redis
      .multi()
      .sadd(this.keys.contactsOf(travellerId), contactId)
      .sadd(this.keys.follows(contactId), travellerId)
      .pexpire(this.keys.contactsOf(travellerId), this.retentionMs)
      .pexpire(this.keys.follows(contactId), this.retentionMs)
      .exec())!;
    return added?.[1] === 1;
  }

  async unlink(travellerId: string, contactId: string): Promise<boolean> {
    const [removed] = (await this.redis
      .multi()
      .srem(this.keys.contactsOf(travellerId), contactId)
      .srem(this.keys.follows(contactId), travellerId)
      .exec())!;
    return removed?.[1] === 1;
  }

  async isLinked(travellerId: string, contactId: string): Promise<boolean> {
    return (await this.redis.sismember(this.keys.contactsOf(travellerId), contactId)) === 1;
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
    return this.redis.smembers(this.keys.contactsOf(travellerId));
  }

  followedBy(contactId: string): Promise<string[]> {
    return this.redis.smembers(this.keys.follows(contactId));
  }

  /** Drops every link and open invite of a person, on both sides; returns who was on the other end. */
  async forgetPerson(personId: string): Promise<{ contacts: string[]; travellers: string[] }> {
    const [contacts, travellers, codes] = await Promise.all([
      this.contactsOf(personId),
      this.followedBy(personId),
      this.redis.smembers(this.keys.invitesBy(personId)),
    ]);
    const tx = this.redis.multi();
    for (const c of contacts) tx.srem(this.keys.follows(c), personId);
    for (const t of travellers) tx.srem(this.keys.contactsOf(t), personId);
    for (const code of codes) tx.del(this.keys.invite(code));
    tx.del(this.keys.contactsOf(personId), this.keys.follows(personId), this.keys.invitesBy(personId), this.keys.unreachable(personId));
    await tx.exec();
    return { contacts, travellers };
  }
}
