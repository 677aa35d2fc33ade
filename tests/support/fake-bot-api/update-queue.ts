/**
 * How updates leave the fake: the pending-update queue, getUpdates long polling, and the switch to a webhook.
 * - getUpdates holds the request for the whole `timeout` asked (clamped to 50 s, Client.h
 *   LONG_POLL_MAX_TIMEOUT) and answers at once when an update arrives; `offset` confirms earlier updates, a
 *   negative one takes the last -offset; `limit` is 1..100 (docs #getupdates; Client::process_get_updates_query,
 *   do_get_updates).
 * - A getUpdates that is about to wait ends the older waiting one with 409 "Conflict: terminated by other
 *   getUpdates request; make sure that only one bot instance is running" (Client::abort_long_poll): the older
 *   request gets the 409, the newer one carries on. setWebhook ends it with "Conflict: terminated by setWebhook
 *   request"; getUpdates with a webhook set is 409 "Conflict: can't use getUpdates method while webhook is
 *   active; use deleteWebhook to delete the webhook first" (process_get_updates_query).
 * - With a webhook set, updates are POSTed instead (webhook-delivery.ts, WebhookActor.cpp).
 * Kinder than the real server, on purpose: no minimum 3 s timeout for a repeated getUpdates with the same
 * offset (process_get_updates_query).
 */
import type http from "node:http";
import type { CallLog } from "./calls.ts";
import { ApiError } from "./errors.ts";
import type { RecordedCall } from "./types.ts";
import { WebhookDeliverer, type WebhookDelivery, type WebhookTarget } from "./webhook-delivery.ts";

/** telegram-bot-api Client.h LONG_POLL_MAX_TIMEOUT: a larger getUpdates `timeout` is clamped to this. */
const LONG_POLL_MAX_TIMEOUT_SEC = 50;

interface PendingPoll {
  res: http.ServerResponse;
  call: RecordedCall;
  offset: number | undefined;
  limit: number;
  timer: NodeJS.Timeout;
}

export class UpdateQueue {
  private updates: Record<string, any>[] = [];
  private poll: PendingPoll | undefined;
  private webhook: WebhookTarget | undefined;
  private readonly deliverer: WebhookDeliverer;
  private nextUpdateId = 1;

  constructor(
    private readonly log: CallLog,
    /** Upper bound for a long poll (FakeBotApiOptions.longPollCapMs). */
    private readonly longPollCapMs: number | undefined,
    webhookDelayUnitMs: number,
  ) {
    this.deliverer = new WebhookDeliverer(
      () => this.updates,
      (id) => (this.updates = this.updates.filter((u) => u.update_id !== id)),
      () => this.webhook,
      webhookDelayUnitMs,
    );
  }

  get deliveries(): readonly WebhookDelivery[] {
    return this.deliverer.deliveries;
  }

  /** Updates pushed but not yet confirmed by a later getUpdates offset (or delivered to the webhook). */
  get pending(): number {
    return this.updates.length;
  }

  get webhookUrl(): string {
    return this.webhook?.url ?? "";
  }

  push(update: Record<string, any>): number {
    if (typeof update.update_id !== "number") update.update_id = this.nextUpdateId++;
    else this.nextUpdateId = Math.max(this.nextUpdateId, update.update_id + 1);
    this.updates.push(update);
    this.flushPoll();
    this.deliverer.pump();
    return update.update_id as number;
  }

  setWebhook(target: WebhookTarget, dropPending: boolean): void {
    this.abortPoll("Conflict: terminated by setWebhook request");
    this.webhook = target;
    if (dropPending) this.updates = [];
    this.deliverer.pump();
  }

  deleteWebhook(dropPending: boolean): void {
    this.webhook = undefined;
    if (dropPending) this.updates = [];
  }

  getUpdates(res: http.ServerResponse, call: RecordedCall): void {
    if (this.webhook) {
      this.log.fail(res, call, new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"));
      return;
    }
    const p = call.params;
    const offset = typeof p.offset === "number" ? p.offset : undefined;
    const limit = Math.min(Math.max(typeof p.limit === "number" ? p.limit : 100, 1), 100);
    const timeoutSec = typeof p.timeout === "number" ? p.timeout : 0;
    if (offset !== undefined && offset > 0) this.updates = this.updates.filter((u) => (u.update_id as number) >= offset);

    const available = this.select(offset, limit);
    // The server clamps `timeout` to LONG_POLL_MAX_TIMEOUT (50 s) and holds the poll that long when no update is
    // waiting (Client::process_get_updates_query / do_get_updates).
    const waitMs = Math.min(Math.min(Math.max(timeoutSec, 0), LONG_POLL_MAX_TIMEOUT_SEC) * 1000, this.longPollCapMs ?? Infinity);
    if (available.length > 0 || waitMs <= 0) {
      this.answer(res, call, available);
      return;
    }
    // Only a poll that is about to wait ends the older waiting one, with 409 (Client::abort_long_poll); this is
    // how two running bot instances show up in production. The newer poll carries on.
    this.abortPoll("Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
    const poll: PendingPoll = {
      res,
      call,
      offset,
      limit,
      timer: setTimeout(() => {
        if (this.poll === poll) this.poll = undefined;
        this.answer(res, call, this.select(offset, limit));
      }, waitMs),
    };
    this.poll = poll;
    // grammY aborts the poll on bot.stop(); forget it so no update is "sent" into a dead socket.
    res.on("close", () => {
      if (this.poll === poll) {
        clearTimeout(poll.timer);
        this.poll = undefined;
        if (call.outcome === "pending") {
          call.outcome = "error";
          call.endedAt = Date.now();
          this.log.notify(call);
        }
      }
    });
  }

  close(): void {
    this.deliverer.close();
    if (this.poll) clearTimeout(this.poll.timer);
    this.poll = undefined;
  }

  /** Ends the waiting long poll, if any, with a 409 Conflict worded as the server words it. */
  private abortPoll(description: string): void {
    const old = this.poll;
    if (!old) return;
    this.poll = undefined;
    clearTimeout(old.timer);
    this.log.fail(old.res, old.call, new ApiError(409, description));
    this.log.notify(old.call);
  }

  private select(offset: number | undefined, limit: number): Record<string, any>[] {
    if (offset !== undefined && offset < 0) return this.updates.slice(offset).slice(0, limit);
    return this.updates.filter((u) => offset === undefined || (u.update_id as number) >= offset).slice(0, limit);
  }

  private answer(res: http.ServerResponse, call: RecordedCall, updates: Record<string, any>[]): void {
    const wasPending = call.outcome === "pending";
    this.log.succeed(res, call, updates);
    if (wasPending) this.log.notify(call);
  }

  private flushPoll(): void {
    const poll = this.poll;
    if (!poll) return;
    const available = this.select(poll.offset, poll.limit);
    if (available.length === 0) return;
    this.poll = undefined;
    clearTimeout(poll.timer);
    this.answer(poll.res, poll.call, available);
  }
}
