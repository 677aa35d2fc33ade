/** Every role process stops cleanly on SIGTERM: in-flight work finished, connections closed, exit code 0, within the bound. */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { findFreePort, startRedis, type RedisServerHandle } from "../support/redis-server.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BOUND_MS = 10_000;
let redis: RedisServerHandle;

before(async () => {
  redis = await startRedis();
});

after(async () => {
  await redis?.stop();
});

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Starts `safe-arrival <role>` as its own process; resolves once it logged that it runs. */
async function startRole(role: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", role], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      REDIS_URL: redis.url,
      REDIS_PREFIX: `{t${randomBytes(4).toString("hex")}}`,
      LOG_LEVEL: "info",
      PORT: "0",
      SHUTDOWN_TIMEOUT: "8s",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<Exit>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  let startTimer: NodeJS.Timeout | undefined;
  const running = await Promise.race([
    new Promise<boolean>((resolve) => {
      const check = () => {
        if (out.includes('"msg":"SafeArrival running"')) resolve(true);
      };
      child.stdout.on("data", check);
      check();
    }),
    exited.then(() => false),
    new Promise<boolean>((resolve) => {
      startTimer = setTimeout(() => resolve(false), 30_000);
    }),
  ]);
  clearTimeout(startTimer);
  if (!running) {
    child.kill("SIGKILL");
    throw new Error(`${role} did not start:\n${out}`);
  }
  return { child, exited, output: () => out };
}

async function sigtermWithinBound(proc: Awaited<ReturnType<typeof startRole>>): Promise<void> {
  const sentAt = Date.now();
  proc.child.kill("SIGTERM");
  const timer = setTimeout(() => proc.child.kill("SIGKILL"), BOUND_MS + 5_000);
  const exit = await proc.exited;
  clearTimeout(timer);
  const took = Date.now() - sentAt;
  assert.deepEqual(exit, { code: 0, signal: null }, `exit after SIGTERM:\n${proc.output()}`);
  assert.ok(took < BOUND_MS, `took ${took} ms`);
  assert.match(proc.output(), /"msg":"stopped"/);
}

test("worker role: serves /readyz on HEALTH_PORT, then exits 0 on SIGTERM within the bound", async () => {
  const healthPort = await findFreePort();
  const proc = await startRole("worker", { HEALTH_PORT: String(healthPort) });
  assert.equal((await fetch(`http://127.0.0.1:${healthPort}/healthz`)).status, 200, "/healthz");
  // Ready once its matcher threads are loaded (MATCHER_WARM_START, on by default): 503 until then.
  const end = Date.now() + 30_000;
  let ready = await fetch(`http://127.0.0.1:${healthPort}/readyz`);
  while (ready.status === 503 && Date.now() < end) {
    assert.equal(((await ready.json()) as { matcher?: string }).matcher, "loading");
    await new Promise((r) => setTimeout(r, 100));
    ready = await fetch(`http://127.0.0.1:${healthPort}/readyz`);
  }
  assert.equal(ready.status, 200, "/readyz");
  await sigtermWithinBound(proc);
});

test("start (every role in one process, sandbox web on a free port): exits 0 on SIGTERM within the bound", async () => {
  const proc = await startRole("start", { SANDBOX: "on" });
  await sigtermWithinBound(proc);
});
