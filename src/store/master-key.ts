import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Logger } from "pino";
import { ConfigError, type Config } from "../config.ts";

/**
 * The master key: APP_KEY in production (refused without it). For a newcomer's `npm start` a key is
 * generated once into DATA_DIR/app.key (owner-only), next to the local Redis data it protects.
 */
export function resolveMasterKey(config: Pick<Config, "APP_KEY" | "NODE_ENV" | "DATA_DIR">, log: Logger): string {
  if (config.APP_KEY) return config.APP_KEY;
  if (config.NODE_ENV === "production") {
    throw new ConfigError("APP_KEY is required in production: generate one with `openssl rand -base64 32` and keep it safe");
  }
  const file = path.resolve(config.DATA_DIR, "app.key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const key = randomBytes(32).toString("base64");
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  log.warn({ file }, "no APP_KEY set: generated a development key; set APP_KEY in production");
  return key;
}
