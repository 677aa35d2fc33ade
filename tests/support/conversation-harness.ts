/**
 * The conversation core on its real dependencies (stores, rate limits, lifecycle, queues on a real
 * redis-server, the real I18n and landmark catalog), with the channel boundary replaced by a recorder: each
 * message sent is kept with the message ids (locales/) whose rendered text it carries, its buttons and the
 * address it went to. Tests talk as people on the sandbox channel and assert what they are told and what is
 * stored, not how the core gets there.
 */
import { randomBytes } from "node:crypto";
import { Queue } from "bullmq";
import type { App } from "../../src/app.ts";
import { Conversation } from "../../src/conversation/conversation.ts";
import type { ConversationDeps } from "../../src/conversation/deps.ts";
import type { Button, Inbound, Messenger, Outbound } from "../../src/ports/messaging.ts";
import type { ChatAddress } from "../../src/domain/identity.ts";
import type { Person } from "../../src/domain/person.ts";
import type { I18n, MessageVars } from "../../src/i18n/i18n.ts";
import type { QueueName } from "../../src/queues/names.ts";
import { startRedis, type RedisServerHandle } from "./redis-server.ts";
import { startTestApp } from "./test-app.ts";

export interface Sent {
  to: ChatAddress;
  /** The ids of the messages rendered during the turn whose text this message carries. */
  ids: string[];
  text: string;
  buttons: Button[][];
  requestLocation?: { label: string };
  priority?: Outbound["priority"];
}

/** A person on the sandbox channel, named by a short label unique to the harness. */
export interface Chat {
  address: ChatAddress;
  name: string;
  languageHint?: string;
}

/** Where the demo catalog's Paris landmark is (inside its radius). */
export const PARIS = { lat: 48.8802, lon: 2.3553 };

export class ConversationHarness {
  readonly sent: Sent[] = [];
  /** Message refs the core asked the channel to delete (erased words). */
  readonly removed: string[] = [];
  /** Addresses whose channel-side data the core asked to drop (/forget). */
  readonly forgotten: ChatAddress[] = [];
  readonly conversation: Conversation;
  private rendered: { id: string; text: string }[] = [];
  private clock: Date | undefined;

  private constructor(
    readonly redis: RedisServerHandle,
    readonly app: App,
    config: Partial<ConversationDeps["config"]>,
  ) {
    const real = app.deps.i18n;
    const i18n = Object.create(real) as I18n;
    i18n.t = (locale: string, id: string, vars?: MessageVars) => {
      const text = real.t(locale, id, vars);
      this.rendered.push({ id, text });
      return text;
    };
    const messenger: Messenger = {
      send: async (to, message) => {
        this.sent.push({
          to,
          ids: [...new Set(this.rendered.filter((r) => r.text !== "" && message.text.includes(r.text)).map((r) => r.id))],
          text: message.text,
          buttons: message.buttons ?? [],
          ...(message.requestLocation ? { requestLocation: message.requestLocation } : {}),
          ...(message.priority ? { priority: message.priority } : {}),
        });
      },
      remove: async (_to, ref) => {
        this.removed.push(ref);
        return true;
      },
      forget: async (to) => {
        this.forgotten.push(to);
      },
    };
    this.conversation = new Conversation({ ...app.deps, i18n, messenger, now: () => this.now(), config: { ...app.deps.config, ...config } });
  }

  /**
   * A redis-server and an app with no roles (no bot, workers or web): only what the conversation core uses.
   * `config` overrides settings the configuration would not allow (the demo always has an NGO).
   */
  static async start(env: Record<string, string> = {}, config: Partial<ConversationDeps["config"]> = {}): Promise<ConversationHarness> {
    const redis = await startRedis();
    const app = await startTestApp({ redisUrl: redis.url, roles: [], env });
    return new ConversationHarness(redis, app, config);
  }

  /** The data of the jobs waiting (or delayed) on one of the app's queues, read with a queue of its own. */
  async jobs(name: QueueName): Promise<Record<string, unknown>[]> {
    const queue = new Queue(name, { connection: this.app.redis, prefix: this.app.config.REDIS_PREFIX });
    try {
      const jobs = await queue.getJobs(["waiting", "prioritized", "delayed"]);
      return jobs.map((j) => j.data as Record<string, unknown>);
    } finally {
      await queue.close();
    }
  }

