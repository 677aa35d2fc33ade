import { readFile } from "node:fs/promises";
import path from "node:path";
import type { FastifyPluginAsync } from "fastify";
import { z, ZodError } from "zod";
import type { Logger } from "pino";
import type { I18n } from "../../i18n/i18n.ts";
import type { LandmarkRepository } from "../../store/landmark-repository.ts";
import type { MediaStore } from "../../store/media-store.ts";
import type { PersonRepository } from "../../store/person-repository.ts";
import type { SandboxChatLog } from "./sandbox-chat-log.ts";
import type { Inbound } from "../../ports/messaging.ts";
import { SANDBOX_CHAT_ID } from "./sandbox-sender.ts";
import { browserScript } from "../../browser-script.ts";
import { landmarkName } from "../../domain/landmark.ts";
import { DEFAULT_LOCALE, matchLocale } from "../../domain/locale.ts";

const PAGE = path.join(import.meta.dirname, "sandbox-page.html");
const ASSETS = path.join(import.meta.dirname, "assets");
/** The page's script and styles are files, so the Content-Security-Policy needs no 'unsafe-inline'. */
/** The page's script modules: sandbox.ts imports the pane, which imports the rest. */
const SCRIPTS = ["sandbox", "sandbox-pane", "sandbox-api", "sandbox-entry", "sandbox-dom"].map((name) => [name, browserScript(ASSETS, name)] as const);

const chatParams = z.object({ chat: z.string().regex(SANDBOX_CHAT_ID) });
const identity = z.object({ name: z.string().min(1).max(64), language: z.string().max(16).optional() });
/** Telegram's own limit for one message. */
export const MAX_TEXT_LENGTH = 4096;
const textBody = identity.extend({ text: z.string().min(1).max(MAX_TEXT_LENGTH) });
/**
 * A number, or a numeric string (form fields). Null, "" and missing are refused, never coerced: z.coerce
 * turned them into 0, and 0,0 is a real point thousands of km from any landmark.
 */
const coordinate = (limit: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v), z.number().finite().min(-limit).max(limit));
const choiceBody = identity.extend({ data: z.string().min(1).max(64) });
const locationBody = identity.extend({
  lat: coordinate(90),
  lon: coordinate(180),
  accuracy: z.coerce.number().min(0).max(100_000).optional(),
  live: z.coerce.boolean().default(false),
  forwarded: z.coerce.boolean().default(false),
  venue: z.coerce.boolean().default(false),
});

/** What the sandbox chat's routes reach; given by the app container, which registers them on the web server. */
export interface SandboxRouteOptions {
  chatLog: SandboxChatLog;
  persons: PersonRepository;
  landmarks: LandmarkRepository;
  media: MediaStore;
  i18n: I18n;
  log: Logger;
  maxPhotoBytes: number;
  now(): Date;
  /** Hands a message to the conversation core, as every channel does. */
  handle(msg: Inbound): Promise<void>;
}

/**
 * The sandbox chat: a local web chat that drives the same conversation core as Telegram, so a
 * newcomer can walk the whole journey (traveller pane, family pane) with no accounts.
 */
