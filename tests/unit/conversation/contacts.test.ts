/** Invites and family links (src/conversation/contacts.ts) on the real contact store. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { choicesOf, ConversationHarness, idsOf } from "../../support/conversation-harness.ts";

let h: ConversationHarness;
before(async () => (h = await ConversationHarness.start({ INVITE_RATE_PER_HOUR: "3" })));
after(() => h.stop());

async function inviteCode(traveller: ReturnType<ConversationHarness["chat"]>): Promise<string> {
  const [created] = await h.text(traveller, "/contact");
  assert.deepEqual(created!.ids, ["invite-created"]);
  return /start=([A-Za-z0-9_-]+)/.exec(created!.text)![1]!;
}

test("an invite opened in a hinted language is previewed, and accepting links both and tells the traveller", async () => {
  const amina = h.chat("Amina");
  await h.onboard(amina);
  const code = await inviteCode(amina);
  const mother = h.chat("Mother", "fr-FR");

  const [preview] = await h.text(mother, `/start ${code}`);
  assert.deepEqual(preview!.ids, ["invite-preview"]);
  assert.match(preview!.text, /Amina/);
  assert.deepEqual(choicesOf(preview), [`inv:y:${code}`, `inv:n:${code}`]);
  assert.equal((await h.person(mother))?.locale, "fr", "the hinted language is kept");

  const accepted = await h.press(mother, `inv:y:${code}`);
  assert.deepEqual(accepted.map((s) => [s.to.chatId, s.ids]), [
    [mother.address.chatId, ["invite-accepted", "photocheck-hint"]],
    [amina.address.chatId, ["invite-linked"]],
  ]);
  assert.deepEqual(await h.app.deps.contacts.contactsOf(await h.personId(amina)), [await h.personId(mother)]);

  // The code was used up.
  assert.deepEqual(idsOf(await h.press(h.chat("Cousin", "en"), `inv:y:${code}`)), ["invite-invalid"]);
});

test("with no language hint the invite asks for one first, then shows the preview", async () => {
  const amina = h.chat();
  await h.onboard(amina);
  const code = await inviteCode(amina);
  const brother = h.chat("Brother");
  assert.deepEqual(idsOf(await h.text(brother, `/start ${code}`)), ["language-prompt"]);
  assert.deepEqual(idsOf(await h.press(brother, "lang:es")), ["language-set", "invite-preview"]);
  assert.equal((await h.person(brother))?.consentAt, undefined, "a contact is not asked for the traveller consent");
});

test("an unknown code, one's own code and a declined invite", async () => {
  const amina = h.chat();
  await h.onboard(amina);
  const code = await inviteCode(amina);
  assert.deepEqual(idsOf(await h.text(h.chat("X", "en"), "/start nosuchcode")), ["invite-invalid"]);
  assert.deepEqual(idsOf(await h.text(amina, `/start ${code}`)), ["invite-own"]);
  const declined = await h.press(h.chat("Y", "en"), `inv:n:${code}`);
  assert.deepEqual(idsOf(declined), ["invite-declined"]);
  assert.deepEqual(await h.app.deps.contacts.contactsOf(await h.personId(amina)), []);
});

test("a second link to the same traveller is refused as already there", async () => {
  const amina = h.chat();
  const mother = h.chat("Mother", "en");
  await h.onboard(amina);
  await h.link(amina, mother);
  const code = await inviteCode(amina);
  assert.deepEqual(idsOf(await h.press(mother, `inv:y:${code}`)), ["invite-already-linked"]);
});

test("invites are limited per hour", async () => {
  const amina = h.chat();
  await h.onboard(amina);
  for (let i = 0; i < 3; i++) await inviteCode(amina);
  assert.deepEqual(idsOf(await h.text(amina, "/contact")), ["invite-rate-limited"]);
});

test("/contacts lists both sides, and unlinking from either side tells the other", async () => {
  const amina = h.chat("Amina");
  const mother = h.chat("Mother", "en");
  await h.onboard(amina);
  assert.deepEqual(idsOf(await h.text(amina, "/contacts")), ["contacts-none"]);
  await h.link(amina, mother);
  const motherId = await h.personId(mother);
  const aminaId = await h.personId(amina);

  const [list] = await h.text(amina, "/contacts");
  assert.deepEqual(list!.ids, ["contacts-list"]);
  assert.deepEqual(choicesOf(list), [`unl:c:${motherId}`]);
  const [following] = await h.text(mother, "/contacts");
  assert.deepEqual(following!.ids, ["following-list"]);
  assert.deepEqual(choicesOf(following), [`unl:t:${aminaId}`]);

  const left = await h.press(mother, `unl:t:${aminaId}`);
  assert.deepEqual(left.map((s) => [s.to.chatId, s.ids]), [
    [mother.address.chatId, ["unlinked-contact"]],
    [amina.address.chatId, ["link-ended-contact"]],
  ]);
  assert.deepEqual(await h.app.deps.contacts.contactsOf(aminaId), []);
  assert.deepEqual(await h.press(mother, `unl:t:${aminaId}`), [], "a second press changes nothing");

  await h.link(amina, mother);
  const removed = await h.press(amina, `unl:c:${motherId}`);
  assert.deepEqual(removed.map((s) => [s.to.chatId, s.ids]), [
    [amina.address.chatId, ["unlinked-traveller"]],
    [mother.address.chatId, ["link-ended"]],
  ]);
});
