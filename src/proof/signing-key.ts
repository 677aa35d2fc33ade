import { generateKeyPairSync } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Logger } from "pino";
import { ConfigError, type Config } from "../config.ts";
import { ProofKeys } from "./proof-keys.ts";

/**
 * The confirmation signing keys, kept like APP_KEY: PROOF_SIGNING_KEY in production (refused without it);
 * for a newcomer's `npm start` a key is generated once into DATA_DIR/proof.key (owner-only).
 */
export function resolveProofKeys(
  config: Pick<Config, "PROOF_SIGNING_KEY" | "PROOF_SIGNING_KEY_PREVIOUS" | "NODE_ENV" | "DATA_DIR">,
  log: Logger,
): ProofKeys {
  return ProofKeys.fromText(currentKeyText(config, log), config.PROOF_SIGNING_KEY_PREVIOUS);
}

function currentKeyText(config: Pick<Config, "PROOF_SIGNING_KEY" | "NODE_ENV" | "DATA_DIR">, log: Logger): string {
  if (config.PROOF_SIGNING_KEY) return config.PROOF_SIGNING_KEY;
  if (config.NODE_ENV === "production") {
    throw new ConfigError("PROOF_SIGNING_KEY is required in production: generate one with `openssl rand -base64 32` and keep it safe");
  }
  const file = path.resolve(config.DATA_DIR, "proof.key");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const pkcs8 = generateKeyPairSync("ed25519").privateKey.export({ format: "der", type: "pkcs8" });
  const key = pkcs8.toString("base64");
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  log.warn({ file }, "no PROOF_SIGNING_KEY set: generated a development key; set PROOF_SIGNING_KEY in production");
  return key;
}
