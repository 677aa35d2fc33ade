/**
 * A deadline firing's Redis work (issue 18): the reminder reaches the traveller, and the firing reads the
 * traveller's records once, inside its script, rather than command by command (trip, person, data key,
 * then the person again and the address index for the message's direction). Watched with MONITOR on a
 * real redis-server: commands a script runs show with source "lua". One timer per deadline walks its
 * stages, retries its own failures, is leased to one worker at a time (a dead worker's deadline fires once
 * its lease ends), and takes over from the deadline jobs stored before it, which still fire.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { Redis } from "ioredis";
import { App } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";
import { RLM } from "../../src/i18n/direction.ts";
import { deadlineJobData, jobIds } from "../../src/ports/jobs.ts";
import { QUEUE } from "../../src/queues/names.ts";
import { DeadlineTimers } from "../../src/store/deadline-timers.ts";
import { startRedis, type RedisServerHandle } from "../support/redis-server.ts";
import { seedCatalog } from "../support/seed-catalog.ts";

let server: RedisServerHandle;
let planner: App;
let worker: App;

before(async () => {
  server = await startRedis();
  const config = loadConfig({ REDIS_URL: server.url, REDIS_PREFIX: "{fire}", PORT: "0", LOG_LEVEL: "silent", ESCALATION_GRACE: "1h", APP_KEY: randomBytes(32).toString("base64") });
  planner = new App(config, createLogger("silent"), { roles: [] });
  await seedCatalog(planner);
  worker = new App(config, createLogger("silent"), { roles: ["worker"] });
  await worker.start();
});

after(async () => {
  await worker?.stop();
  await planner?.stop();
  await server?.stop();
});

test("a reminder firing reads the traveller's records once, in its script, and the reminder keeps its reader's direction", { timeout: 60_000 }, async () => {
  const { persons, trips } = planner.deps;
  const person = await persons.touch({ channel: "sandbox", chatId: "fire-1" }, "Bench", new Date());
  await persons.setLocale(person.id, "ar");
  await persons.setConsent(person.id, new Date());
  const client = new Redis(server.url);
  const monitor = await client.monitor();
  const direct: string[] = [];
  let watching = true;
  monitor.on("monitor", (_time: string, args: string[], source: string) => {
    if (args[0]?.toLowerCase() === "echo" && args[1] === "end-of-firing") watching = false;
    if (watching && source !== "lua" && args.length > 1) direct.push(`${args[0]!.toLowerCase()} ${args[1]}`);
  });
  try {
    const trip = await trips.create(person.id, "athens-syntagma-square", new Date(Date.now() + 1_000), new Date());
    await planner.lifecycle.scheduleNext(trip);
    const limit = Date.now() + 30_000;
    let reminder;
    while (!reminder && Date.now() < limit) {
      reminder = (await worker.sandboxLog.after("fire-1", 0)).find((e) => e.dir === "out");
      if (!reminder) await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(reminder, "the reminder reached the sandbox chat");
    assert.ok(reminder.text.startsWith(RLM), "Arabic reader: right-to-left mark, without a lookup of the person");
    // The stage advance moves the deadline's timer to the next stage's time; waited for on the timer only, so
    // that this test reads none of the watched keys itself.
    const member = DeadlineTimers.memberOf({ travellerId: person.id, tripId: trip.id, deadline: trip.deadline.getTime() });
    const nextStage = trip.deadline.getTime() + planner.lifecycle.ladder[1]!.afterMs;
    const until = Date.now() + 10_000;
    const moved = async () => Number(await planner.redis.zscore(planner.keys.deadlinesDue(), member)) === nextStage;
    while (!(await moved()) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    assert.ok(await moved(), "the timer waits for the next stage");
    assert.deepEqual(await worker.producers.deadlineQueue.getJobCounts("delayed", "waiting", "active"), { delayed: 0, waiting: 0, active: 0 }, "no BullMQ job");
    // MONITOR lines arrive behind the commands: everything up to this marker has been seen.
    await planner.redis.echo("end-of-firing");
    const seen = Date.now() + 5_000;
    while (watching && Date.now() < seen) await new Promise((r) => setTimeout(r, 20));
  } finally {
    watching = false;
    monitor.disconnect();
    client.disconnect();
  }
  assert.equal((await trips.get(person.id))?.stage, 1, "stage advanced");
  const p = planner.keys.prefix;
  const watched = [`${p}:person:`, `${p}:addr:`, `${p}:dek:`, `${p}:trip:`];
  const reads = direct.filter((c) => /^(hgetall|hget|hmget|get) /.test(c) && watched.some((w) => c.includes(w)));
  assert.deepEqual(reads, [], "no record read outside the firing script");
});

async function travellerOnTrip(chatId: string, dueInMs: number) {
  const { persons, trips } = planner.deps;
  const person = await persons.touch({ channel: "sandbox", chatId }, "Bench", new Date());
  await persons.setConsent(person.id, new Date());
  const trip = await trips.create(person.id, "athens-syntagma-square", new Date(Date.now() + dueInMs), new Date());
  const job = { travellerId: person.id, tripId: trip.id, deadline: trip.deadline.getTime() };
  return { person, trip, job, member: DeadlineTimers.memberOf(job), jobId: jobIds.deadline(job), data: deadlineJobData(job) };
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, ms = 20_000): Promise<T> {
  const limit = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    assert.ok(Date.now() < limit, `timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const reminderIn = async (chatId: string) => (await worker.sandboxLog.after(chatId, 0)).filter((e) => e.dir === "out");
const timerAt = async (member: string) => {
  const score = await planner.redis.zscore(planner.keys.deadlinesDue(), member);
  return score === null ? null : Number(score);
};
const nextStageOf = (deadline: number) => deadline + planner.lifecycle.ladder[1]!.afterMs;

test("a deadline's timer is one sorted-set entry of ids only, at the stage's due time", async () => {
  const { trip, member, job } = await travellerOnTrip("lean-1", 3_600_000);
  await planner.lifecycle.scheduleNext(trip);
  assert.equal(await timerAt(member), job.deadline);
  assert.deepEqual(DeadlineTimers.jobOf(member), job);
  assert.ok(!member.includes(trip.landmarkId), "no landmark in it");
  assert.equal(await planner.producers.deadlineQueue.getJob(jobIds.deadline(job)), undefined, "no BullMQ job");
  await planner.lifecycle.scheduleNext({ ...trip, stage: 1 });
  assert.equal(await timerAt(member), job.deadline, "scheduling again leaves it as it is");
  await planner.lifecycle.drop(trip);
  assert.equal(await timerAt(member), null, "a dropped trip's timer goes with it");
});

test("a deadline that fails retries itself, keeping count, and fires once it can", { timeout: 60_000 }, async () => {
  const { person, trip, member } = await travellerOnTrip("retry-1", 500);
  // The traveller's data key unreadable: the firing fails until it is back.
  const dek = planner.keys.dataKey(person.id);
  const wrapped = (await planner.redis.get(dek))!;
  await planner.redis.set(dek, `${wrapped.slice(0, 8)}:broken`);
  await planner.lifecycle.scheduleNext(trip);
  const failures = () => planner.redis.hget(planner.keys.deadlineFailures(), member);
  await until("a failure counted", failures);
  assert.ok((await timerAt(member))! > Date.now(), "waiting to retry");
  assert.deepEqual(await reminderIn("retry-1"), []);
  await planner.redis.set(dek, wrapped);
  await until("the reminder after the retry", async () => (await reminderIn("retry-1")).length > 0);
  await until("the timer clean and waiting for the next stage", async () => (await timerAt(member)) === nextStageOf(trip.deadline.getTime()) && (await failures()) === null);
  assert.equal((await planner.deps.trips.get(person.id))?.stage, 1);
  assert.equal((await reminderIn("retry-1")).length, 1, "sent once");
});

test("a deadline leased by a worker that died fires once its lease ends, once", { timeout: 60_000 }, async () => {
  const { person, trip, member } = await travellerOnTrip("lease-1", 200);
  await planner.lifecycle.scheduleNext(trip);
  // Another worker takes it and dies before firing it: its lease holds for 2 s.
  await new Promise((r) => setTimeout(r, 300));
  const taken = Date.now();
  const claimed = await planner.timers.claim(taken, 100, taken + 2_000);
  assert.ok(claimed.members.includes(member), "taken by the dead worker");
  await new Promise((r) => setTimeout(r, 1_000));
  assert.deepEqual(await reminderIn("lease-1"), [], "not while leased");
  const reminder = await until("fired after the lease", async () => (await reminderIn("lease-1"))[0]);
  assert.ok(reminder.at >= taken + 2_000, `${reminder.at - taken} ms after the lease was taken`);
  await until("the next stage", async () => (await timerAt(member)) === nextStageOf(trip.deadline.getTime()));
  assert.equal((await planner.deps.trips.get(person.id))?.stage, 1);
  assert.equal((await reminderIn("lease-1")).length, 1);
});

test("a reminder sent just before a crash, its stage not advanced: the retry advances it without sending again", { timeout: 60_000 }, async () => {
  const { person, trip, member, job } = await travellerOnTrip("crash-1", 200);
  // What a worker that died between its send and its stage advance leaves: the sent marker, the stage at 0,
  // the timer leased (here the lease has ended).
  const reminderId = jobIds.alert({ kind: "reminder", travellerId: person.id, tripId: trip.id, round: `${job.deadline}-0`, recipient: "traveller" });
  await planner.workerDeps.sent.mark(reminderId);
  await planner.lifecycle.scheduleNext(trip);
  await until("the stage advanced", async () => (await planner.deps.trips.get(person.id))?.stage === 1);
  assert.equal(await timerAt(member), nextStageOf(job.deadline));
  assert.deepEqual(await reminderIn("crash-1"), [], "not sent twice");
});

test("a deadline job stored before the timers (one per deadline) still fires, and walks on as a job", { timeout: 60_000 }, async () => {
  const { person, trip, member, jobId, data } = await travellerOnTrip("old-lean-1", 300);
  const queue = planner.producers.deadlineQueue;
  await queue.add(QUEUE.deadline, data, { jobId, delay: 300 });
  await until("the reminder from the old job", async () => (await reminderIn("old-lean-1")).length > 0);
  await until("the job waiting for the next stage", async () => (await (await queue.getJob(jobId))?.getState()) === "delayed" && (await planner.deps.trips.get(person.id))?.stage === 1);
  const job = (await queue.getJob(jobId))!;
  assert.ok(Math.abs(job.timestamp + job.delay - nextStageOf(trip.deadline.getTime())) < 1_000, "at the next stage");
  assert.equal(await timerAt(member), null, "no timer beside it");
  await queue.remove(jobId);
});

test("a per-stage job stored before issue 18 still fires, and hands over to the deadline's timer", { timeout: 60_000 }, async () => {
  const { person, trip, member } = await travellerOnTrip("legacy-1", 300);
  const deadline = trip.deadline.getTime();
  const legacyId = `deadline-${trip.id}-${deadline}-0`;
  const queue = planner.producers.deadlineQueue;
  await queue.add(QUEUE.deadline, { travellerId: person.id, tripId: trip.id, deadline, stage: 0 }, { jobId: legacyId, delay: 300, attempts: 20, backoff: { type: "exponential", delay: 1_000 } });
  await until("the reminder from the old job", async () => (await reminderIn("legacy-1")).length > 0);
  await until("the deadline's timer, at the next stage", async () => (await timerAt(member)) === nextStageOf(deadline));
  await until("the old job gone", async () => (await queue.getJob(legacyId)) === undefined);
  assert.equal((await planner.deps.trips.get(person.id))?.stage, 1);
});
