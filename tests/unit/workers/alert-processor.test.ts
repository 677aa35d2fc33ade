/**
 * The alert worker's processor (src/workers/alert-processor.ts): reminders, missed-check-in alerts, their
 * corrections and duress warnings reach whom they are meant for, at most once, and only while still true.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { UnrecoverableError } from "bullmq";
import { AlertProcessor } from "../../../src/workers/alert-processor.ts";
import type { NgoSettings } from "../../../src/workers/deps.ts";
import { jobIds, type AlertJob } from "../../../src/ports/jobs.ts";
import { QUEUE } from "../../../src/queues/names.ts";
import { ngoAlertId } from "../../../src/domain/ngo-alert.ts";
import { ConversationHarness, choicesOf, type Chat } from "../../support/conversation-harness.ts";
import { blockingMessenger, workerDeps } from "../../support/worker-harness.ts";

const LANDMARK = "paris-gare-du-nord";
const NGO: NgoSettings = { name: "Refugee Help" };
let h: ConversationHarness;
before(async () => {
  h = await ConversationHarness.start();
});
after(() => h.stop());

/** A traveller on an active trip with one linked contact. */
async function onTrip() {
  const traveller = h.chat("Amina");
  await h.onboard(traveller);
  const contact: Chat = h.chat("Samir", "en");
  await h.link(traveller, contact);
  await h.text(traveller, `/trip ${LANDMARK} 1h`);
  const travellerId = await h.personId(traveller);
  const trip = (await h.app.deps.trips.get(travellerId))!;
  const contactId = await h.personId(contact);
  const job = (kind: AlertJob["kind"], recipient: string, round = "1"): AlertJob => ({ kind, travellerId, tripId: trip.id, recipient, round });
  return { traveller, contact, travellerId, contactId, trip, job };
}

/** The processor with this NGO configured, or none (the test app's configuration has the demo one). */
const alerts = (ngo?: NgoSettings) => new AlertProcessor(workerDeps(h, { ngo }));

test("reminder: the traveller gets it with the safe / more-time buttons while the trip is active, once", async () => {
  const { traveller, job } = await onTrip();
  const sent = await h.during(() => alerts().process(job("reminder", "traveller")));
  assert.equal(sent.length, 1);
  assert.equal(sent[0]!.to.chatId, traveller.address.chatId);
  assert.ok(sent[0]!.ids.includes("reminder-deadline"));
  assert.deepEqual(choicesOf(sent[0]), ["rem:s", "rem:t"]);
  assert.deepEqual(await h.during(() => alerts().process(job("reminder", "traveller"))), [], "a re-run job is not sent again");
});

test("reminder for a trip that ended meanwhile: nothing", async () => {
  const { travellerId, trip, job } = await onTrip();
  await h.app.deps.trips.finish(travellerId, trip.id, new Date());
  assert.deepEqual(await h.during(() => alerts().process(job("reminder", "traveller"))), []);
});

test("missed: the contact is alerted once and the alert recorded as sent (a correction may follow)", async () => {
  const { contact, travellerId, contactId, job } = await onTrip();
  const sent = await h.during(() => alerts().process(job("missed", contactId)));
  assert.equal(sent.length, 1);
  assert.equal(sent[0]!.to.chatId, contact.address.chatId);
  assert.ok(sent[0]!.ids.includes("family-alert-missed"));
  assert.match(sent[0]!.text, /Amina/);
  assert.equal(await h.app.deps.trips.alertState(travellerId, contactId), "sent");
  assert.deepEqual(await h.during(() => alerts().process(job("missed", contactId))), []);
});

test("missed after the traveller arrived: nobody is alerted", async () => {
  const { travellerId, contactId, trip, job } = await onTrip();
  await h.app.deps.trips.finish(travellerId, trip.id, new Date());
  assert.deepEqual(await h.during(() => alerts().process(job("missed", contactId))), []);
  assert.equal(await h.app.deps.trips.alertState(travellerId, contactId), undefined);
});

