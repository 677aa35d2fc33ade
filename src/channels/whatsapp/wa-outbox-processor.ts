import type { Sealer } from "../../store/sealed-box.ts";
import { DelayedError, UnrecoverableError, Worker, type ConnectionOptions, type Job } from "bullmq";
import type { Logger } from "pino";
import { QUEUE } from "../../queues/names.ts";
import { outboxJobSchema, type OutboxJob } from "../../ports/jobs.ts";
import type { RedisClient } from "../../store/redis.ts";
import type { WaChoices } from "./wa-choices.ts";
import type { WaKeys } from "./wa-keys.ts";
import type { UnreachableReason, WaOptIn } from "./wa-opt-in.ts";
import { OUTBOX_TTL_MS, type StoredOutbound } from "./wa-outbox.ts";
import { renderParts } from "./wa-render.ts";
import type { Pacer, SendPriority } from "../../ports/messaging.ts";
import type { SentRecord, WaSentStore } from "./wa-sent-store.ts";
import type { WaContent, WaSocket, WaSocketEvents } from "./wa-socket.ts";

/** proto.WebMessageInfo.Status.ERROR (WAProto.proto: `enum Status { ERROR = 0; PENDING = 1; ... }`). */
export const STATUS_ERROR = 0;
/** Resends after ERROR acks before the chat counts as unreachable. */
export const MAX_ERROR_RESENDS = 2;

/** Longest delay before asking the pacer again: keeps the message's place in the line fresh (SendPacer staleMs). */
const MAX_PACE_DELAY_MS = 250;

export class NotConnectedError extends Error {
  override name = "NotConnectedError";
}

/** Errors that say the recipient cannot be reached, as opposed to a network hiccup worth a retry. */
export function unreachableReason(err: unknown): Exclude<UnreachableReason, "never_messaged" | "failed"> | undefined {
  const e = err as { output?: { statusCode?: number }; data?: unknown; message?: string } | undefined;
  const status = e?.output?.statusCode;
  if (status === 403 || /blocked|forbidden|not-authorized/i.test(e?.message ?? "")) return "blocked";
  if (status === 404 || /item-not-found|not on whatsapp|not-acceptable/i.test(e?.message ?? "")) return "not_found";
  return undefined;
}

export interface OutboxProcessorDeps {
  redis: RedisClient;
  keys: WaKeys;
  box: Sealer;
  optIn: WaOptIn;
  /** The pacer every channel uses (SendPacer), here with WhatsApp's rates: one line ordered by priority. */
  pacer: Pacer;
  choices: WaChoices;
  sent: WaSentStore;
  /** Queues a message again (a resend after an ERROR ack). */
  enqueue(message: StoredOutbound, delayMs: number): Promise<void>;
  /** The first resend's delay; each further one waits twice as long. */
  resendDelayMs: number;
  /** The connected socket, or undefined while there is none. */
  socket(): WaSocket | undefined;
  /** A chat was newly marked unreachable: tell whoever relies on it. */
  onUnreachable(chatId: string, reason: UnreachableReason): Promise<void>;
  log: Logger;
}

/** Sends the outbox's messages over the socket, paced, in the one process that holds it. */
export class WaOutboxProcessor {
  constructor(private readonly deps: OutboxProcessorDeps) {}

  /**
   * Sends one stored message. `later(ms)` puts the job back for that long (its slot is not free yet): pacing
   * delays the message without holding a worker slot. `order` (priority, first asked) is its place in the line.
   */
  async process(job: OutboxJob, later: (ms: number) => Promise<never> = async (ms) => { await new Promise((r) => setTimeout(r, ms)); throw new DelayedError(); }, order: { priority: SendPriority; firstAsked: number } = { priority: "normal", firstAsked: Date.now() }): Promise<void> {
    const { deps } = this;
    const key = deps.keys.outMessage(job.messageId);
    const raw = await deps.redis.get(key);
    if (!raw) return; // sent already, or waited past its TTL
    const message = JSON.parse(deps.box.open(raw, key).toString("utf8")) as StoredOutbound;
    const { chatId } = message;
    // Checked again where the socket is: nothing reaches a chat that never wrote to the bot.
    if (!(await deps.optIn.hasMessaged(chatId))) {
      await this.markUnreachable(chatId, "never_messaged");
      throw new UnrecoverableError("chat never messaged the bot");
    }
    if (await deps.optIn.unreachable(chatId)) throw new UnrecoverableError("chat marked unreachable");
    if (!deps.socket()) throw new NotConnectedError("whatsapp is not connected");

    const wait = await deps.pacer.take(chatId, job.messageId, message.priority ?? order.priority, order.firstAsked);
    if (wait !== 0) return later(wait < 0 ? 5 : Math.min(wait, MAX_PACE_DELAY_MS));
    const socket = deps.socket();
    if (!socket) throw new NotConnectedError("whatsapp is not connected");
    const first = message.buttons?.length ? await deps.choices.remember(chatId, message.buttons.map((b) => b.data)) : 1;
    const parts = renderParts({ text: message.text, photo: message.photo ? Buffer.from(message.photo, "base64") : undefined }, message.buttons, first);
    const refused = message.refused ?? 0;
    // A retry resumes after the parts already delivered (a photo is not sent twice).
    const progressKey = deps.keys.outProgress(job.messageId);
    const done = Number((await deps.redis.get(progressKey)) ?? 0);
    for (let i = done; i < parts.length; i++) {
      try {
        const sent = await socket.send(chatId, parts[i]!);
        if (sent.id) await deps.sent.record(sent.id, { chatId, ...stored(parts[i]!), refused, ...(sent.message ? { message: Buffer.from(sent.message).toString("base64") } : {}) });
      } catch (err) {
        const reason = unreachableReason(err);
        if (reason) {
          await this.markUnreachable(chatId, reason);
          throw new UnrecoverableError(`recipient unreachable: ${reason}`);
        }
        throw err;
      }
      await deps.redis.set(progressKey, String(i + 1), "PX", OUTBOX_TTL_MS);
    }
    await deps.redis.del(key, progressKey);
    await deps.optIn.refresh(chatId);
  }

