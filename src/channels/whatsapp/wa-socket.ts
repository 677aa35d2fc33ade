/**
 * The seam between the WhatsApp channel and the network: a small socket interface, and its one real
 * implementation on Baileys. Tests put a fake socket behind the same interface; nothing else in the
 * channel imports Baileys at run time, so a process without WhatsApp never loads it.
 */
import type { AuthenticationState, ConnectionState, WAMessage } from "@whiskeysockets/baileys";
import type { Logger } from "pino";
import { PhotoRejectedError } from "../../verification/contracts.ts";

export interface WaSocketEvents {
  "connection.update": Partial<ConnectionState>;
  "creds.update": unknown;
  /** New messages; only `type: "notify"` ones are live traffic (others replay history). */
  "messages.upsert": { messages: WAMessage[]; type: string };
}

export type WaContent = { text: string } | { image: Buffer; caption?: string };

export interface WaSocket {
  on<E extends keyof WaSocketEvents>(event: E, listener: (data: WaSocketEvents[E]) => void): void;
  send(jid: string, content: WaContent): Promise<void>;
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
export const baileysSocketFactory: WaSocketFactory = async ({ auth, logger }) => {
  const baileys = await import("@whiskeysockets/baileys");
  const makeWASocket = baileys.default;
  const sock = makeWASocket({
    auth: { creds: auth.creds, keys: baileys.makeCacheableSignalKeyStore(auth.keys, logger) },
    logger,
    markOnlineOnConnect: false,
    syncFullHistory: false,
    shouldSyncHistoryMessage: () => false,
    generateHighQualityLinkPreview: false,
    // Messages are not kept, so a retry request from a recipient's device cannot be answered from a store.
    getMessage: async () => undefined,
  });
  return {
    on: (event, listener) => sock.ev.on(event, listener as never),
    send: async (jid, content) => {
      await sock.sendMessage(jid, content);
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
