/** Dashboard texts (locales/dashboard/<locale>/): same ids and variables as English, reviewed headers, every id used exists. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { FluentResource } from "@fluent/bundle";
import { DASHBOARD_LOCALES, DASHBOARD_LOCALES_DIR, dashboardI18n } from "../../../src/web/dashboard/i18n.ts";

const SOURCE_DIR = path.resolve(import.meta.dirname, "../../../src/web/dashboard");
const REVIEW_HEADER = "# Review status: machine-written, needs a native reviewer";

interface Entry { id: string; value: unknown }

function entries(locale: string): { source: string; ids: string[]; vars: Map<string, string[]> } {
  const source = readFileSync(path.join(DASHBOARD_LOCALES_DIR, locale, "dashboard.ftl"), "utf8");
  const body = new FluentResource(source).body as unknown as Entry[];
  const vars = new Map<string, string[]>();
  for (const e of body) vars.set(e.id, [...JSON.stringify(e.value).matchAll(/"type":"var","name":"([a-z]+)"/g)].map((m) => m[1]!).sort());
  return { source, ids: body.map((e) => e.id), vars };
}

const english = entries("en");

test("every dashboard locale has one file, parsing without junk, with English's ids and variables", () => {
  for (const locale of DASHBOARD_LOCALES) {
    assert.deepEqual(readdirSync(path.join(DASHBOARD_LOCALES_DIR, locale)), ["dashboard.ftl"], locale);
    const { source, ids, vars } = entries(locale);
    const starts = source.split("\n").filter((l) => /^[a-zA-Z][\w-]*\s*=/.test(l)).map((l) => l.split("=")[0]!.trim());
    assert.deepEqual(ids, starts, `${locale}: junk or unparsed entries`);
    assert.deepEqual([...ids].sort(), [...english.ids].sort(), `${locale}: ids`);
    for (const id of english.ids) assert.deepEqual(vars.get(id), english.vars.get(id), `${locale}: variables of ${id}`);
    if (locale !== "en") assert.ok(source.includes(REVIEW_HEADER), `${locale}: review status header`);
  }
});

test("translations are not English copies, and Arabic writes its numbers in Arabic-Indic digits", () => {
  const i18n = dashboardI18n();
  const vars = { count: 3, minutes: 12, hours: 24, id: "ab12", email: "a@b.c", who: "a@b.c", file: "x.jpg", other: "y.jpg", language: "ar", event: "e", target: "chat", problem: "p", code: "too_small", reference: "x.jpg", inliers: 20, second: "", needed: 12, landmark: "elsewhere", mb: 20 };
  const sameOk = new Set(["role-admin", "nav-orgs", "alert-channel", "landmark-lat", "landmark-lon", "staff-org", "org-name", "audit-action", "reference-photo", "alert-language", "org-id", "staff-role"]);
  for (const locale of DASHBOARD_LOCALES.filter((l) => l !== "en")) {
    const copied = english.ids.filter((id) => !sameOk.has(id) && i18n.tExact(locale, id, vars) === i18n.tExact("en", id, vars));
    assert.deepEqual(copied, [], `${locale}: identical to English`);
  }
  for (const line of entries("ar").source.split("\n").filter((l) => !l.startsWith("#"))) {
    assert.doesNotMatch(line.replace(/\{[^}]*\}/g, ""), /[0-9]/, `ar: Western digits in ${line}`);
  }
});

test("every message id the dashboard code uses exists in English", () => {
  const used = new Set<string>();
  const prefixes = new Set<string>();
  for (const file of readdirSync(SOURCE_DIR).filter((f) => f.endsWith(".ts"))) {
    const code = readFileSync(path.join(SOURCE_DIR, file), "utf8");
    for (const m of code.matchAll(/\bt\("([a-z][a-z0-9_-]+)"/g)) used.add(m[1]!);
    for (const m of code.matchAll(/\bid: "([a-z][a-z0-9-]+)"/g)) used.add(m[1]!);
    for (const m of code.matchAll(/\bt\(`([a-z][a-z-]+-)\$\{/g)) prefixes.add(m[1]!);
    for (const m of code.matchAll(/\?\s*"([a-z]+-[a-z0-9_-]+)"\s*:\s*"([a-z]+-[a-z0-9_-]+)"/g)) used.add(m[1]!).add(m[2]!);
  }
  const known = new Set(english.ids);
  assert.ok(used.size > 100, "found the ids the code uses");
  assert.deepEqual([...used].filter((id) => !known.has(id)), []);
  for (const p of prefixes) assert.ok(english.ids.some((id) => id.startsWith(p)), `no message starting with ${p}`);
  for (const r of ["role-caseworker", "role-coordinator", "role-admin", "status-open", "status-acknowledged", "status-resolved", "kind-missed", "kind-duress",
    "verdict-verified", "verdict-partial", "verdict-not_verified", "quality-low_resolution", "quality-near_duplicate", "quality-few_features", "quality-blurry", "quality-small", "queue-waiting", "queue-failed",
    "event-kind-opened", "event-kind-resolved", "password-problem-too_short", "password-problem-common", "password-problem-contains_email",
    "password-problem-too_long", "password-problem-too_few_characters"]) {
    assert.ok(known.has(r), r);
  }
});
