/**
 * The process under test in the end-to-end and ingress benchmarks, so that the app has its own event
 * loop and the driver (fake Bot API, autocannon) another, as in production:
 *   node --import tsx bench/app-process.ts bot,worker   the real App with these roles, configured from the environment
 *   node --import tsx bench/app-process.ts --bare <port>  a bare Fastify route answering 200 (the ingress baseline)
 * Prints "ready" once serving (for the App: once its matcher threads are loaded, when /readyz says so); on SIGTERM stops cleanly and prints "rss <peak MB>" (sampled every 100 ms).
 */
import Fastify from "fastify";
import { App, ROLES, type Role } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import { RssSampler } from "./stats.ts";

const [mode, arg] = process.argv.slice(2);
// Sampled rather than resourceUsage().maxRSS: on Linux a child's maxRSS starts at its parent's at fork time.
const rss = new RssSampler(100);
let stop: () => Promise<void>;

if (mode === "--bare") {
  const fastify = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
  fastify.post("/telegram/webhook", async (_req, reply) => reply.code(200).send());
  await fastify.listen({ port: Number(arg), host: "127.0.0.1" });
  stop = () => fastify.close();
} else {
  const roles = (mode ?? "").split(",").filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  if (roles.length === 0) throw new Error(`usage: app-process.ts <${ROLES.join("|")},...> | --bare <port>`);
  const config = loadConfig();
  const app = new App(config, createLogger(config.LOG_LEVEL), { roles });
  await app.seedCatalog();
  await app.start();
  // "ready" when the app's /readyz would say so: matcher threads loaded, as an orchestrator routes traffic.
  await app.matcherWarmed();
  stop = () => app.stop();
}

process.once("SIGTERM", () => {
  void stop().finally(() => {
    process.stdout.write(`rss ${rss.stop().toFixed(0)}\n`);
    process.exit(0);
  });
});
process.stdout.write("ready\n");
