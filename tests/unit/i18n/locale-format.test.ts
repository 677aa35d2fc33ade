/** Language matching, endonyms, the English fallback chain, and locale-aware dates and digits. */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { LOCALE_NAMES, RTL_LOCALES, SUPPORTED_LOCALES, isLocale, matchLocale, type Locale } from "../../../src/domain/locale.ts";
import { FORMAT_LOCALES, formatLocalTime, formatNumber, formattingLocale } from "../../../src/i18n/format.ts";
import { I18n, fallbackChain } from "../../../src/i18n/i18n.ts";

function localDigits(text: string, locale: Locale): string {
  return text.replace(/[0-9]/g, (d) => formatNumber(Number(d), locale));
}

describe("matchLocale", () => {
  const cases: [string | undefined, Locale | undefined][] = [
    ["en", "en"], ["en-US", "en"], ["EN_gb", "en"],
    ["ar", "ar"], ["ar-SY", "ar"], ["ar-EG", "ar"], ["ar_IQ", "ar"], ["apc", "ar"], ["arz", "ar"],
    ["fa", "fa"], ["fa-IR", "fa"], ["fa-AF", "prs"], ["fa_af", "prs"], ["fa-Arab-AF", "prs"], ["prs", "prs"], ["prs-AF", "prs"],
    ["ps", "ps"], ["ps-AF", "ps"], ["ps-PK", "ps"], ["pbt", "ps"],
    ["ckb", "ckb"], ["ckb-IQ", "ckb"], ["ckb-IR", "ckb"], ["ku", "ckb"], ["ku-IQ", "ckb"], ["ku-Arab", "ckb"],
    ["ku-Latn", undefined], ["ku-TR", undefined],
    ["ti", "ti"], ["ti-ER", "ti"], ["ti-ET", "ti"],
    ["so", "so"], ["so-SO", "so"], ["ur", "ur"], ["ur-PK", "ur"],
    ["fr", "fr"], ["fr-CA", "fr"], ["es", "es"], ["es-419", "es"], ["uk", "uk"], ["uk-UA", "uk"],
    ["de", undefined], ["ru", undefined], ["zh-Hans", undefined], ["", undefined], [undefined, undefined], ["-", undefined],
  ];
  for (const [tag, expected] of cases) {
    test(`${JSON.stringify(tag)} -> ${expected}`, () => assert.equal(matchLocale(tag), expected));
  }
});

describe("locales", () => {
  test("twelve locales, each with its own name in itself, distinct", () => {
    assert.deepEqual([...SUPPORTED_LOCALES].sort(), ["ar", "ckb", "en", "es", "fa", "fr", "prs", "ps", "so", "ti", "uk", "ur"]);
    assert.equal(SUPPORTED_LOCALES[0], "en");
    const names = SUPPORTED_LOCALES.map((l) => LOCALE_NAMES[l]);
    assert.equal(new Set(names).size, names.length);
    assert.equal(LOCALE_NAMES.ar, "العربية");
    assert.equal(LOCALE_NAMES.fa, "فارسی");
    for (const l of SUPPORTED_LOCALES) assert.ok(isLocale(l) && LOCALE_NAMES[l].length > 1);
  });

  test("right-to-left locales are the Arabic-script ones", () => {
    assert.deepEqual([...RTL_LOCALES].sort(), ["ar", "ckb", "fa", "prs", "ps", "ur"]);
    for (const l of RTL_LOCALES) assert.match(LOCALE_NAMES[l], /^[\u0600-\u06FF\s]+$/);
  });

  test("fallback chains end in English; Dari falls back to Persian first", () => {
    assert.deepEqual(fallbackChain("prs"), ["prs", "fa", "en"]);
    assert.deepEqual(fallbackChain("ar"), ["ar", "en"]);
    assert.deepEqual(fallbackChain("en"), ["en"]);
    assert.deepEqual(fallbackChain("xx"), ["xx", "en"]);
  });
});

