import Fastify, { type FastifyInstance } from "fastify";
import multipart from "@fastify/multipart";
import type { WebDeps } from "./deps.ts";
import { healthRoutes } from "./health-routes.ts";
import { dashboardRoutes } from "./dashboard/dashboard-routes.ts";
import { metricsRoutes } from "./metrics-routes.ts";
import { registerSecurityHeaders } from "./security-headers.ts";
import { proofRoutes } from "./proof/proof-routes.ts";

export interface WebServerOptions {
  deps: WebDeps;
  /** The NGO dashboard (staff pages at /, /login, /alerts, ...). */
  dashboard?: boolean;
  /** The public confirmation check page (/c/<code>) and the published keys. */
  proof?: boolean;
}

export interface WebServer {
  fastify: FastifyInstance;
  listen(port: number, host: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The Fastify app of the `web` role: health, metrics, the dashboard and the proof page. Channels register their
 * own routes on `fastify` (the sandbox chat, the Telegram webhook, WhatsApp pairing) before it listens.
 */
export async function buildWebServer(opts: WebServerOptions): Promise<WebServer> {
  const { deps } = opts;
  // With trustProxy, req.ip is the client's address from X-Forwarded-For (the sign-in limits key on it), not the proxy's.
  // maxParamLength: a confirmation code in /c/<code> is about 160 characters (Fastify's default limit is 100).
  const fastify = Fastify({ logger: false, bodyLimit: 1024 * 1024, trustProxy: deps.config.TRUST_PROXY, routerOptions: { maxParamLength: 512 } });
  await registerSecurityHeaders(fastify);
  await fastify.register(multipart, { limits: { fileSize: deps.config.MAX_PHOTO_BYTES + 1, files: 1, fields: 10 } });
  fastify.setErrorHandler((err: { statusCode?: number; name?: string }, _req, reply) => {
    const status =
      err.name === "ZodError" ? 400 : err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    if (status >= 500) deps.log.error({ err: err.name }, "web request failed");
    void reply.status(status).send({ error: status >= 500 ? "internal error" : (err.name ?? "bad request") });
  });
  await fastify.register(healthRoutes, { deps });
  await fastify.register(metricsRoutes, { metrics: deps.metrics, token: deps.config.METRICS_TOKEN });
  if (opts.dashboard) await fastify.register(dashboardRoutes, { deps });
  if (opts.proof) await fastify.register(proofRoutes, { deps });
  return {
    fastify,
    listen: (port, host) => fastify.listen({ port, host }),
    close: () => fastify.close(),
  };
}