  async stop(): Promise<void> {
    await this.app.stop();
    await this.redis.stop();
  }

  now(): Date {
    return this.clock ?? new Date();
  }

  /** Fixes the core's clock (deadlines, extensions); undefined goes back to the real one. */
  setNow(at: Date | undefined): void {
    this.clock = at;
  }

  /** A new person; nothing is stored until they write. */
  chat(name = "Amina", languageHint?: string): Chat {
    return { address: { channel: "sandbox", chatId: `u-${randomBytes(6).toString("hex")}` }, name, ...(languageHint ? { languageHint } : {}) };
  }

  /** Handles one inbound message and returns what was sent during it, to anyone. */
  async send(chat: Chat, body: DistributiveOmit<Inbound, "from" | "name" | "at" | "languageHint">): Promise<Sent[]> {
    const before = this.sent.length;
    this.rendered = [];
    await this.conversation.handle({ from: chat.address, name: chat.name, languageHint: chat.languageHint, at: this.now(), ...body } as Inbound);
    return this.sent.slice(before);
  }

  text(chat: Chat, text: string, messageRef?: string): Promise<Sent[]> {
    return this.send(chat, { kind: "text", text, ...(messageRef ? { messageRef } : {}) });
  }

  press(chat: Chat, data: string): Promise<Sent[]> {
    return this.send(chat, { kind: "choice", data });
  }

  photo(chat: Chat, bytes: Buffer, opts: { caption?: string; forwarded?: boolean; asFile?: boolean; messageRef?: string } = {}): Promise<Sent[]> {
    return this.send(chat, {
      kind: "photo",
      asFile: opts.asFile ?? false,
      forwarded: opts.forwarded ?? false,
      size: bytes.length,
      mime: "image/jpeg",
      download: async () => bytes,
      ...(opts.caption !== undefined ? { caption: opts.caption } : {}),
      ...(opts.messageRef ? { messageRef: opts.messageRef } : {}),
    });
  }

  location(chat: Chat, at: { lat: number; lon: number }, opts: { live?: boolean; forwarded?: boolean; venue?: boolean; accuracyM?: number } = {}): Promise<Sent[]> {
    return this.send(chat, {
      kind: "location",
      lat: at.lat,
      lon: at.lon,
      accuracyM: opts.accuracyM ?? 15,
      live: opts.live ?? false,
      forwarded: opts.forwarded ?? false,
      venue: opts.venue ?? false,
    });
  }

  /** What one chat was sent, in order. */
  to(chat: Chat): Sent[] {
    return this.sent.filter((s) => s.to.channel === chat.address.channel && s.to.chatId === chat.address.chatId);
  }

  person(chat: Chat): Promise<Person | undefined> {
    return this.app.deps.persons.findByAddress(chat.address);
  }

  async personId(chat: Chat): Promise<string> {
    const person = await this.person(chat);
    if (!person) throw new Error(`no person for ${chat.name}`);
    return person.id;
  }

  /** A traveller who picked a language, accepted the terms and, when asked, said no to the NGO. */
  async onboard(chat: Chat, locale = "en"): Promise<void> {
    await this.text(chat, "/start");
    await this.press(chat, `lang:${locale}`);
    const consented = await this.press(chat, "consent:y");
    if (consented.some((s) => s.ids.includes("ngo-consent-question"))) await this.press(chat, "ngo:n");
  }

  /** A family contact linked to `traveller` through an invite link, in English. */
  async link(traveller: Chat, contact: Chat): Promise<void> {
    const [invite] = await this.text(traveller, "/contact");
    const code = /start=([A-Za-z0-9_-]+)/.exec(invite?.text ?? "")?.[1];
    if (!code) throw new Error(`no invite link in ${JSON.stringify(invite?.text)}`);
    await this.text({ ...contact, languageHint: contact.languageHint ?? "en" }, `/start ${code}`);
    await this.press(contact, `inv:y:${code}`);
  }
}

/** Omit for each member of a union (Inbound's kinds), as the built-in Omit would merge them. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The ids of the messages sent, flattened (one turn's answer). */
export function idsOf(sent: Sent[]): string[] {
  return sent.flatMap((s) => s.ids);
}

/** The `data` of every button of a message. */
export function choicesOf(sent: Sent | undefined): string[] {
  return (sent?.buttons ?? []).flat().map((b) => b.data);
}
