import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { performance, type EventLoopUtilization } from "node:perf_hooks";
import { Queue, type ConnectionOptions } from "bullmq";
import type { Update } from "grammy/types";
import { Cluster, type Redis } from "ioredis";
import type { Logger } from "pino";
import { QUEUE } from "../../queues/names.ts";
import type { Keys } from "../../store/keys.ts";
import { LuaScript, type LuaArg } from "../../store/lua/lua-script.ts";
import type { RedisClient } from "../../store/redis.ts";
import type { Sealer } from "../../store/sealed-box.ts";

/** Telegram redelivers for up to a day; an update id stored within that window is a duplicate. */
const SEEN_TTL_MS = 24 * 3_600_000;
/** Update ids per seen-ids bitmap (8 KB each). Telegram numbers updates in sequence, so a day fits in a few. */
const SEEN_RANGE = 65_536;

const GROUP = "handlers";
/** How long one blocking read waits for new entries before it is issued again. */
const BLOCK_MS = 1_000;
/** A blocking read with no answer this long after its BLOCK time is on a stalled connection: reconnect. */
const READ_STALL_MS = 10_000;
/** How long an update found ahead of its chat's earlier one waits before it is tried again. */
const OUT_OF_ORDER_RETRY_MS = 200;
/** Tries of one update (the handler rejects only when Redis is away), 1 s apart and doubling. */
const MAX_ATTEMPTS = 8;
const RETRY_BASE_MS = 1_000;
/** An update whose entry was taken over from dead processes this many times kills them: given up on. */
const MAX_DELIVERIES = 5;

/**
 * Yielding to ingress: every YIELD_CHECK_MS the consumer looks at this process's event loop and its stores.
 * During a burst (at least YIELD_MIN_STORES stored here by the webhook or the poller in that time, 1,000/s:
 * far more than one process's turns can follow, each costing about half a millisecond of CPU) with the loop
 * over YIELD_BUSY utilized, turns run at most YIELD_CONCURRENCY at a time, so that the loop's time goes to
 * acknowledging (each 200 waits for the loop; a turn does not have to). The stream holds what waits: the burst
 * is handled behind, none lost. At ordinary rates (tens of updates a second, photo checks keeping the loop
 * busy) turns keep their full concurrency.
 */
const YIELD_CHECK_MS = 100;
const YIELD_MIN_STORES = 100;
const YIELD_BUSY = 0.5;
const YIELD_CONCURRENCY = 1;

/** Chats whose pending-set key is kept in memory (an entry is a number and a ~70-character key). */
const CHAT_KEY_CACHE = 10_000;

/** Updates stored by one script call at most (a burst's turn can hold more: they go in several). */
const MAX_BATCH = 256;

/** One update's part of an INBOX_STORE call: its two keys and five arguments. */
export type InboxStoreItem = { keys: [seen: string, chat: string]; args: [bit: number, updateId: number, sealed: string, kind: "l" | "o" | "", force: "1" | ""] };

/** Stores updates in the inbox (see inbox-store.lua); called through `inboxStoreArgs`. */
export const INBOX_STORE = new LuaScript<[numberOfKeys: number, ...args: LuaArg[]], number[]>("saTgInboxStore", new URL("./inbox-store.lua", import.meta.url));
/** Acknowledges and deletes a handled entry. */
export const INBOX_ACK = new LuaScript<[stream: string, group: string, entryId: string], number>("saTgInboxAck", new URL("./inbox-ack.lua", import.meta.url), 1);

/** INBOX_STORE's arguments for these updates (the key count first: the script takes any number). */
export function inboxStoreArgs(stream: string, ttlMs: number, items: readonly InboxStoreItem[]): [number, ...LuaArg[]] {
  const keys: LuaArg[] = [stream];
  const args: LuaArg[] = [ttlMs];
  for (const item of items) {
    keys.push(...item.keys);
    args.push(...item.args);
  }
  return [keys.length, ...keys, ...args];
}

interface PendingStore extends InboxStoreItem {
  resolve: () => void;
  reject: (err: unknown) => void;
}

/** An update reached its turn while an earlier one of its chat is still stored: it must wait. */
export class OutOfOrderError extends Error {
  override name = "OutOfOrderError";
}

/** The chat an update belongs to (for the updates the bot asks for), as Telegram numbers it. */
export function chatOfUpdate(update: Update): number | undefined {
  return (update.message ?? update.edited_message ?? update.callback_query?.message)?.chat.id;
}

