/**
 * The deadline timers (src/store/deadline-timers.ts, claim-deadlines.lua, renew-leases.lua,
 * deadline-failed.lua) on a real redis-server: a due deadline is leased to one claimer until its lease ends
 * (renewed only while still held), a failure moves it to a retry that doubles up to a cap, and nothing
 * brings back a timer that was cancelled.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, test } from "node:test";
import type { Redis } from "ioredis";
import { DeadlineTimers } from "../../../../src/store/deadline-timers.ts";
import type { Keys } from "../../../../src/store/keys.ts";
import { StoreRedis } from "../../../support/store-redis.ts";

let store: StoreRedis;
let redis: Redis;
let keys: Keys;
let timers: DeadlineTimers;

before(async () => {
  store = await StoreRedis.start();
  redis = store.redis;
});
after(() => store?.stop());

function fresh() {
  keys = store.keys();
  timers = new DeadlineTimers(redis, keys);
}

const deadline = (at: number) => ({ travellerId: randomUUID(), tripId: randomUUID(), deadline: at });
const scoreOf = async (member: string) => {
  const s = await redis.zscore(keys.deadlinesDue(), member);
  return s === null ? null : Number(s);
};

test("a member is the deadline's ids and reads back as the deadline; anything else reads as none", () => {
  const job = deadline(1_700_000_000_000);
  assert.deepEqual(DeadlineTimers.jobOf(DeadlineTimers.memberOf(job)), job);
  assert.equal(DeadlineTimers.jobOf("not-a-deadline"), undefined);
});

test("claim: the due ones, at most as many as asked, each leased until the lease ends; then due again", async () => {
  fresh();
  const now = Date.now();
  const due = [deadline(now - 3_000), deadline(now - 2_000), deadline(now - 1_000)];
  const later = deadline(now + 60_000);
  for (const d of [...due, later]) await timers.schedule(d, new Date(d.deadline));
  const first = await timers.claim(now, 2, now + 5_000);
  assert.deepEqual(first.members, due.slice(0, 2).map(DeadlineTimers.memberOf), "the longest due first");
  assert.equal(first.nextAt, now - 1_000, "the next one is due already");
  const second = await timers.claim(now, 10, now + 5_000);
  assert.deepEqual(second.members, [DeadlineTimers.memberOf(due[2]!)]);
  assert.equal(second.nextAt, now + 5_000, "the next: the first lease's end");
  assert.deepEqual((await timers.claim(now + 4_999, 10, now + 9_000)).members, [], "nothing while leased");
  const afterLease = await timers.claim(now + 5_000, 10, now + 9_000);
  assert.equal(afterLease.members.length, 3, "a lease that ended: due again");
  assert.equal(afterLease.nextAt, now + 9_000);
  assert.deepEqual(await timers.dueBy(now + 9_000), 3);
  assert.equal(await timers.oldestDue(now + 9_000), now + 9_000);
  assert.equal(await timers.oldestDue(now), undefined, "none due now");
});

test("schedule leaves an existing timer as it is; reschedule and failures never bring back a cancelled one", async () => {
  fresh();
  const job = deadline(Date.now() + 60_000);
  const member = DeadlineTimers.memberOf(job);
  await timers.schedule(job, new Date(job.deadline));
  await timers.schedule(job, new Date(job.deadline + 1_000));
  assert.equal(await scoreOf(member), job.deadline);
  await timers.reschedule(member, new Date(job.deadline + 2_000));
  assert.equal(await scoreOf(member), job.deadline + 2_000);
  assert.deepEqual(await timers.scheduled([job, deadline(1)]), [true, false]);
  await timers.cancel(job);
  await timers.reschedule(member, new Date(job.deadline));
  assert.equal(await timers.failed(member, { firstMs: 1_000, maxMs: 60_000 }), 0);
  assert.equal(await scoreOf(member), null);
  assert.equal(await redis.hget(keys.deadlineFailures(), member), null, "no count left behind");
});

test("failed: counts the failures in a row and retries after 1x, 2x, 4x the first wait, up to the cap; a reschedule clears the count", async () => {
  fresh();
  const job = deadline(Date.now());
  const member = DeadlineTimers.memberOf(job);
  await timers.schedule(job, new Date(job.deadline));
  const retry = { firstMs: 1_000, maxMs: 3_000 };
  for (const [n, wait] of [[1, 1_000], [2, 2_000], [3, 3_000], [4, 3_000]] as const) {
    const before = Date.now();
    assert.equal(await timers.failed(member, retry), n);
    const at = (await scoreOf(member))! - before;
    assert.ok(at >= wait && at < wait + 1_000, `failure ${n}: retried ${at} ms on`);
  }
  await timers.reschedule(member, new Date(job.deadline + 60_000));
  assert.equal(await redis.hget(keys.deadlineFailures(), member), null);
  assert.equal(await timers.failed(member, retry), 1, "counted from one again");
});


test("renew: extends only the leases still held as given; a deadline moved on or cancelled is left alone", async () => {
  fresh();
  const now = Date.now();
  const [held, moved, cancelled] = [deadline(now - 3), deadline(now - 2), deadline(now - 1)];
  for (const d of [held, moved, cancelled]) await timers.schedule(d, new Date(d.deadline));
  const lease = now + 1_000;
  assert.equal((await timers.claim(now, 10, lease)).members.length, 3);
  const [h, m, c] = [held, moved, cancelled].map(DeadlineTimers.memberOf) as [string, string, string];
  await timers.reschedule(m, new Date(now + 3_600_000));
  await timers.cancel(cancelled);
  const renewed = await timers.renew(new Map([[h, lease], [m, lease], [c, lease]]), now + 2_000);
  assert.deepEqual(renewed, [true, false, false]);
  assert.equal(await scoreOf(h), now + 2_000);
  assert.equal(await scoreOf(m), now + 3_600_000);
  assert.equal(await scoreOf(c), null);
  assert.deepEqual(await timers.renew(new Map([[h, lease]]), now + 3_000), [false], "a lease end no longer held");
});
