/** Environment -> typed, validated configuration. The one place every setting and its default lives. */
import { z } from "zod";
import { parseDuration } from "./domain/duration.ts";

const duration = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((text, ctx) => {
      const ms = parseDuration(text);
      if (ms === undefined) {
        ctx.addIssue({ code: "custom", message: `not a duration like 45s, 10m, 6h or 7d: ${text}` });
        return z.NEVER;
      }
      return ms;
    });

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined));

export const configSchema = z.object({
  /** Redis, the only datastore. `npm start` launches a local redis-server when nothing answers here. */
  REDIS_URL: z.string().url().default("redis://127.0.0.1:6379"),
  /** Prefix of every Redis key and queue; the braces make it a Redis Cluster hash tag. */
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9{}_:-]+$/).default("{sa}"),
  /** Where a locally started redis-server keeps its AOF. */
  DATA_DIR: z.string().default("./data"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  /** Public base URL of the web app, used in sandbox invite links. */
  PUBLIC_URL: optionalText,
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

  /** Enables Telegram. Without it, `start` serves only the sandbox chat. */
  TELEGRAM_BOT_TOKEN: optionalText,
  /** Bot API root, for a local Bot API server (lifts the 20 MB download limit) or tests. */
  TELEGRAM_API_ROOT: z.string().url().default("https://api.telegram.org"),
  /** When set, Telegram delivers updates to PUBLIC webhook URL instead of long polling. */
  TELEGRAM_WEBHOOK_URL: optionalText,
  TELEGRAM_WEBHOOK_SECRET: optionalText,
  /** Serve the sandbox chat even when Telegram is configured. */
  SANDBOX: z.enum(["auto", "on", "off"]).default("auto"),

  /** Landmark catalog folder loaded at start; the shipped demo catalog by default. */
  CATALOG_DIR: optionalText,

  /** A photo and a location belong to one check-in when sent within this window of each other. */
  CHECKIN_PAIR_WINDOW: duration("10m"),
  /** EXIF capture time older than this (before the message) makes a photo stale. */
  PHOTO_FRESHNESS: duration("2h"),
  /** How long an uploaded photo may live before verification deletes it. */
  MEDIA_TTL: duration("1h"),
  /** Personal records expire this long after their last use (a trip's end). */
  RETENTION: duration("30d"),
  INVITE_TTL: duration("7d"),
  /** Invites a traveller may create per hour. */
  INVITE_RATE_PER_HOUR: z.coerce.number().int().min(1).default(10),
  /** Invite redemption attempts per sender per hour (guessing codes is pointless at 144 bits, but cheap to stop). */
  REDEEM_RATE_PER_HOUR: z.coerce.number().int().min(1).default(20),
  MAX_PHOTO_BYTES: z.coerce.number().int().min(1).default(20 * 1024 * 1024),
  MAX_PHOTO_PIXELS: z.coerce.number().int().min(1).default(80_000_000),
  MIN_PHOTO_SIDE: z.coerce.number().int().min(1).default(480),
  VERIFY_CONCURRENCY: z.coerce.number().int().min(1).default(2),
  NOTIFY_CONCURRENCY: z.coerce.number().int().min(1).default(5),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export function sandboxEnabled(config: Config): boolean {
  return config.SANDBOX === "on" || (config.SANDBOX === "auto" && !config.TELEGRAM_BOT_TOKEN);
}
