import { isLocale, type Locale } from "../domain/locale.ts";

/**
 * The Intl locale used to format numbers, dates and times for each shipped locale.
 * Every entry pins its numbering system with a `-u-nu-` extension, so the digits do not change
 * with the ICU version bundled in Node. Checked against Node 20's ICU (74):
 *
 * - en  "en"                   Western digits (0-9).
 * - ar  "ar-u-nu-arab"         Arabic-Indic digits (٠-٩). Node's plain "ar" now gives Western digits,
 *                              but Arabic readers from Syria, Iraq, Sudan, Yemen, Egypt and Palestine
 *                              (most of our Arabic-speaking travellers) use ٠-٩ day to day. Only the
 *                              Maghreb prefers 0-9; they read ٠-٩ too.
 * - fa  "fa-IR-u-nu-arabext"   Extended Arabic-Indic (Persian) digits (۰-۹), as used in Iran.
 * - prs "fa-AF-u-nu-arabext"   Dari: ICU has no "prs" data; "fa-AF" gives Afghan month names (مارچ)
 *                              and Persian digits (۰-۹), as used in Afghanistan.
 * - ps  "ps-AF-u-nu-arabext"   Pashto in Afghanistan: Persian digits (۰-۹), 24-hour clock.
 * - ckb "ckb-IQ-u-nu-arab"     Sorani (Kurdistan Region of Iraq): Arabic-Indic digits (٠-٩), as ICU.
 * - ti  "ti-ER-u-nu-latn"      Tigrinya (Eritrea): Western digits. Ge'ez numerals are not used for
 *                              dates or times day to day.
 * - so  "so-u-nu-latn"         Somali: Western digits.
 * - ur  "ur-PK-u-nu-latn"      Urdu in Pakistan: Western digits, as on Pakistani phones, signs and
 *                              papers (ICU "ur-IN" would give ۰-۹; Indian Urdu is rarer among our users).
 * - fr, es, uk                 Western digits.
 *
 * Dates always use the Gregorian calendar (set explicitly below), never the Solar Hijri, Islamic or
 * Ethiopian calendar a region may default to; the time zone is the landmark's, and every message that
 * shows a time also names that zone.
 */
export const FORMAT_LOCALES: Record<Locale, string> = {
  en: "en",
  ar: "ar-u-nu-arab",
  fa: "fa-IR-u-nu-arabext",
  prs: "fa-AF-u-nu-arabext",
  ps: "ps-AF-u-nu-arabext",
  ckb: "ckb-IQ-u-nu-arab",
  ti: "ti-ER-u-nu-latn",
  so: "so-u-nu-latn",
  ur: "ur-PK-u-nu-latn",
  fr: "fr-u-nu-latn",
  es: "es-u-nu-latn",
  uk: "uk-u-nu-latn",
};

/** The Intl locale to format numbers and dates for a shipped locale (unknown tags pass through). */
export function formattingLocale(locale: Locale | string): string {
  return isLocale(locale) ? FORMAT_LOCALES[locale] : locale;
}

/** A number in the locale's digits, e.g. 30 -> "٣٠" in Arabic. */
export function formatNumber(value: number, locale: Locale | string): string {
  return new Intl.NumberFormat(formattingLocale(locale)).format(value);
}

/**
 * Intl formatters, kept per (kind, locale, zone): making one loads ICU data and costs about as much as a
 * Redis round trip, and a burst of deadlines formats the same few zones thousands of times. Bounded by
 * locales x zones in use; cleared if it ever grows past that.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
const MAX_FORMATTERS = 2_000;
const genericZoneNames = new Map<string, string>();

function dateTimeFormat(kind: string, locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${kind}|${locale}|${options.timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    if (formatters.size >= MAX_FORMATTERS) formatters.clear();
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

/**
 * Times already formatted, per (minute, locale, zone): a burst of deadline reminders shows the same few
 * minutes to thousands of readers, and one format costs as much as the rest of a reminder's text. The text
 * shows hours and minutes only, and zone offsets are whole minutes, so every instant of a minute reads the
 * same. Cleared when it grows past MAX_FORMATTERS.
 */
const localTimes = new Map<string, string>();

/** Local date and time at a landmark, Gregorian calendar, in the reader's locale conventions. */
export function formatLocalTime(at: Date, locale: Locale | string, timeZone: string): string {
  const key = `${Math.floor(at.getTime() / 60_000)}|${locale}|${timeZone}`;
  const known = localTimes.get(key);
  if (known !== undefined) return known;
  const text = dateTimeFormat("time", formattingLocale(locale), {
    timeZone,
    calendar: "gregory",
    dateStyle: "medium",
    timeStyle: "short",
  }).format(at);
  if (localTimes.size >= MAX_FORMATTERS) localTimes.clear();
  localTimes.set(key, text);
  return text;
}

/** Distance formatters per (locale, unit, decimals): three per locale in use. */
const distanceFormats = new Map<string, Intl.NumberFormat>();

/**
 * A distance for reading: whole metres below 1 km, kilometres above (one decimal below 10 km), in the
 * locale's digits and unit words ("30 m", "1,180 km", "١٬١٨٠ كم").
 */
export function formatDistance(metres: number, locale: Locale | string): string {
  const km = metres >= 1000;
  const digits = km && metres < 10_000 ? 1 : 0;
  // Kept like the date formatters: every check-in's verdict text gives distances, a new formatter each cost ICU data.
  const key = `${locale}|${km ? "km" : "m"}|${digits}`;
  let f = distanceFormats.get(key);
  if (!f) {
    if (distanceFormats.size >= MAX_FORMATTERS) distanceFormats.clear();
    f = new Intl.NumberFormat(formattingLocale(locale), { style: "unit", unit: km ? "kilometer" : "meter", unitDisplay: "short", maximumFractionDigits: digits });
    distanceFormats.set(key, f);
  }
  return f.format(km ? metres / 1000 : Math.round(metres));
}

/**
 * A time zone as its readers name it, from the IANA id: "Europe/Paris" -> "Central European Time",
 * "توقيت وسط أوروبا", "heure d’Europe centrale". ICU's generic name, else its long name where the generic
 * one is only an offset (UTC), else the id itself (an unknown zone).
 */
export function formatZone(zone: string, locale: Locale | string): string {
  // The generic name does not change with the date (the long one does, with daylight saving time): kept.
  const key = `${zone}|${locale}`;
  const known = genericZoneNames.get(key);
  if (known) return known;
  const name = (timeZoneName: "longGeneric" | "long") => {
    try {
      return dateTimeFormat(timeZoneName, formattingLocale(locale), { timeZone: zone, timeZoneName })
        .formatToParts(new Date())
        .find((p) => p.type === "timeZoneName")?.value;
    } catch {
      return undefined;
    }
  };
  const generic = name("longGeneric");
  // Where ICU has no generic name it gives an offset ("GMT+00:00", "گرینیچ +٠٠:٠٠"): the long name reads better.
  if (generic && !/[+\-\u2212][\d\u0660-\u0669\u06f0-\u06f9]/u.test(generic)) {
    if (genericZoneNames.size >= MAX_FORMATTERS) genericZoneNames.clear();
    genericZoneNames.set(key, generic);
    return generic;
  }
  return name("long") ?? zone;
}
