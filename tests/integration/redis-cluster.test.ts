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
import { ContactRepository } from "../../src/store/contact-repository.ts";
import { Keys } from "../../src/store/keys.ts";
import { PersonRepository } from "../../src/store/person-repository.ts";
import { createRedis, type RedisClient } from "../../src/store/redis.ts";
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
