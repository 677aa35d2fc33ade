import { test } from "node:test";
import assert from "node:assert/strict";
import { localeOf } from "../../../src/domain/person.ts";

test("a person is written to in the language they chose, else their client's, else English", () => {
  assert.equal(localeOf({ locale: "fa" }, "ar-EG"), "fa", "a chosen language wins over the client's");
  assert.equal(localeOf({}, "ar-EG"), "ar", "the client's language when none was chosen");
  assert.equal(localeOf(undefined, "uk"), "uk", "someone not known yet: the client's language");
  assert.equal(localeOf({}, "xx-YY"), "en", "a client language the bot does not speak");
  assert.equal(localeOf(undefined), "en");
});
