/**
 * In production the app never starts a Redis of its own: an empty local Redis would pass the durability
 * checks and hide that the real one, with everyone's data, is missing. It fails fast, naming REDIS_URL.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { findFreePort } from "../support/redis-server.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

test("NODE_ENV=production with REDIS_URL unreachable: exits non-zero within seconds, names REDIS_URL, starts no redis-server", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "safe-arrival-prod-"));
  try {
    // A redis-server first on PATH that only leaves a mark: whether the app tried to start one is then a fact on disk.
    const bin = path.join(dir, "bin");
    const mark = path.join(dir, "redis-server-started");
    await mkdir(bin);
    await writeFile(path.join(bin, "redis-server"), `#!/bin/sh\ntouch '${mark}'\nexec sleep 30\n`);
    await chmod(path.join(bin, "redis-server"), 0o755);
    const closedPort = await findFreePort();
    const startedAt = Date.now();
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "start"], {
      cwd: ROOT,
      env: {
        PATH: `${bin}:${process.env.PATH ?? ""}`,
        HOME: process.env.HOME ?? "",
        NODE_ENV: "production",
        APP_KEY: randomBytes(32).toString("base64"),
        PROOF_SIGNING_KEY: randomBytes(32).toString("base64"),
        REDIS_URL: `redis://:s3cret@127.0.0.1:${closedPort}`,
        DATA_DIR: path.join(dir, "data"),
        PORT: "0",
        LOG_LEVEL: "silent",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    const killer = setTimeout(() => child.kill("SIGKILL"), 20_000);
    const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
    clearTimeout(killer);
    const took = Date.now() - startedAt;
    assert.notEqual(code, 0, out);
    assert.notEqual(code, null, `killed after 20 s:\n${out}`);
    assert.match(out, /Redis is not reachable at REDIS_URL \(127\.0\.0\.1:\d+\)/);
    assert.match(out, /never starts a Redis of its own/);
    assert.ok(!out.includes("s3cret"), "the message does not print the Redis password");
    assert.equal(existsSync(mark), false, "no redis-server was started");
    assert.equal(existsSync(path.join(dir, "data", "redis")), false, "no local Redis data directory was created");
    // Under tsx on this shared machine start-up alone is a few seconds; the point is: no 5 s wait for a Redis.
    assert.ok(took < 10_000, `took ${took} ms`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
