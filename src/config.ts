/** Environment -> typed, validated configuration. The one place every setting and its default lives. */
import net from "node:net";
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

/** Telegram answers an idle long poll after its timeout; the HTTP client must wait at least this much longer. */
const MIN_POLL_MARGIN_MS = 2_000;
/** The HTTP client timeout when TELEGRAM_TIMEOUT is unset: the poll timeout plus room for a slow network. */
const DEFAULT_POLL_MARGIN_MS = 10_000;

const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined));

/** A duration, or undefined when unset or empty. */
const optionalDuration = optionalText.transform((text, ctx) => {
  if (text === undefined) return undefined;
  const ms = parseDuration(text);
  if (ms === undefined) {
    ctx.addIssue({ code: "custom", message: `not a duration like 45s, 10m, 6h or 7d: ${text}` });
    return z.NEVER;
  }
  return ms;
});

/** "host:port,host:port" (Sentinels, Cluster nodes); unset when empty. */
const hostList = optionalText.refine(
  (v) => v === undefined || v.split(",").every((part) => /^[^\s:,]+:\d{1,5}$/.test(part.trim())),
  "a comma-separated list of host:port",
);

/** proxy-addr's names for address ranges, as Fastify's trustProxy accepts them. */
const PROXY_RANGES = new Set(["loopback", "linklocal", "uniquelocal"]);

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGES.has(entry)) return true;
  const [address, bits, ...rest] = entry.split("/");
  if (rest.length || !address || !net.isIP(address)) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (net.isIPv4(address) ? 32 : 128));
}

/**
 * TRUST_PROXY text -> Fastify's trustProxy: false, true, or a list of addresses and CIDR ranges. A hop count is
 * refused: Fastify 5 treats a number as "trust nothing" (it cannot check the peer), which would silently do nothing.
 */
const trustProxy = z
  .string()
  .default("off")
  .transform((text, ctx): boolean | string[] => {
    const value = text.trim().toLowerCase();
    if (["off", "false", "no", ""].includes(value)) return false;
    if (["on", "true", "yes"].includes(value)) return true;
    const entries = value.split(",").map((e) => e.trim()).filter(Boolean);
    if (entries.length && entries.every(isProxyAddress)) return entries;
    ctx.addIssue({ code: "custom", message: `on, off, or comma-separated proxy addresses/CIDR ranges (not a hop count): ${text}` });
    return z.NEVER;
  });

/** Shape only (the key itself is parsed by src/proof/proof-keys.ts at start). */
function signingKeyShape(v: string | undefined): boolean {
  return v === undefined || v.includes("-----BEGIN") || Buffer.from(v, "base64").length >= 32;
}

