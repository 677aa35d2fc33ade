/**
 * Locales the bot ships. The first is the fallback for anything missing.
 * The order is the order of the language picker.
 */
export const SUPPORTED_LOCALES = ["en", "ar", "fa", "prs", "ps", "ckb", "ti", "so", "ur", "fr", "es", "uk"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Locales written right to left (Arabic script). */
export const RTL_LOCALES: ReadonlySet<Locale> = new Set<Locale>(["ar", "fa", "prs", "ps", "ckb", "ur"]);

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/**
 * Language subtags (ISO 639-1/-2/-3, including individual languages of a macrolanguage)
 * that mean one of the shipped locales. The base subtag itself always maps when shipped.
 */
const LANGUAGE_ALIASES: Record<string, Locale> = {
  eng: "en",
  // Arabic and its spoken varieties (Egyptian, Levantine, Iraqi, Gulf, Sudanese, Moroccan, Libyan, ...).
  ara: "ar", arb: "ar", arz: "ar", apc: "ar", ajp: "ar", acm: "ar", afb: "ar", apd: "ar",
  ary: "ar", ayl: "ar", aeb: "ar", arq: "ar", acw: "ar", ayn: "ar", ars: "ar", shu: "ar",
  // Persian: Iranian Persian; Dari has its own code.
  per: "fa", fas: "fa", pes: "fa",
  // Pashto and its individual languages (Southern, Northern, Central).
  pus: "ps", pbt: "ps", pbu: "ps", pst: "ps",
  // Central Kurdish (Sorani).
  ckb: "ckb",
  tir: "ti",
  som: "so",
  urd: "ur",
  fre: "fr", fra: "fr",
  spa: "es",
  ukr: "uk",
};

/**
 * Maps a client language tag such as "fr-CA", "fa-AF" or "ar_SY" to a shipped locale, if any.
 * - "fa-AF" (Persian as used in Afghanistan) and "prs" are Dari; other "fa" is Persian.
 * - "ckb" is Sorani. Plain "ku" (generic Kurdish), "ku-Arab", "ku-IQ" and "ku-IR" are taken as
 *   Sorani, the Arabic-script Kurdish we ship; "ku-Latn", "ku-TR" and "ku-SY" are Kurmanji (Latin
 *   script), which we do not ship, so they are left to the language picker.
 * - Any region or script of a shipped language maps to it ("ar-EG" -> "ar", "uk-UA" -> "uk").
 */
export function matchLocale(tag: string | undefined): Locale | undefined {
  if (!tag) return undefined;
  const parts = tag.trim().toLowerCase().split(/[-_]/).filter(Boolean);
  const base = parts[0];
  if (!base) return undefined;
  const rest = parts.slice(1);
  const script = rest.find((p) => p.length === 4 && /^[a-z]+$/.test(p));
  const region = rest.find((p) => (p.length === 2 && /^[a-z]+$/.test(p)) || /^\d{3}$/.test(p));
  if (base === "fa" || base === "per" || base === "fas") return region === "af" ? "prs" : "fa";
  if (base === "ku" || base === "kur") {
    if (script === "latn" || region === "tr" || region === "sy") return undefined;
    return "ckb";
  }
  if (isLocale(base)) return base;
  return LANGUAGE_ALIASES[base];
}

/** Each language's name in itself, for the language picker. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  ar: "العربية",
  fa: "فارسی",
  prs: "دری",
  ps: "پښتو",
  ckb: "کوردی سۆرانی",
  ti: "ትግርኛ",
  so: "Soomaali",
  ur: "اردو",
  fr: "Français",
  es: "Español",
  uk: "Українська",
};
