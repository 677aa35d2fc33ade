/**
 * The WhatsApp socket's life: connect with the stored auth state, pair when unpaired, reconnect with
 * backoff after every disconnect except `loggedOut`, which forgets the device, stops sending and tells
 * the operators: only a person with the phone can link it again.
 */
import type { WAMessage } from "@whiskeysockets/baileys";
import type { Logger } from "pino";
import type { RedisAuthStore } from "./wa-auth-store.ts";
import type { WaPairingStore, Pairing } from "./wa-pairing.ts";
import type { WaSocket, WaSocketEvents, WaSocketFactory } from "./wa-socket.ts";

/**
 * Baileys' DisconnectReason values this class acts on (lib/Types/index.js; kept here so the module loads
 * without Baileys). 408 is both `timedOut` (the QR refs or the pairing code ran out, lib/Socket/socket.js)
 * and `connectionLost`: neither touches the saved credentials. Only 401 `loggedOut` voids them.
 */
export const LOGGED_OUT = 401;
export const TIMED_OUT = 408;
/** A `failure` node with reason 405: WhatsApp refuses the client (an outdated Web version). */
export const CLIENT_REFUSED = 405;
/** Stream error `conflict`: another connection opened on this session (lib/Utils/generics.js CODE_MAP). */
export const CONNECTION_REPLACED = 440;
export const RESTART_REQUIRED = 515;

export interface Backoff {
  baseMs: number;
  maxMs: number;
}