export const configSchema = z.object({
  /** `production` refuses to start without APP_KEY, or on a Redis without AOF persistence and the noeviction policy. */
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Redis, the only datastore. `npm start` launches a local redis-server when nothing answers here. */
  REDIS_URL: z.string().url().default("redis://127.0.0.1:6379"),
  /** Prefix of every Redis key and queue; the braces make it a Redis Cluster hash tag. */
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9{}_:-]+$/).default("{sa}"),
  /** Redis password (AUTH); overrides one in REDIS_URL and also serves the master found through Sentinel. */
  REDIS_PASSWORD: optionalText,
  /** `on`: talk TLS to Redis, its Sentinels and Cluster nodes (a `rediss://` REDIS_URL does too). */
  REDIS_TLS: z.enum(["on", "off"]).default("off"),
  /** Redis Sentinel: comma-separated host:port of the Sentinels; when set, REDIS_URL's host is not used. */
  REDIS_SENTINELS: hostList,
  /** Name of the master the Sentinels watch. */
  REDIS_SENTINEL_NAME: z.string().min(1).default("mymaster"),
  /** Password of the Sentinels themselves, when they require one. */
  REDIS_SENTINEL_PASSWORD: optionalText,
  /** Redis Cluster: comma-separated host:port of some cluster nodes (the others are discovered). */
  REDIS_CLUSTER_NODES: hostList,
  /** How often a running process PINGs Redis; after 3 unanswered in a row (a silent network stall) it reconnects. */
  REDIS_WATCHDOG_INTERVAL: duration("5s"),
  /** Where a locally started redis-server keeps its AOF. */
  DATA_DIR: z.string().default("./data"),
  /** Port of the web server (sandbox chat, Telegram webhook, /healthz, /readyz); 0 picks a free one. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Address the web server binds; 0.0.0.0 in a container or behind a proxy. */
  HOST: z.string().default("127.0.0.1"),
  /** Behind a reverse proxy: whose X-Forwarded-For to believe for the client address (sign-in limits): off, on (any peer may set it), or the proxy's addresses/CIDR ranges (e.g. 172.16.0.0/12 or loopback). Off: the peer's own address. */
  TRUST_PROXY: trustProxy,
  /** Port of /healthz and /readyz in a process that has no web server (`bot` with polling, `worker`); unset: none. */
  HEALTH_PORT: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(0).max(65535).optional()),
  /** Public base URL of the web app, used in sandbox invite links. */
  PUBLIC_URL: optionalText,
  /** Log level of the JSON logs (stdout). */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** On SIGTERM, how long a process may take to finish in-flight jobs and requests before it exits anyway. */
  SHUTDOWN_TIMEOUT: duration("20s"),

  /** Enables Telegram. Without it, `start` serves only the sandbox chat. */
  TELEGRAM_BOT_TOKEN: optionalText,
  /** Bot API root, for a local Bot API server (lifts the 20 MB download limit) or tests. */
  TELEGRAM_API_ROOT: z.string().url().default("https://api.telegram.org"),
  /** `on` when TELEGRAM_API_ROOT is a self-hosted Bot API server run with `--local`: getFile then gives an absolute path on that server's disk, and photos are read from there (no 20 MB limit). */
  TELEGRAM_LOCAL_MODE: z.enum(["on", "off"]).default("off"),
  /** Local mode: the Bot API server's working directory (its --dir) as mounted in this process, e.g. a shared volume; unset: paths are read as the server gives them (same machine). */
  TELEGRAM_LOCAL_FILE_DIR: optionalText,
  /** Long polling: how long Telegram holds each getUpdates call open while no update comes (whole seconds, 1s to 50s, Telegram's maximum). */
  TELEGRAM_POLL_TIMEOUT: duration("30s").refine((ms) => ms % 1000 === 0 && ms >= 1000 && ms <= 50_000, "whole seconds from 1s to 50s"),
  /** A Bot API call that has not answered after this long is abandoned and retried; unset: TELEGRAM_POLL_TIMEOUT + 10s. Must exceed TELEGRAM_POLL_TIMEOUT by 2s or more, or every idle poll would be cut off. */
  TELEGRAM_TIMEOUT: optionalDuration,
  /** When set, Telegram delivers updates to PUBLIC webhook URL instead of long polling. */
  TELEGRAM_WEBHOOK_URL: optionalText,
  /** Webhook mode: the secret Telegram sends with every update (`secret_token`); required with TELEGRAM_WEBHOOK_URL. */
  TELEGRAM_WEBHOOK_SECRET: optionalText,
  /** Telegram messages per second to one chat, at most (paced across processes through Redis; Telegram asks for about 1). */
  TELEGRAM_RATE_PER_CHAT: z.coerce.number().int().min(1).default(1),
  /** Telegram messages per second overall, at most (Telegram's broadcast limit is about 30); NGO alerts wait least. */
  TELEGRAM_RATE_GLOBAL: z.coerce.number().int().min(1).default(25),
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
  /** Invite links expire this long after they are made. */
  INVITE_TTL: duration("7d"),
  /** Invites a traveller may create per hour. */
  INVITE_RATE_PER_HOUR: z.coerce.number().int().min(1).default(10),
  /** Invite redemption attempts per sender per hour (guessing codes is pointless at 144 bits, but cheap to stop). */
  REDEEM_RATE_PER_HOUR: z.coerce.number().int().min(1).default(20),
  /** Messages one sender may send per minute; past it the bot says so once and ignores the rest of the minute. */
  MESSAGE_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  /** Photos one sender may send per hour (each is decoded and verified). */
  PHOTO_RATE_PER_HOUR: z.coerce.number().int().min(1).default(30),
  /** Larger photos (bytes) are refused with a clear message. */
  MAX_PHOTO_BYTES: z.coerce.number().int().min(1).default(20 * 1024 * 1024),
  /** Photos with more pixels than this are refused before decoding (decompression bombs). */
  MAX_PHOTO_PIXELS: z.coerce.number().int().min(1).default(80_000_000),
  /** Photos whose shorter side is below this many pixels are too small to verify. */
  MIN_PHOTO_SIDE: z.coerce.number().int().min(1).default(480),
  /** Delay between the deadline reminder to the traveller and the alert to family and NGO. */
  ESCALATION_GRACE: duration("30m"),
  /** Overrides the whole ladder: JSON like [{"after":"0s","tell":["traveller"]},{"after":"30m","tell":["family","ngo"]}]. */
  ESCALATION_LADDER: optionalText,
  /** How far past the original deadline /extend may move it, in total. */
  EXTEND_CAP: duration("24h"),
  /** How often the worker re-creates any missing deadline timer from the trip records. */
  RECONCILE_INTERVAL: duration("60s"),
  /**
   * The NGO travellers may choose to have alerted; no NGO question is asked when unset. In the demo (the
   * sandbox with no Telegram token and WhatsApp off) it is "Demo NGO", so the NGO side can be tried.
   */
  NGO_NAME: optionalText,
  /** The NGO's duty chat, as channel:chatId (e.g. telegram:-1001234567890). */
  NGO_DUTY_CHAT: optionalText,
  /** Optional HTTPS endpoint receiving NGO alerts, signed with HMAC-SHA256 (NGO_WEBHOOK_SECRET). */
  NGO_WEBHOOK_URL: optionalText,
  /** Shared secret of the HMAC-SHA256 signature on NGO_WEBHOOK_URL requests. */
  NGO_WEBHOOK_SECRET: optionalText,

  /** The NGO dashboard for caseworkers (alerts, trips due, landmarks, staff) on the web role. */
  DASHBOARD: z.enum(["on", "off"]).default("on"),
  /** A dashboard session ends after this long without a request. */
  DASHBOARD_SESSION_IDLE: duration("8h"),
  /** A dashboard session ends this long after sign-in, however active: a stolen cookie does not live for ever. */
  DASHBOARD_SESSION_MAX_AGE: duration("12h"),
  /** Secure flag of dashboard cookies; `auto`: when the request came over HTTPS (X-Forwarded-Proto) or PUBLIC_URL is https. */
  DASHBOARD_SECURE_COOKIES: z.enum(["auto", "on", "off"]).default("auto"),
  /** Operators' chat (channel:chatId) for failures that need a human, such as a deadline job that failed for good. */
  OPERATOR_CHAT: optionalText,
  /** A job whose worker stops renewing its lock this long (a crash, a pause) is handed to another worker. */
  JOB_LOCK: duration("30s"),
  /** Verification jobs one worker process runs at once, each photo matched in one of as many threads (CPU-bound: about one per core). */
  VERIFY_CONCURRENCY: z.coerce.number().int().min(1).default(2),
  /**
   * Milliseconds: the visual matcher's learned third opinion (~200 ms of CPU for a photo ORB and AKAZE do not
   * recognise) runs for a check-in that waited at most this long for a verify worker while no other check-in is
   * being verified or waiting and the machine's CPU pressure is low, at most once a second per worker process.
   * Otherwise the worker sheds that stage, as before it existed, rather than fall behind. 0 (the default): never,
   * because an idle worker asking it for every unrecognised photo costs more than issue 18's per-photo target
   * (docs/verification.md, "The learned third opinion ships"); 200 turns it on.
   */
  VERIFY_LEARNED_MAX_WAIT_MS: z.coerce.number().int().min(0).default(0),
  /**
   * What the visual matcher computes features and matches on: `auto`, the native OpenCV build when it was built
   * (`npm run build:vision`) and loads, else OpenCV.js; `native` refuses to start without it; `wasm` always OpenCV.js.
   */
  VISION_ENGINE: z.enum(["auto", "native", "wasm"]).default("auto"),
  /** `on`: a worker loads the matcher threads' vision engine when it starts (about a second of CPU per thread), not on its first photos. */
  MATCHER_WARM_START: z.enum(["on", "off"]).default("on"),
  /** Notification jobs one worker process runs at once (network-bound). */
  NOTIFY_CONCURRENCY: z.coerce.number().int().min(1).default(5),
  /** Telegram updates one process handles at once, behind the webhook's or the poller's answer (one per chat at a time, in order). */
  INBOUND_CONCURRENCY: z.coerce.number().int().min(1).default(16),
  /** Which role handles stored Telegram updates (runs the turns): `bot` (the process that takes them in), or `worker`, so that webhook processes only store and answer. */
  TELEGRAM_TURNS_IN: z.enum(["bot", "worker"]).default("bot"),

  /** `true`: the `bot` role runs the WhatsApp socket (Baileys) and every role can send to WhatsApp through its outbox. */
  WHATSAPP_ENABLED: z.enum(["true", "false"]).default("false"),
  /** The bot's own WhatsApp number, digits only with country code (for wa.me invite links and pairing-code login); read from the paired account when unset. */
  WHATSAPP_NUMBER: optionalText.refine((v) => v === undefined || /^[1-9]\d{6,14}$/.test(v), "digits only, with country code, no +"),
  /** How the bot's WhatsApp account is linked when no credentials are stored: `qr` (scan a QR code) or `code` (pairing code for WHATSAPP_NUMBER). */
  WHATSAPP_PAIRING: z.enum(["qr", "code"]).default("qr"),
  /** WhatsApp messages per minute to one chat, at most (paced across processes through Redis). */
  WHATSAPP_RATE_PER_CHAT: z.coerce.number().int().min(1).default(20),
  /** WhatsApp messages per minute overall, at most: low and steady keeps the number from being flagged. */
  WHATSAPP_RATE_GLOBAL: z.coerce.number().int().min(1).default(40),
  /** After WhatsApp refuses a sent message (an ack with ERROR status), it is sent again after this delay, then after twice it; a third refusal marks the contact unreachable. */
  WHATSAPP_RESEND_DELAY: duration("5s"),
  /** How long the `bot` process holding the WhatsApp socket keeps its Redis lock between renewals (renewed every third of it); another `bot` process takes over this long after the holder died. */
  WHATSAPP_SOCKET_LOCK: duration("30s"),
  /** WhatsApp Web version the bot announces, like 2.3000.1043857760; empty: the one the pinned Baileys ships. WhatsApp refuses outdated ones (disconnect 405, logged). */
  WHATSAPP_WEB_VERSION: optionalText.refine((v) => v === undefined || /^\d+\.\d+\.\d+$/.test(v), "three numbers, like 2.3000.1043857760"),
  /** Largest photo or document (bytes) downloaded from WhatsApp; larger ones are refused before download. */
  WHATSAPP_MAX_MEDIA_BYTES: z.coerce.number().int().min(1).default(16 * 1024 * 1024),
  /** The master key, 32 random bytes in base64 (`openssl rand -base64 32`): wraps every person's data key and the WhatsApp credentials. Required in production; in development a key is kept in DATA_DIR/app.key. */
  APP_KEY: optionalText.refine((v) => v === undefined || Buffer.from(v, "base64").length === 32, "32 bytes, base64-encoded"),
  /** The previous APP_KEY during a key rotation: what it sealed or keyed still opens (and is found) until `safe-arrival keys rotate` moved it. */
  APP_KEY_PREVIOUS: optionalText.refine((v) => v === undefined || Buffer.from(v, "base64").length === 32, "32 bytes, base64-encoded"),
  /** Bearer token Prometheus sends to read /metrics (`authorization: credentials`); /metrics is off when unset. */
  METRICS_TOKEN: optionalText.refine((v) => v === undefined || v.length >= 16, "at least 16 characters"),
  /** Ed25519 key that signs arrival confirmation codes: a base64 32-byte seed (`openssl rand -base64 32`) or PKCS#8 key. Required in production; in development a key is kept in DATA_DIR/proof.key. */
  PROOF_SIGNING_KEY: optionalText.refine(signingKeyShape, "a base64 32-byte seed or PKCS#8 Ed25519 key"),
  /** The previous PROOF_SIGNING_KEY during a rotation: codes it signed stay checkable until they expire (RETENTION). */
  PROOF_SIGNING_KEY_PREVIOUS: optionalText.refine(signingKeyShape, "a base64 32-byte seed or PKCS#8 Ed25519 key"),
  /** Photos one person may have checked with /checkphoto per hour (each is matched against the whole catalog). */
  PHOTO_CHECK_RATE_PER_HOUR: z.coerce.number().int().min(1).default(10),
  /** Bearer token of the admin routes (the WhatsApp pairing page); those routes are off when unset. */
  ADMIN_TOKEN: optionalText.refine((v) => v === undefined || v.length >= 16, "at least 16 characters"),
}).superRefine((c, ctx) => {
  if (c.TELEGRAM_TIMEOUT !== undefined && c.TELEGRAM_TIMEOUT < c.TELEGRAM_POLL_TIMEOUT + MIN_POLL_MARGIN_MS) {
    ctx.addIssue({
      code: "custom",
      path: ["TELEGRAM_TIMEOUT"],
      message:
        `${c.TELEGRAM_TIMEOUT / 1000}s must be at least TELEGRAM_POLL_TIMEOUT (${c.TELEGRAM_POLL_TIMEOUT / 1000}s) + ${MIN_POLL_MARGIN_MS / 1000}s: ` +
        "a client that gives up before Telegram answers an idle long poll leaves the bot deaf between polls (unset it to derive it)",
    });
  }
  if (c.WHATSAPP_ENABLED === "true" && !c.APP_KEY) ctx.addIssue({ code: "custom", path: ["APP_KEY"], message: "required when WHATSAPP_ENABLED=true" });
  if (c.WHATSAPP_PAIRING === "code" && !c.WHATSAPP_NUMBER) ctx.addIssue({ code: "custom", path: ["WHATSAPP_NUMBER"], message: "required when WHATSAPP_PAIRING=code" });
});

