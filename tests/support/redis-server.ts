/**
 * Throwaway redis-server instances for integration and fault tests.
 *
 * Every test suite gets its own server on a random loopback port so that tests
 * never touch the shared instance on 6379 and can kill/restart Redis freely.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";

export interface StartRedisOptions {
  /** Enable AOF persistence (with fsync on every write so a SIGKILL loses nothing). */
  appendonly?: boolean;
  /** Data directory. When provided it is left in place by stop(). */
  dir?: string;
  /** Milliseconds to wait for the server to answer PING. */
  startTimeoutMs?: number;
}

export interface RedisServerHandle {
  readonly port: number;
  readonly url: string;
  readonly dir: string;
  /** Process id of the current redis-server child (changes after restart). */
  readonly pid: number | undefined;
  /** Kill the server (SIGKILL unless told otherwise) and wait until it has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Start the server again on the same port and directory; resolves once it answers PING. */
  restart(): Promise<void>;
  /** Graceful shutdown; removes the data directory unless the caller supplied it. */
  stop(): Promise<void>;
}

const DEFAULT_START_TIMEOUT_MS = 10_000;

/** Children still alive, so they can be reaped if the test process exits abruptly. */
const liveChildren = new Set<ChildProcess>();
/** Temp dirs we created and have not removed yet. */
const ownedDirs = new Set<string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Only synchronous work is possible in 'exit', hence a plain SIGKILL: a
  // leaked redis-server would keep its port and temp dir after the run.
  const reap = () => {
    for (const child of liveChildren) {
      try {
        child.kill("SIGKILL");
      } catch {
        // already gone
      }
    }
    for (const dir of ownedDirs) {
      try {
        rmSync(dir, { recursive: true, force: true });
      } catch {
        // best effort; the OS tmp cleaner gets the rest
      }
    }
  };
  process.on("exit", reap);
  // Death by signal (test-runner timeout, Ctrl-C) skips 'exit'. Reap, then
  // re-raise so the process still dies the way it was asked to; `once` has
  // removed this listener by then, so the default action applies.
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(sig, () => {
      reap();
      process.kill(process.pid, sig);
    });
  }
}

/** Ask the OS for a free port. There is a race until redis binds it, so callers retry on EADDRINUSE. */
export async function findFreePort(): Promise<number> {
  return await new Promise<number>((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      if (addr === null || typeof addr === "string") {
        srv.close();
        reject(new Error("could not determine a free port"));
        return;
      }
      const port = addr.port;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Send a raw RESP PING; avoids pulling ioredis retry/reconnect behaviour into
 * the readiness check. Resolves true only for a "+PONG" reply.
 */
export function pingRedis(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const sock = net.connect({ host: "127.0.0.1", port });
    let buf = "";
    let settled = false;
    const done = (ok: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      sock.destroy();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    sock.setEncoding("utf8");
    sock.on("connect", () => sock.write("*1\r\n$4\r\nPING\r\n"));
    sock.on("data", (chunk: string) => {
      buf += chunk;
      if (buf.includes("\r\n")) done(buf.startsWith("+PONG"));
    });
    sock.on("error", () => done(false));
    sock.on("close", () => done(false));
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

interface SpawnResult {
  child: ChildProcess;
  /** Resolves when the child exits, with the stderr/stdout tail for diagnostics. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: () => string;
}

function spawnRedis(port: number, dir: string, appendonly: boolean): SpawnResult {
  const args = [
    "--port", String(port),
    "--bind", "127.0.0.1",
    "--save", "",
    "--appendonly", appendonly ? "yes" : "no",
    "--appendfsync", appendonly ? "always" : "everysec",
    "--dir", dir,
    "--maxmemory-policy", "noeviction",
    "--daemonize", "no",
    // Unix socket and protected mode are irrelevant on loopback-only test servers.
    "--protected-mode", "no",
    "--logfile", "",
  ];
  const child = spawn("redis-server", args, { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  const keep = (d: Buffer) => {
    out += d.toString("utf8");
    // Only the tail matters for a start-up failure message.
    if (out.length > 16_384) out = out.slice(-8_192);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  liveChildren.add(child);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => {
      liveChildren.delete(child);
      resolve({ code, signal });
    });
    child.once("error", () => {
      liveChildren.delete(child);
      resolve({ code: null, signal: null });
    });
  });
  return { child, exited, output: () => out };
}

/**
 * Spawn and wait for PING. Returns null when the port turned out to be taken,
 * so startRedis can pick another one.
 */
async function launch(
  port: number,
  dir: string,
  appendonly: boolean,
  timeoutMs: number,
): Promise<SpawnResult | null> {
  const proc = spawnRedis(port, dir, appendonly);
  let exitInfo: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  void proc.exited.then((info) => {
    exitInfo = info;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitInfo !== undefined) {
      const out = proc.output();
      if (/address already in use|EADDRINUSE/i.test(out)) return null;
      throw new Error(
        `redis-server exited during start-up (code ${exitInfo.code}, signal ${exitInfo.signal}):\n${out}`,
      );
    }
    if (await pingRedis(port, 250)) return proc;
    await sleep(25);
  }
  proc.child.kill("SIGKILL");
  await proc.exited;
  throw new Error(`redis-server on port ${port} did not answer PING within ${timeoutMs} ms:\n${proc.output()}`);
}

export async function startRedis(opts: StartRedisOptions = {}): Promise<RedisServerHandle> {
  installExitHook();
  const appendonly = opts.appendonly ?? false;
  const timeoutMs = opts.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
  const ownsDir = opts.dir === undefined;
  const dir = opts.dir ?? (await mkdtemp(path.join(os.tmpdir(), "safe-arrival-redis-")));
  if (ownsDir) ownedDirs.add(dir);

  let port = 0;
  let proc: SpawnResult | null = null;
  for (let attempt = 0; attempt < 10 && proc === null; attempt++) {
    port = await findFreePort();
    if (port === 6379) continue;
    proc = await launch(port, dir, appendonly, timeoutMs);
  }
  if (proc === null) {
    if (ownsDir) {
      ownedDirs.delete(dir);
      await rm(dir, { recursive: true, force: true });
    }
    throw new Error("could not start redis-server: no free port after 10 attempts");
  }

  let current: SpawnResult | null = proc;
  let stopped = false;

  const kill = async (signal: NodeJS.Signals = "SIGKILL"): Promise<void> => {
    const p = current;
    if (p === null) return;
    if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill(signal);
    await p.exited;
    if (current === p) current = null;
  };

  const handle: RedisServerHandle = {
    port,
    url: `redis://127.0.0.1:${port}`,
    dir,
    get pid() {
      return current?.child.pid;
    },
    kill,
    async restart() {
      if (stopped) throw new Error("restart() after stop()");
      await kill("SIGKILL");
      // The old socket can linger briefly after a kill; a fresh port would
      // break clients that are configured with the original URL, so retry.
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const next = await launch(port, dir, appendonly, timeoutMs);
        if (next !== null) {
          current = next;
          return;
        }
        if (Date.now() > deadline) throw new Error(`port ${port} stayed busy; cannot restart redis-server`);
        await sleep(100);
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      const p = current;
      if (p !== null && p.child.exitCode === null && p.child.signalCode === null) {
        // SIGTERM makes redis shut down cleanly; fall back to SIGKILL if it hangs.
        p.child.kill("SIGTERM");
        const timer = setTimeout(() => p.child.kill("SIGKILL"), 5_000);
        await p.exited;
        clearTimeout(timer);
      }
      current = null;
      if (ownsDir) {
        ownedDirs.delete(dir);
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
  return handle;
}
