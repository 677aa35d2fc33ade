/**
 * Unicode bidi controls: embeddings and overrides (U+202A-202E), isolates (U+2066-2069), the LRM/RLM marks
 * (U+200E/F) and the Arabic letter mark (U+061C). In a name they make text display as something else
 * (U+202E turns "evil" into what reads as "live") and can leak their direction into the text around them.
 * Joiners (ZWNJ, ZWJ) stay: Persian words and emoji need them.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/gu;

/** A name as staff typed it, without bidi controls; the app adds its own isolation where it shows it. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, "");
}