/** `l` for a location (the check-in's second half), `o` for anything else. */
function kindOf(update: Update): "l" | "o" {
  const m = update.message;
  return m?.location || m?.venue ? "l" : "o";
}

type StreamEntry = [id: string, fields: string[]];

/**
 * The webhook stores the body's bytes as Telegram sent them (no parser that refuses prototype keys on the way
 * in): such keys are dropped here, before the update reaches the bot's middleware. Telegram never sends them.
 */
function withoutPrototypeKeys(key: string, value: unknown): unknown {
  return key === "__proto__" || key === "constructor" ? undefined : value;
}

function field(fields: string[], name: string): string | undefined {
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}

export interface TelegramInboxOptions {
  /** The app's connection: the inbox opens its own two from it (stores and acks; the blocking read). */
  redis: RedisClient;
  keys: Keys;
  box: Sealer;
  /** An entry whose process stops renewing it this long (a crash, a pause) is taken over by another. */
  lockMs: number;
  /** Updates handled at once in one process (turns wait on Redis and the Bot API, not the CPU). */
  concurrency: number;
  log: Logger;
  /** A chat id as key names hold it (a keyed hash), never in clear. */
  chatIndex: (chatId: string) => string;
  /** Where the inbox of earlier versions (a BullMQ queue) lived: jobs left there are moved in at start. */
  legacy?: { connection: ConnectionOptions; prefix: string };
}

/**
 * Durable ingress for Telegram updates. The webhook (or the polling turn) stores each update with a script
 * (inbox-store.lua): its id marked seen in a bitmap (a redelivery is dropped there), the update sealed into a
 * Redis stream, and its chat's pending set; the 200 follows once Redis answered. What concurrent requests
 * store in the same event-loop turn goes in one script call on the inbox's own connection: under load one
 * call carries many updates (per update, the client's and Redis's cost of a command was most of the store's).
 *
 * Handling runs behind, in any process that calls `start`: a consumer group reads new entries, a handled one
 * is acknowledged and deleted (inbox-ack.lua). If a process dies after the 200, its entries stay in the
 * group's pending list: another consumer (or the same process once restarted) takes them over after `lockMs`
 * (XAUTOCLAIM); a live process renews its entries well before that.
 *
 * Per-chat order: entries are read in stream order, and the bot's `sequentialize` middleware runs one update
 * per chat at a time in that order, so a photo and the location sent after it are handled in turn. Entries
 * taken over after a crash come back late: so each chat's stored updates are kept in a sorted set, and an
 * update whose chat has an earlier one still stored waits for it (`inOrder`, called inside the sequence).
 */
export class TelegramInbox {
  private readonly conn: RedisClient;
  private reader?: RedisClient;
  private readonly stream: string;
  private readonly consumer = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  /** Entries being handled here, by entry id. */
  private readonly active = new Set<string>();
  private handle?: (update: Update) => Promise<void>;
  private closing = false;
  private wake?: () => void;
  private readLoop?: Promise<void>;
  private claimTimer?: NodeJS.Timeout;
  private readonly running = new Set<Promise<void>>();
  private readonly pauses = new Set<() => void>();
  private readonly chatKeys = new Map<number, string>();
  /** Updates stored by this process (the webhook or the poller), for yielding to them. */
  private stored = 0;
  /** Stores waiting for the end of this event-loop turn, to go to Redis in one script call. */
  private batch: PendingStore[] = [];
  private yielding = false;
  private yieldTimer?: NodeJS.Timeout;

  constructor(private readonly opts: TelegramInboxOptions) {
    this.stream = opts.keys.telegramInbox();
    const connectionName = "safe-arrival:tg-inbox";
    // Its own connection, pipelined (the turns' reads and acks). The stores are batched here instead (`store`),
    // and one batch is one command: auto-pipelining it would only hold it for another event-loop turn.
    const pipelined = { enableAutoPipelining: true, autoPipeliningIgnoredCommands: [INBOX_STORE.name] };
    this.conn = opts.redis instanceof Cluster ? opts.redis.duplicate(undefined, pipelined) : (opts.redis as Redis).duplicate({ ...pipelined, connectionName });
    this.conn.on("error", () => undefined); // the app's connection reports Redis trouble; this one only reconnects
    // Defined now: an auto-pipeline copies the client's commands when it is made, so a command defined while
    // one is filling (LuaScript.run's lazy define) is missing from it and the call throws outside any promise.
    INBOX_STORE.define(this.conn);
    INBOX_ACK.define(this.conn);
  }

  /** The connections the Redis watchdog should PING (the blocking reader guards itself). */
  get connections(): RedisClient[] {
    return [this.conn];
  }

