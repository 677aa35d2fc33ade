/**
 * Public routes of signed confirmations, no login: the check page GET /c/:code and the published keys at
 * GET /.well-known/safe-arrival-proof-keys. Requests are counted per client address like the bot counts
 * messages (MESSAGE_RATE_PER_MINUTE), in Redis, so a code cannot be brute-forced through the page.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { FastifyPluginAsync, FastifyReply } from "fastify";
import type { WebDeps } from "../deps.ts";
import { CHECK_PATH } from "../../proof/confirmation-signer.ts";
import { localeFromAcceptLanguage, PROOF_CSS_PATH, renderProofPage } from "./proof-page.ts";

export const PROOF_KEYS_PATH = "/.well-known/safe-arrival-proof-keys";
const MINUTE_MS = 60_000;
/** No script, no inline style, nothing from elsewhere; the code in the URL is not sent on as a Referer. */
const PAGE_HEADERS = {
  "content-security-policy": "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "referrer-policy": "no-referrer",
  "x-robots-tag": "noindex",
  "cache-control": "no-store",
  "x-content-type-options": "nosniff",
};

export const proofRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (fastify, { deps }) => {
  const css = await readFile(path.join(import.meta.dirname, "proof.css"));
  const { i18n, landmarks, rates } = deps;

  fastify.get(PROOF_CSS_PATH, (_req, reply) =>
    reply.type("text/css; charset=utf-8").header("cache-control", "public, max-age=86400").send(css),
  );

  fastify.get(PROOF_KEYS_PATH, (_req, reply) =>
    reply.header("cache-control", "public, max-age=300").header("access-control-allow-origin", "*").send(deps.proofKeys.publicKeys()),
  );

  fastify.get<{ Params: { code: string } }>(`${CHECK_PATH}:code`, async (req, reply: FastifyReply) => {
    const locale = localeFromAcceptLanguage(req.headers["accept-language"]);
    reply.headers(PAGE_HEADERS).header("vary", "accept-language").type("text/html; charset=utf-8");
    if ((await rates.countFor("proof-page", req.ip, MINUTE_MS)) > deps.config.MESSAGE_RATE_PER_MINUTE) {
      return reply.status(429).send(renderProofPage({ i18n, locale, result: { valid: false, why: "rate_limited" }, names: () => undefined }).text);
    }
    const result = deps.proofKeys.check(req.params.code, deps.now());
    const names = new Map<string, Record<string, string>>();
    let landmark;
    if (result.valid) {
      landmark = (await landmarks.get(result.confirmation.landmarkId))?.landmark;
      for (const r of result.confirmation.reasons) {
        const other = r.vars?.landmark;
        const stored = typeof other === "string" ? await landmarks.get(other) : undefined;
        if (stored) names.set(stored.landmark.id, stored.landmark.names);
      }
    }
    return reply.send(renderProofPage({ i18n, locale, result, landmark, names: (id) => names.get(id) }).text);
  });
};