describe("fallback at render time", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "i18n-"));
  const write = (locale: string, body: string) => {
    mkdirSync(path.join(dir, locale), { recursive: true });
    writeFileSync(path.join(dir, locale, "main.ftl"), body);
  };
  write("en", "only-en = English { $name }\nin-fa = Persian missing\nbroken = Hello { $name }\n");
  write("fa", "in-fa = فارسی { $name }\nbroken = سلام { $other }\n");
  write("prs", "hello = سلام\n");
  const i18n = new I18n(dir);

  test("a missing message falls back along the chain, never to the id", () => {
    assert.equal(i18n.t("prs", "in-fa", { name: "x" }), "فارسی \u2068x\u2069");
    assert.equal(i18n.t("prs", "only-en", { name: "x" }), "English \u2068x\u2069");
    assert.equal(i18n.t("ar", "only-en", { name: "x" }), "English \u2068x\u2069");
    assert.throws(() => i18n.t("prs", "nowhere"), /missing message nowhere/);
  });

  test("a translation with a Fluent error falls back to English; tExact reports it", () => {
    assert.equal(i18n.t("fa", "broken", { name: "x" }), "Hello \u2068x\u2069");
    assert.throws(() => i18n.tExact("fa", "broken", { name: "x" }), /fa: message broken/);
    assert.throws(() => i18n.tExact("fa", "only-en"), /fa: message only-en: missing/);
  });

  test("cleanup", () => rmSync(dir, { recursive: true, force: true }));
});

describe("formatting", () => {
  const at = new Date("2026-03-05T14:30:00Z"); // 19:00 in Kabul (+04:30), 14:30 in UTC

  for (const locale of SUPPORTED_LOCALES) {
    test(`${locale}: Gregorian date in the landmark's time zone, in the locale's digits`, () => {
      const kabul = formatLocalTime(at, locale, "Asia/Kabul");
      const utc = formatLocalTime(at, locale, "UTC");
      const resolved = new Intl.DateTimeFormat(formattingLocale(locale), { calendar: "gregory" }).resolvedOptions();
      assert.equal(resolved.calendar, "gregory");
      assert.ok(kabul.includes(localDigits("2026", locale)), `${locale}: Gregorian year: ${kabul}`);
      assert.ok(utc.includes(localDigits("30", locale)), `${locale}: 14:30 UTC shows minute 30: ${utc}`);
      assert.ok(kabul.includes(localDigits("00", locale)), `${locale}: 19:00 in Kabul shows minute 00: ${kabul}`);
      assert.ok(!kabul.replace(localDigits("2026", locale), "").includes(localDigits("30", locale)), `${locale}: not UTC: ${kabul}`);
      assert.notEqual(kabul, utc);
      // No Solar Hijri (1404) or Ethiopian (2018) year.
      assert.ok(!kabul.includes(localDigits("1404", locale)) && !kabul.includes(localDigits("2018", locale)));
    });
  }

  test("digits per locale are the documented choice", () => {
    const expected: Record<Locale, string> = {
      en: "0123456789", ar: "٠١٢٣٤٥٦٧٨٩", fa: "۰۱۲۳۴۵۶۷۸۹", prs: "۰۱۲۳۴۵۶۷۸۹", ps: "۰۱۲۳۴۵۶۷۸۹", ckb: "٠١٢٣٤٥٦٧٨٩",
      ti: "0123456789", so: "0123456789", ur: "0123456789", fr: "0123456789", es: "0123456789", uk: "0123456789",
    };
    for (const l of SUPPORTED_LOCALES) {
      assert.equal([...Array(10).keys()].map((d) => formatNumber(d, l)).join(""), expected[l], l);
      assert.ok(l === "en" || /-u-nu-/.test(FORMAT_LOCALES[l]), `${l}: numbering system pinned`);
    }
  });

  test("Dari formats as Afghan Persian (fa-AF): Afghan month names", () => {
    assert.match(formatLocalTime(at, "prs", "Asia/Kabul"), /مارچ/);
    assert.match(formatLocalTime(at, "fa", "Asia/Tehran"), /مارس/);
  });

  test("unknown tags pass through to Intl", () => {
    assert.equal(formattingLocale("de"), "de");
    assert.match(formatLocalTime(at, "de", "UTC"), /2026/);
  });
});
