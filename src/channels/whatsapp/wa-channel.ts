/** The WhatsApp transport: the outbox sender every process registers, and (in the `bot` role) the socket. */
import type { WAMessage } from "@whiskeysockets/baileys";
import type { Worker, ConnectionOptions as BullConnection } from "bullmq";
import type { Logger } from "pino";
import type { Inbound, Messenger } from "../../ports/messaging.ts";
import type { ChatAddress } from "../../domain/identity.ts";
import { DEFAULT_LOCALE } from "../../domain/locale.ts";
import type { I18n } from "../../i18n/i18n.ts";
import type { ContactRepository } from "../../store/contact-repository.ts";
import type { PersonRepository } from "../../store/person-repository.ts";
import type { RedisClient } from "../../store/redis.ts";
import type { Sealer } from "../../store/sealed-box.ts";
import { RedisAuthStore } from "./wa-auth-store.ts";
import { WaChoices } from "./wa-choices.ts";
import { WhatsAppConnection, type Backoff } from "./wa-connection.ts";
import { toInbound } from "./wa-inbound.ts";
import { WaInboundDedup } from "./wa-inbound-dedup.ts";
import { parseJid } from "./wa-jid.ts";
import { type WaKeys } from "./wa-keys.ts";
import { WaMediaGroups, type MediaWaits } from "./wa-media-groups.ts";
import { WaOptIn, type UnreachableReason } from "./wa-opt-in.ts";
import { WaOutbox } from "./wa-outbox.ts";
import type { JobProducer } from "../../ports/jobs.ts";
import { startOutboxWorker, WaOutboxProcessor } from "./wa-outbox-processor.ts";
import { SendPacer } from "../../store/send-pacer.ts";

export interface PacerRates {
  /** Messages per minute to one chat. */
  perChat: number;
  /** Messages per minute overall. */
  global: number;
}
import { WaSentStore } from "./wa-sent-store.ts";
import { WaSocketLock } from "./wa-socket-lock.ts";
import { printPairing, WaPairingStore } from "./wa-pairing.ts";
import { baileysSocketFactory, type WaSocketFactory } from "./wa-socket.ts";

export interface WhatsAppOptions {
  redis: RedisClient;
  /** The channel's key names (per chat, a keyed hash of the chat id). */
  keys: WaKeys;
  /** Seals credentials and waiting messages: the app key ring. */
  sealer: Sealer;
  /** The bot's number (digits); else the paired account's. */
  number?: string;
  pairing: "qr" | "code";
  rates: PacerRates;
  maxMediaBytes: number;
  /** How long an opt-in lasts after the chat last wrote. */
  optInTtlMs: number;
  lockMs: number;
  /** How long a photo waits for its HD upload, and an album for its images (default 3 s and 10 s). */
  mediaWaits?: MediaWaits;
  /** The socket lock's lease (renewed every third of it); default 30 s. */
  socketLockMs?: number;
  /** First resend delay after an ERROR ack (doubling for the second). */
  resendDelayMs?: number;
  /** WhatsApp Web version to announce ("2.3000.1043857760"); else Baileys' own. */
  webVersion?: string;
  queue: Pick<JobProducer, "whatsappOutbox">;
  /** The network; tests pass a fake socket. */
  socketFactory?: WaSocketFactory;
  backoff?: Backoff;
  /** Print pairing QR codes to stdout (the operator's terminal). */
  printPairing?: boolean;
}

/** What the channel needs of the app to tell people about a contact it cannot reach. */
export interface WhatsAppAppDeps {
  persons: PersonRepository;
  contacts: ContactRepository;
  messenger: Messenger;
  i18n: I18n;
  operatorChat?: ChatAddress;
}

/** "2.3000.1043857760" -> [2, 3000, 1043857760] (validated by the config schema). */
export function parseVersion(text: string | undefined): [number, number, number] | undefined {
  if (!text) return undefined;
  const [a, b, c] = text.split(".").map(Number);
  return [a!, b!, c!];
}

export class WhatsAppChannel {
  readonly keys: WaKeys;
  readonly optIn: WaOptIn;
  readonly sender: WaOutbox;
  readonly pairing: WaPairingStore;
  readonly choices: WaChoices;
  readonly auth: RedisAuthStore;
  readonly connection: WhatsAppConnection;
  readonly processor: WaOutboxProcessor;
  readonly dedup: WaInboundDedup;
  readonly sent: WaSentStore;
  readonly media: WaMediaGroups;
  readonly lock: WaSocketLock;
  private lockTimer?: NodeJS.Timeout;
  private lastRenewed = 0;
  private stopping = false;
  private worker?: Worker;
  private workerRunning = false;
  private handle?: (msg: Inbound) => Promise<void>;
  /** One message at a time per chat, so a photo and a location sent together are seen in order. */
  private readonly chains = new Map<string, Promise<void>>();

