/** One turn (src/conversation/turn.ts): which language a person is answered in, and how replies and notices go out. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { ConversationHarness } from "../../support/conversation-harness.ts";

let h: ConversationHarness;
before(async () => (h = await ConversationHarness.start()));
after(() => h.stop());

test("a person's chosen language wins over the client's hint; with neither, English", async () => {
  const chosen = h.chat("A", "fr");
  await h.text(chosen, "/start");
  await h.press(chosen, "lang:es");
  assert.equal((await h.text(chosen, "/help"))[0]!.text.split("\n")[0], h.app.deps.i18n.t("es", "help").split("\n")[0]);

  const hinted = h.chat("B", "ar-EG");
  assert.equal((await h.text(hinted, "/nonsense"))[0]!.text, h.app.deps.i18n.t("ar", "unknown-command"));

  const unknown = h.chat("C", "tlh");
  assert.equal((await h.text(unknown, "/nonsense"))[0]!.text, h.app.deps.i18n.t("en", "unknown-command"));
});

test("a notice to another person is in that person's language and at normal priority; the sender's reply is low", async () => {
  const traveller = h.chat("Amina");
  const mother = h.chat("Mother", "fr");
  await h.onboard(traveller, "en");
  await h.link(traveller, mother);
  const motherId = await h.personId(mother);
  const sent = await h.press(traveller, `unl:c:${motherId}`);
  const reply = sent.find((s) => s.to.chatId === traveller.address.chatId)!;
  const notice = sent.find((s) => s.to.chatId === mother.address.chatId)!;
  assert.equal(reply.priority, "low");
  assert.equal(notice.priority, undefined, "normal priority");
  assert.equal(notice.text, h.app.deps.i18n.t("fr", "link-ended", { name: "Amina" }));
});
