import { autoRetry } from "@grammyjs/auto-retry";
import { run, sequentialize, type RunnerHandle } from "@grammyjs/runner";
import { Bot } from "grammy";
import type { FastifyInstance } from "fastify";
import type { Logger } from "pino";
import type { Inbound, Pacer } from "../../ports/messaging.ts";
import { botFileDownloader, toInbound } from "./telegram-inbound.ts";
import { LocalBotApiFiles } from "./telegram-local-files.ts";
import { TelegramSender } from "./telegram-sender.ts";
import type { TelegramInbox } from "./telegram-inbox.ts";
import { OutOfOrderError } from "./telegram-inbox-entry.ts";
import { registerTelegramWebhook, storeAnswers, WEBHOOK_PATH, type UpdateFailure } from "./telegram-webhook.ts";
import { inTurn } from "./telegram-turn-scope.ts";

export interface TelegramOptions {
  token: string;
  apiRoot: string;
  maxPhotoBytes: number;
  /** HTTP client timeout of every Bot API call; config guarantees it exceeds pollTimeoutMs. */
  timeoutMs: number;
  /** Long-poll timeout asked of getUpdates (whole seconds). */
  pollTimeoutMs: number;
  webhook?: { url: string; secret: string };
  /** The Bot API server runs with `--local`: files are read from its disk; `fileDir` is its --dir as mounted here. */
  local?: { fileDir?: string };
  /** Counts an update answered without being handled (ids only reach the log); wired to a Prometheus counter. */
  onUpdateFailed?: (reason: UpdateFailure) => void;
  /** Outbound pacing through Redis (TELEGRAM_RATE_PER_CHAT, TELEGRAM_RATE_GLOBAL); unpaced when absent. */
  pacer?: Pacer;
}

/**
 * Wait before re-polling after a failed or aborted getUpdates. The runner's own "exponential" interval has no
 * cap (and auto-retry's backs off 3 s, 6 s, 12 s, ...), which leaves the bot deaf for longer after each failure;
 * a constant short wait keeps it listening, and one request a second is nothing to the Bot API.
 */
const POLL_RETRY_MS = 1_000;

/**
 * The runner stops for good on 409 (another getUpdates on this token: a second `bot` process, or the one
 * being replaced in a rolling restart) and 401. Telegram answers only the newest poll, so polling again after
 * a pause takes the token back once the other process is gone; a fight with a live one is logged each time.
 */
const CONFLICT_RETRY_MS = 10_000;

/**
 * Pause after a getUpdates before the next one, so that updates gather: Telegram answers a poll as soon as
 * anything is pending, so at tens of updates a second nearly every update cost a getUpdates of its own (an
 * HTTP request, its parsing and an inbox store call). With the pause a poll carries what came in meanwhile;
 * an update waits at most this much longer. A poll that returns 100 updates (the most one carries) goes on
 * at once. (@grammyjs/runner's source: with speedTrafficBalance 1 the pause is maxDelayMilliseconds times
 * tanh of the recent milliseconds per update, i.e. the whole pause unless updates come faster than 1 a ms.)
 */
const POLL_GATHER_MS = 100;

const COMMANDS = ["start", "help", "contact", "contacts", "trip", "checkin", "status", "cancel", "language", "forget", "checkphoto"];

/** The Telegram transport: updates in (long polling or webhook), rendered messages out. */
export class TelegramChannel {
  readonly bot: Bot;
  readonly sender: TelegramSender;
  private runner?: RunnerHandle;
  private stopping = false;
  private restartTimer?: NodeJS.Timeout;
  private inbox?: TelegramInbox;

