import { readFile } from "node:fs/promises";
import path from "node:path";
import type { FastifyPluginAsync } from "fastify";
import { z } from "zod";
import type { App } from "../../app.ts";
import type { Inbound } from "../../conversation/messages.ts";
import { SANDBOX_CHAT_ID } from "../../channels/sandbox/sandbox-sender.ts";
import { landmarkName } from "../../domain/landmark.ts";

const PAGE = path.join(import.meta.dirname, "sandbox-page.html");
const ASSETS = path.join(import.meta.dirname, "assets");
/** The page's script and styles are files, so the Content-Security-Policy needs no 'unsafe-inline'. */
const ASSET_TYPES = { "sandbox.js": "text/javascript; charset=utf-8", "sandbox.css": "text/css; charset=utf-8" } as const;

const chatParams = z.object({ chat: z.string().regex(SANDBOX_CHAT_ID) });
const identity = z.object({ name: z.string().min(1).max(64), language: z.string().max(16).optional() });
const textBody = identity.extend({ text: z.string().min(1).max(4096) });
const choiceBody = identity.extend({ data: z.string().min(1).max(64) });
const locationBody = identity.extend({
  lat: z.coerce.number().min(-90).max(90),
  lon: z.coerce.number().min(-180).max(180),
  accuracy: z.coerce.number().min(0).max(100_000).optional(),
  live: z.coerce.boolean().default(false),
  forwarded: z.coerce.boolean().default(false),
  venue: z.coerce.boolean().default(false),
});

/**
 * The sandbox chat: a local web chat that drives the same conversation core as Telegram, so a
 * newcomer can walk the whole journey (traveller pane, family pane) with no accounts.
 */
export const sandboxRoutes: FastifyPluginAsync<{ app: App; handle(msg: Inbound): Promise<void> }> = async (
  fastify,
  { app, handle },
) => {
  const log = app.sandboxLog;

  const base = (chat: string, body: z.infer<typeof identity>) => ({
    from: { channel: "sandbox" as const, chatId: chat },
    name: body.name,
    languageHint: body.language,
    at: app.deps.now(),
  });

  fastify.get("/sandbox", async (_req, reply) => {
    return reply.type("text/html; charset=utf-8").header("cache-control", "no-store").send(await readFile(PAGE));
  });

  for (const [file, type] of Object.entries(ASSET_TYPES)) {
    const body = await readFile(path.join(ASSETS, file));
    fastify.get(`/sandbox/assets/${file}`, (_req, reply) => reply.type(type).header("cache-control", "no-cache").send(body));
  }

  fastify.get("/sandbox/api/landmarks", async () => {
    const landmarks = await app.deps.landmarks.list();
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
      size: truncated ? app.config.MAX_PHOTO_BYTES + 1 : bytes.length,
      mime: file.mimetype,
      download: async () => bytes,
    });
    return { ok: true };
  });

  fastify.get("/sandbox/media/:id", async (req, reply) => {
    const { id } = z.object({ id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/) }).parse(req.params);
    const bytes = await app.deps.media.get(id);
    if (!bytes) return reply.status(404).send({ error: "gone" });
    return reply.type("image/jpeg").header("cache-control", "private, max-age=300").send(bytes);
  });

  fastify.post("/sandbox/api/:chat/reset", async (req) => {
    const { chat } = chatParams.parse(req.params);
    await log.clear(chat);
    return { ok: true };
  });
};
