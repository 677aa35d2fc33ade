import type { RedisClient } from "../../store/redis.ts";
import type { WaKeys } from "./wa-keys.ts";

/**
 * How long a handled inbound message is remembered. WhatsApp re-delivers what a device did not ack
 * (Baileys emits those as `messages.upsert` of type `append` when the node carries `offline`,
 * lib/Socket/messages-recv.js `upsertMessage(msg, node.attrs.offline ? 'append' : 'notify')`), and a
 * restart before the ack re-delivers again; three days covers any outage the bot recovers from.
 */
export const INBOUND_DEDUP_TTL_MS = 3 * 24 * 3_600_000;

/**
 * Each inbound WhatsApp message is handled once, across reconnects, restarts and processes: the first
 * to claim its key (chat JID + message id, WhatsApp's own identity of a message) handles it.
 */
export class WaInboundDedup {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: WaKeys,
    private readonly ttlMs = INBOUND_DEDUP_TTL_MS,
  ) {}

  /** True when this call claimed the message (so it is handled now); false for a re-delivery. */
  async claim(chatJid: string, messageId: string): Promise<boolean> {
    return (await this.redis.set(this.keys.inbound(chatJid, messageId), "1", "PX", this.ttlMs, "NX")) === "OK";
  }

}