  constructor(
    private readonly opts: WhatsAppOptions,
    private readonly app: WhatsAppAppDeps,
    private readonly log: Logger,
  ) {
    const box = opts.sealer;
    this.keys = opts.keys;
    this.optIn = new WaOptIn(opts.redis, this.keys, opts.optInTtlMs);
    this.sender = new WaOutbox(opts.redis, this.keys, opts.queue, this.optIn, box);
    this.pairing = new WaPairingStore(opts.redis, this.keys, box);
    this.choices = new WaChoices(opts.redis, this.keys);
    this.lock = new WaSocketLock(opts.redis, this.keys, opts.socketLockMs ?? 30_000);
    this.auth = new RedisAuthStore(opts.redis, this.keys, box, { key: this.keys.socketLock(), value: () => this.lock.value });
    this.dedup = new WaInboundDedup(opts.redis, this.keys);
    this.sent = new WaSentStore(opts.redis, this.keys, box);
    this.media = new WaMediaGroups(opts.mediaWaits ?? { hdMs: 3_000, albumMs: 10_000 });
    this.connection = new WhatsAppConnection(
      {
        auth: this.auth,
        pairing: this.pairing,
        factory: opts.socketFactory ?? baileysSocketFactory,
        log,
        pairingNumber: opts.pairing === "code" ? opts.number : undefined,
        backoff: opts.backoff,
        version: parseVersion(opts.webVersion),
        getMessage: (id) => this.sentMessage(id),
      },
      {
        messages: (messages) => void this.receive(messages),
        updates: (updates) =>
          void this.processor.onUpdates(updates).catch((err: Error) => this.log.error({ err: err.name }, "whatsapp status update failed")),
        open: () => this.resumeSending(),
        closed: () => this.pauseSending(),
        loggedOut: () => this.alertOperators(),
        pairing: (kind, value) => (opts.printPairing ? printPairing(kind, value) : undefined),
      },
    );
    this.processor = new WaOutboxProcessor({
      redis: opts.redis,
      keys: this.keys,
      box,
      optIn: this.optIn,
      // The same pacer as Telegram's, with WhatsApp's rates (per minute there) and its own line.
      pacer: new SendPacer(opts.redis, {
        prefix: this.keys.prefix,
        name: "wa",
        perChatPerSecond: opts.rates.perChat / 60,
        globalPerSecond: opts.rates.global / 60,
        chatIndex: (chatId) => this.keys.chatIndex(chatId),
      }),
      choices: this.choices,
      sent: this.sent,
      enqueue: (message, delayMs) => this.sender.enqueue(message, delayMs),
      resendDelayMs: opts.resendDelayMs ?? 5_000,
      socket: () => this.connection.open,
      onUnreachable: (chatId, reason) => this.tellUnreachable(chatId, reason),
      log,
    });
  }

  /** The number for wa.me invite links: configured, or the linked account's. */
  get number(): string | undefined {
    if (this.opts.number) return this.opts.number;
    const me = parseJid(this.connection.meId);
    return me?.server === "s.whatsapp.net" ? me.user : undefined;
  }

  inviteLink(code: string): string | undefined {
    const number = this.number;
    return number ? `https://wa.me/${number}?text=${encodeURIComponent(code)}` : undefined;
  }

  /**
   * The `bot` role: the process that takes the socket lock connects, hands inbound messages to the core
   * and sends the outbox; the others stand by (their messages go through the outbox to the holder) and
   * take over when the holder's lease runs out.
   */
  async start(handle: (msg: Inbound) => Promise<void>, bull: { connection: BullConnection; prefix: string }): Promise<void> {
    this.handle = handle;
    this.stopping = false;
    this.worker = startOutboxWorker(this.processor, { connection: bull.connection, prefix: bull.prefix, lockMs: this.opts.lockMs }, this.log);
    await this.claimSocket();
  }

  /** Whether this process holds the WhatsApp socket now. */
  get holdsSocket(): boolean {
    return this.lock.value !== undefined;
  }

  private async claimSocket(): Promise<void> {
    if (this.stopping) return;
    const every = Math.max(100, Math.floor(this.lock.ttlMs / 3));
    try {
      if (await this.lock.acquire()) {
        this.lastRenewed = Date.now();
        this.log.info({ fence: this.lock.token }, "whatsapp socket lock taken: this process holds the WhatsApp socket");
        this.lockTimer = setInterval(() => void this.renewLock(), every);
        await this.connection.start();
        return;
      }
    } catch (err) {
      this.log.error({ err: (err as Error).name }, "whatsapp socket lock not taken");
    }
    this.lockTimer = setTimeout(() => void this.claimSocket(), every);
  }

