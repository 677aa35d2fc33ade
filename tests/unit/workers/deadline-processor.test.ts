/**
 * The deadline worker's processor (src/workers/deadline-processor.ts): one timer (or, stored before the
 * timers, one job) per deadline walks the trip's escalation ladder; each stage fires once, when due: the
 * traveller's reminder at the deadline, then the family's and the NGO's alert jobs; a run before a stage is
 * due only says when to run again; a deadline whose trip changed meanwhile (arrived, extended) does nothing.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { DeadlineProcessor } from "../../../src/workers/deadline-processor.ts";
import { jobIds, type DeadlineJob } from "../../../src/ports/jobs.ts";
import { DeadlineTimers } from "../../../src/store/deadline-timers.ts";
import { QUEUE } from "../../../src/queues/names.ts";
import { ConversationHarness, choicesOf, type Chat } from "../../support/conversation-harness.ts";
import { blockingMessenger, workerDeps } from "../../support/worker-harness.ts";

let h: ConversationHarness;
before(async () => {
  h = await ConversationHarness.start();
});
after(() => h.stop());

/** A traveller on a trip with one linked contact, and the trip's deadline, scheduled by the conversation. */
async function onTrip() {
  h.setNow(undefined);
  const traveller = h.chat("Amina");
  await h.onboard(traveller);
  const contact: Chat = h.chat("Samir", "en");
  await h.link(traveller, contact);
  await h.text(traveller, "/trip paris-gare-du-nord 1h");
  const travellerId = await h.personId(traveller);
  const trip = (await h.app.deps.trips.get(travellerId))!;
  const job: DeadlineJob = { travellerId, tripId: trip.id, deadline: trip.deadline.getTime() };
  assert.equal(await timerAt(job), job.deadline, "the conversation scheduled the deadline's timer");
  assert.deepEqual(DeadlineTimers.jobOf(DeadlineTimers.memberOf(job)), job, "ids only");
  return { traveller, travellerId, contactId: await h.personId(contact), trip, job };
}

/** The clock at a stage's due time. */
const at = (job: DeadlineJob, afterMs = 0) => h.setNow(new Date(job.deadline + afterMs));
const grace = () => h.app.lifecycle.ladder[1]!.afterMs;

async function alertJobs(tripId: string) {
  return (await h.jobs(QUEUE.alert)).filter((j) => j.tripId === tripId);
}

const deadlines = (overrides = {}) => new DeadlineProcessor(workerDeps(h, overrides));

/** When the deadline's timer is due, or null when it has none. */
async function timerAt(job: DeadlineJob): Promise<number | null> {
  const score = await h.app.redis.zscore(h.app.keys.deadlinesDue(), DeadlineTimers.memberOf(job));
  return score === null ? null : Number(score);
}

test("before the deadline a run fires nothing and says when the first stage is due", async () => {
  const { travellerId, job } = await onTrip();
  at(job, -60_000);
  assert.deepEqual(await h.during(async () => assert.deepEqual(await deadlines().process(job), { stage: 0, dueAt: new Date(job.deadline) })), []);
  assert.equal((await h.app.deps.trips.get(travellerId))?.stage, 0);
});

test("the first stage reminds the traveller (with the safe / more-time buttons), advances, and says when the next is due", async () => {
  const { traveller, travellerId, trip, job } = await onTrip();
  at(job);
  let next;
  const sent = await h.during(async () => void (next = await deadlines().process(job)));
  assert.deepEqual(next, { stage: 1, dueAt: new Date(job.deadline + grace()) });
  assert.equal(sent.length, 1);
  assert.equal(sent[0]!.to.chatId, traveller.address.chatId);
  assert.ok(sent[0]!.ids.includes("reminder-deadline"), sent[0]!.ids.join());
  assert.deepEqual(choicesOf(sent[0]), ["rem:s", "rem:t"]);
  const after = (await h.app.deps.trips.get(travellerId))!;
  assert.equal(after.stage, 1);
  assert.equal(after.escalated, false, "a reminder alerts nobody else");
  assert.deepEqual(await alertJobs(trip.id), []);

  assert.deepEqual(await h.during(() => deadlines().process(job)), [], "a re-run sends nothing");
  assert.equal((await h.app.deps.trips.get(travellerId))?.stage, 1, "nor fires the next stage early");
});

