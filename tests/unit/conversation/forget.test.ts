/** /forget (src/conversation/forget.ts): everything about a person goes at once; linked people learn only that the link ended. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { choicesOf, ConversationHarness, idsOf, PARIS } from "../../support/conversation-harness.ts";
import { makeJpeg } from "../../support/photos.ts";

let h: ConversationHarness;
before(async () => (h = await ConversationHarness.start()));
after(() => h.stop());

test("/forget asks first; 'no' keeps everything", async () => {
  const chat = h.chat();
  await h.onboard(chat);
  const [ask] = await h.text(chat, "/forget");
  assert.deepEqual(ask!.ids, ["forget-confirm"]);
  assert.deepEqual(choicesOf(ask), ["forget:y", "forget:n"]);
  assert.deepEqual(idsOf(await h.press(chat, "forget:n")), ["forget-kept"]);
  assert.ok(await h.person(chat));
});

test("'yes' without the question pending keeps everything", async () => {
  const chat = h.chat();
  await h.onboard(chat);
  assert.deepEqual(idsOf(await h.press(chat, "forget:y")), ["forget-kept"]);
  assert.ok(await h.person(chat));
});

test("confirmed, the person, trip, check-ins, photos, words and links are deleted; the contact is told the link ended", async () => {
  const chat = h.chat("Amina");
  const mother = h.chat("Mother", "en");
  await h.onboard(chat);
  await h.link(chat, mother);
  const id = await h.personId(chat);
  const motherId = await h.personId(mother);
  await h.text(chat, "/secret bluebird");
  await h.text(chat, "/trip paris-gare-du-nord 1h");
  await h.photo(chat, await makeJpeg({ width: 1280, height: 960, seed: "forget" }));
  await h.location(chat, PARIS);
  const [checkinId] = await h.app.deps.checkins.idsOf(id);
  const mediaId = (await h.app.deps.checkins.get(checkinId!))!.photo.mediaId;

  await h.text(chat, "/forget");
  const done = await h.press(chat, "forget:y");
  assert.deepEqual(done.map((s) => [s.to.chatId, s.ids]), [
    [mother.address.chatId, ["link-ended"]],
    [chat.address.chatId, ["forget-done"]],
  ]);
  assert.equal(await h.person(chat), undefined);
  assert.equal(await h.app.deps.trips.get(id), undefined);
  assert.deepEqual(await h.app.deps.checkins.idsOf(id), []);
  assert.equal(await h.app.deps.checkins.get(checkinId!), undefined);
  assert.equal(await h.app.deps.media.get(mediaId), undefined);
  assert.equal(await h.app.deps.words.has(id, "secret"), false);
  assert.deepEqual(await h.app.deps.contacts.followedBy(motherId), []);
  assert.ok(await h.person(mother), "the contact stays");
  assert.deepEqual(h.forgotten.filter((a) => a.chatId === chat.address.chatId).length, 1, "the channel is told to drop its data");
});