  /**
   * Status updates of sent messages. An ack with an error (Baileys emits `messages.update` with
   * `status: ERROR`, lib/Socket/messages-recv.js handleBadAck) means WhatsApp did not take the message:
   * it is sent again, twice at most with growing delays, then the chat counts as unreachable.
   */
  async onUpdates(updates: WaSocketEvents["messages.update"]): Promise<void> {
    for (const { key, update } of updates) {
      if (!key.fromMe || !key.id || update.status !== STATUS_ERROR) continue;
      const record = await this.deps.sent.take(key.id);
      if (!record) continue; // not ours, acted on already, or too old
      const refused = record.refused + 1;
      this.deps.log.warn({ refused, code: update.messageStubParameters?.[0] }, "whatsapp refused a sent message");
      if (refused > MAX_ERROR_RESENDS) {
        await this.markUnreachable(record.chatId, "failed");
        continue;
      }
      const message: StoredOutbound = {
        chatId: record.chatId,
        text: record.text ?? record.caption ?? "",
        ...(record.photo ? { photo: record.photo } : {}),
        createdAt: Date.now(),
        refused,
      };
      await this.deps.enqueue(message, this.deps.resendDelayMs * 2 ** (refused - 1));
    }
  }

  /** Retries ran out: the chat is treated as unreachable. */
  async giveUp(job: OutboxJob, err: Error): Promise<void> {
    if (err instanceof UnrecoverableError || err.name === "NotConnectedError") return;
    const key = this.deps.keys.outMessage(job.messageId);
    const raw = await this.deps.redis.get(key);
    if (!raw) return;
    await this.markUnreachable((JSON.parse(this.deps.box.open(raw, key).toString("utf8")) as StoredOutbound).chatId, "failed");
  }

  private async markUnreachable(chatId: string, reason: UnreachableReason): Promise<void> {
    this.deps.log.warn({ reason }, "whatsapp chat unreachable");
    if (await this.deps.optIn.markUnreachable(chatId, reason)) await this.deps.onUnreachable(chatId, reason);
  }
}

/** A rendered part as kept for a resend. */
function stored(part: WaContent): Pick<SentRecord, "text" | "photo" | "caption"> {
  if ("text" in part) return { text: part.text };
  return { photo: part.image.toString("base64"), ...(part.caption !== undefined ? { caption: part.caption } : {}) };
}

/** BullMQ job priority -> pacer priority (WaOutbox sets them: 1 high, 2 normal, 3 low). */
const PRIORITY_NAME: Record<number, SendPriority> = { 1: "high", 2: "normal", 3: "low" };

export interface OutboxWorkerOptions {
  connection: ConnectionOptions;
  prefix: string;
  lockMs: number;
  concurrency?: number;
}

/** The BullMQ worker of the WhatsApp outbox; paused while the socket is down, so jobs keep their attempts. */
export function startOutboxWorker(processor: WaOutboxProcessor, opts: OutboxWorkerOptions, log: Logger): Worker {
  const worker = new Worker(
    QUEUE.whatsappOutbox,
    (job, token) =>
      processor.process(
        outboxJobSchema.parse(job.data),
        async (ms) => {
          await job.moveToDelayed(Date.now() + ms, token);
          throw new DelayedError();
        },
        { priority: PRIORITY_NAME[job.opts.priority ?? 0] ?? "normal", firstAsked: job.timestamp },
      ),
    {
    connection: opts.connection,
    prefix: opts.prefix,
    lockDuration: opts.lockMs,
    stalledInterval: opts.lockMs,
    concurrency: opts.concurrency ?? 4,
    autorun: false,
    },
  );
  worker.on("failed", (job: Job | undefined, err: Error) => {
    log.warn({ queue: QUEUE.whatsappOutbox, jobId: job?.id, attempts: job?.attemptsMade, err: err.name }, "whatsapp send failed");
    if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) {
      void processor.giveUp(outboxJobSchema.parse(job.data), err).catch(() => undefined);
    }
  });
  worker.on("error", (err) => log.error({ queue: QUEUE.whatsappOutbox, err: err.name }, "whatsapp outbox worker error"));
  return worker;
}
