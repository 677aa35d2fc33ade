/**
 * CheckinRepository (src/store/checkin-repository.ts): the pending photo/location pair (exactly one check-in
 * however the halves race), check-in records sealed per person, verdicts, once-only claims and upgrade offers.
 */
import assert from "node:assert/strict";
import { randomBytes, randomUUID } from "node:crypto";
import { after, afterEach, before, test } from "node:test";
import { CheckinRepository } from "../../../src/store/checkin-repository.ts";
import type { PendingLocation, PendingPhoto } from "../../../src/domain/checkin.ts";
import { KeyRing } from "../../../src/store/key-ring.ts";
import { RecordKeys } from "../../../src/store/record-keys.ts";
import type { Keys } from "../../../src/store/keys.ts";
import { StoreRedis } from "../../support/store-redis.ts";

let s: StoreRedis;
before(async () => (s = await StoreRedis.start()));
afterEach(() => s.cleanup());
after(() => s.stop());

const PAIR_WINDOW = 15 * 60_000;
const RETENTION = 30 * 86_400_000;
const ring = new KeyRing(randomBytes(32).toString("base64"));

function repo(): { keys: Keys; checkins: CheckinRepository } {
  const keys = s.keys();
  return { keys, checkins: new CheckinRepository(s.redis, keys, PAIR_WINDOW, RETENTION, new RecordKeys(s.redis, keys, ring, RETENTION)) };
}

const photo = (mediaId = randomUUID()): PendingPhoto => ({ mediaId, asFile: false, forwarded: false, at: new Date(1_700_000_000_000) });
const location: PendingLocation = { lat: 48.880234, lon: 2.355312, accuracyM: 12, live: false, forwarded: false, venue: false, at: new Date(1_700_000_060_000) };

test("photo then location: the second half completes the pair and takes it out", async () => {
  const { keys, checkins } = repo();
  const id = randomUUID();
  const p = photo();
  assert.deepEqual(await checkins.addPart(id, { photo: p }), { complete: false, replacedPhoto: undefined });
  assert.deepEqual(await checkins.pending(id), { photo: p, location: undefined });
  assert.deepEqual(await checkins.addPart(id, { location }), { complete: true, photo: p, location, duress: false, replacedPhoto: undefined });
  assert.equal(await s.redis.exists(keys.pending(id)), 0);
});

test("a pending location is sealed in Redis; the window runs from the first half and is not extended", async () => {
  const { keys, checkins } = repo();
  const id = randomUUID();
  await checkins.addPart(id, { location });
  const raw = await s.redis.hgetall(keys.pending(id));
  assert.ok(!JSON.stringify(raw).includes("48.88"), "no coordinates in clear");
  assert.deepEqual((await checkins.pending(id)).location, location);
  await s.redis.pexpire(keys.pending(id), 5_000);
  await checkins.addPart(id, { location: { ...location, live: true } });
  assert.ok((await s.redis.pttl(keys.pending(id))) <= 5_000);
});

test("a second photo replaces the first and hands it back (to be deleted)", async () => {
  const { checkins } = repo();
  const id = randomUUID();
  const [first, second] = [photo(), photo()];
  await checkins.addPart(id, { photo: first });
  assert.deepEqual(await checkins.addPart(id, { photo: second }), { complete: false, replacedPhoto: first });
  const done = await checkins.addPart(id, { location });
  assert.equal(done.complete && done.photo.mediaId, second.mediaId);
});

test("halves arriving at once make exactly one check-in", async () => {
  const { checkins } = repo();
  const id = randomUUID();
  const results = await Promise.all([
    checkins.addPart(id, { photo: photo() }),
    checkins.addPart(id, { location }),
    checkins.addPart(id, { location: { ...location, live: true } }),
  ]);
  assert.equal(results.filter((r) => r.complete).length, 1);
});

test("the duress mark travels with the pair, never the word", async () => {
  const { keys, checkins } = repo();
  const id = randomUUID();
  await checkins.markPendingDuress(id);
  assert.ok((await s.redis.pttl(keys.pending(id))) > 0, "the window starts with the mark");
  await checkins.addPart(id, { photo: photo() });
  const done = await checkins.addPart(id, { location });
  assert.equal(done.complete && done.duress, true);
});

test("clearPending drops the pair and returns its photo", async () => {
  const { checkins } = repo();
  const id = randomUUID();
  const p = photo();
  await checkins.addPart(id, { photo: p });
  assert.deepEqual(await checkins.clearPending(id), p);
  assert.deepEqual(await checkins.pending(id), { photo: undefined, location: undefined });
  assert.equal(await checkins.clearPending(id), undefined);
});

