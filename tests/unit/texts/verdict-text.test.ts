/** What the family and the traveller read about a verdict: headline, order of reasons, evidence named by source. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { decideVerdict, type Signals } from "../../../src/domain/verdict.ts";
import { familyVerdictText, reasonLines } from "../../../src/texts/verdict-text.ts";
import { I18n } from "../../../src/i18n/i18n.ts";

const i18n = new I18n();
const vars = { traveller: "Amina", landmark: "Gare du Nord", time: "1 Dec 2026, 10:00", zone: "Central European Time" };
const strip = (s: string) => s.replace(/[\u2068\u2069]/g, "");
const base: Signals = {
  photoForwarded: false,
  location: { status: "within", source: "pin", distanceM: 30 },
  captureTime: { status: "missing" },
  replay: { status: "original" },
  visual: { status: "no_match", score: 0.05 },
};

test("an unrecognised photo with a dropped pin: no 'checked in', leads with what could not be confirmed, photo labelled", () => {
  const verdict = decideVerdict(base);
  assert.equal(verdict.status, "partial");
  const { text, withPhoto } = familyVerdictText(i18n, "en", verdict, vars, () => undefined);
  const lines = strip(text).split("\n");
  assert.doesNotMatch(strip(text), /checked in|arrived/i);
  assert.match(lines[0]!, /^⚠️ Not fully confirmed: Amina/);
  assert.equal(lines[1], "Could NOT be confirmed:");
  assert.match(lines[2]!, /✘ photo not recognised as the place/);
  assert.ok(lines.some((l) => /a pin dropped on the map 30 m from the place \(placed by hand/.test(l)), text);
  assert.match(lines.at(-1)!, /The photo was NOT recognised as Gare du Nord/);
  assert.equal(withPhoto, true, "the photo goes only with the headline that says it was not recognised");
});

test("an unrecognised photo taken in the dark, of a place with daylight references only: says why, in every language", () => {
  const verdict = decideVerdict({ ...base, visual: { status: "no_match", score: 0.05, dark: true } });
  assert.equal(verdict.status, "partial");
  const { text, withPhoto } = familyVerdictText(i18n, "en", verdict, vars, () => undefined);
  const lines = strip(text).split("\n");
  assert.match(lines[2]!, /✘ photo not recognised as the place: it was taken in the dark/);
  assert.match(lines.at(-1)!, /The photo was NOT recognised as Gare du Nord\. It was taken in the dark/);
  assert.doesNotMatch(strip(text), /may show another place/);
  assert.equal(withPhoto, true);
  for (const locale of ["ar", "ckb", "es", "fa", "fr", "prs", "ps", "so", "ti", "uk", "ur"] as const) {
    const other = familyVerdictText(i18n, locale, verdict, vars, () => undefined).text;
    assert.notEqual(strip(other).split("\n").at(-1), strip(familyVerdictText(i18n, locale, decideVerdict(base), vars, () => undefined).text).split("\n").at(-1), locale);
    assert.doesNotMatch(other, /reason-|family-photo/, locale);
  }
});

test("a contradiction: needs attention, names it first in km, and shows no photo", () => {
  const verdict = decideVerdict({ ...base, photoGps: { status: "contradicts", distanceM: 1_180_432 }, visual: { status: "not_evaluated" } });
  const { text, withPhoto } = familyVerdictText(i18n, "en", verdict, vars, () => undefined);
  const lines = strip(text).split("\n");
  assert.match(lines[0]!, /^⚠️ Needs attention: Amina .*NOT a confirmed arrival/);
  assert.equal(lines[1], "Could NOT be confirmed:");
  assert.equal(lines[2], "✘ the photo's GPS is 1,180 km away from the location sent: they contradict each other");
  assert.equal(withPhoto, false);
  assert.match(lines.at(-1)!, /photo is not shown/);
});

test("live location and dropped pin are named differently", () => {
  const live = reasonLines(i18n, "en", decideVerdict({ ...base, location: { status: "within", source: "live", distanceM: 12 } }), () => undefined);
  const pin = reasonLines(i18n, "en", decideVerdict(base), () => undefined);
  assert.ok(live.some((l) => strip(l) === "✔ live location 12 m from the place"), live.join("|"));
  assert.ok(pin.some((l) => /pin dropped on the map/.test(l)));
  assert.ok(!live.some((l) => /pin/.test(l)));
});

test("distances above 1000 m are in km in the reader's digits", () => {
  const far = decideVerdict({ ...base, location: { status: "outside", source: "live", distanceM: 4_807_767 } });
  assert.ok(reasonLines(i18n, "en", far, () => undefined).some((l) => strip(l).includes("4,808 km")));
  assert.ok(reasonLines(i18n, "ar", far, () => undefined).some((l) => strip(l).includes("٤٬٨٠٨ كم")));
  assert.ok(reasonLines(i18n, "fr", far, () => undefined).some((l) => /^4\s808\skm$/u.test(strip(l).match(/4.808.km/u)?.[0] ?? "")));
});

test("a verified arrival keeps its headline and shows the photo", () => {
  const verdict = decideVerdict({ ...base, visual: { status: "match", score: 0.9 } });
  const { text, withPhoto } = familyVerdictText(i18n, "en", verdict, vars, () => undefined);
  assert.match(strip(text), /^✅ Amina arrived at Gare du Nord/);
  assert.equal(withPhoto, true);
});
