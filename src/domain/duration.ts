/** Parsing of human durations ("45m", "6h", "1d", "90s") and deadlines (a duration or an ISO time). */
const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Arabic-Indic (٠-٩) and Persian (۰-۹) digits as typed on Arabic-script keyboards, to ASCII. */
export function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String((d.charCodeAt(0) - 0x0660) % 0x90));
}

export function parseDuration(text: string): number | undefined {
  const m = /^\s*(\d{1,5})\s*([smhd])\s*$/i.exec(asciiDigits(text));
  if (!m) return undefined;
  const ms = Number(m[1]) * UNIT_MS[m[2]!.toLowerCase()]!;
  return ms > 0 ? ms : undefined;
}

export type DeadlineResult =
  | { ok: true; at: Date }
  | { ok: false; error: "deadline_invalid" | "deadline_past" | "deadline_too_far" };

export const MAX_TRIP_MS = 14 * 86_400_000;

export function parseDeadline(text: string, now: Date): DeadlineResult {
  const trimmed = asciiDigits(text).trim();
  const duration = parseDuration(trimmed);
  let at: Date | undefined;
  if (duration !== undefined) at = new Date(now.getTime() + duration);
  else if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(trimmed)) {
    const parsed = new Date(trimmed);
    if (!Number.isNaN(parsed.getTime())) at = parsed;
  }
  if (!at) return { ok: false, error: "deadline_invalid" };
  if (at.getTime() <= now.getTime()) return { ok: false, error: "deadline_past" };
  if (at.getTime() - now.getTime() > MAX_TRIP_MS) return { ok: false, error: "deadline_too_far" };
  return { ok: true, at };
}