/** The validated settings; TELEGRAM_TIMEOUT is always set (derived from TELEGRAM_POLL_TIMEOUT when not given). */
export type Config = Omit<z.infer<typeof configSchema>, "TELEGRAM_TIMEOUT"> & { TELEGRAM_TIMEOUT: number };

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join("\n")}`);
  }
  const config = { ...parsed.data, TELEGRAM_TIMEOUT: parsed.data.TELEGRAM_TIMEOUT ?? parsed.data.TELEGRAM_POLL_TIMEOUT + DEFAULT_POLL_MARGIN_MS };
  // Only when nobody real can reach the bot: with Telegram or WhatsApp on, real travellers would be asked
  // to consent to an NGO that does not exist and whose alerts nobody on duty reads.
  return config.NGO_NAME === undefined && demoOnly(config) ? { ...config, NGO_NAME: DEMO_NGO_NAME } : config;
}

/** The NGO of the demo: see NGO_NAME. */
export const DEMO_NGO_NAME = "Demo NGO";

export function sandboxEnabled(config: Config): boolean {
  return config.SANDBOX === "on" || (config.SANDBOX === "auto" && !config.TELEGRAM_BOT_TOKEN);
}

/** The sandbox is the only way in: no Telegram token, WhatsApp off. */
export function demoOnly(config: Config): boolean {
  return sandboxEnabled(config) && !config.TELEGRAM_BOT_TOKEN && config.WHATSAPP_ENABLED !== "true";
}
