/** /start, /help, /language and the consent step (src/conversation/onboarding.ts) on the real stores. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { choicesOf, ConversationHarness, idsOf } from "../../support/conversation-harness.ts";

let h: ConversationHarness;
before(async () => (h = await ConversationHarness.start()));
after(() => h.stop());

test("/start with no language asks for one, then the consent, which is stored when accepted", async () => {
  const amina = h.chat("Amina");
  const [picker] = await h.text(amina, "/start");
  assert.deepEqual(picker!.ids, ["language-prompt"]);
  assert.ok(choicesOf(picker).includes("lang:en"));

  const chosen = await h.press(amina, "lang:en");
  assert.deepEqual(idsOf(chosen), ["language-set", "consent-text"]);
  assert.deepEqual(choicesOf(chosen[1]), ["consent:y", "consent:n"]);
  assert.equal((await h.person(amina))?.locale, "en");
  assert.equal((await h.app.deps.states.get(await h.personId(amina)))?.step, "consent");

  const accepted = await h.press(amina, "consent:y");
  // The demo configuration has an NGO (DEMO_NGO_NAME): the traveller is asked whether it may be alerted.
  assert.deepEqual(idsOf(accepted), ["consent-accepted", "ngo-consent-question"]);
  assert.deepEqual(choicesOf(accepted[1]), ["ngo:y", "ngo:n"]);
  const person = await h.person(amina);
  assert.ok(person?.consentAt instanceof Date, "consent time stored");
  assert.equal(await h.app.deps.states.get(person.id), undefined, "the consent step is over");

  assert.deepEqual(idsOf(await h.press(amina, "ngo:y")), ["ngo-consent-given", "words-intro"]);
  assert.equal((await h.person(amina))?.ngoConsent, true);
});

test("a traveller who refuses the NGO alert is told so, and it is stored", async () => {
  const amina = h.chat();
  await h.text(amina, "/start");
  await h.press(amina, "lang:en");
  await h.press(amina, "consent:y");
  assert.deepEqual(idsOf(await h.press(amina, "ngo:n")), ["ngo-consent-refused", "words-intro"]);
  assert.equal((await h.person(amina))?.ngoConsent, false);
});

test("with no NGO configured, nobody is asked about one", async () => {
  const other = await ConversationHarness.start({}, { NGO_NAME: undefined });
  try {
    const amina = other.chat();
    await other.text(amina, "/start");
    await other.press(amina, "lang:en");
    assert.deepEqual(idsOf(await other.press(amina, "consent:y")), ["consent-accepted", "words-intro-no-ngo"]);
  } finally {
    await other.stop();
  }
});

test("/start for someone who has consented shows the help with the photo-check hint", async () => {
  const amina = h.chat();
  await h.onboard(amina);
  const [help] = await h.text(amina, "/start");
  assert.deepEqual(help!.ids, ["help", "photocheck-hint"]);
  assert.deepEqual((await h.text(amina, "/help"))[0]!.ids, ["help", "photocheck-hint"]);
});

test("declining the consent leaves no trace of someone with no family links", async () => {
  const amina = h.chat();
  await h.text(amina, "/start");
  await h.press(amina, "lang:fr");
  const declined = await h.press(amina, "consent:n");
  assert.deepEqual(idsOf(declined), ["consent-declined"]);
  assert.equal(await h.person(amina), undefined);
});

test("a family contact who declines the traveller terms keeps the family link", async () => {
  const traveller = h.chat("Amina");
  const mother = h.chat("Mother");
  await h.onboard(traveller);
  await h.link(traveller, mother);
  const motherId = await h.personId(mother);
  await h.text(mother, "/start");
  const declined = await h.press(mother, "consent:n");
  assert.deepEqual(idsOf(declined), ["consent-declined"]);
  assert.ok(await h.person(mother), "the contact is kept");
  assert.deepEqual(await h.app.deps.contacts.contactsOf(await h.personId(traveller)), [motherId]);
});

test("a family contact changing language is not asked to accept the traveller terms", async () => {
  const traveller = h.chat();
  const mother = h.chat("Mother");
  await h.onboard(traveller);
  await h.link(traveller, mother);
  const [picker] = await h.text(mother, "/language");
  assert.deepEqual(picker!.ids, ["language-prompt"]);
  const changed = await h.press(mother, "lang:es");
  assert.deepEqual(idsOf(changed), ["language-set"]);
  assert.equal((await h.person(mother))?.locale, "es");
});

test("an unknown language in a button changes nothing", async () => {
  const amina = h.chat();
  await h.text(amina, "/start");
  assert.deepEqual(await h.press(amina, "lang:xx"), []);
  assert.equal((await h.person(amina))?.locale, undefined);
});
