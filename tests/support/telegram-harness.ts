import type { Logger } from "pino";
import type { App, Role } from "../../src/app.ts";
import { startFakeBotApi, type FakeBotApi, type FakeBotApiOptions } from "./fake-bot-api.ts";
import { startRedis, type RedisServerHandle, type StartRedisOptions } from "./redis-server.ts";
import { TelegramDriver } from "./telegram-driver.ts";
import { startTestApp } from "./test-app.ts";

/** What most integration tests stand on: a private redis-server, the fake Bot API, the app, and a driver. */
export interface TelegramHarness {
  redis: RedisServerHandle;
  fake: FakeBotApi;
  app: App;
  bot: TelegramDriver;
}

export async function startTelegramHarness(
  opts: { env?: Record<string, string>; roles?: Role[]; redis?: StartRedisOptions; log?: Logger; fake?: FakeBotApiOptions } = {},
): Promise<TelegramHarness> {
  const redis = await startRedis(opts.redis);
  const fake = await startFakeBotApi(opts.fake);
  const app = await startTestApp({
    redisUrl: redis.url,
    telegram: { apiRoot: fake.apiRoot, token: fake.token },
    ...(opts.env ? { env: opts.env } : {}),
    ...(opts.roles ? { roles: opts.roles } : {}),
    ...(opts.log ? { log: opts.log } : {}),
  });
  return { redis, fake, app, bot: new TelegramDriver(fake) };
}

/** Stops whatever of the harness was started, in reverse order. */
export async function stopTelegramHarness(h: Partial<TelegramHarness>): Promise<void> {
  await h.app?.stop();
  await h.fake?.close();
  await h.redis?.stop();
}

/**
 * A private redis-server and fake Bot API with several apps on them: roles split across processes, or a second
 * app on the same store (`shared`: its Redis prefix and APP_KEY). Stops the apps, then the fake and the server.
 */
export class TelegramAppGroup {
  private readonly apps: App[] = [];

  private constructor(
    readonly redis: RedisServerHandle,
    readonly fake: FakeBotApi,
  ) {}

  static async start(): Promise<TelegramAppGroup> {
    return new TelegramAppGroup(await startRedis(), await startFakeBotApi());
  }

  async app(roles: Role[], env: Record<string, string>, shared?: App): Promise<App> {
    const started = await startTestApp({
      redisUrl: this.redis.url,
      roles,
      telegram: { apiRoot: this.fake.apiRoot, token: this.fake.token },
      env: { ...(shared ? { REDIS_PREFIX: shared.config.REDIS_PREFIX, APP_KEY: shared.config.APP_KEY! } : {}), ...env },
    });
    this.apps.push(started);
    return started;
  }

  async stop(): Promise<void> {
    for (const app of this.apps) await app.stop();
    await this.fake.close();
    await this.redis.stop();
  }
}
