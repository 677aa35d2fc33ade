/**
 * WhatsApp addresses. A person's stable chat id is their LID (`123456789012345@lid`) whenever WhatsApp
 * tells it: it names no phone number. A phone-number JID is used only while no LID is known.
 */
export interface ParsedJid {
  user: string;
  device?: number;
  server: string;
}

export function parseJid(jid: string | null | undefined): ParsedJid | undefined {
  const m = jid ? /^([^@:]+)(?::(\d+))?@([a-z.]+)$/.exec(jid) : null;
  if (!m) return undefined;
  return { user: m[1]!, device: m[2] !== undefined ? Number(m[2]) : undefined, server: m[3] === "c.us" ? "s.whatsapp.net" : m[3]! };
}

export const isLid = (jid: string | null | undefined) => parseJid(jid)?.server === "lid";
export const isPhoneJid = (jid: string | null | undefined) => parseJid(jid)?.server === "s.whatsapp.net";

/** A one-to-one chat with a person (not a group, broadcast, newsletter, status or bot). */
export function isPersonJid(jid: string | null | undefined): boolean {
  return isLid(jid) || isPhoneJid(jid);
}

/** The JID without its device part: `123:4@lid` -> `123@lid`. */
export function normalizeJid(jid: string): string | undefined {
  const p = parseJid(jid);
  return p ? `${p.user}@${p.server}` : undefined;
}

/** The chat ids this bot accepts as an address: normalized person JIDs only. */
export const CHAT_ID_PATTERN = /^[0-9]{5,20}@(lid|s\.whatsapp\.net)$/;
