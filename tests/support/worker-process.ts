import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { App } from "../../src/app.ts";
import type { FakeBotApi } from "./fake-bot-api.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const children = new Set<ChildProcess>();
process.on("exit", () => {
  for (const c of children) c.kill("SIGKILL");
});

/**
 * A separate `worker` process, as in production, sharing the test app's key prefix, master key and fake
 * Bot API, so that a test can kill it for real. Fast pacing unless `env` says otherwise.
 */
export function spawnWorker(
  app: App,
  fake: FakeBotApi,
  opts: { redisUrl: string; env?: Record<string, string>; onStdout?: (text: string) => void; role?: "worker" | "bot" },
): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", opts.role ?? "worker"], {
    cwd: ROOT,
    env: {
      ...process.env,
      REDIS_URL: opts.redisUrl,
      REDIS_PREFIX: app.config.REDIS_PREFIX,
      APP_KEY: app.config.APP_KEY!,
      ...(app.config.PROOF_SIGNING_KEY ? { PROOF_SIGNING_KEY: app.config.PROOF_SIGNING_KEY } : {}),
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_RATE_PER_CHAT: "100",
      TELEGRAM_RATE_GLOBAL: "1000",
      MATCHER_WARM_START: "off", // as in test-app.ts
      LOG_LEVEL: "silent",
      PORT: "0",
      ...opts.env,
    },
    stdio: ["ignore", opts.onStdout ? "pipe" : "ignore", "ignore"],
  });
  if (opts.onStdout) child.stdout!.on("data", (chunk: Buffer) => opts.onStdout!(chunk.toString("utf8")));
  children.add(child);
  child.on("exit", () => children.delete(child));
  return child;
}

export function killWorkers(): void {
  for (const c of children) c.kill("SIGKILL");
}
