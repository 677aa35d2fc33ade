/** Maps one Baileys message to the core's inbound message: the only place that knows WhatsApp's message shapes. */
import type { proto, WAMessage } from "@whiskeysockets/baileys";
import type { Inbound } from "../../ports/messaging.ts";
import { INVITE_CODE_PATTERN } from "../../store/contact-repository.ts";
import { PhotoRejectedError } from "../../verification/contracts.ts";
import { isLid, isPersonJid, isPhoneJid, normalizeJid } from "./wa-jid.ts";

export interface WaInboundContext {
  download(message: WAMessage, maxBytes: number): Promise<Buffer>;
  maxBytes: number;
  /** The LID of a phone-number JID, when WhatsApp has told it (a stable id without the number). */
  lidForPn?(pnJid: string): Promise<string | undefined>;
  /** The button data behind a number shown to this chat in a numbered choice list. */
  choice?(chatId: string, number: number): Promise<string | undefined>;
}

type Content = proto.IMessage;

/**
 * Wrappers WhatsApp puts around the real content (disappearing, view-once, document with caption, edits,
 * an HD photo's second upload): the same list as Baileys' normalizeMessageContent (lib/Utils/messages.js).
 */
function unwrap(message: Content | null | undefined): Content | undefined {
  let m = message ?? undefined;
  for (let depth = 0; m && depth < 5; depth++) {
    const inner =
      m.ephemeralMessage?.message ??
      m.viewOnceMessage?.message ??
      m.viewOnceMessageV2?.message ??
      m.viewOnceMessageV2Extension?.message ??
      m.documentWithCaptionMessage?.message ??
      m.editedMessage?.message ??
      m.associatedChildMessage?.message;
    if (!inner) break;
    m = inner;
  }
  return m;
}

/** Protobuf longs arrive as numbers, strings or {low, high} objects (recorded JSON). */
export function toNumber(value: unknown): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number") return value;
  if (typeof value === "string") return Number(value);
  if (typeof value === "object" && "low" in value) {
    const { low, high } = value as { low: number; high: number };
    return high * 2 ** 32 + (low >>> 0);
  }
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

function forwarded(ctx: proto.IContextInfo | null | undefined): boolean {
  return Boolean(ctx?.isForwarded) || (ctx?.forwardingScore ?? 0) > 0;
}

/**
 * The sender's stable chat id: the LID when the message carries one (as its chat JID or the alternate
 * one), else the LID WhatsApp mapped to the phone number, else (older accounts only) the phone JID.
 */
export async function senderChatId(message: WAMessage, lidForPn?: (pn: string) => Promise<string | undefined>): Promise<string | undefined> {
  const { remoteJid, remoteJidAlt } = message.key;
  if (!isPersonJid(remoteJid)) return undefined;
  const lid = [remoteJid, remoteJidAlt].find((j) => isLid(j));
  if (lid) return normalizeJid(lid);
  const pn = normalizeJid(remoteJid!);
  const alt = pn && isPhoneJid(pn) ? await lidForPn?.(pn).catch(() => undefined) : undefined;
  return (alt && normalizeJid(alt)) ?? pn;
}

const CHOICE = /^\s*(\d{1,2})\s*\.?\s*$/;

/** Maps one message to the core's inbound; undefined for what the bot ignores (own messages, groups, receipts). */
export async function toInbound(message: WAMessage, ctx: WaInboundContext): Promise<Inbound | undefined> {
  if (message.key.fromMe) return undefined;
  const content = unwrap(message.message);
  if (!content) return undefined;
  const chatId = await senderChatId(message, ctx.lidForPn);
  if (!chatId) return undefined;
  const seconds = toNumber(message.messageTimestamp);
  const base = {
    from: { channel: "whatsapp" as const, chatId },
    name: message.pushName ?? "",
    at: seconds ? new Date(seconds * 1000) : new Date(),
    messageRef: message.key.id ?? undefined,
  };
  const download = (size: number | undefined) => () => {
    if (size !== undefined && size > ctx.maxBytes) return Promise.reject(new PhotoRejectedError("too_large"));
    return ctx.download(message, ctx.maxBytes);
  };

  const text = content.conversation ?? content.extendedTextMessage?.text;
  if (typeof text === "string") {
    const number = CHOICE.exec(text)?.[1];
    const data = number !== undefined ? await ctx.choice?.(chatId, Number(number)) : undefined;
    if (data !== undefined) return { ...base, kind: "choice", data };
    // A family member opening https://wa.me/<bot>?text=<code> sends the bare invite code.
    const trimmed = text.trim();
    if (INVITE_CODE_PATTERN.test(trimmed)) return { ...base, kind: "text", text: `/start ${trimmed}` };
    return { ...base, kind: "text", text };
  }
  if (content.imageMessage) {
    const img = content.imageMessage;
    const size = toNumber(img.fileLength);
    return {
      ...base,
      kind: "photo",
      // WhatsApp recompresses photos and strips their metadata.
      asFile: false,
      forwarded: forwarded(img.contextInfo),
      size,
      mime: img.mimetype ?? "image/jpeg",
      caption: img.caption ?? undefined,
      download: download(size),
    };
  }
  if (content.documentMessage) {
    const doc = content.documentMessage;
    const size = toNumber(doc.fileLength);
    const mime = doc.mimetype ?? undefined;
    if (!mime?.startsWith("image/")) return { ...base, kind: "document", mime, size };
    return {
      ...base,
      kind: "photo",
      // Sent as a document: the original file, EXIF and all.
      asFile: true,
      forwarded: forwarded(doc.contextInfo),
      size,
      mime,
      caption: doc.caption ?? undefined,
      download: download(size),
    };
  }
  const loc = content.locationMessage;
  if (loc) {
    return {
      ...base,
      kind: "location",
      lat: loc.degreesLatitude ?? NaN,
      lon: loc.degreesLongitude ?? NaN,
      accuracyM: loc.accuracyInMeters || undefined,
      live: Boolean(loc.isLive),
      forwarded: forwarded(loc.contextInfo),
      venue: Boolean(loc.name || loc.address),
    };
  }
  const live = content.liveLocationMessage;
  if (live) {
    return {
      ...base,
      kind: "location",
      lat: live.degreesLatitude ?? NaN,
      lon: live.degreesLongitude ?? NaN,
      accuracyM: live.accuracyInMeters || undefined,
      live: true,
      forwarded: forwarded(live.contextInfo),
      venue: false,
    };
  }
  // An album's header: its images come as their own messages (the channel picks the best one).
  if (content.albumMessage) return undefined;
  // Receipts, reactions, key distribution and other protocol traffic: nothing a person said.
  if (content.protocolMessage || content.reactionMessage || content.senderKeyDistributionMessage) {
    if (Object.keys(content).every((k) => ["protocolMessage", "reactionMessage", "senderKeyDistributionMessage", "messageContextInfo"].includes(k))) {
      return undefined;
    }
  }
  return { ...base, kind: "unsupported" };
}
