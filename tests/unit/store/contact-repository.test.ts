/** ContactRepository (src/store/contact-repository.ts): family links both ways, single-use invites, unreachable marks. */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, afterEach, before, test } from "node:test";
import { ContactRepository, INVITE_CODE_PATTERN } from "../../../src/store/contact-repository.ts";
import { StoreRedis } from "../../support/store-redis.ts";

let s: StoreRedis;
before(async () => (s = await StoreRedis.start()));
afterEach(() => s.cleanup());
after(() => s.stop());

const INVITE_TTL = 86_400_000;
const RETENTION = 30 * 86_400_000;
const repo = () => {
  const keys = s.keys();
  return { keys, contacts: new ContactRepository(s.redis, keys, INVITE_TTL, RETENTION) };
};

test("an invite can be read, then redeemed by exactly one of many at once, then it is gone", async () => {
  const { contacts } = repo();
  const traveller = randomUUID();
  const now = new Date("2026-05-01T10:00:00Z");
  const invite = await contacts.createInvite(traveller, now);
  assert.match(invite.code, INVITE_CODE_PATTERN);
  assert.equal(invite.expiresAt.getTime(), now.getTime() + INVITE_TTL);
  assert.deepEqual(await contacts.peekInvite(invite.code), { travellerId: traveller, createdAt: now.getTime() });
  const redemptions = await Promise.all(Array.from({ length: 6 }, () => contacts.redeemInvite(invite.code)));
  assert.equal(redemptions.filter(Boolean).length, 1);
  assert.equal(await contacts.peekInvite(invite.code), undefined);
  assert.equal(await contacts.redeemInvite(invite.code), undefined);
});

test("malformed or unknown codes are nothing (and never reach Redis as key names)", async () => {
  const { contacts } = repo();
  assert.equal(await contacts.peekInvite("*"), undefined);
  assert.equal(await contacts.redeemInvite("abc"), undefined);
  assert.equal(await contacts.peekInvite("A".repeat(24)), undefined);
});

test("invites expire with their TTL", async () => {
  const { keys, contacts } = repo();
  const { code } = await contacts.createInvite(randomUUID(), new Date());
  const ttl = await s.redis.pttl(keys.invite(code));
  assert.ok(ttl > 0 && ttl <= INVITE_TTL);
});

test("a link is seen from both sides, once, until unlinked", async () => {
  const { contacts } = repo();
  const [traveller, contact, other] = [randomUUID(), randomUUID(), randomUUID()];
  assert.equal(await contacts.link(traveller, contact), true);
  assert.equal(await contacts.link(traveller, contact), false, "already linked");
  await contacts.link(traveller, other);
  assert.deepEqual((await contacts.contactsOf(traveller)).sort(), [contact, other].sort());
  assert.deepEqual(await contacts.followedBy(contact), [traveller]);
  assert.equal(await contacts.isLinked(traveller, contact), true);
  assert.equal(await contacts.isLinked(contact, traveller), false, "links have a direction");
  assert.equal(await contacts.unlink(traveller, contact), true);
  assert.equal(await contacts.unlink(traveller, contact), false);
  assert.equal(await contacts.isLinked(traveller, contact), false);
  assert.deepEqual(await contacts.followedBy(contact), []);
});

test("unreachable: marked once, cleared when the contact writes again", async () => {
  const { contacts } = repo();
  const contact = randomUUID();
  assert.equal(await contacts.isUnreachable(contact), false);
  assert.equal(await contacts.markUnreachable(contact), true);
  assert.equal(await contacts.markUnreachable(contact), false, "the traveller is told only the first time");
  assert.equal(await contacts.isUnreachable(contact), true);
  await contacts.clearUnreachable(contact);
  assert.equal(await contacts.isUnreachable(contact), false);
});

test("forgetting a person drops their links on both sides, their invites and marks, and leaves others' alone", async () => {
  const { keys, contacts } = repo();
  const [person, theirContact, theyFollow, stranger, strangersContact] = [randomUUID(), randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  await contacts.link(person, theirContact);
  await contacts.link(theyFollow, person);
  await contacts.link(stranger, strangersContact);
  await contacts.markUnreachable(person);
  const { code } = await contacts.createInvite(person, new Date());
  assert.deepEqual(await contacts.forgetPerson(person), { contacts: [theirContact], travellers: [theyFollow] });
  assert.deepEqual(await contacts.contactsOf(person), []);
  assert.deepEqual(await contacts.followedBy(theirContact), []);
  assert.deepEqual(await contacts.contactsOf(theyFollow), []);
  assert.equal(await contacts.peekInvite(code), undefined);
  assert.equal(await contacts.isUnreachable(person), false);
  assert.deepEqual(await contacts.contactsOf(stranger), [strangersContact]);
  const left = await s.keysUnder(keys.prefix);
  assert.ok(!left.some((k) => k.includes(person)), left.join());
});
