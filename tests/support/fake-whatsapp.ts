/**
 * A stand-in for the WhatsApp network behind the channel's socket interface. People "send" messages,
 * which the fake socket emits as `messages.upsert` events, the same event path the Baileys socket uses;
 * whatever the bot sends is recorded. Nothing connects to WhatsApp. Each behaviour copies the pinned
 * Baileys (@whiskeysockets/baileys 7.0.0-rc14, node_modules/@whiskeysockets/baileys/lib):
 *
 * - Fixtures are Baileys' own protobuf types: built with proto.Message.fromObject and
 *   proto.WebMessageInfo.fromObject, then encoded and decoded (the wire round trip, so longs, null
 *   defaults and unknown shapes look as they do on a real socket). The JS-only key fields
 *   (remoteJidAlt, addressingMode) are set after decoding, as lib/Utils/decode-wa-message.js does.
 * - Messages sent while the bot's socket is not open wait on the "server" and come on the next open as
 *   one `messages.upsert` of type `append` (lib/Socket/messages-recv.js:
 *   `upsertMessage(msg, node.attrs.offline ? 'append' : 'notify')`; the offline batch is buffered and
 *   flushed together, lib/Utils/event-buffer.js). With `ackOffline = false` they stay queued and come
 *   again on the following connection (the server re-delivers what the device did not ack).
 * - ERROR acks: a send the server rejects still resolves, then `messages.update` arrives with
 *   `update.status = proto.WebMessageInfo.Status.ERROR` and the ack's error code in
 *   messageStubParameters (lib/Socket/messages-recv.js, handleBadAck).
 * - Disconnects carry Boom's `output.statusCode` with DisconnectReason values (lib/Types/index.js):
 *   408 when the QR refs / pairing time ran out (lib/Socket/socket.js: `new Boom('QR refs attempts ended',
 *   { statusCode: DisconnectReason.timedOut })`), 401 for a logout, 405 for a `failure` node with that
 *   reason (a refused Web version; `CB:failure` in lib/Socket/socket.js), and 440 for the older of two
 *   connections on one session (stream error `conflict` -> connectionReplaced, lib/Utils/generics.js
 *   CODE_MAP).
 * - HD photos: a standard imageMessage, then the HD upload as `associatedChildMessage` whose
 *   messageContextInfo.messageAssociation is HD_IMAGE_DUAL_UPLOAD with the first one's key (WAProto.proto
 *   MessageAssociation; unwrapped by normalizeMessageContent, lib/Utils/messages.js). Albums: an
 *   albumMessage {expectedImageCount}, then each image with messageAssociation MEDIA_ALBUM and the album's
 *   key (lib/Utils/messages.js, `albumParentKey`).
 * - requestPairingCode sets creds.pairingCode and creds.me and emits `creds.update` (lib/Socket/socket.js).
 * - sendMessage resolves to the sent WAMessage (key.id, message); Baileys asks `getMessage(key)` for that
 *   content when a recipient's device sends a retry receipt (lib/Socket/messages-recv.js, sendMessagesAgain).
 */
import { randomBytes } from "node:crypto";
import { proto, type WAMessage } from "@whiskeysockets/baileys";
import type { WaContent, WaSent, WaSocket, WaSocketEvents, WaSocketFactory, WaSocketOptions } from "../../src/channels/whatsapp/wa-socket.ts";
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
  /** The WhatsApp message id the send got. */
  id: string;
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
  /** The connection is open (set by the `open` update, cleared by `close`). */
  isOpen = false;
  /** Disconnect codes this socket was closed with. */
  readonly closedWith: number[] = [];

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
    if (event === "connection.update") {
      const update = data as WaSocketEvents["connection.update"];
      if (update.connection === "open") this.net.opened(this);
      if (update.connection === "close") this.isOpen = false;
    }
    for (const l of this.listeners.get(event) ?? []) l(data);
  }

  async send(jid: string, content: WaContent): Promise<WaSent> {
    if (this.ended || !this.isOpen) throw new Error("Connection Closed");
    const fault = this.net.faults.shift();
    if (fault) throw fault;
    const id = `3EB0${randomBytes(8).toString("hex").toUpperCase()}`;
    // What Baileys' generateWAMessageContent makes of {text} / {image, caption} (lib/Utils/messages.js).
    const message = proto.Message.fromObject(
      "text" in content ? { extendedTextMessage: { text: content.text } } : { imageMessage: { mimetype: "image/jpeg", caption: content.caption, fileLength: content.image.length } },
    );
    const encoded = proto.Message.encode(message).finish();
    const errorCode = this.net.errorAcks.shift();
    if (errorCode) {
      this.net.rejected.push({ id, jid, content });
      setTimeout(
        () => this.emit("messages.update", [{ key: { remoteJid: jid, fromMe: true, id }, update: { status: proto.WebMessageInfo.Status.ERROR, messageStubParameters: [errorCode] } }]),
        5,
      );
    } else {
      this.net.record(jid, content, id);
    }
    return { id, message: encoded };
  }

  async download(message: WAMessage, maxBytes: number): Promise<Buffer> {
    const bytes = this.net.media.get(message.key.id ?? "");
    if (!bytes) throw new Error("media not found");
    this.net.downloads.push(message.key.id!);
    if (bytes.length > maxBytes) throw new PhotoRejectedError("too_large");
    return bytes;
  }

  async requestPairingCode(): Promise<string> {
    const code = this.net.pairingCodes.shift() ?? "ABCD1234";
    const creds = this.opts.auth.creds;
    creds.pairingCode = code;
    creds.me = { id: "447700900000:0@s.whatsapp.net", name: "~" };
    this.emit("creds.update", creds);
    return code;
  }

  async lidForPn(pnJid: string): Promise<string | undefined> {
    return this.net.lidByPn.get(pnJid);
  }

  get meId(): string | undefined {
    return this.net.meId;
  }

  end(): void {
    this.ended = true;
    this.isOpen = false;
  }

  /** Closes the connection as WhatsApp would, with a Boom-like status code. */
  close(statusCode: number): void {
    if (this.ended && statusCode !== 440) return;
    this.closedWith.push(statusCode);
    this.emit("connection.update", { connection: "close", lastDisconnect: { error: Object.assign(new Error("closed"), { output: { statusCode } }), date: new Date() } });
    this.ended = true;
  }

  /** The QR refs (or the pairing code's time) ran out before anyone linked the device. */
  expirePairing(): void {
    this.close(408);
  }

  /** A recipient's device could not decrypt a message and asks for it again: Baileys looks it up. */
  async retryReceipt(remoteJid: string, id: string): Promise<proto.IMessage | undefined> {
    return this.opts.getMessage?.({ remoteJid, id, fromMe: true });
  }
}

