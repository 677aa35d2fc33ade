import { deleteIfEqual } from "./atomic-updates.ts";
import type { RedisClient } from "./redis.ts";
import type { Keys } from "./keys.ts";
import type { SendClaim } from "../ports/stores.ts";


/**
 * At most one attempt at a time sends a given outgoing message (a stalled job re-run while the first
 * attempt is still sending waits), and once sent it is never sent again (a retried or re-run job skips).
 */
export class SentMarkers {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly retentionMs: number,
    /**
     * How long a claim holds: a few job-lock periods. A job is re-run only after its lock lapsed, so by
     * then the first attempt is dead or frozen; a dead one's claim must not delay the retry for long.
     */
    private readonly claimMs: number,
  ) {}

  async was(jobId: string): Promise<boolean> {
    return (await this.redis.get(this.keys.outboxSent(jobId))) === "1";
  }

  /** Takes the right to send: "claimed" to go ahead, "sent" when done already, "busy" while another attempt sends. */
  async claim(jobId: string): Promise<SendClaim> {
    const key = this.keys.outboxSent(jobId);
    if ((await this.redis.set(key, "claimed", "PX", this.claimMs, "NX")) === "OK") return "claimed";
    return (await this.redis.get(key)) === "1" ? "sent" : "busy";
  }

  /**
   * For a script that claims or marks as part of a larger step (the deadline firing, src/store/lua): the
   * marker's key, its values ("claimed", then "1" once sent) and how long each holds.
   */
  markerOf(jobId: string): { key: string; claimMs: number; retentionMs: number } {
    return { key: this.keys.outboxSent(jobId), claimMs: this.claimMs, retentionMs: this.retentionMs };
  }

  /** Gives the claim back after a failed attempt, so the retry does not wait for it to expire. */
  async release(jobId: string): Promise<void> {
    // Only a claim: a marker already set to sent stays.
    await deleteIfEqual(this.redis, this.keys.outboxSent(jobId), "claimed");
  }

  async mark(jobId: string): Promise<void> {
    await this.redis.set(this.keys.outboxSent(jobId), "1", "PX", this.retentionMs);
  }
}
