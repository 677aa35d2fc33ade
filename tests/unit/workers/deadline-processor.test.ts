/**
 * The deadline worker's processor (src/workers/deadline-processor.ts): each stage of a trip's escalation ladder
 * fires once: the traveller's reminder at the deadline, then the family's and the NGO's alert jobs; a stage
 * whose trip changed meanwhile (arrived, extended) does nothing.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { DeadlineProcessor } from "../../../src/workers/deadline-processor.ts";
import type { DeadlineJob } from "../../../src/ports/jobs.ts";
import { QUEUE } from "../../../src/queues/names.ts";
import { ConversationHarness, choicesOf, type Chat } from "../../support/conversation-harness.ts";
import { blockingMessenger, workerDeps } from "../../support/worker-harness.ts";

let h: ConversationHarness;
before(async () => {
  h = await ConversationHarness.start();
});
after(() => h.stop());

/** A traveller on a trip with one linked contact, and the trip's pending deadline job (stage 0). */
async function onTrip() {
  const traveller = h.chat("Amina");
  await h.onboard(traveller);
  const contact: Chat = h.chat("Samir", "en");
  await h.link(traveller, contact);
  await h.text(traveller, "/trip paris-gare-du-nord 1h");
  const travellerId = await h.personId(traveller);
  const trip = (await h.app.deps.trips.get(travellerId))!;
  const [job] = await deadlineJobs(trip.id);
  assert.ok(job, "the conversation scheduled the deadline");
  return { traveller, travellerId, contactId: await h.personId(contact), trip, job };
}

async function deadlineJobs(tripId: string): Promise<DeadlineJob[]> {
  return (await h.jobs(QUEUE.deadline)).filter((j) => j.tripId === tripId) as DeadlineJob[];
}

async function alertJobs(tripId: string) {
  return (await h.jobs(QUEUE.alert)).filter((j) => j.tripId === tripId);
}

const deadlines = (overrides = {}) => new DeadlineProcessor(workerDeps(h, overrides));

test("the first stage reminds the traveller (with the safe / more-time buttons), advances, and schedules the next", async () => {
  const { traveller, travellerId, trip, job } = await onTrip();
  assert.equal(job.stage, 0);
  const sent = await h.during(() => deadlines().process(job));
  assert.equal(sent.length, 1);
  assert.equal(sent[0]!.to.chatId, traveller.address.chatId);
  assert.ok(sent[0]!.ids.includes("reminder-deadline"), sent[0]!.ids.join());
  assert.deepEqual(choicesOf(sent[0]), ["rem:s", "rem:t"]);
  const after = (await h.app.deps.trips.get(travellerId))!;
  assert.equal(after.stage, 1);
  assert.equal(after.escalated, false, "a reminder alerts nobody else");
  assert.ok((await deadlineJobs(trip.id)).some((j) => j.stage === 1), "the family stage is scheduled");
  assert.deepEqual(await alertJobs(trip.id), []);

  assert.deepEqual(await h.during(() => deadlines().process(job)), [], "a re-run stage sends nothing");
  assert.equal((await h.app.deps.trips.get(travellerId))?.stage, 1);
});

test("the escalation stage queues a missed alert for each contact and the NGO, and marks the trip escalated", async () => {
  const { travellerId, contactId, trip, job } = await onTrip();
  await deadlines().process(job);
  const next = (await deadlineJobs(trip.id)).find((j) => j.stage === 1)!;
  const sent = await h.during(() => deadlines().process(next));
  assert.deepEqual(sent, [], "the alerts go out through their own jobs");
  const alerts = await alertJobs(trip.id);
  assert.deepEqual(alerts.map((a) => [a.kind, a.recipient]).sort(), [["missed", "ngo"], ["missed", contactId]].sort());
  const after = (await h.app.deps.trips.get(travellerId))!;
  assert.equal(after.escalated, true);
  assert.equal(after.stage, 2);
  await deadlines().process(next);
  assert.equal((await alertJobs(trip.id)).length, 2, "a re-run queues nothing new");
});

test("without an NGO configured only the family is alerted", async () => {
  const { contactId, trip, job } = await onTrip();
  await deadlines({ ngo: undefined }).process(job);
  const next = (await deadlineJobs(trip.id)).find((j) => j.stage === 1)!;
  await deadlines({ ngo: undefined }).process(next);
  assert.deepEqual((await alertJobs(trip.id)).map((a) => a.recipient), [contactId]);
});

test("a stage whose trip ended or moved meanwhile does nothing", async () => {
  const arrived = await onTrip();
  await h.app.deps.trips.finish(arrived.travellerId, arrived.trip.id, new Date());
  assert.deepEqual(await h.during(() => deadlines().process(arrived.job)), []);
  assert.deepEqual(await alertJobs(arrived.trip.id), []);

  const extended = await onTrip();
  await h.app.deps.trips.extend(extended.travellerId, extended.trip.id, new Date(extended.trip.deadline.getTime() + 3_600_000));
  assert.deepEqual(await h.during(() => deadlines().process(extended.job)), []);
  assert.equal((await h.app.deps.trips.get(extended.travellerId))?.stage, 0);
});

test("a reminder that cannot go out now is handed to the alert queue, which retries it", async () => {
  const { traveller, travellerId, trip, job } = await onTrip();
  const messenger = blockingMessenger(h, (to) => to.chatId === traveller.address.chatId);
  await deadlines({ messenger }).process(job);
  assert.deepEqual((await alertJobs(trip.id)).map((a) => [a.kind, a.recipient]), [["reminder", "traveller"]]);
  assert.equal((await h.app.deps.trips.get(travellerId))?.stage, 1, "the ladder goes on");
});
