/**
 * The app's Redis usage on a real 3-master Redis Cluster: repositories (MULTI, Lua) and the BullMQ queues,
 * all under the hash-tagged prefix so every key of the app lands in one slot.
 */
import { RecordKeys } from "../../src/store/record-keys.ts";
import { KeyRing } from "../../src/store/key-ring.ts";
import { rotateKeys, storeRotationSteps } from "../../src/store/key-rotation.ts";
import assert from "node:assert/strict";
import { randomBytes, randomUUID } from "node:crypto";
import { after, before, test } from "node:test";
import { Worker, type Job } from "bullmq";
import { Cluster } from "ioredis";
import { QUEUE } from "../../src/queues/names.ts";
import { jobIds } from "../../src/ports/jobs.ts";
import { Producers } from "../../src/queues/producers.ts";
import { CheckinRepository } from "../../src/store/checkin-repository.ts";
import { DeadlineFiringStore } from "../../src/store/deadline-firing.ts";
import { DeadlineTimers } from "../../src/store/deadline-timers.ts";
import { SentMarkers } from "../../src/store/sent-markers.ts";
import { TripRepository } from "../../src/store/trip-repository.ts";
import { ContactRepository } from "../../src/store/contact-repository.ts";
import { Keys } from "../../src/store/keys.ts";
import { PersonRepository } from "../../src/store/person-repository.ts";
import { createRedis, type RedisClient } from "../../src/store/redis.ts";
import { compareAndSet, moveKeys } from "../../src/store/atomic-updates.ts";
import { DashboardKeys } from "../../src/store/dashboard-keys.ts";
import { SendPacer } from "../../src/store/send-pacer.ts";
import { SessionRepository } from "../../src/store/session-repository.ts";
import { WaKeys } from "../../src/channels/whatsapp/wa-keys.ts";
import { WaSocketLock } from "../../src/channels/whatsapp/wa-socket-lock.ts";
import { startRedisCluster, type RedisClusterHandle } from "../support/redis-cluster.ts";

const HOUR = 3_600_000;
let cluster: RedisClusterHandle;
let redis: RedisClient;
let prefix: string;

before(async () => {
  cluster = await startRedisCluster();
  prefix = `{t${randomBytes(4).toString("hex")}}`;
  redis = createRedis({ REDIS_CLUSTER_NODES: cluster.nodes, REDIS_PREFIX: prefix }, "cluster-test");
});

after(async () => {
  redis?.disconnect();
  await cluster?.stop();
});

test("createRedis: REDIS_CLUSTER_NODES gives a Cluster client that sees every node", async () => {
  assert.ok(redis instanceof Cluster);
  assert.equal(await redis.ping(), "PONG");
  assert.equal((redis as Cluster).nodes("master").length, 3);
  assert.throws(() => createRedis({ REDIS_CLUSTER_NODES: cluster.nodes, REDIS_PREFIX: "sa" }, "x"), /hash tag/);
});

