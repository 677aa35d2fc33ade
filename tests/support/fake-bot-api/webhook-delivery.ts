/**
 * Webhook delivery as telegram-bot-api's WebhookActor does it (telegram-bot-api/WebhookActor.cpp):
 * - updates are queued per chat (the TQueue event's `extra` is the chat); chats are delivered independently,
 *   and a chat's later updates wait behind its failed one (drop_event pops a queue only on success);
 * - any non-2xx answer (or a broken connection) is a failure; the first one is re-sent at once, then the delay
 *   doubles from 1 s up to a random 60..120 s (on_update_error, WEBHOOK_MAX_RESEND_TIMEOUT = 60);
 *   a Retry-After header replaces that delay (clamped to 3600 s);
 * - an update that cannot be delivered before it expires (a day in the queue) is dropped.
 * `unitMs` scales the seconds so that tests can run the same schedule faster.
 */
export interface WebhookTarget {
  url: string;
  secret_token?: string;
}

export interface WebhookDelivery {
  update_id: number;
  /** HTTP status, or 0 when the connection failed. */
  status: number;
  at: number;
}

interface RetryState {
  delay: number;
  fails: number;
  expiresAt: number;
}

const MAX_RESEND_TIMEOUT = 60;
const MAX_RETRY_AFTER = 3600;
const UPDATE_TTL = 24 * 3600;

/** The chat an update belongs to: its delivery queue. Updates without one get a queue of their own. */
export function queueKeyOf(update: Record<string, any>): string {
  const m = update.message ?? update.edited_message ?? update.channel_post ?? update.edited_channel_post ?? update.callback_query?.message;
  const chat = m?.chat?.id ?? update.callback_query?.from?.id;
  return chat !== undefined ? `chat:${chat}` : `update:${update.update_id}`;
}

export class WebhookDeliverer {
  readonly deliveries: WebhookDelivery[] = [];
  private readonly busy = new Set<string>();
  private readonly retries = new Map<number, RetryState>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(
    /** The pending updates, oldest first; a delivered one is removed from it. */
    private readonly pending: () => Record<string, any>[],
    private readonly remove: (updateId: number) => void,
    private readonly target: () => WebhookTarget | undefined,
    private readonly unitMs: number,
  ) {}

  /** Sends the head of every chat queue that is neither in flight nor waiting for a retry. */
  pump(): void {
    if (this.closed || !this.target()) return;
    const heads = new Map<string, Record<string, any>>();
    for (const u of this.pending()) {
      const key = queueKeyOf(u);
      if (!heads.has(key)) heads.set(key, u);
    }
    for (const [key, update] of heads) if (!this.busy.has(key)) void this.send(key, update);
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private async send(key: string, update: Record<string, any>): Promise<void> {
    const target = this.target();
    if (!target) return;
    this.busy.add(key);
    const id = update.update_id as number;
    const state = this.retries.get(id) ?? { delay: 1, fails: 0, expiresAt: Date.now() + UPDATE_TTL * this.unitMs };
    this.retries.set(id, state);
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (target.secret_token) headers["x-telegram-bot-api-secret-token"] = target.secret_token;
    let status = 0;
    let retryAfter = 0;
    try {
      const res = await fetch(target.url, { method: "POST", headers, body: JSON.stringify(update) });
      await res.arrayBuffer();
      status = res.status;
      retryAfter = Number(res.headers.get("retry-after") ?? 0) || 0;
    } catch {
      status = 0;
    }
    this.deliveries.push({ update_id: id, status, at: Date.now() });
    if (this.closed) return;
    if (status >= 200 && status <= 299) {
      this.retries.delete(id);
      this.remove(id);
      this.busy.delete(key);
      this.pump();
      return;
    }
    retryAfter = Math.min(Math.max(retryAfter, 0), MAX_RETRY_AFTER);
    let effective = retryAfter;
    if (retryAfter === 0 && state.fails > 0) {
      const maxTimeout = MAX_RESEND_TIMEOUT + Math.random() * MAX_RESEND_TIMEOUT;
      state.delay = Math.min(maxTimeout, state.delay * 2);
      effective = state.delay;
    }
    state.fails++;
    if (Date.now() + effective * this.unitMs > state.expiresAt) {
      this.retries.delete(id);
      this.remove(id);
      this.busy.delete(key);
      this.pump();
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.busy.delete(key);
      this.pump();
    }, effective * this.unitMs);
    this.timers.add(timer);
  }
}
