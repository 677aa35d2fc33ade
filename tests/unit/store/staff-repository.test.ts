/**
 * StaffRepository and StaffSecrets (src/store/staff-repository.ts, staff-secrets.ts): dashboard users by unique
 * email, their TOTP secret sealed per user, and re-sealed from plain or the previous app key.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, afterEach, before, test } from "node:test";
import { DashboardKeys } from "../../../src/store/dashboard-keys.ts";
import { KeyRing } from "../../../src/store/key-ring.ts";
import { StaffExistsError, StaffRepository } from "../../../src/store/staff-repository.ts";
import { StaffSecrets } from "../../../src/store/staff-secrets.ts";
import { StoreRedis } from "../../support/store-redis.ts";

let s: StoreRedis;
before(async () => (s = await StoreRedis.start()));
afterEach(() => s.cleanup());
after(() => s.stop());

const key = () => randomBytes(32).toString("base64");
const SECRET = "JBSWY3DPEHPK3PXP";
const HASH = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA";
const now = new Date("2026-05-01T10:00:00Z");

function repo(ring: KeyRing = new KeyRing(key()), prefix = s.prefix()) {
  const keys = new DashboardKeys(prefix);
  return { keys, prefix, staff: new StaffRepository(s.redis, keys, new StaffSecrets(ring)) };
}

test("a user is created once per email (case and spaces aside) and found by id or email", async () => {
  const { staff } = repo();
  const created = await staff.create({ email: " Case@NGO.example ", orgId: "org-a", role: "coordinator", passwordHash: HASH }, now);
  assert.deepEqual(created, {
    id: created.id, email: "case@ngo.example", orgId: "org-a", role: "coordinator", passwordHash: HASH, disabled: false,
    totpSecret: undefined, locale: undefined, createdAt: now,
  });
  assert.deepEqual(await staff.findByEmail("CASE@ngo.example"), created);
  assert.deepEqual(await staff.get(created.id), created);
  await assert.rejects(staff.create({ email: "case@ngo.EXAMPLE", orgId: "org-b", role: "admin", passwordHash: HASH }, now), StaffExistsError);
  await assert.rejects(staff.create({ email: "not an email", orgId: "org-a", role: "admin", passwordHash: HASH }, now), /not an email/);
  assert.equal(await staff.get("../../etc"), undefined);
  assert.equal(await staff.findByEmail("nobody@ngo.example"), undefined);
});

test("listed by email, everyone or one organisation's; disable, password and language are stored", async () => {
  const { staff } = repo();
  const b = await staff.create({ email: "b@ngo.example", orgId: "org-a", role: "caseworker", passwordHash: HASH }, now);
  await staff.create({ email: "a@ngo.example", orgId: "org-b", role: "admin", passwordHash: HASH }, now);
  await staff.create({ email: "c@ngo.example", orgId: "org-a", role: "caseworker", passwordHash: HASH }, now);
  assert.deepEqual((await staff.list()).map((x) => x.email), ["a@ngo.example", "b@ngo.example", "c@ngo.example"]);
  assert.deepEqual((await staff.list("org-a")).map((x) => x.email), ["b@ngo.example", "c@ngo.example"]);
  await staff.setDisabled(b.id, true);
  await staff.setPasswordHash(b.id, "$argon2id$new");
  await staff.setLocale(b.id, "fr");
  const changed = (await staff.get(b.id))!;
  assert.deepEqual([changed.disabled, changed.passwordHash, changed.locale], [true, "$argon2id$new", "fr"]);
});

test("the TOTP secret is sealed in Redis, bound to its user, and can be turned off", async () => {
  const { keys, staff } = repo();
  const [a, b] = [
    await staff.create({ email: "a@ngo.example", orgId: "o", role: "admin", passwordHash: HASH }, now),
    await staff.create({ email: "b@ngo.example", orgId: "o", role: "admin", passwordHash: HASH }, now),
  ];
  await staff.setTotpSecret(a.id, SECRET);
  assert.equal((await staff.get(a.id))?.totpSecret, SECRET);
  const stored = (await s.redis.hget(keys.staff(a.id), "totpSecret"))!;
  assert.ok(!stored.includes(SECRET));
  await s.redis.hset(keys.staff(b.id), "totpSecret", stored);
  await assert.rejects(staff.get(b.id), /does not open/, "copied to another user it does not open");
  await staff.setTotpSecret(a.id, undefined);
  assert.equal((await staff.get(a.id))?.totpSecret, undefined);
  await assert.rejects(new StaffRepository(s.redis, keys).setTotpSecret(a.id, SECRET), /needs the app key/);
});

test("a plain secret from before sealing is sealed in place when read", async () => {
  const { keys, staff } = repo();
  const a = await staff.create({ email: "a@ngo.example", orgId: "o", role: "admin", passwordHash: HASH }, now);
  await s.redis.hset(keys.staff(a.id), "totpSecret", SECRET);
  assert.equal((await staff.get(a.id))?.totpSecret, SECRET);
  assert.notEqual(await s.redis.hget(keys.staff(a.id), "totpSecret"), SECRET);
  assert.equal((await staff.get(a.id))?.totpSecret, SECRET);
});

test("after a key rotation resealSecrets moves every secret to the current key; unreadable ones are left", async () => {
  const [oldKey, newKey] = [key(), key()];
  const before = repo(new KeyRing(oldKey));
  const a = await before.staff.create({ email: "a@ngo.example", orgId: "o", role: "admin", passwordHash: HASH }, now);
  const b = await before.staff.create({ email: "b@ngo.example", orgId: "o", role: "admin", passwordHash: HASH }, now);
  await before.staff.setTotpSecret(a.id, SECRET);
  await before.staff.setTotpSecret(b.id, SECRET);
  await s.redis.hset(before.keys.staff(b.id), "totpSecret", new StaffSecrets(key()).seal(b.id, "totpSecret", SECRET));
  const rotating = repo(new KeyRing(newKey, oldKey), before.prefix);
  assert.equal(await rotating.staff.resealSecrets(), 1);
  assert.equal(await rotating.staff.resealSecrets(), 0, "nothing left to move");
  assert.equal((await repo(new KeyRing(newKey), before.prefix).staff.get(a.id))?.totpSecret, SECRET, "readable without the previous key");
});
