/** What the store-backed commands (landmarks, keys, users) share: an app with no roles, over the configured Redis. */
import type { Logger } from "pino";
import { App } from "../app.ts";
import type { Config } from "../config.ts";
import { ensureLocalRedis } from "../local-redis.ts";
import { redisMode } from "../store/redis.ts";

/** Runs `task` with the app's stores (starting the bundled Redis first in standalone mode), then stops the app. */
export async function withApp<T>(config: Config, log: Logger, task: (app: App) => Promise<T>): Promise<T> {
  if (redisMode(config) === "standalone") await ensureLocalRedis(config, log);
  const app = new App(config, log, { roles: [] });
  try {
    return await task(app);
  } finally {
    await app.stop();
  }
}
