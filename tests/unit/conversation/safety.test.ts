/** Secret and duress words, extensions and the reminder buttons (src/conversation/safety.ts). */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { QUEUE } from "../../../src/queues/names.ts";
import { ConversationHarness, idsOf, type Chat } from "../../support/conversation-harness.ts";

const LANDMARK = "paris-gare-du-nord";
const HOUR = 3_600_000;
let h: ConversationHarness;
before(async () => (h = await ConversationHarness.start()));
after(() => h.stop());

async function traveller(): Promise<{ chat: Chat; id: string }> {
  const chat = h.chat();
  await h.onboard(chat);
  return { chat, id: await h.personId(chat) };
}

test("secret and duress words are stored, must differ, and the messages that set them are erased", async () => {
  const { chat, id } = await traveller();
  assert.deepEqual(idsOf(await h.text(chat, "/secret bluebird", "m1")), ["secret-set"]);
  assert.deepEqual(idsOf(await h.text(chat, "/duress bluebird", "m2")), ["words-must-differ"]);
  assert.deepEqual(idsOf(await h.text(chat, "/duress redfox", "m3")), ["duress-set"]);
  assert.deepEqual(idsOf(await h.text(chat, "/secret ab", "m4")), ["word-usage"], "too short");
  assert.deepEqual(["m1", "m2", "m3", "m4"].filter((m) => h.removed.includes(m)), ["m1", "m2", "m3", "m4"]);
  assert.equal(await h.app.deps.words.match(id, "bluebird"), "secret");
  assert.equal(await h.app.deps.words.match(id, "redfox"), "duress");
});

test("/extend moves the deadline of the active trip; without one, or without an amount, it explains", async () => {
  const { chat, id } = await traveller();
  assert.deepEqual(idsOf(await h.text(chat, "/extend 1h")), ["extend-no-trip"]);
  await h.text(chat, `/trip ${LANDMARK} 1h`);
  const before = (await h.app.deps.trips.get(id))!.deadline.getTime();
  assert.deepEqual(idsOf(await h.text(chat, "/extend")), ["extend-usage"]);
  assert.deepEqual(idsOf(await h.text(chat, "/extend 2h")), ["extend-done"]);
  assert.equal((await h.app.deps.trips.get(id))!.deadline.getTime(), before + 2 * HOUR);
});

test("an extension past the cap (24 h after the first deadline) is refused and changes nothing", async () => {
  const { chat, id } = await traveller();
  await h.text(chat, `/trip ${LANDMARK} 1h`);
  const before = (await h.app.deps.trips.get(id))!.deadline.getTime();
  assert.deepEqual(idsOf(await h.text(chat, "/extend 25h")), ["extend-capped"]);
  assert.equal((await h.app.deps.trips.get(id))!.deadline.getTime(), before);
});

test("extending with the duress word looks like any extension but warns every contact and the NGO", async () => {
  const { chat, id } = await traveller();
  const mother = h.chat("Mother", "en");
  await h.link(chat, mother);
  const motherId = await h.personId(mother);
  await h.text(chat, "/duress redfox");
  await h.text(chat, `/trip ${LANDMARK} 1h`);
  const plain = await h.text(chat, "/extend 1h");
  const forced = await h.text(chat, "/extend 1h redfox", "m9");
  assert.deepEqual(idsOf(forced), idsOf(plain), "the traveller's screen shows nothing different");
  assert.ok(h.removed.includes("m9"), "the message with the word is erased");
  const alerts = (await h.jobs(QUEUE.alert)).filter((a) => a.travellerId === id);
  assert.deepEqual(alerts.map((a) => [a.kind, a.recipient]).sort(), [["duress", "ngo"], ["duress", motherId]].sort());
});

test("once escalated, an extension needs the secret word", async () => {
  const { chat, id } = await traveller();
  await h.text(chat, "/secret bluebird");
  await h.text(chat, `/trip ${LANDMARK} 1h`);
  const trip = (await h.app.deps.trips.get(id))!;
  // What the deadline worker does when an escalating stage fires.
  assert.ok(await h.app.deps.trips.fireStage(id, trip.id, trip.deadline, trip.stage, true));
  assert.equal((await h.app.deps.trips.get(id))?.escalated, true, "the trip reads as escalated");
  assert.deepEqual(idsOf(await h.text(chat, "/extend 1h")), ["extend-needs-secret"]);
  assert.equal((await h.app.deps.trips.get(id))!.deadline.getTime(), trip.deadline.getTime());
  assert.deepEqual(idsOf(await h.text(chat, "/extend 1h bluebird")), ["extend-done"]);
});

test("the reminder's buttons: one more hour, or 'I am safe', which ends the trip", async () => {
  const { chat, id } = await traveller();
  assert.deepEqual(idsOf(await h.press(chat, "rem:t")), ["extend-no-trip"]);
  await h.text(chat, `/trip ${LANDMARK} 1h`);
  const before = (await h.app.deps.trips.get(id))!.deadline.getTime();
  assert.deepEqual(idsOf(await h.press(chat, "rem:t")), ["reminder-more-time-ack"]);
  assert.equal((await h.app.deps.trips.get(id))!.deadline.getTime(), before + HOUR);
  assert.deepEqual(idsOf(await h.press(chat, "rem:s")), ["reminder-safe-ack"]);
  assert.equal((await h.app.deps.trips.get(id))?.status, "safe");
});
