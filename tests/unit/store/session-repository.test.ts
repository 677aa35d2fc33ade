/** SessionRepository (src/store/session-repository.ts): dashboard sessions with an idle expiry, an absolute end, and revocation. */
import assert from "node:assert/strict";
import { after, afterEach, before, test } from "node:test";
import { DashboardKeys } from "../../../src/store/dashboard-keys.ts";
import { SessionRepository } from "../../../src/store/session-repository.ts";
import { StoreRedis } from "../../support/store-redis.ts";

let s: StoreRedis;
before(async () => (s = await StoreRedis.start()));
afterEach(() => s.cleanup());
after(() => s.stop());

const IDLE = 30 * 60_000;
const MAX_AGE = 12 * 3_600_000;
function repo() {
  const keys = new DashboardKeys(s.prefix());
  return { keys, sessions: new SessionRepository(s.redis, keys, IDLE, MAX_AGE) };
}

test("a new session is found by its cookie value, and only by it", async () => {
  const { sessions } = repo();
  const now = new Date();
  const { id, session } = await sessions.create("staff-1", now);
  assert.match(id, /^[A-Za-z0-9_-]{43}$/);
  assert.deepEqual(await sessions.get(id, now), session);
  assert.equal(session.staffId, "staff-1");
  assert.equal(await sessions.get(`${id.slice(0, -1)}${id.endsWith("A") ? "B" : "A"}`, now), undefined);
  assert.equal(await sessions.get(undefined), undefined);
  assert.equal(await sessions.get("short"), undefined);
});

test("Redis holds no usable cookie value", async () => {
  const { keys, sessions } = repo();
  const { id, session } = await sessions.create("staff-1", new Date());
  const all = await s.keysUnder(keys.prefix);
  const dump = JSON.stringify(await Promise.all(all.map(async (k) => [k, (await s.redis.type(k)) === "hash" ? await s.redis.hgetall(k) : await s.redis.smembers(k)])));
  assert.ok(!dump.includes(id));
  assert.ok(dump.includes(session.csrf), "the CSRF token is stored (it is checked against the form)");
});

test("a session idles out, and ends at its absolute lifetime however active", async () => {
  const { keys, sessions } = repo();
  const start = new Date();
  const { id } = await sessions.create("staff-1", start);
  const all = await s.keysUnder(keys.prefix);
  for (const k of all) {
    const ttl = await s.redis.pttl(k);
    assert.ok(ttl > 0 && ttl <= MAX_AGE, `${k}: ${ttl}`);
  }
  // Near the end of its life the idle expiry is cut to what is left.
  const late = new Date(start.getTime() + MAX_AGE - 60_000);
  assert.ok(await sessions.get(id, late));
  const session = all.find((k) => !k.includes("staff-1"))!;
  assert.ok((await s.redis.pttl(session)) <= 60_000);
  assert.equal(await sessions.get(id, new Date(start.getTime() + MAX_AGE + 1)), undefined);
  assert.equal(await sessions.get(id, late), undefined, "an ended session is destroyed");
});

test("sign-out ends one session; revoking a user ends all of theirs, not others'", async () => {
  const { sessions } = repo();
  const now = new Date();
  const [a, b, other] = [await sessions.create("staff-1", now), await sessions.create("staff-1", now), await sessions.create("staff-2", now)];
  await sessions.destroy(a.id);
  assert.equal(await sessions.get(a.id, now), undefined);
  assert.ok(await sessions.get(b.id, now));
  assert.equal(await sessions.revokeAll("staff-1"), 1);
  assert.equal(await sessions.get(b.id, now), undefined);
  assert.ok(await sessions.get(other.id, now));
});
