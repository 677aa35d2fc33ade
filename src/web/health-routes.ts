import type { FastifyPluginAsync } from "fastify";
import type { WebDeps } from "./deps.ts";

/** Commands wait for a reconnect while Redis is away; readiness must answer long before a probe gives up. */
const PROBE_TIMEOUT_MS = 2_000;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error("timeout")), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export const healthRoutes: FastifyPluginAsync<{ deps: WebDeps }> = async (fastify, { deps }) => {
  fastify.get("/healthz", async () => ({ ok: true }));
  /**
   * Ready when Redis answers, every queue can be read and the process's matcher threads are loaded; the waiting
   * counts help a load balancer's operator.
   */
  fastify.get("/readyz", async (_req, reply) => {
    try {
      await within(deps.redis.ping(), PROBE_TIMEOUT_MS);
      const queues: Record<string, number> = {};
      await within(
        Promise.all(
          deps.queues.map(async (q) => {
            // Prioritized jobs (alerts for family and travellers) wait too, in their own list.
            const counts = await q.getJobCounts("waiting", "prioritized");
            queues[q.name] = (counts.waiting ?? 0) + (counts.prioritized ?? 0);
          }),
        ),
        PROBE_TIMEOUT_MS,
      );
      // A worker still loading its matcher would verify its first photos seconds late: not ready yet.
      if (deps.warming?.()) return reply.status(503).send({ ok: false, redis: "up", matcher: "loading", queues });
      return { ok: true, redis: "up", queues };
    } catch {
      return reply.status(503).send({ ok: false, redis: "unreachable" });
    }
  });
};
