/** Routing in src/conversation/conversation.ts: commands, consent, dialogue steps, names and the per-sender limit. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { ConversationHarness, idsOf } from "../../support/conversation-harness.ts";

let h: ConversationHarness;
before(async () => (h = await ConversationHarness.start({ MESSAGE_RATE_PER_MINUTE: "8" })));
after(() => h.stop());

test("an unknown command and free text outside a dialogue step are answered, not ignored", async () => {
  const amina = h.chat();
  await h.onboard(amina);
  assert.deepEqual(idsOf(await h.text(amina, "/nonsense")), ["unknown-command"]);
  assert.deepEqual(idsOf(await h.text(amina, "hello")), ["not-understood"]);
  assert.deepEqual(idsOf(await h.press(amina, "zzz:1")), ["not-understood"]);
});

test("commands for travellers need the consent first; a command's bot name is ignored", async () => {
  const amina = h.chat();
  for (const command of ["/trip", "/contact", "/checkin", "/secret word1", "/cancel"]) {
    assert.deepEqual(idsOf(await h.text(amina, command)), ["consent-required"], command);
  }
  assert.deepEqual(idsOf(await h.text(amina, "/HELP@SafeArrivalBot")), ["help", "photocheck-hint"]);
});

test("a command ends a pending dialogue step", async () => {
  const amina = h.chat();
  await h.onboard(amina);
  await h.text(amina, "/trip");
  const id = await h.personId(amina);
  assert.equal((await h.app.deps.states.get(id))?.step, "trip_landmark");
  await h.text(amina, "/help");
  assert.equal(await h.app.deps.states.get(id), undefined);
});

test("the sender's name is kept without control characters, and a blank one as '?'", async () => {
  const a = h.chat("\u0007Am\u200Eina  ");
  await h.text(a, "/help");
  assert.equal((await h.person(a))?.displayName, "Amina");
  const b = h.chat("\u0001\u0002");
  await h.text(b, "/help");
  assert.equal((await h.person(b))?.displayName, "?");
});

test("past the per-minute limit the sender is told once, then ignored", async () => {
  const amina = h.chat();
  for (let i = 0; i < 8; i++) assert.deepEqual(idsOf(await h.text(amina, "/help")), ["help", "photocheck-hint"]);
  assert.deepEqual(idsOf(await h.text(amina, "/help")), ["rate-limited"]);
  assert.deepEqual(await h.text(amina, "/help"), []);
});

test("an unsupported message or a document is explained", async () => {
  const amina = h.chat();
  assert.deepEqual(idsOf(await h.send(amina, { kind: "unsupported" })), ["unsupported-message"]);
  assert.deepEqual(idsOf(await h.send(amina, { kind: "document", mime: "image/heic" })), ["photo-heic"]);
  assert.deepEqual(idsOf(await h.send(amina, { kind: "document", mime: "application/pdf" })), ["photo-unreadable"]);
});

test("replies to the sender go out at low priority", async () => {
  const [reply] = await h.text(h.chat(), "/help");
  assert.equal(reply!.priority, "low");
});
