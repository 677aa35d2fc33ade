/**
 * Telegram refuses a text over 4096 characters and a caption over 1024 ("Bad Request: message is too long",
 * "message caption is too long"; core.telegram.org/bots/api#sendmessage, #sendphoto). Long texts are split
 * instead: on a paragraph break, else a line break, else a space, and never inside a surrogate pair or a
 * bidi isolate (FSI/LRI/RLI ... PDI, which Fluent puts around every variable). Lengths are counted in UTF-16
 * code units, never fewer than Telegram's count of characters.
 */
export const TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;

const ISOLATE_OPEN = new Set([0x2066, 0x2067, 0x2068]);
const ISOLATE_CLOSE = 0x2069;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Where to end the first part of `text` (at most `limit` code units), by the preferences above. */
function cutPoint(text: string, limit: number): number {
  // safe[i]: a cut before index i keeps pairs and isolates whole.
  const safe: boolean[] = new Array<boolean>(limit + 1).fill(false);
  let depth = 0;
  for (let i = 0; i <= limit; i++) {
    const c = text.charCodeAt(i);
    safe[i] = depth === 0 && !(isLow(c) && isHigh(text.charCodeAt(i - 1)));
    if (ISOLATE_OPEN.has(c)) depth++;
    else if (c === ISOLATE_CLOSE && depth > 0) depth--;
  }
  const floor = Math.floor(limit / 2);
  for (const boundary of [/\n[ \t]*\n/g, /\n/g, /[ \t]/g]) {
    let best = -1;
    for (const m of text.slice(0, limit + 1).matchAll(boundary)) {
      const end = m.index + m[0].length;
      if (m.index >= floor && end <= limit && safe[m.index]) best = end;
    }
    if (best > 0) return best;
  }
  for (let i = limit; i > 0; i--) if (safe[i]) return i;
  // One isolate longer than the limit: cut inside it, but still not inside a surrogate pair.
  return isLow(text.charCodeAt(limit)) && isHigh(text.charCodeAt(limit - 1)) ? limit - 1 : limit;
}

/** The first part of `text` within `firstLimit`, then the rest in parts within `limit`; no part empty. */
export function splitText(text: string, limit = TEXT_LIMIT, firstLimit = limit): string[] {
  const parts: string[] = [];
  let rest = text;
  let max = firstLimit;
  while (rest.length > max) {
    const cut = cutPoint(rest, max);
    const part = rest.slice(0, cut).trimEnd();
    if (part !== "") parts.push(part);
    rest = rest.slice(cut).replace(/^\s+/, "");
    max = limit;
  }
  if (rest.trim() !== "" || parts.length === 0) parts.push(rest);
  return parts;
}

/** Where a split message resumes, and how the parts sent are recorded (TelegramOutbox keeps them in Redis). */
export interface DeliveryProgress {
  /** The first part not sent yet. */
  from: number;
  /** Called before part `next` is sent: every part before it went out. */
  sent: (next: number) => Promise<void>;
}
