import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { Update } from "grammy/types";

export const WEBHOOK_PATH = "/telegram/webhook";
/** The client queues commands while Redis is away; the webhook must answer 503 long before Telegram's timeout. */
const STORE_TIMEOUT_MS = 3_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("store timeout")), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function sameSecret(given: unknown, expected: string): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Why an update was answered 2xx without being handled; the label of the failed-updates counter. */
export type UpdateFailure = "malformed" | "unusable" | "handler_error";

/** Whether the store answers `ping` (Redis's PING) in time: a failure with the store away is retried, not recorded. */
export async function storeAnswers(ping: () => Promise<unknown>): Promise<boolean> {
  try {
    await withTimeout(ping(), STORE_TIMEOUT_MS);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Telegram webhook: the secret token compared in constant time, then the update stored durably (the
 * inbox, TelegramInbox) and answered 200 at once; it is handled behind the answer, once. Telegram re-sends an
 * update until it gets a 2xx, with growing delays, and holds that chat's later updates behind it for up to a
 * day (WebhookActor in tdlib/telegram-bot-api): so the only 5xx is "Redis is down, try again", when the update
 * could not be stored. An update the bot cannot use, or whose handler fails, is recorded by the handler.
 */
export function registerTelegramWebhook(
  app: FastifyInstance,
  opts: { secret: string; store: (update: Update) => Promise<void>; failed: (reason: UpdateFailure, updateId?: number) => void },
): void {
  // No security headers (helmet): the answer is an empty 200 read by Telegram's servers, never by a browser.
  app.post(WEBHOOK_PATH, { helmet: false }, async (req, reply) => {
    if (!sameSecret(req.headers["x-telegram-bot-api-secret-token"], opts.secret)) return reply.code(401).send();
    const update = req.body as Update | undefined;
    if (!update || typeof update.update_id !== "number") {
      opts.failed("malformed");
      return reply.code(200).send();
    }
    try {
      // A store still queued in the client when Redis comes back adds the job; the redelivery is then a duplicate.
      await withTimeout(opts.store(update), STORE_TIMEOUT_MS);
    } catch {
      return reply.code(503).send();
    }
    return reply.code(200).send();
  });
}
