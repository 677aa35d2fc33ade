/** Child processes and Redis servers for the benchmarks: loopback only, each on a free port, never 6379. */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { Redis } from "ioredis";
import { startRedis, type RedisServerHandle } from "../tests/support/redis-server.ts";

const ROOT = path.resolve(import.meta.dirname, "..");

/**
 * A private redis-server set up as production runs it (docker/redis.conf): AOF with `appendfsync
 * everysec`, noeviction. (The test helper's own AOF mode fsyncs every write, which is stricter than
 * production.)
 */
export async function startBenchRedis(): Promise<RedisServerHandle> {
  const server = await startRedis();
  const admin = new Redis(server.url, { lazyConnect: true });
  await admin.connect();
  await admin.config("SET", "appendonly", "yes");
  await admin.config("SET", "appendfsync", "everysec");
  admin.disconnect();
  return server;
}

export interface AppChild {
  readonly child: ChildProcess;
  /** SIGTERM, wait for exit; resolves with the child's peak RSS in MB (NaN if it did not say). */
  stop(): Promise<number>;
}

/**
 * Starts bench/app-process.ts with `args` and extra environment; resolves once it prints "ready".
 * BENCH_APP_NODE_ARGS adds Node flags to the app process only, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"
 * (Node refuses --cpu-prof in NODE_OPTIONS).
 */
export async function startAppChild(args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<AppChild> {
  const nodeArgs = process.env.BENCH_APP_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", path.join(ROOT, "bench/app-process.ts"), ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: "silent", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout!.setEncoding("utf8").on("data", (d: string) => (out += d));
  child.stderr!.setEncoding("utf8").on("data", (d: string) => (err = (err + d).slice(-4_000)));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`app process did not start within ${timeoutMs} ms:\n${err}`));
    }, timeoutMs);
    const check = () => {
      if (out.includes("ready\n")) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on("data", check);
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`app process exited during start-up (code ${child.exitCode}):\n${err}`));
    });
  });
  return {
    child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
        await exited;
        clearTimeout(timer);
      }
      process.removeListener("exit", killOnExit);
      const m = /rss (\d+)/.exec(out);
      return m ? Number(m[1]) : NaN;
    },
  };
}
