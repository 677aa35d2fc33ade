import { DelayedError, Queue, Worker, type ConnectionOptions, type Job } from "bullmq";
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import { QUEUE, QUEUE_EVENTS_MAX_LEN } from "../../queues/names.ts";
import type { Keys } from "../../store/keys.ts";
import type { RedisClient } from "../../store/redis.ts";
import type { Sealer } from "../../store/sealed-box.ts";

/** Telegram redelivers for up to a day; an update id handled within that window is a duplicate. */
const DEDUPE_TTL_MS = 24 * 3_600_000;

/**
 * Claims an update for handling: the first job with this update id claims it, and the same job again (a
 * retry after a crash, found stalled) keeps its claim; a later duplicate (a redelivery once the first job
 * was done and removed) does not. KEYS: dedupe key. ARGV: the job's own stamp, ttl ms.
 */
const CLAIM = `
if redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then return 1 end
if redis.call('GET', KEYS[1]) == ARGV[1] then return 1 end
return 0`;

/** How long an update found ahead of its chat's earlier one waits before it is tried again. */
const OUT_OF_ORDER_RETRY_MS = 200;

/** An update reached its turn while an earlier one of its chat is still stored: it must wait. */
export class OutOfOrderError extends Error {
  override name = "OutOfOrderError";
}

/** The chat an update belongs to (for the updates the bot asks for), as Telegram numbers it. */
export function chatOfUpdate(update: Update): number | undefined {
  return (update.message ?? update.edited_message ?? update.callback_query?.message)?.chat.id;
}

/** A chat's stored update as its sorted set holds it: the id, and `l` for a location (else `o`). */
function member(update: Update): string {
  const m = update.message;
  return `${update.update_id}.${m?.location || m?.venue ? "l" : "o"}`;
}

/** What the queue job holds: the update sealed with the app key (it carries names, texts, coordinates). */
interface InboundJob {
  sealed: string;
}

export interface TelegramInboxOptions {
  connection: ConnectionOptions;
  prefix: string;
  redis: RedisClient;
  keys: Keys;
  box: Sealer;
  lockMs: number;
  /** Updates handled at once in one process (turns wait on Redis and the Bot API, not the CPU). */
  concurrency: number;
  log: Logger;
  /** A chat id as key names hold it (a keyed hash), never in clear. */
  chatIndex: (chatId: string) => string;
}

/**
 * Durable ingress for Telegram updates: the webhook (or the polling turn) only stores the update in a BullMQ
 * queue (job id = update id, so a redelivery while it waits is ignored) and answers; a worker handles it
 * behind. If the process dies after the answer, the job is still in Redis: a waiting one is taken by the next
 * worker, an active one is found stalled after the lock time and handled again (its claim is its own).
 *
 * Per-chat order: the worker starts jobs in queue order, and the bot's `sequentialize` middleware runs one
 * update per chat at a time in that order, so a photo and the location sent after it are handled in turn.
 * Across a crash, BullMQ hands stalled jobs back in no particular order: so each chat's stored update ids
 * are kept in a sorted set, and an update whose chat has an earlier one still stored waits for it
 * (`inOrder`, called inside the sequentialized section).
 */
export class TelegramInbox {
  private readonly queue: Queue;
  private worker?: Worker;

  constructor(private readonly opts: TelegramInboxOptions) {
    this.queue = new Queue(QUEUE.telegramInbound, {
      connection: opts.connection,
      prefix: opts.prefix,
      streams: { events: { maxLen: QUEUE_EVENTS_MAX_LEN } },
      defaultJobOptions: {
        attempts: 8,
        backoff: { type: "exponential", delay: 1_000 },
        removeOnComplete: true,
        removeOnFail: { age: 7 * 86_400 },
      },
    });
  }

  private boundTo(updateId: number): string {
    return this.opts.keys.telegramUpdate(updateId);
  }

  private chatKey(chatId: number): string {
    return `${this.opts.keys.prefix}:tg-chat-pending:${this.opts.chatIndex(String(chatId))}`;
  }

