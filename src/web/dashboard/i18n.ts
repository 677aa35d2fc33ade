/** Dashboard languages: staff read English, French and Arabic; texts in locales/dashboard/<locale>/. */
import path from "node:path";
import { I18n, LOCALES_DIR, type MessageVars } from "../../i18n/i18n.ts";

export const DASHBOARD_LOCALES = ["en", "fr", "ar"] as const;
export type DashLocale = (typeof DASHBOARD_LOCALES)[number];
export const DASHBOARD_LOCALES_DIR = path.join(LOCALES_DIR, "dashboard");
export const DASHBOARD_LOCALE_NAMES: Record<DashLocale, string> = { en: "English", fr: "Français", ar: "العربية" };
const RTL: ReadonlySet<string> = new Set(["ar"]);

export function isDashLocale(value: unknown): value is DashLocale {
  return typeof value === "string" && (DASHBOARD_LOCALES as readonly string[]).includes(value);
}

export function direction(locale: string): "rtl" | "ltr" {
  return RTL.has(locale) ? "rtl" : "ltr";
}

/** The first supported language of an Accept-Language header. */
export function fromAcceptLanguage(header: string | undefined): DashLocale | undefined {
  if (!header) return undefined;
  const tags = header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: (tag ?? "").toLowerCase().split("-")[0]!, q: q ? Number(q.slice(2)) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  return tags.map((t) => t.tag).find(isDashLocale);
}

export type Translate = (id: string, vars?: MessageVars) => string;

let shared: I18n | undefined;
export function dashboardI18n(): I18n {
  shared ??= new I18n(DASHBOARD_LOCALES_DIR);
  return shared;
}

/** Text for staff pages: Fluent's bidi isolation marks are kept; they are invisible and keep mixed-direction text in order. */
export function translator(locale: DashLocale): Translate {
  const i18n = dashboardI18n();
  return (id, vars) => i18n.t(locale, id, vars);
}
