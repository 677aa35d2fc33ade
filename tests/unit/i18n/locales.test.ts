/** Every locale's Fluent files: parse, same ids and variables as English, render without leaks, RTL isolation, digits. */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { FluentResource } from "@fluent/bundle";
import { RTL_LOCALES, SUPPORTED_LOCALES, type Locale } from "../../../src/domain/locale.ts";
import { I18n, LOCALES_DIR, type MessageVars } from "../../../src/i18n/i18n.ts";
import { formatLocalTime, formatNumber, formatZone } from "../../../src/i18n/format.ts";

const FSI = "\u2068";
const PDI = "\u2069";
const REVIEW_HEADER = "# Review status: machine-written, needs a native reviewer";

/** The locale's own digits for 0-9, as the bot formats numbers. */
function localDigits(text: string, locale: Locale): string {
  return text.replace(/[0-9]/g, (d) => formatNumber(Number(d), locale));
}

/** The digits each locale is expected to show (the deliberate choice documented in src/i18n/format.ts). */
const EXPECTED_THIRTY: Record<Locale, string> = {
  en: "30", ar: "٣٠", fa: "۳۰", prs: "۳۰", ps: "۳۰", ckb: "٣٠",
  ti: "30", so: "30", ur: "30", fr: "30", es: "30", uk: "30",
};

// ---- Fluent AST walk (the runtime AST of @fluent/bundle) ----

type Node = string | { type: string; [key: string]: unknown };
type Pattern = string | Node[];
interface Entry { id: string; value: Pattern | null; attributes: Record<string, Pattern> }

function walkExpression(node: Node, vars: Set<string>, literals: string[]): void {
  if (typeof node === "string") return;
  switch (node.type) {
    case "var":
      vars.add(node.name as string);
      return;
    case "str":
      literals.push(node.value as string);
      return;
    case "select":
      walkExpression(node.selector as Node, vars, literals);
      for (const v of node.variants as { value: Pattern }[]) walkPattern(v.value, vars, literals, []);
      return;
    case "func":
    case "term":
      for (const a of node.args as Node[]) walkExpression(a, vars, literals);
      return;
    case "narg":
      walkExpression(node.value as Node, vars, literals);
      return;
    default:
      return;
  }
}

/** Collects variables, string-literal placeables and literal text of a pattern. */
function walkPattern(pattern: Pattern | null, vars: Set<string>, literals: string[], text: string[]): void {
  if (pattern === null) return;
  if (typeof pattern === "string") {
    text.push(pattern);
    return;
  }
  for (const el of pattern) {
    if (typeof el === "string") text.push(el);
    else if (el.type === "select") {
      walkExpression(el.selector as Node, vars, literals);
      for (const v of el.variants as { value: Pattern }[]) walkPattern(v.value, vars, literals, text);
    } else walkExpression(el, vars, literals);
  }
}

interface Parsed { file: string; entries: Entry[]; source: string }

function parseFile(file: string): Parsed {
  const source = readFileSync(file, "utf8");
  const resource = new FluentResource(source);
  return { file, source, entries: resource.body as unknown as Entry[] };
}

function localeFiles(locale: string): string[] {
  const dir = path.join(LOCALES_DIR, locale);
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".ftl")).sort() : [];
}

interface MessageInfo { vars: Set<string>; literals: string[]; text: string[]; file: string }

function messagesOf(locale: string): Map<string, MessageInfo> {
  const out = new Map<string, MessageInfo>();
  for (const f of localeFiles(locale)) {
    for (const entry of parseFile(path.join(LOCALES_DIR, locale, f)).entries) {
      const info: MessageInfo = { vars: new Set(), literals: [], text: [], file: f };
      walkPattern(entry.value, info.vars, info.literals, info.text);
      for (const attr of Object.values(entry.attributes ?? {})) walkPattern(attr, info.vars, info.literals, info.text);
      assert.ok(!out.has(entry.id), `${locale}: duplicate message ${entry.id}`);
      out.set(entry.id, info);
    }
  }
  return out;
}

const english = messagesOf("en");
const englishFiles = localeFiles("en");
const i18n = new I18n();