test("a check-in is stored with its landmark and location sealed, for the retention period, and read back", async () => {
  const { keys, checkins } = repo();
  const travellerId = randomUUID();
  const now = new Date("2026-05-01T10:00:00Z");
  const created = await checkins.create({ travellerId, tripId: randomUUID(), landmarkId: "paris-gare-du-nord", photo: photo(), location, duress: true }, now);
  assert.equal(created.status, "queued");
  assert.deepEqual(await checkins.get(created.id), { ...created, rejection: undefined, verdict: undefined, cleanMediaId: undefined, phash: undefined });
  const raw = JSON.stringify(await s.redis.hgetall(keys.checkin(created.id)));
  assert.ok(!raw.includes("gare-du-nord") && !raw.includes("48.88"), raw);
  const ttl = await s.redis.pttl(keys.checkin(created.id));
  assert.ok(ttl > 0 && ttl <= RETENTION);
  assert.deepEqual(await checkins.idsOf(travellerId), [created.id]);
  assert.equal(await checkins.get(randomUUID()), undefined);
});

test("a verdict or a rejection is recorded and the location dropped", async () => {
  const { checkins } = repo();
  const travellerId = randomUUID();
  const a = await checkins.create({ travellerId, tripId: randomUUID(), landmarkId: "x", photo: photo(), location }, new Date());
  const verdict = { status: "verified" as const, reasons: [{ code: "visual_match" as const, ok: true }] };
  await checkins.recordVerdict(a.id, verdict, "clean-1", "ab".repeat(32));
  const decided = (await checkins.get(a.id))!;
  assert.deepEqual([decided.status, decided.verdict, decided.cleanMediaId, decided.phash, decided.location], ["verified", verdict, "clean-1", "ab".repeat(32), undefined]);
  const b = await checkins.create({ travellerId, tripId: randomUUID(), landmarkId: "x", photo: photo(), location }, new Date());
  await checkins.recordRejection(b.id, "too_small");
  const rejected = (await checkins.get(b.id))!;
  assert.deepEqual([rejected.status, rejected.rejection, rejected.location], ["rejected", "too_small", undefined]);
});

test("claimOnce is true for the first caller only, per check-in and purpose", async () => {
  const { checkins } = repo();
  const c = await checkins.create({ travellerId: randomUUID(), tripId: randomUUID(), landmarkId: "x", photo: photo() }, new Date());
  const claims = await Promise.all(Array.from({ length: 5 }, () => checkins.claimOnce(c.id, "told")));
  assert.equal(claims.filter(Boolean).length, 1);
  assert.equal(await checkins.claimOnce(c.id, "duress"), true);
});

test("an upgrade offer is taken out once, sealed while it waits, and replaced by a newer one", async () => {
  const { keys, checkins } = repo();
  const id = randomUUID();
  const offer = { checkinId: randomUUID(), tripId: randomUUID(), landmarkId: "paris-gare-du-nord", photo: photo(), location, strength: 1 };
  assert.equal(await checkins.hasUpgrade(id), false);
  await checkins.offerUpgrade(id, { ...offer, strength: 0 });
  await checkins.offerUpgrade(id, offer);
  assert.equal(await checkins.hasUpgrade(id), true);
  assert.ok(!(await s.redis.get(keys.upgrade(id)))!.includes("48.88"));
  const ttl = await s.redis.pttl(keys.upgrade(id));
  assert.ok(ttl > 0 && ttl <= PAIR_WINDOW);
  const taken = await Promise.all([checkins.takeUpgrade(id), checkins.takeUpgrade(id)]);
  assert.deepEqual(taken.filter(Boolean), [offer]);
});

test("deleteAllOf removes every check-in and returns every photo still to delete", async () => {
  const { keys, checkins } = repo();
  const travellerId = randomUUID();
  const a = await checkins.create({ travellerId, tripId: randomUUID(), landmarkId: "x", photo: photo(), location }, new Date());
  await checkins.recordVerdict(a.id, { status: "verified", reasons: [] }, "clean-a", "00".repeat(32));
  const pending = photo();
  await checkins.addPart(travellerId, { photo: pending });
  const offered = photo();
  await checkins.offerUpgrade(travellerId, { checkinId: a.id, tripId: a.tripId, landmarkId: "x", photo: offered, location, strength: 1 });
  const media = await checkins.deleteAllOf(travellerId);
  assert.deepEqual(media.sort(), [a.photo.mediaId, "clean-a", pending.mediaId, offered.mediaId].sort());
  assert.equal(await checkins.get(a.id), undefined);
  assert.deepEqual(await checkins.idsOf(travellerId), []);
  assert.equal(await checkins.hasUpgrade(travellerId), false);
  assert.deepEqual(await s.keysUnder(keys.checkin("")), []);
});
