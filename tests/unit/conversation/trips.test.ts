/** Planning and cancelling trips (src/conversation/trips.ts) on the real trip store and lifecycle. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { choicesOf, ConversationHarness, idsOf } from "../../support/conversation-harness.ts";

const LANDMARK = "paris-gare-du-nord";
let h: ConversationHarness;
before(async () => (h = await ConversationHarness.start()));
after(() => h.stop());

test("/trip with no arguments walks through landmark and deadline buttons and stores the trip", async () => {
  const amina = h.chat();
  await h.onboard(amina);
  const id = await h.personId(amina);
  const [landmarks] = await h.text(amina, "/trip");
  assert.deepEqual(landmarks!.ids, ["trip-choose-landmark"]);
  assert.ok(choicesOf(landmarks).includes(`trip:l:${LANDMARK}`));

  const [deadlines] = await h.press(amina, `trip:l:${LANDMARK}`);
  assert.deepEqual(deadlines!.ids, ["trip-choose-deadline"]);
  assert.deepEqual(choicesOf(deadlines), ["trip:d:1h", "trip:d:3h", "trip:d:6h", "trip:d:1d"]);
  assert.equal((await h.app.deps.states.get(id))?.step, "trip_deadline");

  const before = Date.now();
  assert.deepEqual(idsOf(await h.press(amina, "trip:d:3h")), ["trip-created"]);
  const trip = await h.app.deps.trips.get(id);
  assert.equal(trip?.status, "active");
  assert.equal(trip?.landmarkId, LANDMARK);
  const inMs = trip!.deadline.getTime() - before;
  assert.ok(inMs > 3 * 3_600_000 - 60_000 && inMs <= 3 * 3_600_000 + 60_000, `deadline in ${inMs} ms`);
  assert.equal(await h.app.deps.states.get(id), undefined);
});

test("typed answers work as well as buttons: a landmark id, then a deadline", async () => {
  const amina = h.chat();
  await h.onboard(amina);
  await h.text(amina, "/trip");
  assert.deepEqual(idsOf(await h.text(amina, LANDMARK.toUpperCase())), ["trip-choose-deadline"]);
  assert.deepEqual(idsOf(await h.text(amina, "2h")), ["trip-created"]);
  assert.equal((await h.app.deps.trips.get(await h.personId(amina)))?.status, "active");
});

test("/trip <landmark> <deadline> at once; a new trip replaces the active one", async () => {
  const amina = h.chat();
  await h.onboard(amina);
  const id = await h.personId(amina);
  assert.deepEqual(idsOf(await h.text(amina, `/trip ${LANDMARK} 1h`)), ["trip-created"]);
  const first = await h.app.deps.trips.get(id);
  assert.deepEqual(idsOf(await h.text(amina, `/trip ${LANDMARK} 6h`)), ["trip-created"]);
  const second = await h.app.deps.trips.get(id);
  assert.notEqual(second?.id, first?.id);
  assert.ok(second!.deadline.getTime() > first!.deadline.getTime());
});

test("an unknown landmark and an unreadable deadline are refused; nothing is stored", async () => {
  const amina = h.chat();
  await h.onboard(amina);
  assert.deepEqual(idsOf(await h.text(amina, "/trip atlantis 1h")), ["trip-unknown-landmark"]);
  const refused = idsOf(await h.text(amina, `/trip ${LANDMARK} whenever`));
  assert.equal(refused.length, 1);
  assert.match(refused[0]!, /^trip-/);
  assert.notEqual(refused[0], "trip-created");
  assert.equal(await h.app.deps.trips.get(await h.personId(amina)), undefined);
});

test("a deadline button with no pending landmark asks for the landmark again", async () => {
  const amina = h.chat();
  await h.onboard(amina);
  assert.deepEqual(idsOf(await h.press(amina, "trip:d:1h")), ["trip-choose-landmark"]);
});

test("/cancel ends the active trip; with none it says so", async () => {
  const amina = h.chat();
  await h.onboard(amina);
  assert.deepEqual(idsOf(await h.text(amina, "/cancel")), ["cancel-none"]);
  await h.text(amina, `/trip ${LANDMARK} 1h`);
  assert.deepEqual(idsOf(await h.text(amina, "/cancel")), ["cancel-done"]);
  const trip = await h.app.deps.trips.get(await h.personId(amina));
  assert.ok(!trip || trip.status !== "active", "no active trip after /cancel");
  assert.deepEqual(idsOf(await h.text(amina, "/cancel")), ["cancel-none"]);
});

test("with a secret word set, /cancel needs it, and the message carrying it is erased", async () => {
  const amina = h.chat();
  await h.onboard(amina);
  const id = await h.personId(amina);
  await h.text(amina, "/secret bluebird");
  await h.text(amina, `/trip ${LANDMARK} 1h`);
  assert.deepEqual(idsOf(await h.text(amina, "/cancel")), ["cancel-needs-secret"]);
  assert.deepEqual(idsOf(await h.text(amina, "/cancel wrongword")), ["cancel-needs-secret"]);
  assert.equal((await h.app.deps.trips.get(id))?.status, "active");
  assert.deepEqual(idsOf(await h.text(amina, "/cancel bluebird", "msg-41")), ["cancel-done"]);
  assert.ok(h.removed.includes("msg-41"));
});