export class FakeWhatsApp {
  readonly sockets: FakeWaSocket[] = [];
  readonly sent: SentWa[] = [];
  readonly media = new Map<string, Buffer>();
  /** Message ids whose media the bot downloaded, in order. */
  readonly downloads: string[] = [];
  readonly lidByPn = new Map<string, string>();
  /** Errors the next sends throw, in order. */
  readonly faults: Error[] = [];
  /** Ack error codes for the next sends (e.g. "479"): the send resolves, then an ERROR status update comes. */
  readonly errorAcks: string[] = [];
  /** Sends the server rejected with an ERROR ack (never delivered). */
  readonly rejected: { id: string; jid: string; content: WaContent }[] = [];
  /** Messages waiting on the server while the bot is offline. */
  readonly offline: WAMessage[] = [];
  /** The device acks what it was delivered offline; false: the next connection gets it again. */
  ackOffline = true;
  /** Codes the next requestPairingCode calls hand out. */
  readonly pairingCodes: string[] = [];
  meId = "447700900000:12@s.whatsapp.net";
  /** Open the connection as soon as a socket is made (else a test drives connection.update itself). */
  autoOpen = true;
  private seq = 0;
  private waiters: { pred: (s: SentWa) => boolean; resolve: (s: SentWa) => void }[] = [];

  readonly factory: WaSocketFactory = async (opts) => {
    const socket = new FakeWaSocket(this, opts);
    this.sockets.push(socket);
    if (this.autoOpen) setTimeout(() => !socket.ended && socket.emit("connection.update", { connection: "open" }), 5);
    return socket;
  };

  /** The newest socket. */
  get socket(): FakeWaSocket {
    const s = this.sockets.at(-1);
    if (!s) throw new Error("no socket yet");
    return s;
  }

  /** The socket whose connection is open now (the one the server delivers to). */
  get live(): FakeWaSocket | undefined {
    return this.sockets.find((s) => s.isOpen);
  }

  /** A connection opened: an older open one on the same session is replaced (440), offline messages come as `append`. */
  opened(socket: FakeWaSocket): void {
    for (const other of this.sockets) if (other !== socket && other.isOpen) other.close(440);
    socket.isOpen = true;
    if (this.offline.length === 0) return;
    const batch = this.ackOffline ? this.offline.splice(0) : [...this.offline];
    setTimeout(() => socket.isOpen && socket.emit("messages.upsert", { messages: batch.map(roundTrip), type: "append" }), 5);
  }

  mark(): number {
    return this.seq;
  }

  record(jid: string, content: WaContent, id: string): void {
    const entry = { seq: ++this.seq, jid, content, at: Date.now(), id };
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

  /** The server delivers a message: live to the open socket, else it waits for the next connection. */
  deliver(message: WAMessage): void {
    const live = this.live;
    if (live) live.emit("messages.upsert", { messages: [roundTrip(message)], type: "notify" });
    else this.offline.push(message);
  }

  /** A message from a person, as Baileys hands it over (see the header). */
  build(user: FakeWaUser, content: proto.IMessage, id = randomBytes(10).toString("hex").toUpperCase()): WAMessage {
    return fromWire(
      proto.WebMessageInfo.fromObject({
        key: { remoteJid: user.lid, fromMe: false, id },
        messageTimestamp: Math.floor(Date.now() / 1000),
        pushName: user.name,
        message: proto.Message.fromObject(content),
      }),
      user,
    );
  }

