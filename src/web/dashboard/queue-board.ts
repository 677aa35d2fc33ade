import { createBullBoard } from "@bull-board/api";
import { BullMQAdapter } from "@bull-board/api/bullMQAdapter";
import { FastifyAdapter } from "@bull-board/fastify";
import type { Queue } from "bullmq";
import type { FastifyPluginAsync } from "fastify";
import type { DashboardRouteOptions } from "./context.ts";
import { forbidden } from "./context.ts";
import { cspHeader } from "../security-headers.ts";

export const QUEUE_BOARD_PATH = "/admin/queues";
const REDACTED = "[redacted]";

/**
 * bull-board for admins: read-only, and with job data, return values and progress blanked out, so the
 * board shows queue health without ever showing what a job is about (payloads are ids only anyway).
 */
export function queueBoard(queues: Queue[]): FastifyPluginAsync<DashboardRouteOptions> {
  return async (fastify, { viewer }) => {
    fastify.addHook("preHandler", async (req, reply) => {
      const v = viewer(req);
      if (v.staff.role !== "admin") return forbidden(reply, v);
    });
    // bull-board's page sets <base href> and has inline style attributes (its loading screen): both allowed here;
    // scripts stay 'self' only.
    const boardCsp = cspHeader({ "style-src": ["'self'", "'unsafe-inline'"], "base-uri": ["'self'"] });
    fastify.addHook("onSend", async (_req, reply) => {
      void reply.header("content-security-policy", boardCsp);
    });
    const adapters = queues.map((q) => {
      const adapter = new BullMQAdapter(q, { readOnlyMode: true });
      for (const field of ["data", "returnValue", "progress"] as const) adapter.setFormatter(field, () => REDACTED);
      return adapter;
    });
    const server = new FastifyAdapter();
    server.setBasePath(QUEUE_BOARD_PATH);
    createBullBoard({ queues: adapters, serverAdapter: server, options: { uiConfig: { boardTitle: "SafeArrival queues" } } });
    await fastify.register(server.registerPlugin(), { prefix: QUEUE_BOARD_PATH });
  };
}
