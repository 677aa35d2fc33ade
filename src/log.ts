import pino, { type Logger } from "pino";

/**
 * Field names that could carry personal data or secrets are censored wherever they appear, as a net
 * under the rule that log calls pass ids and codes only.
 */
export const REDACT_PATHS = [
  "token", "*.token", "name", "*.name", "displayName", "*.displayName", "text", "*.text",
  "lat", "*.lat", "lon", "*.lon", "latitude", "*.latitude", "longitude", "*.longitude",
  "phone", "*.phone", "photo", "*.photo", "caption", "*.caption", "req.headers.authorization",
  'req.headers["x-telegram-bot-api-secret-token"]', "req.headers.cookie",
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options = { level, redact: { paths: REDACT_PATHS, censor: "[redacted]" }, base: { app: "safe-arrival" } };
  return destination ? pino(options, destination) : pino(options);
}
