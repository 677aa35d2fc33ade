import { autoRetry } from "@grammyjs/auto-retry";
import { run, sequentialize, type RunnerHandle } from "@grammyjs/runner";
import { Bot } from "grammy";
import type { FastifyInstance } from "fastify";
import type { Logger } from "pino";
import type { Inbound } from "../../conversation/messages.ts";
import { botFileDownloader, toInbound } from "./telegram-inbound.ts";
import { TelegramSender } from "./telegram-sender.ts";
import { registerTelegramWebhook, WEBHOOK_PATH } from "./telegram-webhook.ts";
import type { Keys } from "../../store/keys.ts";
import type { RedisClient } from "../../store/redis.ts";
import type { SendPacer } from "../../store/send-pacer.ts";

export interface TelegramOptions {
  token: string;
  apiRoot: string;
  maxPhotoBytes: number;
  timeoutMs: number;
  webhook?: { url: string; secret: string };
  /** Outbound pacing through Redis (TELEGRAM_RATE_PER_CHAT, TELEGRAM_RATE_GLOBAL); unpaced when absent. */
  pacer?: SendPacer;
}

const COMMANDS = ["start", "help", "contact", "contacts", "trip", "checkin", "status", "cancel", "language", "forget", "checkphoto"];

/** The Telegram transport: updates in (long polling or webhook), rendered messages out. */
export class TelegramChannel {
  readonly bot: Bot;
  readonly sender: TelegramSender;
  private runner?: RunnerHandle;

  constructor(
    private readonly opts: TelegramOptions,
    private readonly log: Logger,
  ) {
    this.bot = new Bot(opts.token, { client: { apiRoot: opts.apiRoot, timeoutSeconds: Math.max(1, Math.round(opts.timeoutMs / 1000)) } });
    this.bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 }));
    this.sender = new TelegramSender(this.bot.api, opts.pacer);
  }

  /** Outbound only (worker processes): bot username needed for invite links. */
  async init(): Promise<void> {
    await this.bot.init();
  }

  get username(): string {
    return this.bot.botInfo.username;
  }

  /** Wires inbound updates to the conversation core. */
  attach(handle: (msg: Inbound) => Promise<void>): void {
    const download = botFileDownloader(this.bot.api, this.opts.apiRoot, this.opts.token);
    // One update at a time per chat, so a photo and a location sent together are seen in order.
    this.bot.use(sequentialize((ctx) => ctx.chat?.id.toString()));
    this.bot.on("callback_query", async (ctx, next) => {
      await ctx.answerCallbackQuery().catch(() => undefined);
      await next();
    });
    this.bot.use(async (ctx) => {
      const inbound = toInbound(ctx, download, this.opts.maxPhotoBytes);
      if (inbound) await handle(inbound);
    });
    this.bot.catch((err) => this.log.error({ err: err.error instanceof Error ? err.error.name : "unknown" }, "telegram update failed"));
  }

  async startPolling(): Promise<void> {
    await this.bot.init();
    await this.bot.api.deleteWebhook();
    await this.bot.api.setMyCommands(COMMANDS.map((command) => ({ command, description: command }))).catch(() => undefined);
    this.runner = run(this.bot, {
      runner: { fetch: { allowed_updates: ["message", "edited_message", "callback_query"] } },
    });
  }

  /** Registers the webhook route on the web app and tells Telegram about it. */
  async startWebhook(app: FastifyInstance, store: { redis: RedisClient; keys: Keys }): Promise<void> {
    const webhook = this.opts.webhook!;
    await this.bot.init();
    registerTelegramWebhook(app, { bot: this.bot, secret: webhook.secret, log: this.log, ...store });
    await this.bot.api.setWebhook(new URL(WEBHOOK_PATH, webhook.url).toString(), {
      secret_token: webhook.secret,
      allowed_updates: ["message", "edited_message", "callback_query"],
    });
  }

  async stop(): Promise<void> {
    if (this.runner?.isRunning()) await this.runner.stop();
  }
}
