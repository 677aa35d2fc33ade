import type { RedisClient } from "../../store/redis.ts";
import type { Sealer } from "../../store/sealed-box.ts";
import type { WaKeys } from "./wa-keys.ts";

/**
 * How long a sent message is kept. WhatsApp's ack (an ERROR one too) comes within seconds, and a
 * recipient's device asks for a message again (a retry receipt) soon after it failed to decrypt it.
 */
export const SENT_TTL_MS = 3_600_000;

/** One sent message part, sealed in Redis under its WhatsApp message id. */
export interface SentRecord {
  chatId: string;
  /** The part as the outbox rendered it (photo as base64), to send again after an ERROR ack. */
  text?: string;
  photo?: string;
  caption?: string;
  /** Sends of this content refused so far with an ERROR ack. */
  refused: number;
  /** The content as Baileys sent it (encoded proto.Message, base64), for getMessage. */
  message?: string;
}

/** Recently sent messages by WhatsApp id: for resending after an ERROR ack, and for Baileys' getMessage. */
export class WaSentStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: WaKeys,
    private readonly box: Sealer,
    private readonly ttlMs = SENT_TTL_MS,
  ) {}

  async record(waId: string, record: SentRecord): Promise<void> {
    const key = this.keys.sent(waId);
    await this.redis.set(key, this.box.seal(JSON.stringify(record), key), "PX", this.ttlMs);
  }

  async get(waId: string): Promise<SentRecord | undefined> {
    const key = this.keys.sent(waId);
    const raw = await this.redis.get(key);
    return raw ? (JSON.parse(this.box.open(raw, key).toString("utf8")) as SentRecord) : undefined;
  }

  /** Reads and forgets a record, so an ack seen twice is acted on once. */
  async take(waId: string): Promise<SentRecord | undefined> {
    const key = this.keys.sent(waId);
    const [[, raw] = [], [, deleted] = []] = ((await this.redis.multi().get(key).del(key).exec()) ?? []) as [Error | null, unknown][];
    if (typeof raw !== "string" || deleted !== 1) return undefined;
    return JSON.parse(this.box.open(raw, key).toString("utf8")) as SentRecord;
  }
}