export function backoffDelay(attempt: number, { baseMs, maxMs }: Backoff, random = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export interface ConnectionEvents {
  messages(messages: WAMessage[]): void;
  updates(updates: WaSocketEvents["messages.update"]): void;
  open(socket: WaSocket): void | Promise<void>;
  closed(code: number | undefined): void | Promise<void>;
  loggedOut(): void | Promise<void>;
  pairing(kind: Pairing["kind"], value: string): void | Promise<void>;
}

export interface ConnectionOptions {
  auth: RedisAuthStore;
  pairing: WaPairingStore;
  factory: WaSocketFactory;
  log: Logger;
  /** Pairing-code login for this number instead of a QR code. */
  pairingNumber?: string;
  backoff?: Backoff;
  /** The WhatsApp Web version to announce; undefined: Baileys' own. */
  version?: [number, number, number];
  /** A recently sent message by id, encoded proto.Message (for retry receipts). */
  getMessage?(id: string): Promise<Uint8Array | undefined>;
}

export class WhatsAppConnection {
  private socket?: WaSocket;
  private connected = false;
  private attempt = 0;
  private generation = 0;
  private timer?: NodeJS.Timeout;
  private stopped = false;
  private codeRequested = false;
  state: "idle" | "connecting" | "open" | "closed" | "logged_out" | "stopped" = "idle";

  constructor(
    private readonly opts: ConnectionOptions,
    private readonly events: ConnectionEvents,
  ) {}

  /** The socket while the connection is open. */
  get open(): WaSocket | undefined {
    return this.connected ? this.socket : undefined;
  }

  get meId(): string | undefined {
    return this.socket?.meId;
  }

  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const generation = ++this.generation;
    this.state = "connecting";
    await this.opts.pairing.setStatus({ state: "connecting" }).catch(() => undefined);
    const { state, saveCreds } = await this.opts.auth.load();
    const logger = this.opts.log.child({ component: "baileys" }, { level: "warn" });
    const { getMessage, version } = this.opts;
    const socket = await this.opts.factory({
      auth: state,
      logger,
      ...(version ? { version } : {}),
      ...(getMessage
        ? {
            getMessage: async (key) => {
              const bytes = key.id ? await getMessage(key.id) : undefined;
              if (!bytes) return undefined;
              const { proto } = await import("@whiskeysockets/baileys");
              return proto.Message.decode(bytes);
            },
          }
        : {}),
    });
    this.socket = socket;
    const current = () => generation === this.generation && !this.stopped;
    socket.on("creds.update", () => {
      if (current()) void saveCreds().catch((err: Error) => this.opts.log.error({ err: err.name }, "whatsapp creds not saved"));
    });
    socket.on("messages.upsert", ({ messages, type }) => {
      // `append` is what arrived while the socket was offline (lib/Socket/messages-recv.js:
      // `upsertMessage(msg, node.attrs.offline ? 'append' : 'notify')`): check-ins too, so both are handled.
      // History sync is a separate event (`messaging-history.set`) that the bot does not listen to.
      if (current() && (type === "notify" || type === "append")) this.events.messages(messages);
    });
    socket.on("messages.update", (updates) => {
      if (current()) this.events.updates(updates);
    });
    socket.on("connection.update", (update) => {
      if (!current()) return;
      void this.onUpdate(update, socket, state.creds.registered).catch((err: Error) =>
        this.opts.log.error({ err: err.name }, "whatsapp connection update failed"),
      );
    });
  }

  private async onUpdate(update: WaSocketEvents["connection.update"], socket: WaSocket, registered: boolean): Promise<void> {
    const { connection, qr, lastDisconnect } = update;
    if (qr) {
      if (this.opts.pairingNumber && !registered) {
        if (!this.codeRequested) {
          this.codeRequested = true;
          const code = await socket.requestPairingCode(this.opts.pairingNumber);
          await this.opts.pairing.publish("code", code);
          await this.events.pairing("code", code);
        }
      } else {
        await this.opts.pairing.publish("qr", qr);
        await this.events.pairing("qr", qr);
      }
    }
    if (connection === "open") {
      this.connected = true;
      this.attempt = 0;
      this.codeRequested = false;
      this.state = "open";
      await this.opts.pairing.clear();
      await this.opts.pairing.setStatus({ state: "open" });
      this.opts.log.info("whatsapp connected");
      await this.events.open(socket);
    }
    if (connection === "close") {
      this.connected = false;
      const code = (lastDisconnect?.error as { output?: { statusCode?: number } } | undefined)?.output?.statusCode;
      if (this.stopped) return;
      if (code === LOGGED_OUT) {
        this.state = "logged_out";
        this.generation++;
        this.opts.log.error({ code }, "whatsapp logged out: sending stopped until the account is linked again");
        // The credentials are void now; forgetting them makes the next start show a fresh QR.
        await this.opts.auth.clear();
        await this.opts.pairing.setStatus({ state: "logged_out", code });
        await this.events.closed(code);
        await this.events.loggedOut();
        return;
      }
      if (code === CLIENT_REFUSED) {
        this.opts.log.error(
          { code, version: this.opts.version?.join(".") ?? "baileys-default" },
          "whatsapp refused this WhatsApp Web version (405): set WHATSAPP_WEB_VERSION to a current one (see README, WhatsApp)",
        );
      }
      // The QR or pairing code ran out (408) or the link dropped: the saved credentials stay; the next
      // socket hands out a fresh QR, and a pairing code is asked for again.
      this.codeRequested = false;
      this.state = "closed";
      await this.opts.pairing.setStatus({ state: "closed", ...(code !== undefined ? { code } : {}) }).catch(() => undefined);
      await this.events.closed(code);
      const backoff = this.opts.backoff ?? { baseMs: 1_000, maxMs: 60_000 };
      if (code === CONNECTION_REPLACED) {
        // Not another bot process of this app (the socket lock keeps those apart): something else linked
        // with these credentials. Reconnecting at once would knock it off and be knocked off in turn.
        this.opts.log.error({ code }, "whatsapp connection replaced by another client of this session (440): retrying slowly");
      }
      const delay =
        code === RESTART_REQUIRED ? 0 : code === CONNECTION_REPLACED ? backoff.maxMs : backoffDelay(this.attempt++, backoff);
      this.opts.log.warn({ code, delayMs: delay }, "whatsapp disconnected, reconnecting");
      this.schedule(delay);
    }
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      void this.connect().catch((err: Error) => {
        this.opts.log.error({ err: err.name }, "whatsapp reconnect failed");
        this.schedule(backoffDelay(this.attempt++, this.opts.backoff ?? { baseMs: 1_000, maxMs: 60_000 }));
      });
    }, delayMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.connected = false;
    clearTimeout(this.timer);
    this.state = "stopped";
    this.socket?.end();
    await this.opts.pairing.setStatus({ state: "stopped" }).catch(() => undefined);
  }
}
