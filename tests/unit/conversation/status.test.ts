/** /status (src/conversation/status.ts): the trip, the number of contacts and the last check-in's result. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { ConversationHarness, PARIS } from "../../support/conversation-harness.ts";
import { makeJpeg } from "../../support/photos.ts";

let h: ConversationHarness;
before(async () => (h = await ConversationHarness.start()));
after(() => h.stop());

test("with no trip: no trip, no contacts, no check-in line", async () => {
  const chat = h.chat();
  await h.onboard(chat);
  const [status] = await h.text(chat, "/status");
  assert.deepEqual(status!.ids, ["status-no-trip", "status-contacts"]);
  assert.equal(status!.text, [h.app.deps.i18n.t("en", "status-no-trip"), h.app.deps.i18n.t("en", "status-contacts", { count: 0 })].join("\n"));
});

test("on a trip, with a contact and a check-in waiting for its verdict", async () => {
  const chat = h.chat();
  await h.onboard(chat);
  await h.link(chat, h.chat("Mother", "en"));
  await h.text(chat, "/trip paris-gare-du-nord 1h");
  await h.photo(chat, await makeJpeg({ width: 1280, height: 960, seed: "status" }));
  await h.location(chat, PARIS);
  const [status] = await h.text(chat, "/status");
  assert.ok(status!.ids.includes("status-trip"), status!.ids.join());
  assert.ok(status!.ids.includes("status-last-checkin"), status!.ids.join());
  assert.match(status!.text, /Gare du Nord/);
  assert.ok(status!.text.includes(h.app.deps.i18n.t("en", "status-contacts", { count: 1 })));
  assert.equal(status!.text.split("\n").length, 3);
});

test("after /cancel there is no trip to show", async () => {
  const chat = h.chat();
  await h.onboard(chat);
  await h.text(chat, "/trip paris-gare-du-nord 1h");
  assert.ok((await h.text(chat, "/status"))[0]!.ids.includes("status-trip"));
  await h.text(chat, "/cancel");
  assert.deepEqual((await h.text(chat, "/status"))[0]!.ids, ["status-no-trip", "status-contacts"]);
});

test("after \"I am safe\" the trip reads as ended, not as running towards its deadline", async () => {
  const chat = h.chat();
  await h.onboard(chat);
  await h.text(chat, "/trip paris-gare-du-nord 1h");
  await h.press(chat, "rem:s");
  const [status] = await h.text(chat, "/status");
  assert.deepEqual(status!.ids, ["status-safe", "status-contacts"]);
  assert.match(status!.text, /Gare du Nord/);
});
