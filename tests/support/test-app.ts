import { randomBytes } from "node:crypto";
import type { Logger } from "pino";
import { App, type Role } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";
import type { WaSocketFactory } from "../../src/channels/whatsapp/wa-socket.ts";
import type { VisualMatcher } from "../../src/verification/contracts.ts";
import { seedCatalog } from "./seed-catalog.ts";

export interface TestAppOptions {
  redisUrl: string;
  roles?: Role[];
  telegram?: { apiRoot: string; token: string };
  env?: Record<string, string>;
  matcher?: VisualMatcher;
  now?: () => Date;
  /** Where the app logs (default: silent unless TEST_LOG_LEVEL is set). */
  log?: Logger;
  /** The WhatsApp network (a FakeWhatsApp's factory); WhatsApp is on when given. */
  whatsappSocket?: WaSocketFactory;
}

/** A whole app on a private Redis with a random key prefix, so tests never see each other's data. */
export async function startTestApp(opts: TestAppOptions): Promise<App> {
  const config = loadConfig({
    REDIS_URL: opts.redisUrl,
    REDIS_PREFIX: `{t${randomBytes(4).toString("hex")}}`,
    PORT: "0",
    LOG_LEVEL: "silent",
    APP_KEY: randomBytes(32).toString("base64"),
    PROOF_SIGNING_KEY: randomBytes(32).toString("base64"),
    // Tests talk to the bot at machine speed; Telegram's pacing (1 a second per chat) is tested on its own.
    TELEGRAM_RATE_PER_CHAT: "100",
    TELEGRAM_RATE_GLOBAL: "1000",
    // Most test apps never see a photo: their matcher threads load on the first one (warming is tested on its own).
    MATCHER_WARM_START: "off",
    ...(opts.whatsappSocket ? { WHATSAPP_ENABLED: "true", WHATSAPP_NUMBER: "447700900000" } : {}),
    ...(opts.telegram ? { TELEGRAM_BOT_TOKEN: opts.telegram.token, TELEGRAM_API_ROOT: opts.telegram.apiRoot, SANDBOX: "on" } : {}),
    ...opts.env,
  });
  const app = new App(config, opts.log ?? createLogger(process.env.TEST_LOG_LEVEL ?? "silent"), {
    roles: opts.roles ?? ["bot", "worker", "web"],
    matcher: opts.matcher,
    now: opts.now,
    whatsappSocket: opts.whatsappSocket,
  });
  await seedCatalog(app);
  await app.start();
  return app;
}

/** http://127.0.0.1:<port> of an app started with the web role on PORT 0. */
export function baseUrlOf(app: App): string {
  const address = app.web?.fastify.server.address();
  if (!address || typeof address !== "object") throw new Error("the app has no listening web server");
  return `http://127.0.0.1:${address.port}`;
}
