/**
 * TripRepository (src/store/trip-repository.ts): one current trip per traveller, its destination sealed, and the
 * racing state changes (arrival, a stage firing, an alert claim, an extension) each atomic.
 */
import assert from "node:assert/strict";
import { randomBytes, randomUUID } from "node:crypto";
import { after, afterEach, before, test } from "node:test";
import { KeyRing } from "../../../src/store/key-ring.ts";
import { RecordKeys } from "../../../src/store/record-keys.ts";
import { TripRepository } from "../../../src/store/trip-repository.ts";
import type { Keys } from "../../../src/store/keys.ts";
import { StoreRedis } from "../../support/store-redis.ts";

let s: StoreRedis;
before(async () => (s = await StoreRedis.start()));
afterEach(() => s.cleanup());
after(() => s.stop());

const RETENTION = 30 * 86_400_000;
const ring = new KeyRing(randomBytes(32).toString("base64"));
// Near the real clock: a trip's hash expires at a fixed time after its deadline.
const now = new Date(Math.floor(Date.now() / 1000) * 1000);
const deadline = new Date(now.getTime() + 3_600_000);

function repo(): { keys: Keys; trips: TripRepository } {
  const keys = s.keys();
  return { keys, trips: new TripRepository(s.redis, keys, RETENTION, new RecordKeys(s.redis, keys, ring, RETENTION)) };
}

test("a trip is read back as created, its destination sealed, kept until RETENTION after the deadline", async () => {
  const { keys, trips } = repo();
  const travellerId = randomUUID();
  const trip = await trips.create(travellerId, "paris-gare-du-nord", deadline, now);
  assert.deepEqual(await trips.get(travellerId), { ...trip, arrivedAt: undefined });
  assert.deepEqual(trip, {
    id: trip.id, travellerId, landmarkId: "paris-gare-du-nord", deadline, originalDeadline: deadline, createdAt: now,
    status: "active", stage: 0, escalated: false,
  });
  const raw = await s.redis.hgetallBuffer(keys.trip(travellerId));
  assert.ok(!Buffer.concat(Object.values(raw)).includes("gare-du-nord"));
  const expireAt = await s.redis.pexpiretime(keys.trip(travellerId));
  assert.equal(expireAt, deadline.getTime() + RETENTION);
  assert.deepEqual(await trips.activeTravellerIds(), [travellerId]);
  assert.equal(await trips.get(randomUUID()), undefined);
});

test("arrival ends only the same, active trip, once, and names who had been alerted", async () => {
  const { trips } = repo();
  const travellerId = randomUUID();
  const trip = await trips.create(travellerId, "x", deadline, now);
  assert.equal(await trips.claimAlert(travellerId, trip.id, "contact-1"), true);
  await trips.markAlertSent(travellerId, "contact-1");
  assert.deepEqual(await trips.finish(travellerId, randomUUID(), now), { ok: false });
  const at = new Date(deadline.getTime() + 300_000);
  assert.deepEqual(await trips.finish(travellerId, trip.id, at), { ok: true, alerted: ["contact-1"] });
  assert.deepEqual(await trips.finish(travellerId, trip.id, at, "safe"), { ok: false, status: "arrived" });
  const ended = (await trips.get(travellerId))!;
  assert.deepEqual([ended.status, ended.arrivedAt], ["arrived", at]);
  assert.deepEqual(await trips.activeTravellerIds(), []);
  assert.equal(await trips.claimAlert(travellerId, trip.id, "contact-2"), false, "no alert after the arrival");
});

test("concurrent arrival and alert claim: either the alert is claimed and named to the arrival, or refused", async () => {
  const { trips } = repo();
  for (let i = 0; i < 10; i++) {
    const travellerId = randomUUID();
    const trip = await trips.create(travellerId, "x", deadline, now);
    const [claimed, arrival] = await Promise.all([trips.claimAlert(travellerId, trip.id, "c"), trips.finish(travellerId, trip.id, now)]);
    assert.ok(arrival.ok);
    assert.equal(arrival.ok && arrival.alerted.includes("c"), claimed);
  }
});

test("a stage fires once per trip, deadline and stage; an escalating one marks the trip", async () => {
  const { keys, trips } = repo();
  const travellerId = randomUUID();
  const trip = await trips.create(travellerId, "x", deadline, now);
  const fired = await Promise.all([0, 1, 2].map(() => trips.fireStage(travellerId, trip.id, deadline, 0, false)));
  assert.equal(fired.filter(Boolean).length, 1);
  assert.equal(await trips.fireStage(travellerId, trip.id, new Date(deadline.getTime() + 1), 1, true), false, "another deadline");
  assert.equal(await trips.fireStage(travellerId, trip.id, deadline, 2, true), false, "not the next stage");
  const marker = `${keys.prefix}:out-sent:test`;
  assert.equal(await trips.fireStage(travellerId, trip.id, deadline, 1, true, { key: marker, retentionMs: 60_000 }), true);
  assert.equal(await s.redis.get(marker), "1", "the stage's sent message is marked with it");
  const after = (await trips.get(travellerId))!;
  assert.deepEqual([after.stage, after.escalated], [2, true]);
});

test("an extension moves the deadline and restarts the ladder; never on an ended trip", async () => {
  const { trips } = repo();
  const travellerId = randomUUID();
  const trip = await trips.create(travellerId, "x", deadline, now);
  await trips.fireStage(travellerId, trip.id, deadline, 0, false);
  const later = new Date(deadline.getTime() + 3_600_000);
  assert.equal(await trips.extend(travellerId, trip.id, later), true);
  const extended = (await trips.get(travellerId))!;
  assert.deepEqual([extended.deadline, extended.originalDeadline, extended.stage], [later, deadline, 0]);
  assert.equal(await trips.fireStage(travellerId, trip.id, deadline, 1, true), false, "the old deadline's stages are stale");
  await trips.finish(travellerId, trip.id, now);
  assert.equal(await trips.extend(travellerId, trip.id, new Date(later.getTime() + 1)), false);
});

test("alert states: claimed, then sent; a new trip starts with none", async () => {
  const { trips } = repo();
  const travellerId = randomUUID();
  const trip = await trips.create(travellerId, "x", deadline, now);
  assert.equal(await trips.alertState(travellerId, "c"), undefined);
  await trips.claimAlert(travellerId, trip.id, "c");
  assert.equal(await trips.alertState(travellerId, "c"), "claimed");
  await trips.markAlertSent(travellerId, "c");
  assert.equal(await trips.alertState(travellerId, "c"), "sent");
  await trips.create(travellerId, "y", deadline, now);
  assert.equal(await trips.alertState(travellerId, "c"), undefined);
});

test("schedules of many travellers in one call; delete removes the trip and its index entry", async () => {
  const { trips } = repo();
  const [a, b] = [randomUUID(), randomUUID()];
  const tripA = await trips.create(a, "x", deadline, now);
  assert.deepEqual(await trips.schedulesOf([a, b]), [{ id: tripA.id, travellerId: a, status: "active", deadline, stage: 0 }, undefined]);
  assert.deepEqual(await trips.schedulesOf([]), []);
  assert.equal(await trips.delete(a), true);
  assert.equal(await trips.delete(a), false);
  assert.equal(await trips.get(a), undefined);
  assert.deepEqual(await trips.activeTravellerIds(), []);
});
