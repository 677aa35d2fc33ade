import { resealValue, scanKeys } from "../../store/reseal.ts";
import type { Sealer } from "../../store/sealed-box.ts";
import { randomUUID } from "node:crypto";
import { UnreachableError, type Button, type ChannelSender, type Outbound } from "../../ports/messaging.ts";
import type { JobProducer } from "../../ports/jobs.ts";
import type { RedisClient } from "../../store/redis.ts";
import { CHAT_ID_PATTERN } from "./wa-jid.ts";
import type { WaKeys } from "./wa-keys.ts";
import type { WaOptIn } from "./wa-opt-in.ts";

/** A message waiting in the outbox, as stored in Redis (the queue job carries only its id). */
export interface StoredOutbound {
  chatId: string;
  text: string;
  buttons?: Button[];
  /** Base64 JPEG. */
  photo?: string;
  createdAt: number;
  /** A resend after ERROR acks: how many sends of it WhatsApp refused so far. */
  refused?: number;
  /** Its place in the pacer's line (alerts first, a person's own replies last); normal when unset. */
  priority?: "high" | "normal" | "low";
}

/** BullMQ priorities of the outbox jobs: a waiting alert is taken before family news, and that before replies. */
export const JOB_PRIORITY = { high: 1, normal: 2, low: 3 } as const;

/** How long a queued message may wait (a long disconnect) before it is dropped. */
export const OUTBOX_TTL_MS = 24 * 3_600_000;

/**
 * The WhatsApp ChannelSender of every process: it checks the chat opted in, stores the message under a
 * short TTL and queues its id for the one process that holds the WhatsApp socket. Sending is asynchronous:
 * what fails there (an unreachable contact) is handled by the outbox processor, not the caller.
 */
export class WaOutbox implements ChannelSender {
  readonly id = "whatsapp" as const;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: WaKeys,
    private readonly queue: Pick<JobProducer, "whatsappOutbox">,
    private readonly optIn: WaOptIn,
    /** Seals the waiting message: it holds names and the family's photo. */
    private readonly box: Sealer,
  ) {}

  async send(chatId: string, message: Outbound): Promise<void> {
    if (!CHAT_ID_PATTERN.test(chatId)) throw new UnreachableError("not_found");
    // Never a cold message: a chat that never wrote to the bot is not sent anything.
    if (!(await this.optIn.hasMessaged(chatId))) throw new UnreachableError("not_found");
    if (await this.optIn.unreachable(chatId)) throw new UnreachableError("blocked");
    const stored: StoredOutbound = {
      chatId,
      text: message.text,
      ...(message.buttons?.length ? { buttons: message.buttons.flat() } : {}),
      ...(message.photo ? { photo: message.photo.toString("base64") } : {}),
      createdAt: Date.now(),
      ...(message.priority ? { priority: message.priority } : {}),
    };
    await this.enqueue(stored);
  }

  /** Stores a message and queues its id for the socket's process. */
  async enqueue(stored: StoredOutbound, delayMs = 0): Promise<void> {
    const messageId = randomUUID();
    const key = this.keys.outMessage(messageId);
    await this.redis.set(key, this.box.seal(JSON.stringify(stored), key), "PX", OUTBOX_TTL_MS);
    await this.queue.whatsappOutbox({ messageId }, delayMs, JOB_PRIORITY[stored.priority ?? "normal"]);
  }

  async forget(chatId: string): Promise<void> {
    await this.optIn.forget(chatId);
  }

  /** WhatsApp lets a bot delete only its own messages, not what a person sent it. */
  async remove(): Promise<boolean> {
    return false;
  }
}

/** Key rotation: every waiting message sealed anew with the current app key. */
export async function resealOutbox(redis: RedisClient, keys: WaKeys, sealer: Sealer): Promise<number> {
  let resealed = 0;
  for await (const key of scanKeys(redis, keys.outMessage("*"))) {
    if (key.slice(keys.outMessage("").length).includes(":")) continue; // a progress counter (WaKeys.outProgress)
    if (await resealValue(redis, sealer, key)) resealed++;
  }
  return resealed;
}
