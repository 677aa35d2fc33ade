/** Locales the bot ships. The first is the fallback for anything missing. */
export const SUPPORTED_LOCALES = ["en", "fr", "ar", "es", "fa", "uk"] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** Maps a client language tag such as "fr-CA" or "ar" to a shipped locale, if any. */
export function matchLocale(tag: string | undefined): Locale | undefined {
  if (!tag) return undefined;
  const base = tag.toLowerCase().split(/[-_]/)[0];
  return isLocale(base) ? base : undefined;
}

/** Each language's name in itself, for the language picker. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  fr: "Français",
  ar: "العربية",
  es: "Español",
  fa: "فارسی",
  uk: "Українська",
};
