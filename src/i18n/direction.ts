/**
 * Paragraph direction of outgoing text. Chat clients pick each paragraph's direction from its first
 * strong character, so a Persian message that starts with a Latin name ("Amina ...") is laid out left to
 * right. A leading RLM (for right-to-left readers) or LRM (for the others) on every line fixes the
 * direction by the reader's language instead; the marks are invisible.
 */
import { RTL_LOCALES, isLocale } from "../domain/locale.ts";

export const RLM = "\u200f";
export const LRM = "\u200e";

export type Direction = "rtl" | "ltr";

export function directionOf(locale: string | undefined): Direction {
  return isLocale(locale) && RTL_LOCALES.has(locale) ? "rtl" : "ltr";
}

/** Each line (a paragraph to the bidi algorithm) starts with the reader's direction mark, once. */
export function withDirection(text: string, direction: Direction): string {
  const mark = direction === "rtl" ? RLM : LRM;
  return text
    .split("\n")
    .map((line) => (line === "" ? line : mark + line.replace(/^[\u200e\u200f]+/, "")))
    .join("\n");
}
