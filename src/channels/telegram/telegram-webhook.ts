import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
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

function sameSecret(given: unknown, expected: Buffer): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  return a.length === expected.length && timingSafeEqual(a, expected);
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

/** The update as Telegram sent it: parsed once to read its id and chat, and its bytes kept to be sealed as they are. */
export interface ReceivedUpdate {
  update: Update;
  raw: Buffer;
}

/** The body's update, or undefined when it is not a JSON object with a numeric update_id. */
export function readUpdate(raw: Buffer): ReceivedUpdate | undefined {
  let update: unknown;
  try {
    update = JSON.parse(raw.toString("utf8"));
  } catch {
    return undefined;
  }
  if (typeof update !== "object" || update === null || !Number.isSafeInteger((update as Update).update_id)) return undefined;
  return { update: update as Update, raw };
}

/**
 * The Telegram webhook: the secret token compared in constant time, then the update stored durably (the
 * inbox, TelegramInbox) and answered 200 at once; it is handled behind the answer, once. Telegram re-sends an
 * update until it gets a 2xx, with growing delays, and holds that chat's later updates behind it for up to a
 * day (WebhookActor in tdlib/telegram-bot-api): so the only 5xx is "Redis is down, try again", when the update
 * could not be stored. An update the bot cannot use, or whose handler fails, is recorded by the handler.
 *
 * The route's cost per update is the ingress's: the secret is checked before the body is read (a request
 * without it costs no parsing), and the body is kept as bytes (within the server's bodyLimit), parsed once
 * with the plain JSON parser to read the id and the chat, and sealed as received rather than re-serialised.
 * Nothing but those fields is read from the parsed object here; the turn parses the opened bytes again, with
 * prototype keys dropped (TelegramInbox).
 */
export async function registerTelegramWebhook(
  app: FastifyInstance,
  opts: { secret: string; store: (received: ReceivedUpdate) => Promise<void>; failed: (reason: UpdateFailure, updateId?: number) => void },
): Promise<void> {
  const secret = Buffer.from(opts.secret);
  // Its own scope, so that the bytes-only JSON parser applies to this route alone.
  await app.register(async (scope) => {
    scope.removeContentTypeParser("application/json");
    scope.addContentTypeParser("application/json", { parseAs: "buffer" }, (_req: FastifyRequest, body: Buffer, done: (err: null, body: Buffer) => void) => done(null, body));
    const checkSecret = (req: FastifyRequest, reply: FastifyReply, done: () => void) => {
      if (sameSecret(req.headers["x-telegram-bot-api-secret-token"], secret)) done();
      else void reply.code(401).send();
    };
    // No security headers (helmet): the answer is an empty 200 read by Telegram's servers, never by a browser.
    scope.post(WEBHOOK_PATH, { helmet: false, onRequest: checkSecret }, async (req, reply) => {
      const received = Buffer.isBuffer(req.body) ? readUpdate(req.body) : undefined;
      if (!received) {
        opts.failed("malformed");
        return reply.code(200).send();
      }
      try {
        // A store still queued in the client when Redis comes back adds the job; the redelivery is then a duplicate.
        await withTimeout(opts.store(received), STORE_TIMEOUT_MS);
      } catch {
        return reply.code(503).send();
      }
      return reply.code(200).send();
    });
  });
}