test("repositories work on the cluster: person touch, invite create/redeem, contact link, check-in pairing (Lua)", async () => {
  const keys = new Keys(prefix);
  const recordKeys = new RecordKeys(redis, keys, new KeyRing(randomBytes(32).toString("base64")), HOUR);
  const persons = new PersonRepository(redis, keys, HOUR, recordKeys);
  const contacts = new ContactRepository(redis, keys, HOUR, HOUR);
  const checkins = new CheckinRepository(redis, keys, 10 * 60_000, HOUR, recordKeys);
  const now = new Date();

  const traveller = await persons.touch({ channel: "sandbox", chatId: "t1" }, "T", now);
  assert.equal((await persons.touch({ channel: "sandbox", chatId: "t1" }, "T2", now)).id, traveller.id);
  const family = await persons.touch({ channel: "sandbox", chatId: "f1" }, "F", now);

  const invite = await contacts.createInvite(traveller.id, now);
  assert.deepEqual(await contacts.peekInvite(invite.code), { travellerId: traveller.id, createdAt: now.getTime() });
  const redeemed = await Promise.all([contacts.redeemInvite(invite.code), contacts.redeemInvite(invite.code)]);
  assert.equal(redeemed.filter((r) => r?.travellerId === traveller.id).length, 1, "exactly one redemption wins");
  assert.equal(await contacts.link(traveller.id, family.id), true);
  assert.deepEqual(await contacts.contactsOf(traveller.id), [family.id]);

  const first = await checkins.addPart(traveller.id, { photo: { mediaId: "m1", asFile: false, forwarded: false, at: now } });
  assert.equal(first.complete, false);
  const second = await checkins.addPart(traveller.id, {
    location: { lat: 1, lon: 2, live: true, forwarded: false, venue: false, at: now },
  });
  assert.equal(second.complete, true);
  assert.ok(second.complete && second.photo.mediaId === "m1" && second.location.lat === 1);

  // Every key the app wrote hashes to the prefix's slot.
  const slots = new Set<number>();
  for (const key of [keys.person(traveller.id), keys.contactsOf(traveller.id), keys.pending(traveller.id), keys.invite(invite.code)]) {
    slots.add((await redis.call("CLUSTER", "KEYSLOT", key)) as number);
  }
  assert.equal(slots.size, 1);
});

test("scripts from .lua files (defineCommand) on the cluster: socket lock, pacer, session MULTI, moved keys", async () => {
  const waKeys = new WaKeys(prefix);
  const lock = new WaSocketLock(redis, waKeys, 60_000);
  const other = new WaSocketLock(redis, waKeys, 60_000);
  assert.equal(await lock.acquire(), true);
  assert.equal(await other.acquire(), false);
  assert.equal(await lock.renew(), true);
  await lock.release();
  assert.equal(await other.acquire(), true);
  assert.equal(other.token, 2, "the fencing token grew");

  const pacer = new SendPacer(redis, { prefix, name: "cluster", perChatPerSecond: 1, globalPerSecond: 1 });
  assert.deepEqual(await pacer.tryTake("c1", "normal", Date.now()), { kind: "granted" });
  assert.equal((await pacer.tryTake("c2", "normal", Date.now())).kind, "global");

  const sessions = new SessionRepository(redis, new DashboardKeys(prefix), HOUR, HOUR);
  const { id } = await sessions.create("staff-1", new Date());
  assert.equal((await sessions.get(id))?.staffId, "staff-1");
  assert.ok((await redis.pttl(new DashboardKeys(prefix).sessionsOf("staff-1"))) > 0, "extend-expiry ran in the MULTI");

  const [from, to] = [`${prefix}:move-a`, `${prefix}:move-b`];
  await redis.set(from, "v");
  assert.equal(await moveKeys(redis, [from], [to]), 1);
  assert.equal(await redis.get(to), "v");
  assert.equal(await compareAndSet(redis, to, "stale", "w"), 0);
});

test("deadline timers and the batched firing scripts on the cluster: claim, load many, advance many, renew, retry", async () => {
  const keys = new Keys(prefix);
  const recordKeys = new RecordKeys(redis, keys, new KeyRing(randomBytes(32).toString("base64")), HOUR);
  const persons = new PersonRepository(redis, keys, HOUR, recordKeys);
  const trips = new TripRepository(redis, keys, HOUR, recordKeys);
  const sent = new SentMarkers(redis, keys, HOUR, 30_000);
  const firing = new DeadlineFiringStore(redis, keys, recordKeys, trips, persons, sent);
  const timers = new DeadlineTimers(redis, keys);
  const now = Date.now();
  const fired = await Promise.all(["c1", "c2", "c3"].map(async (chatId) => {
    const person = await persons.touch({ channel: "sandbox", chatId }, "T", new Date());
    const trip = await trips.create(person.id, "gare-du-nord", new Date(now - 1_000), new Date());
    const job = { travellerId: person.id, tripId: trip.id, deadline: trip.deadline.getTime() };
    await timers.schedule(job, trip.deadline);
    return { job, member: DeadlineTimers.memberOf(job) };
  }));
  const claimed = await timers.claim(now, 10, now + 30_000);
  assert.deepEqual([...claimed.members].sort(), fired.map((f) => f.member).sort());
  assert.deepEqual(await timers.renew(new Map(fired.map((f) => [f.member, now + 30_000])), now + 60_000), [true, true, true]);
  const stages = (job: { deadline: number }) => [{ dueAt: job.deadline, reminderId: `reminder-${randomUUID()}` }, { dueAt: job.deadline + HOUR }];
  const states = await Promise.all(fired.map((f) => firing.load(f.job, stages(f.job), now)));
  assert.deepEqual(states.map((s) => s.claim), ["claimed", "claimed", "claimed"]);
  const advanced = await Promise.all(states.map((s, i) => firing.advance(s.trip!, 0, false, undefined, { member: fired[i]!.member, nextDueAt: fired[i]!.job.deadline + HOUR })));
  assert.deepEqual(advanced, [true, true, true]);
  assert.equal(await timers.dueBy(now + 60_000), 0, "all moved to the next stage, past their leases");
  assert.equal(await timers.failed(fired[0]!.member, { firstMs: 1_000, maxMs: 60_000 }), 1);
});

