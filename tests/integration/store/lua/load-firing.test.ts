/**
 * The deadline firing's read script (src/store/lua/load-firings.lua, run through LuaScript by
 * DeadlineFiringStore) on a real redis-server: it reads the trip and the traveller, and claims the reminder
 * of the trip's own stage only when that stage fires now (this trip and deadline, active, due), so a run
 * before the due time or for a replaced trip leaves no claim behind. The loads of one event-loop turn go as
 * one call, each firing's outcome its own.
 */
import assert from "node:assert/strict";
import { randomBytes, randomUUID } from "node:crypto";
import { after, before, test } from "node:test";
import type { Redis } from "ioredis";
import { DeadlineFiringStore, LOAD_FIRINGS } from "../../../../src/store/deadline-firing.ts";
import type { FiringStage } from "../../../../src/ports/stores.ts";
import { KeyRing } from "../../../../src/store/key-ring.ts";
import type { Keys } from "../../../../src/store/keys.ts";
import { PersonRepository } from "../../../../src/store/person-repository.ts";
import { RecordKeys } from "../../../../src/store/record-keys.ts";
import { SentMarkers } from "../../../../src/store/sent-markers.ts";
import { TripRepository } from "../../../../src/store/trip-repository.ts";
import { StoreRedis } from "../../../support/store-redis.ts";

const HOUR = 3_600_000;
let store: StoreRedis;
let redis: Redis;
let keys: Keys;
let recordKeys: RecordKeys;
let persons: PersonRepository;
let trips: TripRepository;
let sent: SentMarkers;
let firing: DeadlineFiringStore;

before(async () => {
  store = await StoreRedis.start();
  redis = store.redis;
  keys = store.keys();
  recordKeys = new RecordKeys(redis, keys, new KeyRing(randomBytes(32).toString("base64")), HOUR);
  persons = new PersonRepository(redis, keys, HOUR, recordKeys);
  trips = new TripRepository(redis, keys, HOUR, recordKeys);
  sent = new SentMarkers(redis, keys, HOUR, 30_000);
  firing = new DeadlineFiringStore(redis, keys, recordKeys, trips, persons, sent);
});

after(() => store?.stop());

/** A traveller on a trip, and the ladder as the processor passes it: a reminder at the deadline, alerts 1 h on. */
async function onTrip(chatId: string) {
  const person = await persons.touch({ channel: "sandbox", chatId }, "Amina", new Date());
  await persons.setLocale(person.id, "fa");
  const trip = await trips.create(person.id, "gare-du-nord", new Date(Date.now() + HOUR), new Date());
  const job = { travellerId: person.id, tripId: trip.id, deadline: trip.deadline.getTime() };
  const stages: FiringStage[] = [
    { dueAt: job.deadline, reminderId: `reminder-${randomUUID()}` },
    { dueAt: job.deadline + HOUR },
  ];
  return { person, trip, job, stages };
}

test("reads the trip and the traveller's address and language in one script; defined once by the shared loader", async () => {
  const { person, trip, job, stages } = await onTrip("lf-1");
  const state = await firing.load(job, stages, job.deadline - 60_000);
  assert.equal(state.trip?.id, trip.id);
  assert.equal(state.trip?.landmarkId, "gare-du-nord");
  assert.deepEqual(state.traveller, { id: person.id, address: { channel: "sandbox", chatId: "lf-1" }, locale: "fa" });
  assert.equal(state.claim, undefined, "not due: nothing claimed");
  assert.equal(await redis.exists(keys.outboxSent(stages[0]!.reminderId!)), 0);
  assert.equal(typeof (redis as unknown as Record<string, unknown>)[LOAD_FIRINGS.name], "function", "a command on the client");
});

test("claims the due stage's reminder once: claimed, then busy while held, then sent once marked", async () => {
  const { job, stages } = await onTrip("lf-2");
  const id = stages[0]!.reminderId!;
  assert.equal((await firing.load(job, stages, job.deadline)).claim, "claimed");
  assert.equal((await firing.load(job, stages, job.deadline)).claim, "busy");
  await sent.mark(id);
  assert.equal((await firing.load(job, stages, job.deadline)).claim, "sent");
});

test("claims nothing for another trip or deadline, an ended trip, or a stage without a reminder", async () => {
  const { person, trip, job, stages } = await onTrip("lf-3");
  const claimOf = async (j: typeof job) => (await firing.load(j, stages, job.deadline + 2 * HOUR)).claim;
  assert.equal(await claimOf({ ...job, tripId: randomUUID() }), undefined, "another trip");
  assert.equal(await claimOf({ ...job, deadline: job.deadline + 1 }), undefined, "another deadline");
  assert.equal(await trips.fireStage(person.id, trip.id, trip.deadline, 0, false), true);
  assert.equal(await claimOf(job), undefined, "stage 1 sends no reminder");
  await trips.finish(person.id, trip.id, new Date());
  await trips.fireStage(person.id, trip.id, trip.deadline, 1, true);
  assert.equal(await redis.exists(keys.outboxSent(stages[0]!.reminderId!)), 0);
  const ended = await firing.load(job, stages, job.deadline + 2 * HOUR);
  assert.equal(ended.trip?.status, "arrived");
  assert.equal(ended.claim, undefined);
});

test("records that cannot be opened: the claim is given back, so the retry can send", async () => {
  const { job, stages } = await onTrip("lf-4");
  // Another master key's process: the data key cannot be unwrapped.
  const stranger = new RecordKeys(redis, keys, new KeyRing(randomBytes(32).toString("base64")), HOUR);
  const other = new DeadlineFiringStore(redis, keys, stranger, trips, new PersonRepository(redis, keys, HOUR, stranger), sent);
  await assert.rejects(other.load(job, stages, job.deadline));
  assert.equal(await redis.exists(keys.outboxSent(stages[0]!.reminderId!)), 0);
  assert.equal((await firing.load(job, stages, job.deadline)).claim, "claimed");
});

/** Script calls (EVALSHA and EVAL) the server has run so far. */
async function scriptCalls(): Promise<number> {
  const info = await redis.info("commandstats");
  return [...info.matchAll(/^cmdstat_(?:evalsha|eval):calls=(\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0);
}

test("the loads of one turn go as one script call, each with its own records and claim; a broken record fails its own load only", async () => {
  const firings = await Promise.all(["lf-5", "lf-6", "lf-7"].map(onTrip));
  const broken = await onTrip("lf-8");
  await redis.del(keys.person(broken.person.id));
  await redis.set(keys.person(broken.person.id), "not a hash");
  await firing.load(firings[0]!.job, firings[0]!.stages, 0); // defines the script on the client, and caches no key
  const before = await scriptCalls();
  const results = await Promise.allSettled([...firings, broken].map((f) => firing.load(f.job, f.stages, f.job.deadline)));
  assert.equal((await scriptCalls()) - before, 1, "one call for the four");
  for (const [i, f] of firings.entries()) {
    const r = results[i]!;
    assert.equal(r.status, "fulfilled");
    assert.equal(r.value.trip?.id, f.trip.id);
    assert.equal(r.value.traveller?.address.chatId, `lf-${5 + i}`);
    assert.equal(r.value.claim, "claimed");
  }
  const failed = results[3]!;
  assert.ok(failed.status === "rejected" && /WRONGTYPE/.test(String(failed.reason)), String(failed.status));
});