/** Plausible values for every variable the English messages use, with Arabic-script names. */
function dummyVars(locale: Locale): MessageVars {
  const at = new Date("2026-03-05T14:30:00Z");
  const time = formatLocalTime(at, locale, "Asia/Kabul");
  return {
    days: 30,
    link: "https://t.me/SafeArrivalBot?start=Ab12Cd34",
    traveller: "أمينة",
    contact: "يوسف",
    name: "أمينة",
    landmark: "ساحة الحرية ٧",
    deadline: time,
    time,
    max: time,
    zone: "Asia/Kabul",
    id: "A-1042",
    mb: 20,
    distance: 120,
    minutes: 5,
    count: 3,
    result: "✔",
    ngo: "منظمة الأمل",
    language: "ar",
    channel: "telegram",
    code: "AQx7Lm2kRtQ9",
    hours: 5,
  };
}

describe("locale files", () => {
  test("all twelve locales have a folder with the same files as English", () => {
    assert.equal(SUPPORTED_LOCALES.length, 12);
    assert.deepEqual(englishFiles, ["deadlines.ftl", "main.ftl", "proof.ftl", "telegram.ftl", "verdicts.ftl"]);
    for (const locale of SUPPORTED_LOCALES) {
      assert.deepEqual(localeFiles(locale), englishFiles, `${locale}: files`);
    }
    assert.deepEqual(i18n.locales().sort(), [...SUPPORTED_LOCALES].sort());
  });

  for (const locale of SUPPORTED_LOCALES) {
    test(`${locale}: every file parses without junk and carries its review status`, () => {
      for (const f of localeFiles(locale)) {
        const { entries, source } = parseFile(path.join(LOCALES_DIR, locale, f));
        // @fluent/bundle skips junk silently: every top-level "id =" line must have become a message.
        const starts = source.split("\n").filter((l) => /^[a-zA-Z][\w-]*\s*=/.test(l)).map((l) => l.split("=")[0]!.trim());
        assert.deepEqual(entries.map((e) => e.id), starts, `${locale}/${f}: junk or unparsed entries`);
        const strays = source.split("\n").filter((l) => l !== "" && !/^[a-zA-Z#\s]/.test(l));
        assert.deepEqual(strays, [], `${locale}/${f}: stray top-level lines`);
        if (locale !== "en") assert.ok(source.includes(REVIEW_HEADER), `${locale}/${f}: review status header`);
      }
    });

    test(`${locale}: exactly English's message ids, in the same files, with the same variables`, () => {
      const messages = messagesOf(locale);
      assert.deepEqual([...messages.keys()].sort(), [...english.keys()].sort(), `${locale}: message ids`);
      for (const [id, en] of english) {
        const m = messages.get(id)!;
        assert.equal(m.file, en.file, `${locale}: ${id} is in ${en.file}`);
        assert.deepEqual([...m.vars].sort(), [...en.vars].sort(), `${locale}: variables of ${id}`);
      }
    });
  }
});

describe("translations", () => {
  // Symbols, and "No", which is the same word in Spanish.
  const SAME_AS_ENGLISH_OK = new Set(["reason-ok", "reason-not-ok", "ngo-consent-no"]);

  for (const locale of SUPPORTED_LOCALES.filter((l) => l !== "en")) {
    test(`${locale}: messages are translated, not copied from English`, () => {
      const vars = dummyVars(locale);
      const copied = [...english.keys()].filter(
        (id) => !SAME_AS_ENGLISH_OK.has(id) && i18n.tExact(locale, id, vars) === i18n.tExact("en", id, dummyVars("en")),
      );
      assert.deepEqual(copied, [], `${locale}: messages identical to English`);
    });

    test(`${locale}: numbers written in the text use the locale's digits`, () => {
      const rtlDigits = /[0-9]/;
      const arabicIndic = /[\u0660-\u0669\u06F0-\u06F9]/;
      for (const [id, m] of messagesOf(locale)) {
        const text = m.text.join("");
        if (EXPECTED_THIRTY[locale] === "30") assert.doesNotMatch(text, arabicIndic, `${locale}: ${id}`);
        // Typed examples (45m, /extend 1h, 2026-12-01T18:00) are string-literal placeables, so text has no 0-9.
        else assert.doesNotMatch(text, rtlDigits, `${locale}: ${id} has Western digits outside a placeable`);
      }
    });
  }

  test("Arabic-script locales keep commands and typed examples in placeables (isolated, left to right)", () => {
    for (const locale of RTL_LOCALES) {
      for (const [id, m] of messagesOf(locale)) {
        assert.doesNotMatch(m.text.join(""), /\/[a-z]/, `${locale}: ${id} has a bare /command`);
      }
    }
  });
});

describe("rendering", () => {
  const SAMPLE = ["family-arrived", "invite-preview", "trip-created", "reason-location_within-live", "family-alert-missed", "status-contacts"];
  const allIds = [...english.keys()];
  const multiPartIds = allIds.filter((id) => id.includes("-"));

  for (const locale of SUPPORTED_LOCALES) {
    test(`${locale}: sample messages with Arabic-script names and numbers are isolated and leak nothing`, () => {
      const vars = dummyVars(locale);
      for (const id of SAMPLE) {
        const text = i18n.tExact(locale, id, vars);
        assert.doesNotMatch(text, /[{}$]/, `${locale}: ${id}: ${text}`);
        for (const leaked of multiPartIds) assert.ok(!text.includes(leaked), `${locale}: ${id} leaks ${leaked}`);
        for (const name of english.get(id)!.vars) {
          const value = vars[name]!;
          // A zone is shown by its name in the reader's language, never as the raw IANA id.
          const shown = typeof value === "number" ? formatNumber(value, locale) : name === "zone" ? formatZone(String(value), locale) : String(value);
          assert.ok(text.includes(`${FSI}${shown}${PDI}`), `${locale}: ${id}: $${name} is isolated as ${shown}: ${text}`);
        }
      }
      const arrived = i18n.tExact(locale, "family-arrived", vars);
      assert.ok(arrived.includes(`${FSI}أمينة${PDI}`), `${locale}: traveller name isolated`);
      assert.ok(arrived.includes(`${FSI}ساحة الحرية ٧${PDI}`), `${locale}: landmark name isolated`);
      assert.ok(arrived.includes(localDigits("2026", locale)), `${locale}: Gregorian year in local digits`);
      assert.ok(arrived.includes(`${FSI}${formatZone("Asia/Kabul", locale)}${PDI}`), `${locale}: says which zone`);
      assert.ok(!arrived.includes("Asia/Kabul"), `${locale}: no raw zone id: ${arrived}`);
      if (locale !== "en") assert.doesNotMatch(formatZone("Europe/Paris", locale), /Europe\/Paris|GMT|UTC/, `${locale}: a localized zone name`);
      const within = i18n.tExact(locale, "reason-location_within-live", vars);
      assert.ok(within.includes(`${FSI}${localDigits("120", locale)}${PDI}`), `${locale}: distance in local digits`);
    });

    test(`${locale}: every message renders in this locale without a Fluent error or a raw id`, () => {
      const vars = dummyVars(locale);
      for (const id of allIds) {
        const text = i18n.tExact(locale, id, vars); // throws on a missing message or a Fluent error
        assert.notEqual(text.trim(), id, `${locale}: ${id}`);
        assert.ok(text.trim().length > 0, `${locale}: ${id} is empty`);
        assert.doesNotMatch(text, /[{}]|\$[a-z]/, `${locale}: ${id}: ${text}`);
        for (const leaked of multiPartIds) assert.ok(!text.includes(leaked), `${locale}: ${id} leaks ${leaked}`);
        assert.equal(i18n.t(locale, id, vars), text, `${locale}: ${id} does not fall back`);
      }
    });

    test(`${locale}: consent text names the retention in the locale's digits and who sees the data`, () => {
      const consent = i18n.tExact(locale, "consent-text", { days: 30, minutes: 10 });
      assert.ok(consent.includes(`${FSI}${EXPECTED_THIRTY[locale]}${PDI}`), `${locale}: retention days: ${consent}`);
      assert.equal(formatNumber(30, locale), EXPECTED_THIRTY[locale]);
      assert.ok(consent.includes(`${FSI}/forget${PDI}`) || consent.includes("/forget"), `${locale}: /forget`);
      // Five parts, like English: intro, what we keep, photos, how long, who sees it.
      assert.ok(consent.split("\n").length >= 5, `${locale}: consent has all parts`);
      const days7 = i18n.tExact(locale, "consent-text", { days: 7, minutes: 10 });
      assert.ok(days7.includes(`${FSI}${localDigits("7", locale)}${PDI}`), `${locale}: days is a variable, not fixed text`);
    });
  }
});
