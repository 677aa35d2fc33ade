/**
 * The trip's scripts (src/store/lua/trip-*.lua, fire-stages.lua) on a real redis-server: each acts only on the
 * trip it was asked about while that trip is active, so an arrival, a firing stage and an alert racing at the
 * deadline second settle one way.
 */
import assert from "node:assert/strict";
import { randomBytes, randomUUID } from "node:crypto";
import { after, before, test } from "node:test";
import { Redis } from "ioredis";
import { KeyRing } from "../../../../src/store/key-ring.ts";
import { Keys } from "../../../../src/store/keys.ts";
import { RecordKeys } from "../../../../src/store/record-keys.ts";
import { TRIP_CLAIM_ALERT, TRIP_EXTEND, TRIP_FINISH, TripRepository } from "../../../../src/store/trip-repository.ts";
import { startRedis, type RedisServerHandle } from "../../../support/redis-server.ts";

const HOUR = 3_600_000;
let server: RedisServerHandle;
let redis: Redis;
let keys: Keys;
let trips: TripRepository;

before(async () => {
  server = await startRedis();
  redis = new Redis(server.url);
  keys = new Keys(`{t${randomBytes(4).toString("hex")}}`);
  trips = new TripRepository(redis, keys, HOUR, new RecordKeys(redis, keys, new KeyRing(randomBytes(32).toString("base64")), HOUR));
});

after(async () => {
  redis?.disconnect();
  await server?.stop();
});

async function newTrip() {
  const traveller = randomUUID();
  const trip = await trips.create(traveller, "gare-du-nord", new Date(Date.now() + HOUR), new Date());
  return { traveller, trip };
}

test("trip-finish: ends this active trip once, returns who was alerted; another trip id or an ended trip is refused", async () => {
  const { traveller, trip } = await newTrip();
  assert.equal(await trips.claimAlert(traveller, trip.id, "family-1"), true);
  assert.deepEqual(await trips.finish(traveller, randomUUID(), new Date()), { ok: false }, "another trip");
  const results = await Promise.all([trips.finish(traveller, trip.id, new Date()), trips.finish(traveller, trip.id, new Date(), "safe")]);
  assert.equal(results.filter((r) => r.ok).length, 1, "one caller ends it");
  const won = results.find((r) => r.ok)!;
  assert.deepEqual(won, { ok: true, alerted: ["family-1"] });
  assert.ok(results.some((r) => !r.ok && (r.status === "arrived" || r.status === "safe")), "the other sees it ended");
  assert.equal(await redis.zscore(keys.activeTrips(), traveller), null);
  const again = await TRIP_FINISH.run(redis, keys.trip(traveller), keys.tripAlerted(traveller), keys.activeTrips(), trip.id, Date.now(), "arrived", traveller);
  assert.deepEqual(again, [(await trips.get(traveller))!.status], "ended: its status, nothing changed");
});

test("fire-stages: exactly one caller per (trip, deadline, stage); a stale deadline or stage, or an ended trip, is refused", async () => {
  const { traveller, trip } = await newTrip();
  const fired = await Promise.all(Array.from({ length: 10 }, () => trips.fireStage(traveller, trip.id, trip.deadline, 0, false)));
  assert.equal(fired.filter(Boolean).length, 1);
  assert.equal(await trips.fireStage(traveller, trip.id, trip.deadline, 0, false), false, "stage 0 is past");
  assert.equal(await trips.fireStage(traveller, trip.id, new Date(trip.deadline.getTime() + 1), 1, false), false, "another deadline");
  assert.equal(await trips.fireStage(traveller, trip.id, trip.deadline, 1, true), true);
  const now = await trips.get(traveller);
  assert.equal(now?.stage, 2);
  assert.equal(now?.escalated, true);
  await trips.finish(traveller, trip.id, new Date());
  assert.equal(await trips.fireStage(traveller, trip.id, trip.deadline, 2, false), false, "ended");
});

test("trip-claim-alert: claims only while the trip is active; the claim lives as long as the trip", async () => {
  const { traveller, trip } = await newTrip();
  assert.equal(await TRIP_CLAIM_ALERT.run(redis, keys.trip(traveller), keys.tripAlerted(traveller), randomUUID(), "f"), 0, "another trip");
  assert.equal(await trips.claimAlert(traveller, trip.id, "f"), true);
  await trips.markAlertSent(traveller, "f");
  assert.equal(await trips.claimAlert(traveller, trip.id, "f"), true);
  assert.equal(await trips.alertState(traveller, "f"), "sent", "a claim does not undo a sent alert");
  const expireAt = Number(await redis.hget(keys.trip(traveller), "expireAt"));
  assert.ok(Math.abs((await redis.pexpiretime(keys.tripAlerted(traveller))) - expireAt) < 5);
  await trips.finish(traveller, trip.id, new Date());
  assert.equal(await trips.claimAlert(traveller, trip.id, "g"), false, "ended: no new alert");
  assert.equal(await trips.alertState(traveller, "g"), undefined);
});

