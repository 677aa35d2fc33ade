/**
 * The seam between the WhatsApp channel and the network: a small socket interface, and its one real
 * implementation on Baileys. Tests put a fake socket behind the same interface; nothing else in the
 * channel imports Baileys at run time, so a process without WhatsApp never loads it.
 */
import type { AuthenticationState, ConnectionState, proto, WAMessage, WAMessageKey, WAMessageUpdate } from "@whiskeysockets/baileys";
import type { Logger } from "pino";
import { PhotoRejectedError } from "../../verification/contracts.ts";

export interface WaSocketEvents {
  "connection.update": Partial<ConnectionState>;
  "creds.update": unknown;
  /** New messages: `notify` live, `append` delivered on reconnect after being offline. */
  "messages.upsert": { messages: WAMessage[]; type: string };
  /** Status changes of sent messages; `status: ERROR` is the server refusing one (an ack with an error). */
  "messages.update": WAMessageUpdate[];
}

export type WaContent = { text: string } | { image: Buffer; caption?: string };

/** A message handed to WhatsApp: its id, and its content as encoded proto.Message (for retry receipts). */
export interface WaSent {
  id: string;
  message?: Uint8Array;
}

export interface WaSocket {
  on<E extends keyof WaSocketEvents>(event: E, listener: (data: WaSocketEvents[E]) => void): void;
  send(jid: string, content: WaContent): Promise<WaSent>;
  /** Downloads a message's media, refusing (PhotoRejectedError "too_large") past maxBytes. */
  download(message: WAMessage, maxBytes: number): Promise<Buffer>;
  requestPairingCode(phoneNumber: string): Promise<string>;
  /** The LID WhatsApp told us for a phone-number JID, when it did. */
  lidForPn(pnJid: string): Promise<string | undefined>;
  /** The linked account's own JID, once paired. */
  readonly meId: string | undefined;
  end(): void;
}

export interface WaSocketOptions {
  auth: AuthenticationState;
  logger: Logger;
  /** The WhatsApp Web version to announce, [major, minor, patch]; else the one Baileys ships. */
  version?: [number, number, number];
  /** A message this device sent recently, for Baileys to answer a recipient's retry receipt. */
  getMessage?(key: WAMessageKey): Promise<proto.IMessage | undefined>;
}

export type WaSocketFactory = (opts: WaSocketOptions) => Promise<WaSocket>;

/** Reads a stream into memory, stopping once it grows past maxBytes. */
export async function readLimited(stream: AsyncIterable<Uint8Array> & { destroy?: () => void }, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > maxBytes) {
      stream.destroy?.();
      throw new PhotoRejectedError("too_large");
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/** The real socket: a Baileys multi-device connection. Verified by the type checker, never against WhatsApp in tests. */
export const baileysSocketFactory: WaSocketFactory = async ({ auth, logger, version, getMessage }) => {
  const baileys = await import("@whiskeysockets/baileys");
  const makeWASocket = baileys.default;
  const sock = makeWASocket({
    auth: { creds: auth.creds, keys: baileys.makeCacheableSignalKeyStore(auth.keys, logger) },
    logger,
    // A fixed version, never fetchLatestBaileysVersion(): no network call outside the WhatsApp socket.
    ...(version ? { version } : {}),
    markOnlineOnConnect: false,
    syncFullHistory: false,
    shouldSyncHistoryMessage: () => false,
    generateHighQualityLinkPreview: false,
    // A recipient's device that could not decrypt a message sends a retry receipt; Baileys then asks
    // getMessage for the content to encrypt again (lib/Socket/messages-recv.js, sendMessagesAgain).
    getMessage: async (key) => (getMessage ? getMessage(key) : undefined),
  });
  return {
    on: (event, listener) => sock.ev.on(event, listener as never),
    send: async (jid, content) => {
      const sent = await sock.sendMessage(jid, content);
      return {
        id: sent?.key.id ?? "",
        ...(sent?.message ? { message: baileys.proto.Message.encode(sent.message).finish() } : {}),
      };
    },
    download: async (message, maxBytes) => {
      const stream = await baileys.downloadMediaMessage(message, "stream", {}, { logger, reuploadRequest: sock.updateMediaMessage });
      return readLimited(stream, maxBytes);
    },
    requestPairingCode: (phoneNumber) => sock.requestPairingCode(phoneNumber),
    lidForPn: async (pnJid) => (await sock.signalRepository.lidMapping.getLIDForPN(pnJid)) ?? undefined,
    get meId() {
      return sock.user?.id;
    },
    end: () => void sock.end(undefined),
  };
};
