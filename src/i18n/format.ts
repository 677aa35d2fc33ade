import type { Locale } from "../domain/locale.ts";

/** Local date and time at a landmark, Gregorian calendar, in the reader's locale conventions. */
export function formatLocalTime(at: Date, locale: Locale | string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    calendar: "gregory",
    dateStyle: "medium",
    timeStyle: "short",
  }).format(at);
}