test("trip-extend: moves the deadline of this active trip and starts its stages again; refused once ended", async () => {
  const { traveller, trip } = await newTrip();
  await trips.fireStage(traveller, trip.id, trip.deadline, 0, false);
  const later = new Date(trip.deadline.getTime() + HOUR);
  assert.equal(await TRIP_EXTEND.run(redis, keys.trip(traveller), keys.tripAlerted(traveller), keys.activeTrips(), randomUUID(), later.getTime(), later.getTime() + HOUR, traveller), 0);
  assert.equal(await trips.extend(traveller, trip.id, later), true);
  const now = await trips.get(traveller);
  assert.equal(now?.deadline.getTime(), later.getTime());
  assert.equal(now?.stage, 0);
  assert.equal(Number(await redis.zscore(keys.activeTrips(), traveller)), later.getTime());
  assert.ok(Math.abs((await redis.pexpiretime(keys.trip(traveller))) - (later.getTime() + HOUR)) < 5);
  await trips.finish(traveller, trip.id, new Date());
  assert.equal(await trips.extend(traveller, trip.id, new Date(later.getTime() + HOUR)), false);
});

test("fire-stages: many advances in one call, each as if alone; a record of the wrong type fails its own advance only", async () => {
  const a = await newTrip();
  const b = await newTrip();
  const broken = randomUUID();
  await redis.set(keys.trip(broken), "not a hash");
  const marker = `${keys.prefix}:out-sent:test-${randomUUID()}`;
  const replies = await trips.fireStages([
    { travellerId: a.traveller, tripId: a.trip.id, deadline: a.trip.deadline.getTime(), stage: 0, escalates: false, sent: { key: marker, retentionMs: HOUR } },
    { travellerId: broken, tripId: randomUUID(), deadline: 1, stage: 0, escalates: false },
    { travellerId: b.traveller, tripId: b.trip.id, deadline: b.trip.deadline.getTime(), stage: 0, escalates: true },
    { travellerId: a.traveller, tripId: a.trip.id, deadline: a.trip.deadline.getTime(), stage: 0, escalates: false },
  ]);
  assert.equal(replies[0], true);
  assert.ok(replies[1] instanceof Error && /WRONGTYPE/.test(replies[1].message), String(replies[1]));
  assert.equal(replies[2], true);
  assert.equal(replies[3], false, "the same stage again in the same call: already advanced");
  assert.equal(await redis.get(marker), "1");
  assert.equal((await trips.get(a.traveller))?.stage, 1);
  assert.equal((await trips.get(b.traveller))?.escalated, true);
});

test("fire-stages: an advanced deadline's timer moves to the next stage, or goes after the last; one not advanced stays", async () => {
  const due = keys.deadlinesDue();
  const failures = keys.deadlineFailures();
  const { traveller, trip } = await newTrip();
  const deadline = trip.deadline.getTime();
  const member = `m-${randomUUID()}`;
  await redis.zadd(due, 1, member);
  await redis.hset(failures, member, 3);
  const next = deadline + HOUR;
  assert.deepEqual(await trips.fireStages([{ travellerId: traveller, tripId: trip.id, deadline, stage: 0, escalates: false, timer: { member, nextDueAt: next } }]), [true]);
  assert.equal(Number(await redis.zscore(due, member)), next);
  assert.equal(await redis.hget(failures, member), null, "a stage that fired clears the failure count");
  assert.deepEqual(await trips.fireStages([{ travellerId: traveller, tripId: trip.id, deadline, stage: 0, escalates: false, timer: { member } }]), [false]);
  assert.equal(Number(await redis.zscore(due, member)), next, "not advanced: left alone");
  assert.deepEqual(await trips.fireStages([{ travellerId: traveller, tripId: trip.id, deadline, stage: 1, escalates: true, timer: { member } }]), [true]);
  assert.equal(await redis.zscore(due, member), null, "the last stage: removed");
  const cancelled = await newTrip();
  const gone = `m-${randomUUID()}`;
  await trips.fireStages([{ travellerId: cancelled.traveller, tripId: cancelled.trip.id, deadline: cancelled.trip.deadline.getTime(), stage: 0, escalates: false, timer: { member: gone, nextDueAt: next } }]);
  assert.equal(await redis.zscore(due, gone), null, "a cancelled timer is not brought back");
});