test("key rotation on the cluster: every data key re-wrapped, every address re-indexed (SCAN on each master)", async () => {
  const keys = new Keys(`{rot${randomBytes(3).toString("hex")}}`);
  const [oldKey, newKey] = [randomBytes(32).toString("base64"), randomBytes(32).toString("base64")];
  const before = new PersonRepository(redis, keys, HOUR, new RecordKeys(redis, keys, new KeyRing(oldKey), HOUR));
  for (let i = 0; i < 5; i++) await before.touch({ channel: "sandbox", chatId: `rot-${i}` }, "R", new Date());
  const during = new RecordKeys(redis, keys, new KeyRing(newKey, oldKey), HOUR);
  const persons = new PersonRepository(redis, keys, HOUR, during);
  const report = await rotateKeys(persons, storeRotationSteps(redis, keys, during, persons));
  assert.equal(report["data keys re-wrapped"], 5);
  assert.equal(report["chat addresses re-indexed"], 5);
  const after = new PersonRepository(redis, keys, HOUR, new RecordKeys(redis, keys, new KeyRing(newKey), HOUR));
  assert.ok(await after.findByAddress({ channel: "sandbox", chatId: "rot-4" }));
});

test("BullMQ queues run on the cluster: verify and notify jobs, a delayed job, with the app's prefix", async () => {
  const producers = new Producers(redis, prefix);
  const seen: string[] = [];
  const waiting = new Map<string, () => void>();
  const completed = (id: string) => new Promise<void>((resolve) => waiting.set(id, resolve));
  const workers = [QUEUE.verify, QUEUE.notify].map((name) => {
    const worker = new Worker(name, async (job: Job) => void seen.push(job.queueName), { connection: redis, prefix, concurrency: 2 });
    worker.on("completed", (job) => waiting.get(job.id!)?.());
    return worker;
  });
  try {
    const checkinId = randomUUID();
    const contactId = randomUUID();
    const verified = completed(jobIds.verify({ checkinId }));
    await producers.verify({ checkinId });
    await verified;
    const notified = completed(jobIds.notify({ checkinId, contactId }));
    await producers.notify([{ checkinId, contactId }]);
    await notified;

    const delayedId = `delayed-${randomUUID()}`;
    const delayed = completed(delayedId);
    const queuedAt = Date.now();
    await producers.verifyQueue.add(QUEUE.verify, { checkinId: randomUUID() }, { jobId: delayedId, delay: 300 });
    await delayed;
    assert.ok(Date.now() - queuedAt >= 250, "the delayed job waited");

    assert.deepEqual(seen.sort(), [QUEUE.notify, QUEUE.verify, QUEUE.verify]);
    assert.equal(await producers.verifyQueue.getCompletedCount(), 2);
    assert.equal(await producers.notifyQueue.getCompletedCount(), 1);
  } finally {
    await Promise.all(workers.map((w) => w.close()));
    await producers.close();
  }
});
