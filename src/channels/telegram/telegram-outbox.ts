import { randomUUID } from "node:crypto";
import { DelayedError, Queue, UnrecoverableError, Worker, type ConnectionOptions, type Job } from "bullmq";
import type { Logger } from "pino";
import { UnreachableError, type Button, type Outbound, type Pacer } from "../../ports/messaging.ts";
import { QUEUE, QUEUE_EVENTS_MAX_LEN } from "../../queues/names.ts";
import type { RedisClient } from "../../store/redis.ts";
import { resealValue, scanKeys } from "../../store/reseal.ts";
import type { Sealer } from "../../store/sealed-box.ts";
import type { DeliveryProgress } from "./telegram-text-split.ts";
import { turnReplyId } from "./telegram-turn-scope.ts";

/** A queued message as stored in Redis (sealed: it holds names); the job carries only its id. */
interface StoredMessage {
  chatId: string;
  /** Queued by a turn under its update's name (turnReplyId): a sent mark is left, for a re-run of that turn. */
  turn?: true;
  text: string;
  buttons?: Button[][];
  requestLocation?: { label: string };
  photo?: string;
  /** Parts of a split message that went out before a failure: a retry sends the rest. */
  partsSent?: number;
}

interface OutboxJobData {
  messageId: string;
}

/** A queued reply that could not go out for this long (a long outage) is dropped. */
const MESSAGE_TTL_MS = 24 * 3_600_000;
/**
 * A sent (or given up) reply of a turn leaves an empty value behind this long, so that the same turn run again
 * (its update taken over after a crash: within minutes, see TelegramInbox's retries) does not send it twice.
 */
const SENT_MARK_MS = 3_600_000;
/** Re-ask soon when a message ahead in the same chat is still waiting. */
const ORDER_RETRY_MS = 50;
/** Pause when a higher-priority send stands in the pacer's line and can go now: it is about to take the slot. */
const BEHIND_PAUSE_MS = 10;

export interface TelegramOutboxOptions {
  connection: ConnectionOptions;
  prefix: string;
  redis: RedisClient;
  box: Sealer;
  pacer?: Pacer;
  /** A chat id as key names hold it (a keyed hash). */
  chatIndex: (chatId: string) => string;
  lockMs: number;
  concurrency: number;
  log: Logger;
}

/**
 * The Telegram outbox for low-priority messages (a person's own replies): a turn stores the message and goes
 * on; a worker sends it when the shared pacer (a Pacer: Telegram's per-chat and global limits, one line
 * ordered by priority) gives it a slot. Pacing never holds a turn, a connection or a worker slot: at the global
 * limit the queue is rate-limited for the gap (BullMQ keeps the jobs waiting, none is fetched), at a chat's
 * limit that one job is delayed. NGO alerts and family confirmations ask the same pacer with a higher
 * priority and go first. Each chat's messages leave in the order they were queued (a sorted set per
 * chat: only its oldest waiting message may go).
 */
export class TelegramOutbox {
  private readonly queue: Queue;
  private worker?: Worker;
  private seq = 0;

  constructor(private readonly opts: TelegramOutboxOptions) {
    this.queue = new Queue(QUEUE.telegramOutbox, {
      connection: opts.connection,
      prefix: opts.prefix,
      streams: { events: { maxLen: QUEUE_EVENTS_MAX_LEN } },
      defaultJobOptions: { attempts: 6, backoff: { type: "exponential", delay: 2_000 }, removeOnComplete: true, removeOnFail: { age: 86_400 } },
    });
  }

  private messageKey(id: string): string {
    return `${this.opts.prefix}:tg-out:${id}`;
  }

  private chatKey(chatId: string): string {
    return `${this.opts.prefix}:tg-out-chat:${this.opts.chatIndex(chatId)}`;
  }

  /**
   * Stores the message and queues it; resolves once it is in Redis, long before it is sent. Inside a turn the
   * message is named after its update (turnReplyId): the turn run again after a crash queues it once only.
   */
  async enqueue(chatId: string, message: Outbound): Promise<void> {
    const turnId = turnReplyId(chatId, message.text);
    const messageId = turnId ?? randomUUID();
    const key = this.messageKey(messageId);
    const stored: StoredMessage = {
      chatId,
      ...(turnId ? { turn: true as const } : {}),
      text: message.text,
      ...(message.buttons?.length ? { buttons: message.buttons } : {}),
      ...(message.requestLocation ? { requestLocation: message.requestLocation } : {}),
      ...(message.photo ? { photo: message.photo.toString("base64") } : {}),
    };
    // Queue order within a chat: this process's turns for one chat are sequential, so time + counter orders them.
    const order = Date.now() * 1_000 + (this.seq++ % 1_000);
    const chatKey = this.chatKey(chatId);
    // The job only once Redis has the message: the queue may be on another connection (App.queueRedis), so
    // nothing orders the two otherwise, and a worker finding the job first would take it as sent. The chat's
    // set empties (and Redis drops it) as its messages leave; `first` drops members whose message expired. Its
    // TTL outlives every message in it (each newer one pushes it on), so a set left behind (a crash between
    // send and finish, a key rotation renaming the chat's index) does not stay forever.
    const [isNew] = await Promise.all([
      this.opts.redis.set(key, this.opts.box.seal(JSON.stringify(stored), key), "PX", MESSAGE_TTL_MS, "NX"),
      this.opts.redis.zadd(chatKey, "NX", order, messageId),
      this.opts.redis.pexpire(chatKey, MESSAGE_TTL_MS),
    ]);
    // Queued by an earlier run of this turn: sent already (its empty mark, which `first` passes over), or still
    // waiting, perhaps without its job if that run died before adding it (adding it again changes nothing).
    if (isNew === null && (await this.opts.redis.strlen(key)) === 0) return;
    await this.queue.add("send", { messageId } satisfies OutboxJobData, { jobId: `tg-out-${messageId}` });
  }