test("the escalation stage queues a missed alert for each contact and the NGO, marks the trip escalated, and ends the job", async () => {
  const { travellerId, contactId, trip, job } = await onTrip();
  at(job);
  await deadlines().process(job);
  at(job, grace());
  let next;
  const sent = await h.during(async () => void (next = await deadlines().process(job)));
  assert.equal(next, undefined, "the last stage");
  assert.deepEqual(sent, [], "the alerts go out through their own jobs");
  const alerts = await alertJobs(trip.id);
  assert.deepEqual(alerts.map((a) => [a.kind, a.recipient]).sort(), [["missed", "ngo"], ["missed", contactId]].sort());
  const after = (await h.app.deps.trips.get(travellerId))!;
  assert.equal(after.escalated, true);
  assert.equal(after.stage, 2);
  await deadlines().process(job);
  assert.equal((await alertJobs(trip.id)).length, 2, "a re-run queues nothing new");
});

test("with moveOn, the next stage is handed over as the stage advances, and nothing is returned", async () => {
  const { travellerId, job } = await onTrip();
  const handed: unknown[] = [];
  const moveOn = async (next: unknown) => void handed.push(next);
  at(job, -60_000);
  assert.deepEqual(await deadlines().process(job, { moveOn }), { stage: 0, dueAt: new Date(job.deadline) }, "not due: returned, not handed over");
  assert.deepEqual(handed, []);
  at(job);
  assert.equal(await deadlines().process(job, { moveOn }), undefined);
  assert.deepEqual(handed, [{ stage: 1, dueAt: new Date(job.deadline + grace()) }]);
  assert.equal((await h.app.deps.trips.get(travellerId))?.stage, 1);
  at(job, grace());
  assert.equal(await deadlines().process(job, { moveOn }), undefined, "the last stage");
  assert.equal(handed.length, 1, "nothing after the last stage");
});

test("with its timer, a stage fires and moves the timer to the next stage in its advance; the last one removes it", async () => {
  const { travellerId, job } = await onTrip();
  const timer = DeadlineTimers.memberOf(job);
  at(job);
  assert.equal(await deadlines().process(job, { timer }), undefined);
  assert.equal((await h.app.deps.trips.get(travellerId))?.stage, 1);
  assert.equal(await timerAt(job), job.deadline + grace(), "at the next stage");
  at(job, grace());
  assert.equal(await deadlines().process(job, { timer }), undefined);
  assert.equal((await h.app.deps.trips.get(travellerId))?.stage, 2);
  assert.equal(await timerAt(job), null, "the last stage: no more timer");
});

test("with its timer, a run before the stage is due moves the timer there; a trip that ended or was replaced drops it", async () => {
  const { job } = await onTrip();
  const timer = DeadlineTimers.memberOf(job);
  await h.app.redis.zadd(h.app.keys.deadlinesDue(), job.deadline - 30 * 60_000, timer);
  at(job, -60_000);
  assert.deepEqual(await h.during(async () => assert.equal(await deadlines().process(job, { timer }), undefined)), []);
  assert.equal(await timerAt(job), job.deadline);
  const arrived = await onTrip();
  await h.app.deps.trips.finish(arrived.travellerId, arrived.trip.id, new Date());
  // As if the arrival's own cancel had not run (a crash between the two).
  assert.equal(await timerAt(arrived.job), arrived.job.deadline);
  at(arrived.job);
  assert.deepEqual(await h.during(() => deadlines().process(arrived.job, { timer: DeadlineTimers.memberOf(arrived.job) })), []);
  assert.equal(await timerAt(arrived.job), null);
  const replaced = await onTrip();
  const next = await h.app.deps.trips.create(replaced.travellerId, "paris-gare-du-nord", new Date(replaced.job.deadline + 60_000), new Date());
  at(replaced.job);
  assert.deepEqual(await h.during(() => deadlines().process(replaced.job, { timer: DeadlineTimers.memberOf(replaced.job) })), [], "a trip replaced by a new one");
  assert.equal(await timerAt(replaced.job), null);
  assert.equal((await h.app.deps.trips.get(replaced.travellerId))?.id, next.id);
  assert.equal((await h.app.deps.trips.get(replaced.travellerId))?.stage, 0, "the new trip untouched");
});

