/**
 * The NGO dashboard, served by the web role: server-rendered pages (no client framework, usable without
 * JavaScript), sessions in Redis, CSRF tokens on every form, organisation-scoped alerts.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import formbody from "@fastify/formbody";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import type { WebDeps } from "../deps.ts";
import {
  crossOrigin, dashboardServices, ensureDefaultOrg, forbidden, sameToken, viewerOf, anonymous, type DashboardRouteOptions, type Viewer,
} from "./context.ts";
import { authRoutes } from "./auth-pages.ts";
import { alertRoutes } from "./alert-pages.ts";
import { landmarkRoutes } from "./landmark-pages.ts";
import { adminRoutes } from "./admin-pages.ts";
import { queueBoard } from "./queue-board.ts";
import { browserScript } from "../../browser-script.ts";

const ASSETS = path.join(import.meta.dirname, "assets");
const PUBLIC = new Set(["/login", "/dashboard/assets/dashboard.css", "/dashboard/assets/live.js"]);

const viewers = new WeakMap<FastifyRequest, Viewer>();

/** The signed-in user of a request that passed the dashboard's session check. */
export function viewer(req: FastifyRequest): Viewer {
  const v = viewers.get(req);
  if (!v) throw new Error("no dashboard session on this request");
  return v;
}

export const dashboardRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (fastify, { deps }) => {
  const svc = dashboardServices(deps);
  await ensureDefaultOrg(svc.orgs, deps.config.NGO_NAME, deps.now());
  await fastify.register(formbody, { bodyLimit: 64 * 1024 });

  const css = await readFile(path.join(ASSETS, "dashboard.css"));
  const liveScript = browserScript(ASSETS, "live");
  fastify.get("/dashboard/assets/dashboard.css", (_req, reply) =>
    reply.type("text/css; charset=utf-8").header("cache-control", "public, max-age=86400").send(css),
  );
  fastify.get("/dashboard/assets/live.js", async (_req, reply) =>
    reply.type("text/javascript; charset=utf-8").header("cache-control", "public, max-age=86400").send(await liveScript()),
  );

  fastify.addHook("preHandler", async (req: FastifyRequest, reply: FastifyReply) => {
    const route = req.routeOptions.url ?? req.url;
    if (PUBLIC.has(route) || route.startsWith("/lang/")) return;
    if (req.method === "POST" && crossOrigin(req)) return forbidden(reply, anonymous(req));
    const v = await viewerOf(req, svc);
    if (!v) {
      if (route === "/alerts/live") return reply.status(401).type("text/plain").send("signed out");
      return reply.status(303).header("location", "/login").send();
    }
    // Every form carries the session's CSRF token; multipart forms are checked by their handler once the fields are read.
    if (req.method === "POST" && !req.isMultipart()) {
      const token = (req.body as Record<string, unknown> | undefined)?._csrf;
      if (!sameToken(v.session.csrf, token)) return forbidden(reply, v);
    }
    viewers.set(req, v);
  });

  const opts: DashboardRouteOptions = { svc, viewer };
  await fastify.register(authRoutes, opts);
  await fastify.register(alertRoutes, opts);
  await fastify.register(landmarkRoutes, opts);
  await fastify.register(adminRoutes, opts);
  await fastify.register(queueBoard(deps.queues), opts);
};
