import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { Redis } from "ioredis";
import type { Logger } from "pino";
import { ConfigError, type Config } from "./config.ts";

async function reachable(url: string): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1500 });
  probe.on("error", () => undefined);
  try {
    await probe.connect();
    await probe.ping();
    return true;
  } catch (err) {
    // A Redis that asks for a password (REDIS_PASSWORD) is there: the app authenticates, the probe does not.
    return err instanceof Error && /NOAUTH|WRONGPASS|invalid password/i.test(err.message);
  } finally {
    probe.disconnect();
  }
}

/**
 * For `npm start` on a newcomer's machine: when nothing answers at a local REDIS_URL, start a
 * redis-server from PATH with AOF persistence under DATA_DIR. Never in production: an empty Redis
 * started there would pass the durability checks and hide that the real one (and its data) is missing.
 */
export async function ensureLocalRedis(config: Pick<Config, "REDIS_URL" | "DATA_DIR" | "NODE_ENV">, log: Logger): Promise<void> {
  const url = config.REDIS_URL;
  const dataDir = config.DATA_DIR;
  if (await reachable(url)) return;
  const parsed = new URL(url);
  if (config.NODE_ENV === "production") {
    // The host only: REDIS_URL may carry a password.
    throw new ConfigError(
      `Redis is not reachable at REDIS_URL (${parsed.host}); with NODE_ENV=production the app never starts a Redis of its own: ` +
        "start your Redis or correct REDIS_URL",
    );
  }
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(parsed.hostname)) {
    throw new Error(`Redis at ${parsed.host} is not reachable; set REDIS_URL to a running Redis`);
  }
  const dir = path.resolve(dataDir, "redis");
  mkdirSync(dir, { recursive: true });
  const port = parsed.port || "6379";
  const args = ["--port", port, "--bind", "127.0.0.1", "--dir", dir, "--appendonly", "yes", "--appendfsync", "everysec",
    "--save", "", "--maxmemory-policy", "noeviction", "--daemonize", "no"];
  let child;
  try {
    child = spawn("redis-server", args, { stdio: "ignore", detached: false });
  } catch {
    throw new Error("no Redis is running and redis-server is not installed: apt-get install redis-server, or set REDIS_URL");
  }
  child.on("error", () => log.error("redis-server could not be started: install it (apt-get install redis-server) or set REDIS_URL"));
  process.on("exit", () => child.kill("SIGTERM"));
  for (let i = 0; i < 50; i++) {
    if (await reachable(url)) {
      log.info({ port: Number(port), dir }, "started a local redis-server with AOF");
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("redis-server did not start; install it (apt-get install redis-server) or set REDIS_URL");
}
