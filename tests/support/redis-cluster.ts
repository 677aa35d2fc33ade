/**
 * A throwaway 3-master Redis Cluster for integration tests, from redis-server and redis-cli on PATH.
 *
 * Each node gets a free loopback port and a free cluster-bus port (`--cluster-port`, Redis 7), so nothing
 * collides with 6379 or with other suites; `stop()` kills the nodes and removes their directories.
 */
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { findFreePort, pingRedis } from "./redis-server.ts";

const run = promisify(execFile);

export interface RedisClusterHandle {
  readonly ports: readonly number[];
  /** "127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3", the REDIS_CLUSTER_NODES form. */
  readonly nodes: string;
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();
const dirs = new Set<string>();
let hooked = false;

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on("exit", () => {
    for (const child of live) child.kill("SIGKILL");
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startNode(dir: string): Promise<{ port: number; child: ChildProcess }> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const port = await findFreePort();
    const busPort = await findFreePort();
    if (port === 6379 || busPort === port) continue;
    const child = spawn(
      "redis-server",
      [
        "--port", String(port),
        "--bind", "127.0.0.1",
        "--cluster-enabled", "yes",
        "--cluster-port", String(busPort),
        "--cluster-config-file", path.join(dir, `nodes-${port}.conf`),
        "--cluster-node-timeout", "3000",
        "--dir", dir,
        "--save", "",
        "--appendonly", "no",
        "--protected-mode", "no",
        "--daemonize", "no",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    child.stdout?.on("data", (d: Buffer) => (out = (out + d.toString()).slice(-4_000)));
    child.stderr?.on("data", (d: Buffer) => (out = (out + d.toString()).slice(-4_000)));
    live.add(child);
    child.once("exit", () => live.delete(child));
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline && child.exitCode === null) {
      if (await pingRedis(port, 250)) return { port, child };
      await sleep(25);
    }
    child.kill("SIGKILL");
    if (!/address already in use/i.test(out)) throw new Error(`cluster node on ${port} did not start:\n${out}`);
  }
  throw new Error("no free ports for a cluster node");
}

async function clusterState(port: number): Promise<string> {
  const { stdout } = await run("redis-cli", ["-h", "127.0.0.1", "-p", String(port), "cluster", "info"]);
  return /cluster_state:(\w+)/.exec(stdout)?.[1] ?? "unknown";
}

export async function startRedisCluster(size = 3): Promise<RedisClusterHandle> {
  hookExit();
  const dir = await mkdtemp(path.join(os.tmpdir(), "safe-arrival-cluster-"));
  dirs.add(dir);
  const started: { port: number; child: ChildProcess }[] = [];
  const stop = async () => {
    await Promise.all(
      started.map(
        ({ child }) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.kill("SIGKILL");
          }),
      ),
    );
    dirs.delete(dir);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < size; i++) started.push(await startNode(dir));
    const ports = started.map((n) => n.port);
    await run("redis-cli", ["--cluster", "create", ...ports.map((p) => `127.0.0.1:${p}`), "--cluster-replicas", "0", "--cluster-yes"], {
      timeout: 20_000,
    });
    const deadline = Date.now() + 15_000;
    for (;;) {
      const states = await Promise.all(ports.map(clusterState));
      if (states.every((s) => s === "ok")) break;
      if (Date.now() > deadline) throw new Error(`cluster did not reach cluster_state:ok: ${states.join(", ")}`);
      await sleep(100);
    }
    return { ports, nodes: ports.map((p) => `127.0.0.1:${p}`).join(","), stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
