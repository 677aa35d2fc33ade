/**
 * The deadline reconciler (src/workers/deadline-reconciler.ts): from the trip records, a missing deadline
 * timer of an active trip is re-created, a failed deadline job (one stored before the timers) retried, and an
 * index entry without an active trip dropped. Running it again changes nothing.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { UnrecoverableError, Worker } from "bullmq";
import { pino } from "pino";
import { DeadlineReconciler } from "../../../src/workers/deadline-reconciler.ts";
import { deadlineJobData, jobIds, type DeadlineJob } from "../../../src/ports/jobs.ts";
import { QUEUE } from "../../../src/queues/names.ts";
import { DeadlineTimers } from "../../../src/store/deadline-timers.ts";
import { ConversationHarness } from "../../support/conversation-harness.ts";

let h: ConversationHarness;
before(async () => {
  h = await ConversationHarness.start();
});
after(() => h.stop());

const log = pino({ level: "silent" });
const reconciler = () => new DeadlineReconciler(h.app.deps.trips, h.app.lifecycle, h.app.producers.deadlineQueue, h.app.redis, h.app.timers, log);

async function onTrip() {
  const traveller = h.chat("Amina");
  await h.onboard(traveller);
  await h.text(traveller, "/trip paris-gare-du-nord 1h");
  const travellerId = await h.personId(traveller);
  const trip = (await h.app.deps.trips.get(travellerId))!;
  const job: DeadlineJob = { travellerId, tripId: trip.id, deadline: trip.deadline.getTime() };
  return { travellerId, trip, job };
}

test("a lost deadline timer is re-created, once", async () => {
  const { job } = await onTrip();
  await h.app.timers.cancel(job);
  assert.deepEqual(await h.app.timers.scheduled([job]), [false]);
  const report = await reconciler().run();
  assert.ok(report.recreated >= 1, JSON.stringify(report));
  assert.equal(Number(await h.app.redis.zscore(h.app.keys.deadlinesDue(), DeadlineTimers.memberOf(job))), job.deadline);
  assert.equal(await h.app.producers.deadlineQueue.getJob(jobIds.deadline(job)), undefined, "a timer, not a job");
  assert.equal((await reconciler().run()).recreated, 0, "a second run finds nothing to repair");
});

test("a deadline job stored before the timers is the deadline's schedule: no timer is added beside it", async () => {
  const { job } = await onTrip();
  await h.app.timers.cancel(job);
  const queue = h.app.producers.deadlineQueue;
  await queue.add(QUEUE.deadline, deadlineJobData(job), { jobId: jobIds.deadline(job), delay: 3_600_000 });
  await reconciler().run();
  assert.deepEqual(await h.app.timers.scheduled([job]), [false]);
  await queue.remove(jobIds.deadline(job));
});

test("a failed deadline job (stored before the timers) is retried", async () => {
  const traveller = h.chat("Samir");
  await h.onboard(traveller);
  const travellerId = await h.personId(traveller);
  // Due already, so a worker takes it at once, and fails it for good.
  const trip = await h.app.deps.trips.create(travellerId, "paris-gare-du-nord", new Date(Date.now() - 1_000), new Date());
  const job: DeadlineJob = { travellerId, tripId: trip.id, deadline: trip.deadline.getTime() };
  const id = jobIds.deadline(job);
  const queue = h.app.producers.deadlineQueue;
  await queue.add(QUEUE.deadline, deadlineJobData(job), { jobId: id });
  const connection = h.app.redis.duplicate();
  const worker = new Worker(QUEUE.deadline, async () => {
    throw new UnrecoverableError("test: fail it");
  }, { connection, prefix: h.app.config.REDIS_PREFIX });
  try {
    const deadline = Date.now() + 20_000;
    while ((await (await queue.getJob(id))?.getState()) !== "failed") {
      assert.ok(Date.now() < deadline, "the job did not fail");
      await new Promise((r) => setTimeout(r, 50));
    }
  } finally {
    await worker.close();
    connection.disconnect();
  }
  const report = await reconciler().run();
  assert.ok(report.retried >= 1, JSON.stringify(report));
  assert.equal(await (await queue.getJob(id))?.getState(), "waiting");
  assert.deepEqual(await h.app.timers.scheduled([job]), [false], "retried, not doubled by a timer");
});

test("an index entry whose trip is gone is dropped", async () => {
  const { travellerId } = await onTrip();
  await h.app.redis.del(h.app.keys.trip(travellerId));
  assert.ok((await h.app.deps.trips.activeTravellerIds()).includes(travellerId));
  await reconciler().run();
  assert.ok(!(await h.app.deps.trips.activeTravellerIds()).includes(travellerId));
});