  private async renewLock(): Promise<void> {
    let held: boolean;
    try {
      held = await this.lock.renew();
    } catch (err) {
      // Redis unreachable: the lease may run out meanwhile, and another process may take the socket.
      this.log.warn({ err: (err as Error).name }, "whatsapp socket lock not renewed");
      if (Date.now() - this.lastRenewed < this.lock.ttlMs) return;
      held = false;
      this.lock.drop();
    }
    if (held) {
      this.lastRenewed = Date.now();
      return;
    }
    if (this.stopping) return;
    // Another process holds the socket now: this one stops using it at once, and stands by.
    this.log.error("whatsapp socket lock lost to another process: socket closed here, standing by");
    clearInterval(this.lockTimer);
    await this.connection.stop();
    await this.pauseSending();
    this.lockTimer = setTimeout(() => void this.claimSocket(), Math.max(100, Math.floor(this.lock.ttlMs / 3)));
  }

  /** Messages from the socket, live or delivered on reconnect (the same path for the real socket and a test's fake one). */
  receive(messages: WAMessage[]): Promise<void> {
    // An HD upload or an album's image waits for its parent, which picks the best image.
    const all = messages.filter((message) => !this.media.addChild(message)).map((message) => {
      const chain = message.key.remoteJid ?? "";
      const next = (this.chains.get(chain) ?? Promise.resolve()).then(() => this.receiveOne(message));
      const settled = next.catch((err: Error) => this.log.error({ err: err.name }, "whatsapp message failed"));
      this.chains.set(chain, settled);
      void settled.then(() => {
        if (this.chains.get(chain) === settled) this.chains.delete(chain);
      });
      return settled;
    });
    return Promise.all(all).then(() => undefined);
  }

  private async receiveOne(received: WAMessage): Promise<void> {
    const message = await this.media.best(received);
    if (!message) return;
    const socket = this.connection.open;
    const inbound = await toInbound(message, {
      download: (m, max) => {
        const s = this.connection.open;
        return s ? s.download(m, max) : Promise.reject(new Error("whatsapp is not connected"));
      },
      maxBytes: this.opts.maxMediaBytes,
      lidForPn: socket ? (pn) => socket.lidForPn(pn) : undefined,
      // During a key rotation the numbered choices may still be named by the previous key's hash.
      choice: async (chatId, n) => {
        await this.optIn.carryOver(chatId);
        return this.choices.resolve(chatId, n);
      },
    });
    if (!inbound) return;
    // Offline messages come again on a reconnect (and after a restart before the ack): once only.
    if (received.key.id && !(await this.dedup.claim(inbound.from.chatId, received.key.id))) return;
    // Writing to the bot is the opt-in that allows answers (and clears an unreachable mark).
    await this.optIn.markSeen(inbound.from.chatId);
    await this.handle?.(inbound);
  }

  /** A message this device sent within the last hour, as encoded proto.Message (Baileys' getMessage). */
  private async sentMessage(waId: string): Promise<Uint8Array | undefined> {
    const record = await this.sent.get(waId);
    return record?.message ? Buffer.from(record.message, "base64") : undefined;
  }

  private async resumeSending(): Promise<void> {
    if (!this.worker) return;
    if (!this.workerRunning) {
      this.workerRunning = true;
      void this.worker.run().catch((err: Error) => this.log.error({ err: err.name }, "whatsapp outbox stopped"));
    } else {
      this.worker.resume();
    }
  }

  private async pauseSending(): Promise<void> {
    if (this.workerRunning) await this.worker?.pause(true);
  }

  private async alertOperators(): Promise<void> {
    const to = this.app.operatorChat;
    if (!to || to.channel === "whatsapp") return;
    await this.app.messenger
      .send(to, {
        text: "SafeArrival operators: WhatsApp logged the bot's device out. WhatsApp sending has stopped. Link the account again: restart the bot process and scan the new QR code (terminal or /admin/whatsapp/pair).",
      })
      .catch((err: Error) => this.log.error({ err: err.name }, "operator alert failed"));
  }

  /** Tells each traveller who relies on this chat (as their family contact) that it cannot be reached. */
  private async tellUnreachable(chatId: string, reason: UnreachableReason): Promise<void> {
    const { persons, contacts, messenger, i18n } = this.app;
    const person = await persons.findByAddress({ channel: "whatsapp", chatId });
    if (!person) return;
    for (const travellerId of await contacts.followedBy(person.id)) {
      const traveller = await persons.get(travellerId);
      if (!traveller) continue;
      const text = i18n.t(traveller.locale ?? DEFAULT_LOCALE, "contact-unreachable", { contact: person.displayName });
      await messenger.send(traveller.address, { text }).catch((err: Error) => this.log.warn({ err: err.name, reason }, "unreachable notice not sent"));
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearInterval(this.lockTimer);
    clearTimeout(this.lockTimer);
    await this.connection.stop();
    await this.worker?.close();
    this.media.clear();
    await Promise.allSettled([...this.chains.values()]);
    // Handing over at once: a standby process need not wait for the lease to run out.
    await this.lock.release().catch((err: Error) => this.log.warn({ err: err.name }, "whatsapp socket lock not released"));
  }
}
