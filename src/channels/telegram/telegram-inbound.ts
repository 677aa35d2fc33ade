import type { Context } from "grammy";
import type { Message } from "grammy/types";
import type { Inbound } from "../../ports/messaging.ts";
import { PhotoRejectedError } from "../../verification/contracts.ts";
import type { LocalBotApiFiles } from "./telegram-local-files.ts";

export type FileDownloader = (fileId: string, maxBytes: number) => Promise<Buffer>;

function displayName(from: { first_name: string; last_name?: string } | undefined): string {
  return [from?.first_name, from?.last_name].filter(Boolean).join(" ");
}

/**
 * Not the sender's own evidence: a forwarded message, or one sent through an inline bot (`via_bot`: the
 * location or photo came from that bot's results, e.g. any place picked on its map, not the sender's device).
 */
function isForwarded(m: Message): boolean {
  return m.forward_origin !== undefined || m.via_bot !== undefined;
}

/** Maps one Telegram update to the core's inbound message; undefined for updates the bot ignores. */
export function toInbound(ctx: Context, download: FileDownloader, maxBytes: number): Inbound | undefined {
  const from = ctx.from;
  if (!from || ctx.chat?.type !== "private") return undefined;
  const base = {
    from: { channel: "telegram" as const, chatId: String(ctx.chat.id) },
    name: displayName(from),
    languageHint: from.language_code,
    at: new Date(((ctx.msg?.date ?? Math.floor(Date.now() / 1000)) * 1000)),
    messageRef: ctx.msg?.message_id !== undefined ? String(ctx.msg.message_id) : undefined,
  };
  if (ctx.callbackQuery?.data !== undefined) return { ...base, at: new Date(), kind: "choice", data: ctx.callbackQuery.data };

  const edited = ctx.editedMessage;
  if (edited?.location) {
    const l = edited.location;
    return {
      ...base,
      at: new Date((edited.edit_date ?? edited.date) * 1000),
      kind: "location",
      lat: l.latitude,
      lon: l.longitude,
      accuracyM: l.horizontal_accuracy,
      live: true,
      liveUpdate: true,
      forwarded: isForwarded(edited),
      viaBot: edited.via_bot !== undefined,
      venue: false,
    };
  }
  const m = ctx.message;
  if (!m) return undefined;
  if (m.text !== undefined) return { ...base, kind: "text", text: m.text };
  if (m.venue || m.location) {
    const l = m.venue?.location ?? m.location!;
    return {
      ...base,
      kind: "location",
      lat: l.latitude,
      lon: l.longitude,
      accuracyM: l.horizontal_accuracy,
      live: l.live_period !== undefined,
      forwarded: isForwarded(m),
      viaBot: m.via_bot !== undefined,
      venue: m.venue !== undefined,
    };
  }
  if (m.photo?.length) {
    const largest = m.photo[m.photo.length - 1]!;
    return {
      ...base,
      kind: "photo",
      asFile: false,
      forwarded: isForwarded(m),
      viaBot: m.via_bot !== undefined,
      size: largest.file_size,
      mime: "image/jpeg",
      caption: m.caption,
      download: () => download(largest.file_id, maxBytes),
    };
  }
  if (m.document) {
    const doc = m.document;
    if (!doc.mime_type?.startsWith("image/")) return { ...base, kind: "document", mime: doc.mime_type, size: doc.file_size };
    return {
      ...base,
      kind: "photo",
      asFile: true,
      forwarded: isForwarded(m),
      viaBot: m.via_bot !== undefined,
      size: doc.file_size,
      mime: doc.mime_type,
      caption: m.caption,
      download: () => download(doc.file_id, maxBytes),
    };
  }
  return { ...base, kind: "unsupported" };
}

/**
 * Downloads a file through the Bot API, refusing to buffer more than maxBytes. With a `--local` server
 * (`local`), getFile gives an absolute path on the server's disk and the file is read from there.
 */
export function botFileDownloader(api: Context["api"], apiRoot: string, token: string, local?: LocalBotApiFiles): FileDownloader {
  return async (fileId, maxBytes) => {
    let path: string | undefined;
    try {
      path = (await api.getFile(fileId)).file_path;
    } catch (err) {
      if (/file is too big/i.test((err as Error).message)) throw new PhotoRejectedError("too_large");
      throw err;
    }
    if (!path) throw new Error("no file path");
    if (local) return local.read(path, maxBytes);
    // Never the path itself in an error: a local server's paths contain the bot token.
    if (path.startsWith("/")) throw new Error("getFile gave an absolute path: the Bot API server runs with --local; set TELEGRAM_LOCAL_MODE=on");
    const res = await fetch(`${apiRoot}/file/bot${token}/${path}`);
    if (!res.ok || !res.body) throw new Error(`file download failed: ${res.status}`);
    const chunks: Buffer[] = [];
    let size = 0;
    // Node's fetch body is async-iterable; the DOM typings (for browser tests) do not say so.
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > maxBytes) throw new PhotoRejectedError("too_large");
      chunks.push(Buffer.from(chunk));
    }
    return Buffer.concat(chunks);
  };
}
