import type { FastifyPluginAsync } from "fastify";
import type { Metrics } from "../metrics.ts";
import { sameToken } from "./dashboard/context.ts";

/**
 * /metrics on the web server's port, for whoever holds METRICS_TOKEN (a bearer token, as Prometheus sends it):
 * queue depths and sign-in counts are not for strangers. Without the setting the route answers 404.
 */
export const metricsRoutes: FastifyPluginAsync<{ metrics: Metrics; token: string | undefined }> = async (fastify, { metrics, token }) => {
  fastify.get("/metrics", async (req, reply) => {
    if (!token) return reply.status(404).send({ error: "not found" });
    const [scheme, given] = (req.headers.authorization ?? "").split(" ", 2);
    if (scheme?.toLowerCase() !== "bearer" || !sameToken(token, given)) {
      return reply.status(401).header("www-authenticate", 'Bearer realm="metrics"').send({ error: "unauthorized" });
    }
    const body = await metrics.registry.metrics();
    return reply.type(metrics.registry.contentType).header("cache-control", "no-store").send(body);
  });
};
