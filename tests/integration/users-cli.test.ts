/** `safe-arrival users add --password-stdin` in a real process, with the password piped in (scripted set-up). */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import path from "node:path";
import type { App } from "../../src/app.ts";
import { startRedis, type RedisServerHandle } from "../support/redis-server.ts";
import { startTestApp } from "../support/test-app.ts";
import { DashClient } from "../support/dashboard-client.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PREFIX = "{tcli}";
let redis: RedisServerHandle;
let app: App;

before(async () => {
  redis = await startRedis();
  app = await startTestApp({ redisUrl: redis.url, roles: ["web"], env: { REDIS_PREFIX: PREFIX, NGO_NAME: "Safe Passage" } });
});

after(async () => {
  await app?.stop();
  await redis?.stop();
});

function cli(args: string[], stdin: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "src/main.ts"), "users", ...args], {
      cwd: ROOT,
      env: { ...process.env, REDIS_URL: redis.url, REDIS_PREFIX: PREFIX, LOG_LEVEL: "silent", NGO_NAME: "Safe Passage" },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

test("users add --password-stdin takes the first line of a pipe; refuses an empty pipe and --password with it", { timeout: 60_000 }, async () => {
  const ok = await cli(["add", "piped@example.org", "--role", "admin", "--password-stdin"], "violet kettle mountain 42\n");
  assert.equal(ok.code, 0, ok.stderr);
  assert.match(ok.stdout, /added piped@example.org \(admin/);
  assert.equal((await new DashClient(app).login("piped@example.org", "violet kettle mountain 42")).status, 303);

  const empty = await cli(["add", "empty@example.org", "--role", "admin", "--password-stdin"], "");
  assert.equal(empty.code, 2);
  assert.match(empty.stderr, /no password on standard input/);

  const both = await cli(["add", "both@example.org", "--role", "admin", "--password", "x", "--password-stdin"], "y\n");
  assert.equal(both.code, 2);
  assert.match(both.stderr, /either --password or --password-stdin/);
});