  /** Whether `messageId` is its chat's oldest waiting message (ids whose message is gone are dropped). */
  private async first(chatKey: string, messageId: string): Promise<boolean> {
    for (;;) {
      const head = (await this.opts.redis.zrange(chatKey, 0, 0))[0];
      if (head === undefined || head === messageId) return true;
      // Still waiting (not expired, not the empty mark of a sent one whose finish was cut short).
      if ((await this.opts.redis.strlen(this.messageKey(head))) > 0) return false;
      await this.opts.redis.zrem(chatKey, head);
    }
  }

  /** Starts sending; `sendNow` delivers one message whose first slot is already taken, from `progress.from`. */
  start(sendNow: (chatId: string, message: Outbound, progress: DeliveryProgress) => Promise<void>): void {
    const { opts } = this;
    this.worker = new Worker(
      QUEUE.telegramOutbox,
      async (job: Job<OutboxJobData>, token?: string) => {
        const { messageId } = job.data;
        const key = this.messageKey(messageId);
        const raw = await opts.redis.get(key);
        if (!raw) return; // sent already (the empty mark), or past its TTL
        const stored = JSON.parse(opts.box.open(raw, key).toString("utf8")) as StoredMessage;
        const chatKey = this.chatKey(stored.chatId);
        const later = async (ms: number) => {
          await job.moveToDelayed(Date.now() + ms, token);
          throw new DelayedError();
        };
        if (!(await this.first(chatKey, messageId))) return later(ORDER_RETRY_MS);
        if (opts.pacer) {
          const slot = await opts.pacer.tryTake(stored.chatId, "low", job.timestamp);
          // The global limit (or a higher-priority send about to go): the whole queue pauses, no job churns.
          if (slot.kind === "global" || slot.kind === "behind") {
            await this.queue.rateLimit(slot.kind === "global" ? slot.ms : BEHIND_PAUSE_MS);
            throw Worker.RateLimitError();
          }
          // This chat's limit: only this message waits.
          if (slot.kind === "chat") return later(slot.ms);
        }
        const message: Outbound = {
          text: stored.text,
          ...(stored.buttons ? { buttons: stored.buttons } : {}),
          ...(stored.requestLocation ? { requestLocation: stored.requestLocation } : {}),
          ...(stored.photo ? { photo: Buffer.from(stored.photo, "base64") } : {}),
        };
        try {
          // Each part's progress is stored before the next one goes: a retry does not send a part twice.
          const sent = async (next: number) => {
            stored.partsSent = next;
            await opts.redis.set(key, opts.box.seal(JSON.stringify(stored), key), "KEEPTTL", "XX");
          };
          await sendNow(stored.chatId, message, { from: stored.partsSent ?? 0, sent });
        } catch (err) {
          // The person blocked the bot or the chat is gone: their own reply has nobody else to tell.
          if (!(err instanceof UnreachableError)) throw err;
          await this.finish(key, chatKey, messageId, stored.turn);
          throw new UnrecoverableError(err.message);
        }
        await this.finish(key, chatKey, messageId, stored.turn);
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
      opts.log.warn({ queue: QUEUE.telegramOutbox, jobId: job?.id, attempts: job?.attemptsMade, err: err.name }, "telegram reply failed");
      if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) void this.drop(job.data.messageId).catch(() => undefined);
    });
    this.worker.on("error", (err) => opts.log.error({ queue: QUEUE.telegramOutbox, err: err.name }, "telegram outbox worker error"));
  }

  private async finish(key: string, chatKey: string, messageId: string, markSent = false): Promise<void> {
    const gone = markSent ? this.opts.redis.set(key, "", "PX", SENT_MARK_MS) : this.opts.redis.del(key);
    await Promise.all([gone, this.opts.redis.zrem(chatKey, messageId)]);
  }

  /** Given up on: the chat's later messages must not wait for it (the order check drops ids without a message). */
  private async drop(messageId: string): Promise<void> {
    await this.opts.redis.del(this.messageKey(messageId));
  }

  get outboxQueue(): Queue {
    return this.queue;
  }

  async close(): Promise<void> {
    await this.worker?.close();
    await this.queue.close();
  }
}

/** Key rotation: every reply still waiting sealed anew with the current app key. */
export async function resealTelegramOutbox(redis: RedisClient, prefix: string, sealer: Sealer): Promise<number> {
  let resealed = 0;
  for await (const key of scanKeys(redis, `${prefix}:tg-out:*`)) if (await resealValue(redis, sealer, key)) resealed++;
  return resealed;
}