  constructor(
    private readonly opts: TelegramOptions,
    private readonly log: Logger,
  ) {
    this.bot = new Bot(opts.token, { client: this.clientConfig() });
    const retry = autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 60 });
    // getUpdates is retried by the runner (POLL_RETRY_MS); auto-retry's growing backoff would leave the bot deaf.
    this.bot.api.config.use((prev, method, payload, signal) =>
      method === "getUpdates" ? prev(method, payload, signal) : retry(prev, method, payload, signal),
    );
    this.sender = new TelegramSender(this.bot.api, opts.pacer);
  }

  private clientConfig() {
    return { apiRoot: this.opts.apiRoot, timeoutSeconds: Math.max(1, Math.ceil(this.opts.timeoutMs / 1000)) };
  }

  /** Outbound only (worker processes): bot username needed for invite links. */
  async init(): Promise<void> {
    await this.bot.init();
  }

  get username(): string {
    return this.bot.botInfo.username;
  }

  /** The inbox the webhook or the poller stores updates in (closed with the channel). */
  useInbox(inbox: TelegramInbox): void {
    this.inbox = inbox;
  }

  /**
   * Wires inbound updates to the conversation core, behind the inbox: updates are stored there by the webhook
   * or the poller (of this process or another), and handled here through this bot's middleware. `ping` asks
   * the store whether it answers (Redis's PING): a handler failure while it does not is retried.
   */
  async attach(handle: (msg: Inbound) => Promise<void>, inbox: TelegramInbox, ping: () => Promise<unknown>): Promise<void> {
    this.inbox = inbox;
    const local = this.opts.local ? new LocalBotApiFiles(this.opts.token, this.opts.local.fileDir) : undefined;
    const download = botFileDownloader(this.bot.api, this.opts.apiRoot, this.opts.token, local);
    // One update at a time per chat, so a photo and a location sent together are seen in order.
    this.bot.use(sequentialize((ctx) => ctx.chat?.id.toString()));
    // Inside the chat's sequence: an update whose chat has an earlier one still stored waits for it, and a
    // handled one leaves the chat's order before the sequence lets the next one in.
    this.bot.use(async (ctx, next) => {
      await inbox.inOrder(ctx.update);
      await next();
      await inbox.done(ctx.update);
    });
    this.bot.on("callback_query", async (ctx, next) => {
      await ctx.answerCallbackQuery().catch(() => undefined);
      await next();
    });
    this.bot.use(async (ctx) => {
      const inbound = toInbound(ctx, download, this.opts.maxPhotoBytes);
      if (inbound?.kind === "photo") inbound.locationWaiting = () => inbox.locationWaiting(ctx.update);
      if (inbound) await handle(inbound);
      else this.failed("unusable", ctx.update.update_id);
    });
    await inbox.start(async (update) => {
      try {
        await inTurn(update.update_id, () => this.bot.handleUpdate(update));
      } catch (err) {
        const cause = (err as { error?: unknown }).error ?? err;
        if (cause instanceof OutOfOrderError) throw cause;
        // Redis away: the job is retried. Otherwise a retry would fail the same way: record it and move on.
        if (!(await storeAnswers(ping))) throw err;
        this.failed("handler_error", update.update_id, cause);
        await inbox.done(update);
      }
    });
  }

  /** Records an update that was not handled: ids only, at warn, and counted by reason. */
  private failed(reason: UpdateFailure, updateId?: number, err?: unknown): void {
    const level = reason === "handler_error" ? "error" : "warn";
    this.log[level]({ reason, updateId, err: err instanceof Error ? err.name : undefined }, "telegram update not handled");
    this.opts.onUpdateFailed?.(reason);
  }

  async startPolling(): Promise<void> {
    await this.bot.init();
    await this.bot.api.deleteWebhook();
    await this.bot.api.setMyCommands(COMMANDS.map((command) => ({ command, description: command }))).catch(() => undefined);
    // The poller only stores each update in the inbox: a polling turn ends once its updates are in Redis,
    // and the next getUpdates (which confirms them to Telegram) never waits for a handler or a paced reply.
    const inbox = this.inbox!;
    const poller = new Bot(this.opts.token, { botInfo: this.bot.botInfo, client: this.clientConfig() });
    poller.use((ctx) => inbox.store(ctx.update));
    poller.api.config.use(async (prev, method, payload, signal) => {
      try {
        return await prev(method, payload, signal);
      } catch (err) {
        if (method === "getUpdates" && !signal?.aborted) {
          this.log.warn({ err: (err as Error).name, code: (err as { error_code?: number }).error_code, retryInMs: POLL_RETRY_MS }, "telegram poll failed; polling again");
        }
        throw err;
      }
    });
    poller.catch((err) => this.log.warn({ err: (err.error as Error).name, updateId: err.ctx.update.update_id }, "telegram update not stored"));
    this.runPolling(poller);
  }

  private runPolling(poller: Bot): void {
    const runner = run(poller, {
      source: { speedTrafficBalance: 1, maxDelayMilliseconds: POLL_GATHER_MS },
      runner: {
        fetch: { timeout: Math.round(this.opts.pollTimeoutMs / 1000), allowed_updates: ["message", "edited_message", "callback_query"] },
        retryInterval: POLL_RETRY_MS,
        // The runner otherwise gives up after 15 hours of failures and the bot stays deaf until restarted.
        maxRetryTime: Number.POSITIVE_INFINITY,
        silent: true,
      },
      // With Redis away a store waits in the client's queue until it is back; once this many wait, the runner
      // stops fetching, so nothing more is confirmed to Telegram than is stored or about to be.
      sink: { concurrency: 100 },
    });
    this.runner = runner;
    runner.task()?.catch((err: { error_code?: number; name?: string }) => {
      if (this.stopping) return;
      if (err.error_code === 401) {
        this.log.error({ code: 401 }, "telegram refused the bot token (401): polling stopped; check TELEGRAM_BOT_TOKEN");
        return;
      }
      this.log.error(
        { code: err.error_code, err: err.name, retryInMs: CONFLICT_RETRY_MS },
        err.error_code === 409
          ? "another process is polling this bot token (409): run one polling bot per token, or use the webhook; polling again"
          : "telegram polling stopped; polling again",
      );
      this.restartTimer = setTimeout(() => this.runPolling(poller), CONFLICT_RETRY_MS);
    });
  }

  /** Registers the webhook route on the web app and tells Telegram about it. */
  async startWebhook(app: FastifyInstance): Promise<void> {
    const webhook = this.opts.webhook!;
    const inbox = this.inbox!;
    await this.bot.init();
    await registerTelegramWebhook(app, { secret: webhook.secret, store: ({ update, raw }) => inbox.store(update, { raw }), failed: (reason, id) => this.failed(reason, id) });
    await this.bot.api.setWebhook(new URL(WEBHOOK_PATH, webhook.url).toString(), {
      secret_token: webhook.secret,
      allowed_updates: ["message", "edited_message", "callback_query"],
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    if (this.runner?.isRunning()) await this.runner.stop();
    await this.inbox?.close();
  }
}