  text(user: FakeWaUser, text: string): WAMessage {
    const m = this.build(user, { conversation: text });
    this.deliver(m);
    return m;
  }

  document(user: FakeWaUser, bytes: Buffer, opts: { fileName: string; mimetype: string; caption?: string }): WAMessage {
    const m = this.build(user, {
      documentWithCaptionMessage: {
        message: { documentMessage: { mimetype: opts.mimetype, fileName: opts.fileName, fileLength: bytes.length, caption: opts.caption } },
      },
    });
    this.media.set(m.key.id!, bytes);
    this.deliver(m);
    return m;
  }

  imageMessage(user: FakeWaUser, bytes: Buffer, opts: { caption?: string; forwarded?: boolean } = {}): WAMessage {
    const m = this.build(user, {
      imageMessage: {
        mimetype: "image/jpeg",
        fileLength: bytes.length,
        caption: opts.caption,
        contextInfo: opts.forwarded ? { isForwarded: true, forwardingScore: 1 } : undefined,
      },
    });
    this.media.set(m.key.id!, bytes);
    return m;
  }

  image(user: FakeWaUser, bytes: Buffer, opts: { caption?: string; forwarded?: boolean } = {}): WAMessage {
    const m = this.imageMessage(user, bytes, opts);
    this.deliver(m);
    return m;
  }

  /** An HD photo: the standard-quality message, then the HD upload linked to it. Returns both. */
  hdImage(user: FakeWaUser, sd: { bytes: Buffer; width: number; height: number }, hd: { bytes: Buffer; width: number; height: number }): [WAMessage, WAMessage] {
    const parent = this.build(user, { imageMessage: { mimetype: "image/jpeg", fileLength: sd.bytes.length, width: sd.width, height: sd.height } });
    const child = this.build(user, {
      associatedChildMessage: {
        message: {
          imageMessage: { mimetype: "image/jpeg", fileLength: hd.bytes.length, width: hd.width, height: hd.height },
          messageContextInfo: {
            messageAssociation: { associationType: proto.MessageAssociation.AssociationType.HD_IMAGE_DUAL_UPLOAD, parentMessageKey: parent.key },
          },
        },
      },
    });
    this.media.set(parent.key.id!, sd.bytes);
    this.media.set(child.key.id!, hd.bytes);
    this.deliver(parent);
    this.deliver(child);
    return [parent, child];
  }

  /** An album: the albumMessage, then each image linked to it. Returns the images' messages. */
  album(user: FakeWaUser, images: { bytes: Buffer; width: number; height: number }[]): WAMessage[] {
    const head = this.build(user, { albumMessage: { expectedImageCount: images.length } });
    this.deliver(head);
    return images.map((img) => {
      const m = this.build(user, {
        imageMessage: { mimetype: "image/jpeg", fileLength: img.bytes.length, width: img.width, height: img.height },
        messageContextInfo: { messageAssociation: { associationType: proto.MessageAssociation.AssociationType.MEDIA_ALBUM, parentMessageKey: head.key } },
      });
      this.media.set(m.key.id!, img.bytes);
      this.deliver(m);
      return m;
    });
  }

  liveLocation(user: FakeWaUser, lat: number, lon: number, accuracyInMeters = 20): WAMessage {
    const m = this.build(user, { liveLocationMessage: { degreesLatitude: lat, degreesLongitude: lon, accuracyInMeters, sequenceNumber: 1 } });
    this.deliver(m);
    return m;
  }

  location(user: FakeWaUser, lat: number, lon: number, opts: { accuracyInMeters?: number; forwarded?: boolean } = {}): WAMessage {
    const m = this.build(user, {
      locationMessage: {
        degreesLatitude: lat,
        degreesLongitude: lon,
        accuracyInMeters: opts.accuracyInMeters,
        contextInfo: opts.forwarded ? { isForwarded: true, forwardingScore: 1 } : undefined,
      },
    });
    this.deliver(m);
    return m;
  }
}

/** The wire round trip of a message (encode, decode) plus the key fields Baileys adds in JS. */
export function fromWire(info: proto.IWebMessageInfo, user?: FakeWaUser): WAMessage {
  const decoded = proto.WebMessageInfo.decode(proto.WebMessageInfo.encode(info).finish()) as WAMessage;
  const alt = (info.key as { remoteJidAlt?: string } | null | undefined)?.remoteJidAlt ?? user?.pn;
  // lib/Utils/decode-wa-message.js: `remoteJidAlt: senderAlt`, `addressingMode` (not protobuf fields).
  if (user || alt) Object.assign(decoded.key, { remoteJidAlt: alt, addressingMode: "lid" });
  return decoded;
}

/** Each delivery is a fresh decode of the same bytes, as each WhatsApp delivery is. */
function roundTrip(message: WAMessage): WAMessage {
  return fromWire(message);
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
