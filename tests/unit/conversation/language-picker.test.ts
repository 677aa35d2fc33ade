/** The language picker (src/conversation/language-picker.ts): every supported language, in its own name. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { LOCALE_NAMES, SUPPORTED_LOCALES } from "../../../src/domain/locale.ts";
import { ConversationHarness } from "../../support/conversation-harness.ts";

let h: ConversationHarness;
before(async () => (h = await ConversationHarness.start()));
after(() => h.stop());

test("one button per supported language, labelled in that language, two to a row", async () => {
  const [picker] = await h.text(h.chat(), "/language");
  assert.deepEqual(picker!.ids, ["language-prompt"]);
  assert.deepEqual(
    picker!.buttons.flat().map((b) => [b.data, b.label]),
    SUPPORTED_LOCALES.map((l) => [`lang:${l}`, LOCALE_NAMES[l]]),
  );
  assert.ok(picker!.buttons.every((row) => row.length <= 2));
  assert.equal(picker!.buttons.length, Math.ceil(SUPPORTED_LOCALES.length / 2));
});

test("the prompt is in the language the client hints at, before any is chosen", async () => {
  const [picker] = await h.text(h.chat("Amina", "fr-FR"), "/language");
  assert.equal(picker!.text, h.app.deps.i18n.t("fr", "language-prompt"));
  assert.notEqual(picker!.text, h.app.deps.i18n.t("en", "language-prompt"));
});