  private boundTo(updateId: number): string {
    return this.opts.keys.telegramUpdate(updateId);
  }

  /** The chat's pending-set key, cached: a keyed hash per update was a visible share of the webhook's CPU. */
  private chatKey(chatId: number): string {
    let key = this.chatKeys.get(chatId);
    if (key === undefined) {
      if (this.chatKeys.size >= CHAT_KEY_CACHE) this.chatKeys.clear();
      key = this.opts.keys.telegramChatPending(this.opts.chatIndex(String(chatId)));
      this.chatKeys.set(chatId, key);
    }
    return key;
  }

  /**
   * Stores one update durably; resolves once Redis has it (a redelivery of a stored id is not added twice).
   * `raw`: the update's JSON as received (the webhook's body), sealed as it is rather than serialised again.
   * The stores of one event-loop turn (the webhook's concurrent requests) go to Redis in one script call.
   */
  store(update: Update, { raw, force = false }: { raw?: Buffer; force?: boolean } = {}): Promise<void> {
    const id = update.update_id;
    const chat = chatOfUpdate(update);
    this.stored++;
    return new Promise<void>((resolve, reject) => {
      const queued = this.batch.push({
        keys: [this.opts.keys.telegramSeen(Math.floor(id / SEEN_RANGE)), chat === undefined ? this.stream : this.chatKey(chat)],
        args: [id % SEEN_RANGE, id, this.opts.box.seal(raw ?? JSON.stringify(update), this.boundTo(id)), chat === undefined ? "" : kindOf(update), force ? "1" : ""],
        resolve,
        reject,
      });
      if (queued === 1) setImmediate(() => this.flushStores());
      else if (queued >= MAX_BATCH) this.flushStores();
    });
  }

  private flushStores(): void {
    const batch = this.batch;
    if (batch.length === 0) return;
    this.batch = [];
    INBOX_STORE.run(this.conn, ...inboxStoreArgs(this.stream, SEEN_TTL_MS, batch)).then(
      () => batch.forEach((s) => s.resolve()),
      (err: unknown) => batch.forEach((s) => s.reject(err)),
    );
  }

  /** Throws OutOfOrderError when an earlier update of this chat is still stored (after a crash). */
  async inOrder(update: Update): Promise<void> {
    const chat = chatOfUpdate(update);
    if (chat === undefined) return;
    const key = this.chatKey(chat);
    for (;;) {
      const first = (await this.conn.zrange(key, 0, 0))[0];
      if (first === undefined || parseInt(first, 10) >= update.update_id) return;
      // A member whose entry is gone (an earlier version's, or one left by a bug) holds nobody back.
      const entry = first.split(".")[2];
      if (entry && (await this.conn.xrange(this.stream, entry, entry)).length > 0) throw new OutOfOrderError("an earlier update of this chat is not handled yet");
      await this.conn.zrem(key, first);
    }
  }

  /** The update was handled (or given up on): the chat's next one may go. */
  async done(update: Update): Promise<void> {
    const chat = chatOfUpdate(update);
    if (chat !== undefined) await this.conn.zremrangebyscore(this.chatKey(chat), update.update_id, update.update_id);
  }

  /** Whether the chat already sent a location after this update, stored and waiting its turn. */
  async locationWaiting(update: Update): Promise<boolean> {
    const chat = chatOfUpdate(update);
    if (chat === undefined) return false;
    const later = await this.conn.zrangebyscore(this.chatKey(chat), `(${update.update_id}`, "+inf");
    return later.some((m) => m.split(".")[1] === "l");
  }

  /**
   * Starts handling stored updates. `handle` resolves when the update was handled (or deliberately dropped);
   * a rejection tries it again later (Redis away), so it should throw only for what a retry can cure.
   */
  async start(handle: (update: Update) => Promise<void>): Promise<void> {
    this.handle = handle;
    await this.createGroup();
    if (this.opts.legacy) await this.moveLegacyJobs(this.opts.legacy);
    await this.forgetIdleConsumers();
    this.reader = this.opts.redis.duplicate();
    this.reader.on("error", () => undefined);
    this.readLoop = this.readNew();
    this.scheduleClaims();
    this.watchIngress();
  }

  /** Turns handled here at once now: fewer while this process's ingress keeps its event loop busy. */
  private get limit(): number {
    return this.yielding ? Math.min(YIELD_CONCURRENCY, this.opts.concurrency) : this.opts.concurrency;
  }

