/**
 * A stand-in for the WhatsApp network behind the channel's socket interface. People "send" messages,
 * which the fake socket emits as `messages.upsert` events, the same event path the Baileys socket uses;
 * whatever the bot sends is recorded. Nothing connects to WhatsApp.
 */
import { randomBytes } from "node:crypto";
import type { WAMessage } from "@whiskeysockets/baileys";
import type { WaContent, WaSocket, WaSocketEvents, WaSocketFactory, WaSocketOptions } from "../../src/channels/whatsapp/wa-socket.ts";
import { PhotoRejectedError } from "../../src/verification/contracts.ts";

export interface FakeWaUser {
  /** The person's LID, the stable id the bot should use. */
  lid: string;
  /** Their phone JID: sent only as the alternate JID, never expected as an address. */
  pn: string;
  name: string;
}

export interface SentWa {
  seq: number;
  jid: string;
  content: WaContent;
  at: number;
}

let nextUser = 0;
export function makeWaUser(name: string): FakeWaUser {
  nextUser++;
  const lid = `${200000000000000 + nextUser * 7919 + Math.floor(Math.random() * 1000)}@lid`;
  const pn = `4477009${String(nextUser).padStart(5, "0")}@s.whatsapp.net`;
  return { lid, pn, name };
}

type Listener = (data: unknown) => void;

export class FakeWaSocket implements WaSocket {
  private readonly listeners = new Map<string, Listener[]>();
  ended = false;

  constructor(
    private readonly net: FakeWhatsApp,
    readonly opts: WaSocketOptions,
  ) {}

  on<E extends keyof WaSocketEvents>(event: E, listener: (data: WaSocketEvents[E]) => void): void {
    const list = this.listeners.get(event) ?? [];
    list.push(listener as Listener);
    this.listeners.set(event, list);
  }

  emit<E extends keyof WaSocketEvents>(event: E, data: WaSocketEvents[E]): void {
    for (const l of this.listeners.get(event) ?? []) l(data);
  }

  async send(jid: string, content: WaContent): Promise<void> {
    if (this.ended) throw new Error("socket ended");
    const fault = this.net.faults.shift();
    if (fault) throw fault;
    this.net.record(jid, content);
  }

  async download(message: WAMessage, maxBytes: number): Promise<Buffer> {
    const bytes = this.net.media.get(message.key.id ?? "");
    if (!bytes) throw new Error("media not found");
    if (bytes.length > maxBytes) throw new PhotoRejectedError("too_large");
    return bytes;
  }

  async requestPairingCode(): Promise<string> {
    return "ABCD1234";
  }

  async lidForPn(pnJid: string): Promise<string | undefined> {
    return this.net.lidByPn.get(pnJid);
  }

  get meId(): string | undefined {
    return this.net.meId;
  }

  end(): void {
    this.ended = true;
  }

  /** Closes the connection as WhatsApp would, with a Boom-like status code. */
  close(statusCode: number): void {
    this.emit("connection.update", { connection: "close", lastDisconnect: { error: Object.assign(new Error("closed"), { output: { statusCode } }), date: new Date() } });
  }
}

export class FakeWhatsApp {
  readonly sockets: FakeWaSocket[] = [];
  readonly sent: SentWa[] = [];
  readonly media = new Map<string, Buffer>();
  readonly lidByPn = new Map<string, string>();
  /** Errors the next sends throw, in order. */
  readonly faults: Error[] = [];
  meId = "447700900000:12@s.whatsapp.net";
  /** Open the connection as soon as a socket is made (else a test drives connection.update itself). */
  autoOpen = true;
  private seq = 0;
  private waiters: { pred: (s: SentWa) => boolean; resolve: (s: SentWa) => void }[] = [];

  readonly factory: WaSocketFactory = async (opts) => {
    const socket = new FakeWaSocket(this, opts);
    this.sockets.push(socket);
    if (this.autoOpen) setTimeout(() => socket.emit("connection.update", { connection: "open" }), 5);
    return socket;
  };

  get socket(): FakeWaSocket {
    const s = this.sockets.at(-1);
    if (!s) throw new Error("no socket yet");
    return s;
  }

  mark(): number {
    return this.seq;
  }

  record(jid: string, content: WaContent): void {
    const entry = { seq: ++this.seq, jid, content, at: Date.now() };
    this.sent.push(entry);
    this.waiters = this.waiters.filter((w) => {
      if (!w.pred(entry)) return true;
      w.resolve(entry);
      return false;
    });
  }

