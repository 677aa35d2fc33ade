/**
 * Linking the bot's WhatsApp account: the QR code (or pairing code) Baileys hands out while unpaired is
 * printed to the terminal of the `bot` process and kept, sealed, in Redis for a minute so that the admin
 * page of any web process can show it.
 */
import { timingSafeEqual } from "node:crypto";
import type { FastifyInstance } from "fastify";
import QRCode from "qrcode";
import type { RedisClient } from "../../store/redis.ts";
import { resealValue } from "../../store/reseal.ts";
import type { Sealer } from "../../store/sealed-box.ts";
import type { WaKeys } from "./wa-keys.ts";

export type Pairing = { kind: "qr" | "code"; value: string; at: number };
export type WaStatus = { state: "connecting" | "open" | "closed" | "logged_out" | "stopped"; at: number; code?: number };

/** Baileys rotates the QR about every 20 s; a shown one older than this has expired anyway. */
const PAIRING_TTL_MS = 60_000;
/** What the sealed pairing is bound to. */
const PAIRING_FIELD = "pairing";

export class WaPairingStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: WaKeys,
    private readonly box: Sealer,
  ) {}

  async publish(kind: Pairing["kind"], value: string): Promise<void> {
    const sealed = this.box.seal(JSON.stringify({ kind, value, at: Date.now() } satisfies Pairing), PAIRING_FIELD);
    await this.redis.set(this.keys.pairing(), sealed, "PX", PAIRING_TTL_MS);
  }

  async current(): Promise<Pairing | undefined> {
    const sealed = await this.redis.get(this.keys.pairing());
    return sealed ? (JSON.parse(this.box.open(sealed, PAIRING_FIELD).toString("utf8")) as Pairing) : undefined;
  }

  /** Key rotation: a pairing code shown right now, sealed anew with the current app key. */
  async reseal(): Promise<number> {
    return Number(await resealValue(this.redis, this.box, this.keys.pairing(), PAIRING_FIELD));
  }

  async clear(): Promise<void> {
    await this.redis.del(this.keys.pairing());
  }

  async setStatus(status: Omit<WaStatus, "at">): Promise<void> {
    await this.redis.set(this.keys.status(), JSON.stringify({ ...status, at: Date.now() }));
  }

  async status(): Promise<WaStatus | undefined> {
    const raw = await this.redis.get(this.keys.status());
    return raw ? (JSON.parse(raw) as WaStatus) : undefined;
  }
}

/** Prints a pairing QR or code for the operator at the terminal (stdout, outside the JSON logs). */
export async function printPairing(kind: Pairing["kind"], value: string, out: NodeJS.WritableStream = process.stdout): Promise<void> {
  if (kind === "code") {
    out.write(`\nWhatsApp pairing code: ${value}\nOn the bot's phone: Linked devices > Link a device > Link with phone number instead.\n\n`);
    return;
  }
  const art = await QRCode.toString(value, { type: "terminal", small: true });
  out.write(`\nScan with the bot's WhatsApp (Linked devices > Link a device):\n${art}\n`);
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const m = header ? /^Bearer\s+(.+)$/i.exec(header.trim()) : null;
  if (!m) return false;
  const given = Buffer.from(m[1]!, "utf8");
  const expected = Buffer.from(token, "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export const PAIR_PATH = "/admin/whatsapp/pair";

/**
 * GET /admin/whatsapp/pair (Authorization: Bearer ADMIN_TOKEN): the current QR as a PNG
 * (`?format=text` for a text rendering), or the pairing code as text; 404 with the connection state
 * when there is nothing to scan (already linked, or the bot process is not running).
 */
export function registerPairRoute(fastify: FastifyInstance, store: WaPairingStore, adminToken: string): void {
  fastify.get<{ Querystring: { format?: string } }>(PAIR_PATH, async (req, reply) => {
    reply.header("cache-control", "no-store");
    if (!bearerMatches(req.headers.authorization, adminToken)) {
      return reply.code(401).header("www-authenticate", "Bearer").send({ error: "unauthorized" });
    }
    const pairing = await store.current();
    if (!pairing) return reply.code(404).send({ error: "nothing to pair", status: (await store.status()) ?? null });
    if (pairing.kind === "code") return reply.type("text/plain; charset=utf-8").send(`WhatsApp pairing code: ${pairing.value}\n`);
    if (req.query.format === "text") {
      return reply.type("text/plain; charset=utf-8").send(await QRCode.toString(pairing.value, { type: "utf8" }));
    }
    return reply.type("image/png").send(await QRCode.toBuffer(pairing.value, { type: "png", width: 320, margin: 2 }));
  });
}
