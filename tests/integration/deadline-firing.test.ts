/**
 * A deadline firing's Redis work (issue 18): the reminder reaches the traveller, and the firing reads the
 * traveller's records once, inside its script, rather than command by command (trip, person, data key,
 * then the person again and the address index for the message's direction). Watched with MONITOR on a
 * real redis-server: commands a script runs show with source "lua". One lean job per deadline walks its
 * stages, retries its own failures, and takes over from the per-stage jobs stored before it.
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
import { startRedis, type RedisServerHandle } from "../support/redis-server.ts";

let server: RedisServerHandle;
let planner: App;
let worker: App;

before(async () => {
  server = await startRedis();
  const config = loadConfig({ REDIS_URL: server.url, REDIS_PREFIX: "{fire}", PORT: "0", LOG_LEVEL: "silent", ESCALATION_GRACE: "1h", APP_KEY: randomBytes(32).toString("base64") });
  planner = new App(config, createLogger("silent"), { roles: [] });
  await planner.seedCatalog();
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
    // After the stage advance the job moves itself to the next stage's time; waited for on queue counts only,
    // so that this test reads none of the watched keys itself.
    const until = Date.now() + 10_000;
    const redelayed = async () => {
      const c = await worker.producers.deadlineQueue.getJobCounts("active", "waiting", "delayed");
      return c.active === 0 && c.waiting === 0 && c.delayed === 1;
    };
    while (!(await redelayed()) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    assert.ok(await redelayed(), "the one job waits for the next stage");
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
  return { person, trip, jobId: jobIds.deadline(job), data: deadlineJobData(job) };
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

test("a deadline's job hash holds ids only and stays listpack-encoded", async () => {
  const { trip, jobId, data } = await travellerOnTrip("lean-1", 3_600_000);
  await planner.lifecycle.scheduleNext(trip);
  const key = planner.producers.deadlineQueue.toKey(jobId);
  assert.equal(await planner.redis.object("ENCODING", key), "listpack");
  const hash = await planner.redis.hgetall(key);
  assert.deepEqual(JSON.parse(hash.data!), data);
  for (const value of Object.values(hash)) assert.ok(!value.includes(trip.landmarkId), "no landmark in the job");
});

test("a deadline job that fails retries itself, keeping count, and fires once it can", { timeout: 60_000 }, async () => {
  const { person, trip, jobId, data } = await travellerOnTrip("retry-1", 500);
  // The traveller's data key unreadable: the firing fails until it is back.
  const dek = planner.keys.dataKey(person.id);
  const wrapped = (await planner.redis.get(dek))!;
  await planner.redis.set(dek, `${wrapped.slice(0, 8)}:broken`);
  await planner.lifecycle.scheduleNext(trip);
  const queue = planner.producers.deadlineQueue;
  await until("a failure counted", async () => ((await queue.getJob(jobId))?.data as { f?: number } | undefined)?.f);
  assert.equal(await (await queue.getJob(jobId))?.getState(), "delayed", "waiting to retry, not failed");
  assert.deepEqual(await reminderIn("retry-1"), []);
  await planner.redis.set(dek, wrapped);
  await until("the reminder after the retry", async () => (await reminderIn("retry-1")).length > 0);
  await until("the job clean and waiting for the next stage", async () => {
    const job = await queue.getJob(jobId);
    return job && (await job.getState()) === "delayed" && JSON.stringify(job.data) === JSON.stringify(data);
  });
  assert.equal((await planner.deps.trips.get(person.id))?.stage, 1);
  assert.equal((await reminderIn("retry-1")).length, 1, "sent once");
});

test("a per-stage job stored before issue 18 still fires, and hands over to the deadline's one job", { timeout: 60_000 }, async () => {
  const { person, trip, jobId } = await travellerOnTrip("legacy-1", 300);
  const deadline = trip.deadline.getTime();
  const legacyId = `deadline-${trip.id}-${deadline}-0`;
  const queue = planner.producers.deadlineQueue;
  await queue.add(QUEUE.deadline, { travellerId: person.id, tripId: trip.id, deadline, stage: 0 }, { jobId: legacyId, delay: 300, attempts: 20, backoff: { type: "exponential", delay: 1_000 } });
  await until("the reminder from the old job", async () => (await reminderIn("legacy-1")).length > 0);
  const next = await until("the deadline's own job", () => queue.getJob(jobId));
  assert.equal(await next.getState(), "delayed");
  // BullMQ keeps a delay from its own clock reading when the job is added: the due time it implies can be a few
  // ms off the stage's own, and stages are minutes apart.
  const dueAt = deadline + planner.lifecycle.ladder[1]!.afterMs;
  assert.ok(Math.abs(next.timestamp + next.delay - dueAt) < 1_000, `at the next stage: ${next.timestamp + next.delay - dueAt} ms off`);
  await until("the old job gone", async () => (await queue.getJob(legacyId)) === undefined);
  assert.equal((await planner.deps.trips.get(person.id))?.stage, 1);
});