  sentTo(user: FakeWaUser, after = 0): SentWa[] {
    return this.sent.filter((s) => s.jid === user.lid && s.seq > after);
  }

  /** Waits for a message to the user, sent after `mark`, whose text or caption matches. */
  expect(user: FakeWaUser, pattern: RegExp, mark: number, timeoutMs = 10_000): Promise<SentWa> {
    const pred = (s: SentWa) => s.seq > mark && s.jid === user.lid && pattern.test(waText(s));
    const found = this.sent.find(pred);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const seen = this.sentTo(user, mark).map(waText).join("\n---\n");
        reject(new Error(`no WhatsApp message to ${user.name} matching ${pattern} within ${timeoutMs} ms; got:\n${seen}`));
      }, timeoutMs);
      this.waiters.push({ pred, resolve: (s) => (clearTimeout(timer), resolve(s)) });
    });
  }

  /** Sends something and waits for the answer matching `pattern`. */
  async ask(user: FakeWaUser, send: () => unknown, pattern: RegExp, timeoutMs?: number): Promise<SentWa> {
    const mark = this.mark();
    send();
    return this.expect(user, pattern, mark, timeoutMs);
  }

  deliver(message: WAMessage): void {
    this.socket.emit("messages.upsert", { messages: [message], type: "notify" });
  }

  private base(user: FakeWaUser, extra: Record<string, unknown> = {}): WAMessage {
    return {
      key: { remoteJid: user.lid, remoteJidAlt: user.pn, fromMe: false, id: randomBytes(10).toString("hex").toUpperCase(), addressingMode: "lid" },
      messageTimestamp: Math.floor(Date.now() / 1000),
      pushName: user.name,
      ...extra,
    } as WAMessage;
  }

  text(user: FakeWaUser, text: string): WAMessage {
    const m = { ...this.base(user), message: { conversation: text } } as WAMessage;
    this.deliver(m);
    return m;
  }

  document(user: FakeWaUser, bytes: Buffer, opts: { fileName: string; mimetype: string; caption?: string }): WAMessage {
    const m = {
      ...this.base(user),
      message: {
        documentWithCaptionMessage: {
          message: { documentMessage: { mimetype: opts.mimetype, fileName: opts.fileName, fileLength: bytes.length, caption: opts.caption } },
        },
      },
    } as WAMessage;
    this.media.set(m.key.id!, bytes);
    this.deliver(m);
    return m;
  }

  image(user: FakeWaUser, bytes: Buffer, opts: { caption?: string; forwarded?: boolean } = {}): WAMessage {
    const m = {
      ...this.base(user),
      message: {
        imageMessage: { mimetype: "image/jpeg", fileLength: bytes.length, caption: opts.caption, contextInfo: opts.forwarded ? { isForwarded: true, forwardingScore: 1 } : undefined },
      },
    } as WAMessage;
    this.media.set(m.key.id!, bytes);
    this.deliver(m);
    return m;
  }

  liveLocation(user: FakeWaUser, lat: number, lon: number, accuracyInMeters = 20): WAMessage {
    const m = {
      ...this.base(user),
      message: { liveLocationMessage: { degreesLatitude: lat, degreesLongitude: lon, accuracyInMeters, sequenceNumber: 1 } },
    } as WAMessage;
    this.deliver(m);
    return m;
  }

  location(user: FakeWaUser, lat: number, lon: number, opts: { accuracyInMeters?: number; forwarded?: boolean } = {}): WAMessage {
    const m = {
      ...this.base(user),
      message: {
        locationMessage: {
          degreesLatitude: lat,
          degreesLongitude: lon,
          accuracyInMeters: opts.accuracyInMeters,
          contextInfo: opts.forwarded ? { isForwarded: true, forwardingScore: 1 } : undefined,
        },
      },
    } as WAMessage;
    this.deliver(m);
    return m;
  }
}

/** Text or caption of a recorded send, without Fluent's bidi isolation marks and the direction marks (LRM/RLM). */
export function waText(s: SentWa): string {
  const c = s.content as { text?: string; caption?: string };
  return (c.text ?? c.caption ?? "").replace(/[\u2068\u2069\u200e\u200f]/g, "");
}

/** The number in front of a numbered choice line with this label ("3. English" -> 3). */
export function choiceNumber(s: SentWa, label: RegExp): number {
  for (const line of waText(s).split("\n")) {
    const m = /^(\d+)\. (.*)$/.exec(line);
    if (m && label.test(m[2]!)) return Number(m[1]);
  }
  throw new Error(`no numbered choice ${label} in:\n${waText(s)}`);
}
