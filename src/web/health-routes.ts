import type { FastifyPluginAsync } from "fastify";
import type { App } from "../app.ts";

export const healthRoutes: FastifyPluginAsync<{ app: App }> = async (fastify, { app }) => {
  fastify.get("/healthz", async () => ({ ok: true }));
  fastify.get("/readyz", async (_req, reply) => {
    try {
      await app.redis.ping();
      return { ok: true };
    } catch {
      return reply.status(503).send({ ok: false, redis: "unreachable" });
    }
  });
};