  private watchIngress(): void {
    let elu: EventLoopUtilization = performance.eventLoopUtilization();
    let stored = this.stored;
    this.yieldTimer = setInterval(() => {
      const now = performance.eventLoopUtilization();
      const busy = performance.eventLoopUtilization(now, elu).utilization > YIELD_BUSY;
      const yielding = busy && this.stored - stored >= YIELD_MIN_STORES;
      [elu, stored] = [now, this.stored];
      if (yielding === this.yielding) return;
      this.yielding = yielding;
      if (!yielding) this.wakeReader();
    }, YIELD_CHECK_MS).unref();
  }

  private wakeReader(): void {
    this.wake?.();
    this.wake = undefined;
  }

  /** The consumer group, from the stream's first entry: also after a Redis that lost its data came back. */
  private async createGroup(): Promise<void> {
    await this.conn.xgroup("CREATE", this.stream, GROUP, "0", "MKSTREAM").catch((err: Error) => {
      if (!/BUSYGROUP/.test(err.message)) throw err;
    });
  }

  /** Reads new entries while there is room, and hands each to `run`. */
  private async readNew(): Promise<void> {
    while (!this.closing) {
      const room = this.limit - this.active.size;
      if (room <= 0) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        continue;
      }
      let stall: NodeJS.Timeout | undefined;
      try {
        // BullMQ guards its blocking reads the same way: a read that never answers is on a dead connection.
        stall = setTimeout(() => this.reader?.disconnect(true), BLOCK_MS + READ_STALL_MS);
        const reply = (await this.reader!.xreadgroup("GROUP", GROUP, this.consumer, "COUNT", room, "BLOCK", BLOCK_MS, "STREAMS", this.stream, ">")) as [string, StreamEntry[]][] | null;
        for (const entry of reply?.[0]?.[1] ?? []) this.run(entry);
      } catch (err) {
        if (this.closing) break;
        if (/NOGROUP/.test((err as Error).message)) {
          await this.createGroup().catch(() => undefined);
          continue;
        }
        this.opts.log.warn({ err: (err as Error).name }, "telegram inbox read failed; reading again");
        await this.pause(1_000);
      } finally {
        clearTimeout(stall);
      }
    }
  }

  /**
   * Every third of `lockMs`: renews this process's entries (their idle time starts again), and takes over
   * entries idle longer than `lockMs`, whose process died or stalled.
   */
  private scheduleClaims(): void {
    const every = Math.max(200, Math.floor(this.opts.lockMs / 3));
    this.claimTimer = setTimeout(() => {
      void this.claim()
        .catch((err: Error) => {
          if (!/NOGROUP/.test(err.message)) this.opts.log.warn({ err: err.name }, "telegram inbox claim failed");
        })
        .finally(() => {
          if (!this.closing) this.scheduleClaims();
        });
    }, every);
  }

  private async claim(): Promise<void> {
    if (this.active.size > 0) await this.conn.xclaim(this.stream, GROUP, this.consumer, 0, ...this.active, "JUSTID");
    const room = this.limit - this.active.size;
    if (room <= 0 || this.closing) return;
    const [, entries] = (await this.conn.xautoclaim(this.stream, GROUP, this.consumer, this.opts.lockMs, "0-0", "COUNT", room)) as [string, (StreamEntry | null)[]];
    const live = entries.filter((e): e is StreamEntry => e !== null && !this.active.has(e[0]));
    if (live.length === 0) return;
    // How often each was handed out: an update that killed every process that took it is given up on.
    const pending = (await this.conn.xpending(this.stream, GROUP, live[0]![0], live.at(-1)![0], live.length + this.active.size, this.consumer)) as [string, string, number, number][];
    const deliveries = new Map(pending.map(([id, , , count]) => [id, count]));
    for (const entry of live) this.run(entry, deliveries.get(entry[0]) ?? 1);
  }

  private run(entry: StreamEntry, deliveries = 1): void {
    const [entryId] = entry;
    this.active.add(entryId);
    const task = this.handleEntry(entry, deliveries).finally(() => {
      this.active.delete(entryId);
      this.running.delete(task);
      this.wakeReader();
    });
    this.running.add(task);
  }

  private async handleEntry([entryId, fields]: StreamEntry, deliveries: number): Promise<void> {
    const { log } = this.opts;
    const updateId = Number(field(fields, "u"));
    let update: Update;
    try {
      update = JSON.parse(this.opts.box.open(field(fields, "s") ?? "", this.boundTo(updateId)).toString("utf8"), withoutPrototypeKeys) as Update;
    } catch (err) {
      // Not a retry's to cure (a key that no longer opens it): it would only block the stream's pending list.
      log.error({ updateId, err: (err as Error).name }, "telegram inbox entry does not open; dropped");
      await this.ack(entryId);
      return;
    }
    if (deliveries > MAX_DELIVERIES) {
      log.error({ updateId, deliveries }, "telegram update taken over too often (it may crash the process); given up");
      await this.done(update);
      await this.ack(entryId);
      return;
    }
    for (let attempt = 1; ; ) {
      try {
        await this.handle!(update);
        break;
      } catch (err) {
        if (this.closing) return; // left pending: taken over after lockMs, by this process restarted or another
        if (err instanceof OutOfOrderError) {
          await this.pause(OUT_OF_ORDER_RETRY_MS);
          continue;
        }
        log.warn({ updateId, attempt, err: (err as Error).name }, "inbound update failed");
        if (attempt >= MAX_ATTEMPTS) {
          // Given up on for good: the chat's later updates must not wait for it.
          await this.done(update).catch(() => undefined);
          break;
        }
        await this.pause(RETRY_BASE_MS * 2 ** (attempt - 1));
        attempt++;
      }
    }
    await this.ack(entryId);
  }

  private async ack(entryId: string): Promise<void> {
    await INBOX_ACK.run(this.conn, this.stream, GROUP, entryId);
  }

  /** Waits `ms`, or less when the inbox closes. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.pauses.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.pauses.add(done);
    });
  }

  /** Consumers of processes gone for a day with nothing pending are only names: forgotten. */
  private async forgetIdleConsumers(): Promise<void> {
    const consumers = (await this.conn.xinfo("CONSUMERS", this.stream, GROUP)) as (string | number)[][];
    for (const c of consumers) {
      const info = new Map<string, string | number>();
      for (let i = 0; i + 1 < c.length; i += 2) info.set(String(c[i]), c[i + 1]!);
      if (Number(info.get("pending")) === 0 && Number(info.get("idle")) > SEEN_TTL_MS) {
        await this.conn.xgroup("DELCONSUMER", this.stream, GROUP, String(info.get("name")));
      }
    }
  }

  /**
   * Earlier versions kept stored updates as BullMQ jobs (queue `inbound-telegram`, job id `tg-<update id>`,
   * the update sealed the same way): any left there are moved into the stream, so an upgrade loses none.
   */
  private async moveLegacyJobs(legacy: { connection: ConnectionOptions; prefix: string }): Promise<void> {
    // Never used here (a new deployment): opening it would only create its keys.
    if (!(await this.conn.exists(`${legacy.prefix}:${QUEUE.telegramInboundLegacy}:meta`))) return;
    const queue = new Queue(QUEUE.telegramInboundLegacy, { connection: legacy.connection, prefix: legacy.prefix });
    try {
      const jobs = await queue.getJobs(["wait", "active", "delayed", "prioritized", "waiting-children"]);
      for (const job of jobs) {
        if (!job?.id?.startsWith("tg-")) continue;
        const updateId = Number(job.id.slice(3));
        const sealed = (job.data as { sealed?: string }).sealed;
        if (!sealed) continue;
        const update = JSON.parse(this.opts.box.open(sealed, this.boundTo(updateId)).toString("utf8")) as Update;
        // A job an older process still holds (a rolling upgrade) stays with it.
        if ((await job.isActive()) && (await this.conn.exists(queue.toKey(`${job.id}:lock`)))) continue;
        await this.store(update, { force: true });
        await job.remove();
      }
      if (jobs.length) this.opts.log.info({ moved: jobs.length }, "telegram updates moved from the old inbound queue");
      // Emptied: its keys go too (a job still held by an older process keeps the queue until it is done).
      if ((await queue.getJobCountByTypes("wait", "active", "delayed", "prioritized", "waiting-children")) === 0) await queue.obliterate({ force: true });
    } catch (err) {
      this.opts.log.warn({ err: (err as Error).name }, "old inbound queue not read");
    } finally {
      await queue.close();
    }
  }

  /** Stops reading and renewing; waits for the updates being handled. What is left pending is taken over later. */
  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.claimTimer);
    clearInterval(this.yieldTimer);
    this.wake?.();
    for (const wakeUp of [...this.pauses]) wakeUp();
    // The blocking read would hold the close for up to BLOCK_MS; what it was about to hand over stays pending.
    this.reader?.disconnect();
    await this.readLoop;
    await Promise.allSettled([...this.running]);
    this.conn.disconnect();
  }
}
