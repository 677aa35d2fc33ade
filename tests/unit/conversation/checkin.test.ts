/** Check-ins (src/conversation/checkin.ts): a photo and a location, in either order, filed and queued for verification. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { QUEUE } from "../../../src/queues/names.ts";
import { ConversationHarness, idsOf, PARIS, type Chat } from "../../support/conversation-harness.ts";
import { makeJpeg, notAnImage } from "../../support/photos.ts";

const LANDMARK = "paris-gare-du-nord";
let h: ConversationHarness;
let photo: Buffer;
before(async () => {
  h = await ConversationHarness.start();
  photo = await makeJpeg({ width: 1280, height: 960, seed: "checkin-unit" });
});
after(() => h.stop());

async function onTrip(): Promise<{ chat: Chat; id: string }> {
  const chat = h.chat();
  await h.onboard(chat);
  await h.text(chat, `/trip ${LANDMARK} 1h`);
  return { chat, id: await h.personId(chat) };
}

async function checkinsOf(id: string) {
  const ids = await h.app.deps.checkins.idsOf(id);
  return Promise.all(ids.map((c) => h.app.deps.checkins.get(c)));
}

test("photo then location: the pair is filed against the trip and queued for verification by id only", async () => {
  const { chat, id } = await onTrip();
  const [ask] = await h.photo(chat, photo);
  assert.deepEqual(ask!.ids, ["checkin-need-location"]);
  assert.ok(ask!.requestLocation, "the channel's own location button is offered");
  assert.deepEqual(await checkinsOf(id), [], "nothing filed with half a check-in");

  assert.deepEqual(idsOf(await h.location(chat, PARIS)), ["checkin-queued"]);
  const [checkin] = await checkinsOf(id);
  const trip = await h.app.deps.trips.get(id);
  assert.equal(checkin?.tripId, trip?.id);
  assert.equal(checkin?.landmarkId, LANDMARK);
  assert.equal(checkin?.duress, false);
  assert.ok(await h.app.deps.media.get(checkin!.photo.mediaId), "the photo is kept for the verifier");
  const jobs = (await h.jobs(QUEUE.verify)).filter((j) => j.checkinId === checkin!.id);
  assert.deepEqual(jobs, [{ checkinId: checkin!.id }]);
});

test("location then photo completes the same way", async () => {
  const { chat, id } = await onTrip();
  assert.deepEqual(idsOf(await h.location(chat, PARIS)), ["checkin-need-photo"]);
  assert.deepEqual(idsOf(await h.photo(chat, photo)), ["checkin-queued"]);
  assert.equal((await checkinsOf(id)).length, 1);
});

test("with no active trip a photo, a location and /checkin say so; nothing is filed", async () => {
  const chat = h.chat();
  await h.onboard(chat);
  assert.deepEqual(idsOf(await h.photo(chat, photo)), ["checkin-no-trip"]);
  assert.deepEqual(idsOf(await h.location(chat, PARIS)), ["checkin-no-trip"]);
  assert.deepEqual(idsOf(await h.text(chat, "/checkin")), ["checkin-no-trip"]);
  assert.deepEqual(await checkinsOf(await h.personId(chat)), []);
});

test("/checkin on a trip explains what to send, naming the landmark", async () => {
  const { chat } = await onTrip();
  const [howto] = await h.text(chat, "/checkin");
  assert.deepEqual(howto!.ids, ["checkin-howto"]);
  assert.match(howto!.text, /Gare du Nord/);
  assert.ok(howto!.requestLocation);
});

test("forwarded, unreadable and too-small photos are refused with their reason", async () => {
  const { chat, id } = await onTrip();
  assert.deepEqual(idsOf(await h.photo(chat, photo, { forwarded: true })), ["photo-forwarded"]);
  assert.deepEqual(idsOf(await h.photo(chat, notAnImage())), ["photo-unreadable"]);
  const tiny = await makeJpeg({ width: 200, height: 150, seed: "tiny" });
  assert.deepEqual(idsOf(await h.photo(chat, tiny)), ["photo-too-small"]);
  assert.deepEqual(Object.values(await h.app.deps.checkins.pending(id)).filter(Boolean), [], "no part kept");
});

test("forwarded locations, venues and impossible coordinates are refused", async () => {
  const { chat, id } = await onTrip();
  assert.deepEqual(idsOf(await h.location(chat, PARIS, { forwarded: true })), ["location-forwarded"]);
  assert.deepEqual(idsOf(await h.location(chat, PARIS, { venue: true })), ["location-venue"]);
  assert.deepEqual(idsOf(await h.location(chat, { lat: Number.NaN, lon: 2 })), ["location-invalid"]);
  assert.deepEqual(idsOf(await h.location(chat, { lat: 91, lon: 2 })), ["location-invalid"]);
  assert.deepEqual(Object.values(await h.app.deps.checkins.pending(id)).filter(Boolean), [], "no part kept");
});

test("the duress word as a caption marks the check-in, erases the message and changes nothing the traveller sees", async () => {
  const { chat, id } = await onTrip();
  await h.text(chat, "/duress redfox");
  assert.deepEqual(idsOf(await h.photo(chat, photo, { caption: "redfox", messageRef: "p7" })), ["checkin-need-location"]);
  assert.ok(h.removed.includes("p7"));
  assert.deepEqual(idsOf(await h.location(chat, PARIS)), ["checkin-queued"]);
  const [checkin] = await checkinsOf(id);
  assert.equal(checkin?.duress, true);
});

test("a second photo replaces the first one's part; the replaced photo is deleted", async () => {
  const { chat, id } = await onTrip();
  await h.photo(chat, photo);
  const first = (await h.app.deps.checkins.pending(id)).photo!.mediaId;
  await h.photo(chat, await makeJpeg({ width: 1280, height: 960, seed: "second" }));
  const second = (await h.app.deps.checkins.pending(id)).photo!.mediaId;
  assert.notEqual(second, first);
  assert.equal(await h.app.deps.media.get(first), undefined);
});