test("a false-alarm correction waits while the alert is on its way, then follows it", async () => {
  const { contact, travellerId, contactId, trip, job } = await onTrip();
  await h.app.deps.trips.claimAlert(travellerId, trip.id, contactId);
  await assert.rejects(alerts().process(job("false_alarm", contactId)), (err: Error) => err.name === "CorrectionTooEarly");
  assert.equal(await h.app.workerDeps.sent.claim(jobIds.alert(job("false_alarm", contactId))), "claimed", "the retry is not blocked by its own claim");
  await h.app.workerDeps.sent.release(jobIds.alert(job("false_alarm", contactId)));

  await h.app.deps.trips.markAlertSent(travellerId, contactId);
  await h.app.deps.trips.finish(travellerId, trip.id, new Date());
  const sent = await h.during(() => alerts().process(job("false_alarm", contactId)));
  assert.deepEqual(sent.map((s) => [s.to.chatId, s.ids.includes("family-false-alarm")]), [[contact.address.chatId, true]]);
});

test("a correction for an alert never sent is not sent", async () => {
  const { contactId, job } = await onTrip();
  assert.deepEqual(await h.during(() => alerts().process(job("reported_safe", contactId))), []);
});

test("missed to the NGO: an alert opens (with consent) and its chat and webhook deliveries are queued", async () => {
  const { travellerId, trip, job } = await onTrip();
  await h.app.deps.persons.setNgoConsent(travellerId, true);
  await alerts(NGO).process(job("missed", "ngo"));
  const id = ngoAlertId(trip.id, "missed");
  const alert = await h.app.workerDeps.ngoAlerts.get(id);
  assert.equal(alert?.kind, "missed");
  assert.equal(alert?.landmarkId, LANDMARK);
  assert.equal(alert?.status, "open");
  const queued = (await h.jobs(QUEUE.ngo)).filter((j) => j.alertId === id);
  assert.deepEqual(queued.map((j) => j.target).sort(), ["chat", "webhook"]);
});

test("missed to the NGO without the traveller's consent opens nothing", async () => {
  const { trip, job } = await onTrip();
  await alerts(NGO).process(job("missed", "ngo"));
  assert.equal(await h.app.workerDeps.ngoAlerts.get(ngoAlertId(trip.id, "missed")), undefined);
});

test("duress: the contact is warned, naming the NGO when there is one", async () => {
  const { contactId, job } = await onTrip();
  const withNgo = await h.during(() => alerts(NGO).process(job("duress", contactId)));
  assert.ok(withNgo[0]!.ids.includes("family-duress"));
  assert.match(withNgo[0]!.text, /Refugee Help/);
  const without = await h.during(() => alerts().process(job("duress", contactId, "2")));
  assert.ok(without[0]!.ids.includes("family-duress-no-ngo"));
});

test("an unreachable contact: not retried, the traveller told, the case notes the failure", async () => {
  const { traveller, contact, travellerId, contactId, trip, job } = await onTrip();
  await h.app.deps.persons.setNgoConsent(travellerId, true);
  await alerts(NGO).process(job("missed", "ngo"));
  const blocked = new AlertProcessor(workerDeps(h, { ngo: NGO, messenger: blockingMessenger(h, (to) => to.chatId === contact.address.chatId) }));
  await assert.rejects(h.during(() => blocked.process(job("missed", contactId))), (err: unknown) => err instanceof UnrecoverableError);
  assert.equal(h.to(traveller).filter((s) => s.ids.includes("contact-blocked")).length, 1);
  assert.equal(await h.app.deps.contacts.isUnreachable(contactId), true);
  const timeline = await h.app.workerDeps.ngoAlerts.timeline(ngoAlertId(trip.id, "missed"));
  assert.ok(timeline.some((e) => e.event === "failed:family-unreachable"), JSON.stringify(timeline));
  assert.equal(await h.app.workerDeps.sent.was(jobIds.alert(job("missed", contactId))), false);
});