  /** Stores one update durably; resolves once Redis has it (a duplicate still waiting is not added twice). */
  async store(update: Update): Promise<void> {
    const data: InboundJob = { sealed: this.opts.box.seal(JSON.stringify(update), this.boundTo(update.update_id)) };
    const chat = chatOfUpdate(update);
    // Both go out together on one connection (no MULTI: it costs more than it protects here). The set has no
    // expiry: each member leaves once handled, and `inOrder` drops a member whose job is gone.
    await Promise.all([
      chat === undefined ? undefined : this.opts.redis.zadd(this.chatKey(chat), update.update_id, member(update)),
      this.queue.add("update", data, { jobId: `tg-${update.update_id}` }),
    ]);
  }

  /** Throws OutOfOrderError when an earlier update of this chat is still stored (after a crash). */
  async inOrder(update: Update): Promise<void> {
    const chat = chatOfUpdate(update);
    if (chat === undefined) return;
    const key = this.chatKey(chat);
    for (;;) {
      const first = (await this.opts.redis.zrange(key, 0, 0))[0];
      if (first === undefined || parseInt(first, 10) >= update.update_id) return;
      // An id whose job is gone (never added: the store failed half-way and was answered 503) holds nobody back.
      if (await this.opts.redis.exists(this.queue.toKey(`tg-${parseInt(first, 10)}`))) throw new OutOfOrderError("an earlier update of this chat is not handled yet");
      await this.opts.redis.zrem(key, first);
    }
  }

  /** The update was handled (or given up on): the chat's next one may go. */
  async done(update: Update): Promise<void> {
    const chat = chatOfUpdate(update);
    if (chat !== undefined) await this.opts.redis.zrem(this.chatKey(chat), member(update));
  }

  /** Whether the chat already sent a location after this update, stored and waiting its turn. */
  async locationWaiting(update: Update): Promise<boolean> {
    const chat = chatOfUpdate(update);
    if (chat === undefined) return false;
    const later = await this.opts.redis.zrangebyscore(this.chatKey(chat), `(${update.update_id}`, "+inf");
    return later.some((m) => m.endsWith(".l"));
  }

  /**
   * Starts handling stored updates. `handle` resolves when the update was handled (or deliberately dropped);
   * a rejection retries the job (Redis away), so it should throw only for what a retry can cure.
   */
  start(handle: (update: Update) => Promise<void>): void {
    const { opts } = this;
    this.worker = new Worker(
      QUEUE.telegramInbound,
      async (job: Job<InboundJob>, token?: string) => {
        const updateId = Number(String(job.id).slice(3));
        const update = JSON.parse(opts.box.open(job.data.sealed, this.boundTo(updateId)).toString("utf8")) as Update;
        const claimed = await opts.redis.eval(CLAIM, 1, opts.keys.telegramUpdate(updateId), String(job.timestamp), DEDUPE_TTL_MS);
        if (Number(claimed) !== 1) return this.done(update); // handled already (a redelivery after the first was done)
        try {
          // The handler leaves the chat's order itself (`done`), inside the chat's sequence.
          await handle(update);
        } catch (err) {
          if (!(err instanceof OutOfOrderError)) throw err;
          await job.moveToDelayed(Date.now() + OUT_OF_ORDER_RETRY_MS, token);
          throw new DelayedError();
        }
      },
      {
        connection: opts.connection,
        prefix: opts.prefix,
        concurrency: opts.concurrency,
        lockDuration: opts.lockMs,
        stalledInterval: opts.lockMs,
      },
    );
    this.worker.on("failed", (job, err) => {
      opts.log.warn({ queue: QUEUE.telegramInbound, jobId: job?.id, attempts: job?.attemptsMade, err: err.name }, "inbound update failed");
      // Given up on for good: the chat's later updates must not wait for it.
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) {
        const updateId = Number(String(job.id).slice(3));
        void Promise.resolve()
          .then(() => this.done(JSON.parse(opts.box.open(job.data.sealed, this.boundTo(updateId)).toString("utf8")) as Update))
          .catch(() => undefined);
      }
    });
    this.worker.on("error", (err) => opts.log.error({ queue: QUEUE.telegramInbound, err: err.name }, "inbound worker error"));
  }

  get inboundQueue(): Queue {
    return this.queue;
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
  }
}