test("a job that runs late fires the stages one run at a time, in order", async () => {
  const { travellerId, trip, job } = await onTrip();
  at(job, grace() + 60_000);
  assert.deepEqual(await deadlines().process(job), { stage: 1, dueAt: new Date(job.deadline + grace()) }, "the reminder first");
  assert.equal((await h.app.deps.trips.get(travellerId))?.stage, 1);
  assert.deepEqual(await alertJobs(trip.id), []);
  assert.equal(await deadlines().process(job), undefined);
  assert.equal((await alertJobs(trip.id)).length, 2);
});

test("without an NGO configured only the family is alerted", async () => {
  const { contactId, trip, job } = await onTrip();
  at(job, grace());
  await deadlines({ ngo: undefined }).process(job);
  await deadlines({ ngo: undefined }).process(job);
  assert.deepEqual((await alertJobs(trip.id)).map((a) => a.recipient), [contactId]);
});

test("a deadline whose trip ended or moved meanwhile does nothing and needs no more runs", async () => {
  const arrived = await onTrip();
  await h.app.deps.trips.finish(arrived.travellerId, arrived.trip.id, new Date());
  at(arrived.job);
  let next: unknown = "unset";
  assert.deepEqual(await h.during(async () => void (next = await deadlines().process(arrived.job))), []);
  assert.equal(next, undefined);
  assert.deepEqual(await alertJobs(arrived.trip.id), []);

  const extended = await onTrip();
  await h.app.deps.trips.extend(extended.travellerId, extended.trip.id, new Date(extended.trip.deadline.getTime() + 3_600_000));
  at(extended.job);
  assert.deepEqual(await h.during(async () => void (next = await deadlines().process(extended.job))), []);
  assert.equal(next, undefined);
  assert.equal((await h.app.deps.trips.get(extended.travellerId))?.stage, 0);
});

test("a reminder that cannot go out now is handed to the alert queue, which retries it", async () => {
  const { traveller, travellerId, trip, job } = await onTrip();
  const messenger = blockingMessenger(h, (to) => to.chatId === traveller.address.chatId);
  at(job);
  await deadlines({ messenger }).process(job);
  assert.deepEqual((await alertJobs(trip.id)).map((a) => [a.kind, a.recipient]), [["reminder", "traveller"]]);
  assert.equal((await h.app.deps.trips.get(travellerId))?.stage, 1, "the ladder goes on");
});

test("a reminder claimed by another attempt is not sent twice: this run hands it to the alert queue", async () => {
  const { travellerId, trip, job } = await onTrip();
  at(job);
  const reminderId = jobIds.alert({ kind: "reminder", travellerId, tripId: trip.id, round: `${job.deadline}-0`, recipient: "traveller" });
  assert.equal(await h.app.workerDeps.sent.claim(reminderId), "claimed");
  assert.deepEqual(await h.during(() => deadlines().process(job)), []);
  assert.deepEqual((await alertJobs(trip.id)).map((a) => [a.kind, a.recipient]), [["reminder", "traveller"]]);
  assert.equal((await h.app.deps.trips.get(travellerId))?.stage, 1);
});
