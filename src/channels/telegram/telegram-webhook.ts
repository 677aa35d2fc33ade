import { randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "pino";
import type { Keys } from "../../store/keys.ts";
import type { RedisClient } from "../../store/redis.ts";

export const WEBHOOK_PATH = "/telegram/webhook";
/** Telegram redelivers for up to a day; an update id seen within that window is a duplicate. */
const DEDUPE_TTL_MS = 24 * 3_600_000;
/** The client queues commands while Redis is away; the webhook must answer 503 long before Telegram's timeout. */
const STORE_TIMEOUT_MS = 3_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("store timeout")), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const RELEASE = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

function sameSecret(given: unknown, expected: string): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Why an update was answered 2xx without being handled; the label of the failed-updates counter. */
export type UpdateFailure = "malformed" | "unusable" | "handler_error";

async function redisAnswers(redis: RedisClient): Promise<boolean> {
  try {
    await withTimeout(redis.ping(), STORE_TIMEOUT_MS);
    return true;
  } catch {
    return false;
  }
}

/**
 * The Telegram webhook: the secret token compared in constant time, each update handled once (an
 * expiring set of update ids). Telegram re-sends an update until it gets a 2xx, with growing delays, and holds
 * that chat's later updates behind it for up to a day (WebhookActor in tdlib/telegram-bot-api): so an update the
 * bot cannot use or whose handler fails is answered 200 and recorded (`failed`, a warn log with the update id),
 * and a 5xx is kept for "Redis is down, try again", when the update could not be durably handled.
 */
export function registerTelegramWebhook(
  app: FastifyInstance,
  opts: { bot: Bot; secret: string; redis: RedisClient; keys: Keys; log: Logger; failed: (reason: UpdateFailure, updateId?: number) => void },
): void {
  app.post(WEBHOOK_PATH, async (req, reply) => {
    if (!sameSecret(req.headers["x-telegram-bot-api-secret-token"], opts.secret)) return reply.code(401).send();
    const update = req.body as Update | undefined;
    if (!update || typeof update.update_id !== "number") {
      opts.failed("malformed");
      return reply.code(200).send();
    }
    const key = opts.keys.telegramUpdate(update.update_id);
    const token = randomBytes(8).toString("hex");
    let fresh: string | null;
    try {
      fresh = await withTimeout(opts.redis.set(key, token, "PX", DEDUPE_TTL_MS, "NX"), STORE_TIMEOUT_MS);
    } catch {
      // The queued SET may still run once Redis is back; this release is queued behind it, so the
      // redelivered update is not mistaken for a duplicate.
      void opts.redis.eval(RELEASE, 1, key, token).catch(() => undefined);
      return reply.code(503).send();
    }
    if (fresh === null) return reply.code(200).send();
    try {
      await opts.bot.handleUpdate(update);
    } catch (err) {
      if (!(await redisAnswers(opts.redis))) {
        opts.log.warn({ err: (err as Error).name, updateId: update.update_id }, "webhook update failed with Redis down; Telegram will redeliver");
        void opts.redis.eval(RELEASE, 1, key, token).catch(() => undefined);
        return reply.code(503).send();
      }
      // Redelivering would fail the same way and hold back the chat's later updates: record it and move on.
      opts.failed("handler_error", update.update_id);
    }
    return reply.code(200).send();
  });
}