export const sandboxRoutes: FastifyPluginAsync<SandboxRouteOptions> = async (fastify, deps) => {
  const { handle } = deps;
  const log = deps.chatLog;

  /**
   * A request the API cannot take (too-long text, coordinates missing, a malformed body) gets a clear
   * message in the sender's language, in the chat and in the response, instead of a bare 400.
   */
  fastify.setErrorHandler(async (err: Error & { statusCode?: number }, req, reply) => {
    const status = err instanceof ZodError ? 400 : err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status >= 500) {
      deps.log.error({ err: err.name }, "sandbox request failed");
      return reply.status(500).send({ ok: false, error: deps.i18n.t(DEFAULT_LOCALE, "error-generic") });
    }
    const chat = chatParams.safeParse(req.params);
    const address = chat.success ? { channel: "sandbox" as const, chatId: chat.data.chat } : undefined;
    const person = address && (await deps.persons.findByAddress(address));
    const hint = (req.body as { language?: unknown } | undefined)?.language;
    const locale = person?.locale ?? matchLocale(typeof hint === "string" ? hint : undefined) ?? DEFAULT_LOCALE;
    const text = deps.i18n.t(locale, ...requestError(err));
    if (address) await log.append(address.chatId, { dir: "out", text });
    return reply.status(status).send({ ok: false, error: text });
  });

  const base = (chat: string, body: z.infer<typeof identity>) => ({
    from: { channel: "sandbox" as const, chatId: chat },
    name: body.name,
    languageHint: body.language,
    at: deps.now(),
  });

  fastify.get("/sandbox", async (_req, reply) => {
    // A checkout transpiles the scripts on first use: start now, while the browser reads the page.
    for (const [, script] of SCRIPTS) script().catch(() => undefined);
    return reply.type("text/html; charset=utf-8").header("cache-control", "no-store").send(await readFile(PAGE));
  });

  const css = await readFile(path.join(ASSETS, "sandbox.css"));
  fastify.get("/sandbox/assets/sandbox.css", (_req, reply) => reply.type("text/css; charset=utf-8").header("cache-control", "no-cache").send(css));
  for (const [name, script] of SCRIPTS) {
    fastify.get(`/sandbox/assets/${name}.js`, async (_req, reply) =>
      reply.type("text/javascript; charset=utf-8").header("cache-control", "no-cache").send(await script()),
    );
  }

  fastify.get("/sandbox/api/landmarks", async () => {
    const landmarks = await deps.landmarks.list();
    return landmarks.map((l) => ({ id: l.id, name: landmarkName(l, "en"), lat: l.lat, lon: l.lon, radiusM: l.radiusM }));
  });

  fastify.get("/sandbox/api/:chat/messages", async (req) => {
    const { chat } = chatParams.parse(req.params);
    const after = z.coerce.number().int().min(0).default(0).parse((req.query as { after?: string }).after);
    return log.after(chat, after);
  });

  fastify.post("/sandbox/api/:chat/text", async (req) => {
    const { chat } = chatParams.parse(req.params);
    const body = textBody.parse(req.body);
    await log.append(chat, { dir: "in", text: body.text });
    await handle({ ...base(chat, body), kind: "text", text: body.text });
    return { ok: true };
  });

  fastify.post("/sandbox/api/:chat/choice", async (req) => {
    const { chat } = chatParams.parse(req.params);
    const body = choiceBody.parse(req.body);
    await handle({ ...base(chat, body), kind: "choice", data: body.data });
    return { ok: true };
  });

  fastify.post("/sandbox/api/:chat/location", async (req) => {
    const { chat } = chatParams.parse(req.params);
    const body = locationBody.parse(req.body);
    await log.append(chat, { dir: "in", text: `📍 ${body.live ? "live " : ""}location${body.forwarded ? " (forwarded)" : ""}` });
    await handle({
      ...base(chat, body),
      kind: "location",
      lat: body.lat,
      lon: body.lon,
      accuracyM: body.accuracy,
      live: body.live,
      forwarded: body.forwarded,
      venue: body.venue,
    });
    return { ok: true };
  });

  /** Multipart: a `photo` file plus fields name, language, asFile, forwarded. */
  fastify.post("/sandbox/api/:chat/photo", async (req) => {
    const { chat } = chatParams.parse(req.params);
    const file = await req.file();
    if (!file) return { ok: false, error: "no file" };
    let bytes: Buffer;
    let truncated = false;
    try {
      bytes = await file.toBuffer();
    } catch {
      // @fastify/multipart throws once the size limit is hit; the core then refuses the photo as too large.
      bytes = Buffer.alloc(0);
      truncated = true;
    }
    const field = (name: string) => {
      const f = file.fields[name];
      return f && !Array.isArray(f) && "value" in f ? String(f.value) : undefined;
    };
    const body = identity.parse({ name: field("name"), language: field("language") });
    const asFile = field("asFile") === "true";
    const forwarded = field("forwarded") === "true";
    const isImage = file.mimetype.startsWith("image/");
    await log.append(chat, { dir: "in", text: `🖼 ${asFile ? "file" : "photo"}${forwarded ? " (forwarded)" : ""}` });
    if (asFile && !isImage) {
      await handle({ ...base(chat, body), kind: "document", mime: file.mimetype, size: bytes.length });
      return { ok: true };
    }
    await handle({
      ...base(chat, body),
      kind: "photo",
      asFile,
      forwarded,
      size: truncated ? deps.maxPhotoBytes + 1 : bytes.length,
      mime: file.mimetype,
      download: async () => bytes,
    });
    return { ok: true };
  });

  fastify.get("/sandbox/media/:id", async (req, reply) => {
    const { id } = z.object({ id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/) }).parse(req.params);
    const bytes = await deps.media.get(id);
    if (!bytes) return reply.status(404).send({ error: "gone" });
    return reply.type("image/jpeg").header("cache-control", "private, max-age=300").send(bytes);
  });

  fastify.post("/sandbox/api/:chat/reset", async (req) => {
    const { chat } = chatParams.parse(req.params);
    await log.clear(chat);
    return { ok: true };
  });
};

/** Which message explains a refused request. */
function requestError(err: Error): [string, Record<string, number>?] {
  if (!(err instanceof ZodError)) return ["request-invalid"];
  const fields = new Set(err.issues.map((i) => String(i.path[0])));
  if (err.issues.some((i) => i.path[0] === "text" && i.code === "too_big")) return ["request-too-long", { max: MAX_TEXT_LENGTH }];
  if (fields.has("lat") || fields.has("lon")) return ["location-invalid"];
  return ["request-invalid"];
}
