/**
 * A local stand-in for the Telegram Bot API, spoken to through grammY's real
 * HTTP client: `new Bot(fake.token, { client: { apiRoot: fake.apiRoot } })`.
 *
 * It keeps just enough state (users, messages, files, update queue) for the
 * results to look like Telegram's and for edits/deletes/callbacks to refer to
 * real earlier messages. Where the bot's behaviour depends on it, it behaves as
 * the real server; each behaviour and where it was checked ("Client.cpp" etc. are
 * files of github.com/tdlib/telegram-bot-api, the Bot API server's source; "docs" is
 * core.telegram.org/bots/api):
 *
 * - getUpdates holds the request for the whole `timeout` asked (clamped to 50 s,
 *   Client.h LONG_POLL_MAX_TIMEOUT) and answers at once when an update arrives;
 *   `offset` confirms earlier updates, `limit` is 1..100 (docs #getupdates;
 *   Client::process_get_updates_query, do_get_updates).
 * - A getUpdates that is about to wait ends the older waiting one with 409
 *   "Conflict: terminated by other getUpdates request; make sure that only one bot
 *   instance is running" (Client::abort_long_poll): the older request gets the 409,
 *   the newer one carries on. setWebhook ends it with "Conflict: terminated by
 *   setWebhook request"; getUpdates with a webhook set is 409 "Conflict: can't use
 *   getUpdates method while webhook is active; use deleteWebhook to delete the
 *   webhook first" (process_get_updates_query).
 * - Webhook: updates POSTed with X-Telegram-Bot-Api-Secret-Token (docs #setwebhook);
 *   any non-2xx is re-sent, at once and then after 2, 4, 8 ... s up to 60..120 s or
 *   Retry-After, per chat, holding that chat's later updates behind it, for up to a
 *   day (WebhookActor.cpp; see fake-bot-api/webhook-delivery.ts).
 * - Errors: `{ ok: false, error_code, description, parameters? }` (docs "Making
 *   requests"); 400 "Bad Request: message is too long" over 4096 characters of text,
 *   "Bad Request: message caption is too long" over 1024 of caption (docs
 *   #sendmessage, #sendphoto; counted here in UTF-16 code units, never fewer than
 *   Telegram's characters), 403 "Forbidden: bot was blocked by the user" (Client.cpp
 *   USER_IS_BLOCKED), 429 "Too Many Requests: retry after N" with
 *   parameters.retry_after (Client::get_retry_after_time), 401 "Unauthorized" for a
 *   token Telegram refuses, 404 "Not Found" for an unknown method (as
 *   api.telegram.org answers; the self-hosted server says "Not Found: method not
 *   found", Client.cpp), 400 "Bad Request: file is too big" from getFile over 20 MB
 *   (Client.h MAX_DOWNLOAD_FILE_SIZE). Canned bodies: fake-bot-api/errors.ts.
 * - `--local` mode (README "local mode"; Client::json_store_file): getFile gives the
 *   absolute path on the server's disk (`<dir>/<token, ':' as '~'>/...`), no 20 MB
 *   limit, and no /file/ download route.
 * - Message shapes: a venue also carries `location`; forwarded messages carry
 *   `forward_origin`; messages sent through an inline bot carry `via_bot`; a live
 *   location's updates come as edited_message (docs #message, #venue, #location).
 *
 * Kinder than the real server, on purpose: no flood limits unless injected with
 * failNext (see telegramErrors), and no minimum 3 s timeout for a repeated
 * getUpdates with the same offset (process_get_updates_query).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import type { AddressInfo, Socket } from "node:net";
import { coerceFormValue, isUploadedFile, parseMultipart, resolveAttachments } from "./fake-bot-api/body-parsing.ts";
import { ApiError, badRequest, notModified } from "./fake-bot-api/errors.ts";
import { sniffImageSize } from "./fake-bot-api/images.ts";
import { WebhookDeliverer, type WebhookDelivery, type WebhookTarget } from "./fake-bot-api/webhook-delivery.ts";

export { parseMultipart } from "./fake-bot-api/body-parsing.ts";
export { telegramErrors } from "./fake-bot-api/errors.ts";
export { sniffImageSize } from "./fake-bot-api/images.ts";

export type { WebhookDelivery } from "./fake-bot-api/webhook-delivery.ts";

export interface FakeUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export interface UploadedFile {
  filename: string;
  bytes: Buffer;
  contentType?: string;
}

export type CallOutcome = "pending" | "ok" | "error" | "timeout";

export interface RecordedCall {
  /** Monotonic sequence number; compare with mark() to look only at later calls. */
  seq: number;
  method: string;
  token: string;
  /** Decoded parameters. Uploaded files appear as UploadedFile. */
  params: Record<string, any>;
  /** Date.now() when the request arrived. */
  at: number;
  /** Date.now() when the answer was sent or the client went away; undefined while open. */
  endedAt?: number;
  /** How the fake answered; "pending" while a long poll or an injected timeout is open. */
  outcome: CallOutcome;
  /** The `result` (ok) or error body sent back. */
  response?: unknown;
}

export type FaultResponse = { status: number; body: unknown } | "timeout";

export interface FakeFile {
  file_id: string;
  file_unique_id: string;
  file_size: number;
  file_path: string;
  bytes: Buffer;
}

export interface ForwardSpec {
  /** Original author; defaults to a made-up third person. */
  sender?: FakeUser;
  /** Unix seconds of the original message; defaults to one hour before now. */
  date?: number;
  /** The original author hides their account: forward_origin is "hidden_user". */
  hidden?: boolean;
}

export interface BuiltUpdate {
  update: Record<string, any>;
  update_id: number;
  message_id: number;
}

export interface FakeBotApiOptions {
  /** getMe username (default "safe_arrival_test_bot"). */
  username?: string;
  /** Token handed out as `fake.token`; any token is accepted unless acceptedTokens is set. */
  token?: string;
  /** Only these tokens are authorised; others get Telegram's 401. */
  acceptedTokens?: string[];
  /**
   * Upper bound for a getUpdates long poll. Default: none below Telegram's own 50 s maximum, so each poll is
   * held for the whole `timeout` the bot asks (as the real server does); lower it only for tests of the fake.
   */
  longPollCapMs?: number;
  /** Sending to a chat that never wrote to the bot fails like Telegram ("chat not found"). */
  strictChats?: boolean;
  /**
   * A self-hosted server run with `--local` (tdlib/telegram-bot-api README): files live on disk under
   * `<dir>/<token, ':' as '~'>/`, getFile answers the absolute path (as `serverDir`, the server's --dir, which
   * defaults to `dir`: set it to test a bot that sees the volume elsewhere), has no 20 MB limit, and there is
   * no /file/ download route.
   */
  local?: { dir: string; serverDir?: string };
  /** Length of one "second" of the webhook re-send schedule (default 1000); tests shorten it. */
  webhookDelayUnitMs?: number;
  /** Clock in ms for message dates, so tests using a fake clock get matching dates. */
  now?: () => number;
}

/** telegram-bot-api Client.h LONG_POLL_MAX_TIMEOUT: a larger getUpdates `timeout` is clamped to this. */
const LONG_POLL_MAX_TIMEOUT_SEC = 50;

/** Telegram's download limit for bots on the public Bot API server. */
export const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

const DEFAULT_TOKEN = "1234567890:AAFakeTokenForSafeArrivalTests_012345";

// ---------------------------------------------------------------------------

interface PendingPoll {
  res: http.ServerResponse;
  call: RecordedCall;
  offset: number | undefined;
  limit: number;
  timer: NodeJS.Timeout;
}

interface CallWaiter {
  predicate: (c: RecordedCall) => boolean;
  resolve: (c: RecordedCall) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

export class FakeBotApi {
  readonly apiRoot: string;
  readonly token: string;
  readonly username: string;

  private readonly server: http.Server;
  private readonly sockets = new Set<Socket>();
  private readonly opts: FakeBotApiOptions;
  private readonly recorded: RecordedCall[] = [];
  private readonly waiters = new Set<CallWaiter>();
  private readonly faults = new Map<string, FaultResponse[]>();
  private updates: Record<string, any>[] = [];
  private poll: PendingPoll | undefined;
  private readonly files = new Map<string, FakeFile>();
  private readonly filesByPath = new Map<string, FakeFile>();
  /** Messages keyed by `${chatId}:${messageId}`, so edits/deletes/callbacks can find them. */
  private readonly messages = new Map<string, Record<string, any>>();
  private readonly users = new Map<number, FakeUser>();
  private readonly blocked = new Set<string>();
  private webhook: WebhookTarget | undefined;
  private readonly webhookDeliverer: WebhookDeliverer;
  private seq = 0;
  private nextUpdateId = 1;
  private nextMessageId = 100;
  private nextFileNo = 1;
  private nextCallbackId = 1;
  private closed = false;

  private constructor(server: http.Server, port: number, opts: FakeBotApiOptions) {
    this.server = server;
    this.opts = opts;
    this.apiRoot = `http://127.0.0.1:${port}`;
    this.token = opts.token ?? DEFAULT_TOKEN;
    this.username = opts.username ?? "safe_arrival_test_bot";
    this.webhookDeliverer = new WebhookDeliverer(
      () => this.updates,
      (id) => (this.updates = this.updates.filter((u) => u.update_id !== id)),
      () => this.webhook,
      opts.webhookDelayUnitMs ?? 1_000,
    );
  }

  /** Every webhook POST the fake made, with the status it got (0: no answer). */
  get webhookDeliveries(): readonly WebhookDelivery[] {
    return this.webhookDeliverer.deliveries;
  }

  static async start(opts: FakeBotApiOptions = {}): Promise<FakeBotApi> {
    let fake: FakeBotApi | undefined;
    const server = http.createServer((req, res) => {
      void fake!.handle(req, res);
    });
    // Long polls must not be cut by Node's default request timeout.
    server.requestTimeout = 0;
    server.headersTimeout = 0;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    fake = new FakeBotApi(server, port, opts);
    server.on("connection", (s) => {
      fake!.sockets.add(s);
      s.on("close", () => fake!.sockets.delete(s));
    });
    return fake;
  }

  /** The bot's own id, taken from the token like Telegram does. */
  get botId(): number {
    const n = Number(this.token.split(":")[0]);
    return Number.isFinite(n) ? n : 1;
  }

  get botUser(): Record<string, any> {
    return { id: this.botId, is_bot: true, first_name: "SafeArrival Test", username: this.username };
  }

  fileUrl(filePath: string, token = this.token): string {
    return `${this.apiRoot}/file/bot${token}/${filePath}`;
  }

  // -------------------------------------------------------------------------
  // Inspection

  calls(method?: string): RecordedCall[] {
    return method === undefined ? [...this.recorded] : this.recorded.filter((c) => c.method === method);
  }

  /** Sequence number of the latest call; `waitForCall(c => c.seq > mark && ...)` ignores earlier ones. */
  mark(): number {
    return this.seq;
  }

  /**
   * Resolves with the first recorded call (past or future) matching. A string
   * matches by method name. Rejects after timeoutMs, listing what was seen.
   */
  waitForCall(predicate: string | ((c: RecordedCall) => boolean), timeoutMs = 5_000): Promise<RecordedCall> {
    const pred = typeof predicate === "string" ? (c: RecordedCall) => c.method === predicate : predicate;
    const past = this.recorded.find(pred);
    if (past) return Promise.resolve(past);
    if (this.closed) return Promise.reject(new Error("FakeBotApi is closed"));
    return new Promise<RecordedCall>((resolve, reject) => {
      const waiter: CallWaiter = {
        predicate: pred,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters.delete(waiter);
          const seen = this.recorded
            .filter((c) => c.method !== "getUpdates")
            .slice(-10)
            .map((c) => `${c.method}(${JSON.stringify(c.params, (_k, v: unknown) => (isUploadedFile(v) ? `<file ${v.filename}>` : v))})`)
            .join("\n  ");
          reject(new Error(`no matching Bot API call within ${timeoutMs} ms; last calls:\n  ${seen || "(none)"}`));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
    });
  }

  /** Successful sendMessage/sendPhoto calls to a chat, in order. */
  sentTo(chatId: number | string): RecordedCall[] {
    return this.recorded.filter(
      (c) =>
        (c.method === "sendMessage" || c.method === "sendPhoto") &&
        c.outcome === "ok" &&
        String(c.params.chat_id) === String(chatId),
    );
  }

  /** Text (or photo caption) of the latest message sent to a chat. */
  lastTextTo(chatId: number | string): string | undefined {
    const last = this.sentTo(chatId).at(-1);
    if (!last) return undefined;
    return (last.params.text ?? last.params.caption) as string | undefined;
  }

  /** Current state of a message (after edits), or undefined if unknown or deleted. */
  message(chatId: number | string, messageId: number): Record<string, any> | undefined {
    return this.messages.get(`${chatId}:${messageId}`);
  }

  /** Updates pushed but not yet confirmed by a later getUpdates offset. */
  pendingUpdates(): number {
    return this.updates.length;
  }

  // -------------------------------------------------------------------------
  // Behaviour control

  /**
   * The next `count` calls of `method` ("*" for any except getUpdates) get this
   * response instead of the normal one. "timeout" never answers until close().
   */
  failNext(method: string, response: FaultResponse, count = 1): void {
    const list = this.faults.get(method) ?? [];
    for (let i = 0; i < count; i++) list.push(response);
    this.faults.set(method, list);
  }

  /** Make sends to this chat fail with 403 as when the user blocked the bot. */
  block(chatId: number | string, blocked = true): void {
    if (blocked) this.blocked.add(String(chatId));
    else this.blocked.delete(String(chatId));
  }

  /** Make a user known (as if they had pressed Start) without pushing an update. */
  registerUser(user: FakeUser): void {
    this.users.set(user.id, user);
  }

  addFile(bytes: Buffer, opts: { size?: number; ext?: string; dir?: string } = {}): { file_id: string; file_unique_id: string; file_size: number } {
    const n = this.nextFileNo++;
    const file: FakeFile = {
      file_id: `AgACAgFake${String(n).padStart(6, "0")}`,
      file_unique_id: `AQADFake${n}`,
      file_size: opts.size ?? bytes.length,
      file_path: `${opts.dir ?? "photos"}/file_${n}.${opts.ext ?? "jpg"}`,
      bytes,
    };
    if (this.opts.local) {
      const botDir = this.token.replace(/:/g, "~");
      mkdirSync(path.join(this.opts.local.dir, botDir, path.dirname(file.file_path)), { recursive: true });
      writeFileSync(path.join(this.opts.local.dir, botDir, file.file_path), bytes);
      file.file_path = path.posix.join(this.opts.local.serverDir ?? this.opts.local.dir, botDir, file.file_path);
    }
    this.files.set(file.file_id, file);
    this.filesByPath.set(file.file_path, file);
    return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size };
  }

  /** The bytes behind a file_id (uploaded by the bot or added by the test). */
  fileBytes(fileId: string): Buffer | undefined {
    return this.files.get(fileId)?.bytes;
  }

  // -------------------------------------------------------------------------
  // Updates from users

  pushUpdate(update: Record<string, any>): number {
    if (typeof update.update_id !== "number") update.update_id = this.nextUpdateId++;
    else this.nextUpdateId = Math.max(this.nextUpdateId, update.update_id + 1);
    this.updates.push(update);
    this.flushPoll();
    this.webhookDeliverer.pump();
    return update.update_id as number;
  }

  text(from: FakeUser, text: string, opts: { date?: number; forwarded?: boolean | ForwardSpec } = {}): BuiltUpdate {
    const extra: Record<string, any> = { text };
    const cmd = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
    if (cmd) extra.entities = [{ type: "bot_command", offset: 0, length: cmd[0].length }];
    return this.pushMessage(from, extra, opts);
  }

  photo(
    from: FakeUser,
    bytes: Buffer,
    opts: { forwarded?: boolean | ForwardSpec; caption?: string; date?: number; width?: number; height?: number; viaBot?: string } = {},
  ): BuiltUpdate {
    const extra: Record<string, any> = { photo: this.photoSizes(bytes, opts.width, opts.height) };
    if (opts.caption !== undefined) extra.caption = opts.caption;
    return this.pushMessage(from, extra, opts);
  }

  document(
    from: FakeUser,
    bytes: Buffer,
    opts: { fileName: string; mimeType: string; forwarded?: boolean | ForwardSpec; caption?: string; date?: number; size?: number },
  ): BuiltUpdate {
    const ext = /\.([A-Za-z0-9]+)$/.exec(opts.fileName)?.[1] ?? "dat";
    const f = this.addFile(bytes, { dir: "documents", ext, ...(opts.size !== undefined ? { size: opts.size } : {}) });
    const extra: Record<string, any> = {
      document: { file_id: f.file_id, file_unique_id: f.file_unique_id, file_size: f.file_size, file_name: opts.fileName, mime_type: opts.mimeType },
    };
    if (opts.caption !== undefined) extra.caption = opts.caption;
    return this.pushMessage(from, extra, opts);
  }

  location(
    from: FakeUser,
    loc: {
      latitude: number;
      longitude: number;
      horizontal_accuracy?: number;
      live_period?: number;
      heading?: number;
      forwarded?: boolean | ForwardSpec;
      date?: number;
      /** Username of an inline bot the location was sent through (via_bot). */
      viaBot?: string;
    },
  ): BuiltUpdate {
    const { forwarded, date, viaBot, ...location } = loc;
    return this.pushMessage(from, { location }, { forwarded, date, viaBot });
  }

  venue(
    from: FakeUser,
    v: { latitude: number; longitude: number; title: string; address: string; google_place_id?: string; foursquare_id?: string; forwarded?: boolean | ForwardSpec; date?: number },
  ): BuiltUpdate {
    const { forwarded, date, latitude, longitude, ...rest } = v;
    // Telegram sends a venue with a duplicate top-level location, which is why
    // handlers that only look at message.location also see venues.
    return this.pushMessage(from, { venue: { location: { latitude, longitude }, ...rest }, location: { latitude, longitude } }, { forwarded, date });
  }

  /** A live-location update: the original message edited, delivered as edited_message. */
  editedLiveLocation(
    from: FakeUser,
    messageId: number,
    loc: { latitude: number; longitude: number; horizontal_accuracy?: number; heading?: number; live_period?: number; edit_date?: number },
  ): BuiltUpdate {
    const key = `${from.id}:${messageId}`;
    const original = this.messages.get(key);
    const { edit_date, ...location } = loc;
    const livePeriod = location.live_period ?? original?.location?.live_period;
    const message: Record<string, any> = {
      ...(original ?? { message_id: messageId, from: this.userObject(from), chat: this.chatOf(from.id), date: this.nowSec() }),
      location: { ...location, ...(livePeriod !== undefined ? { live_period: livePeriod } : {}) },
      edit_date: edit_date ?? this.nowSec(),
    };
    this.messages.set(key, message);
    const update: Record<string, any> = { edited_message: message };
    const update_id = this.pushUpdate(update);
    return { update, update_id, message_id: messageId };
  }

  /**
   * A button press. `message` is the message carrying the keyboard: a message
   * object, a message_id in the user's chat, or by default the latest message
   * the bot sent to that user.
   */
  callback(from: FakeUser, data: string, message?: Record<string, any> | number): BuiltUpdate & { callback_query_id: string } {
    this.users.set(from.id, from);
    let msg: Record<string, any> | undefined;
    if (typeof message === "number") msg = this.messages.get(`${from.id}:${message}`);
    else if (message) msg = message;
    else {
      const last = this.sentTo(from.id).at(-1);
      const result = last?.response as Record<string, any> | undefined;
      if (result?.message_id !== undefined) msg = this.messages.get(`${from.id}:${result.message_id}`) ?? result;
    }
    msg ??= {
      message_id: typeof message === "number" ? message : this.nextMessageId++,
      from: this.botUser,
      chat: this.chatOf(from.id),
      date: this.nowSec(),
      text: "(keyboard)",
    };
    const callback_query_id = String(9_000_000_000 + this.nextCallbackId++);
    const update: Record<string, any> = {
      callback_query: {
        id: callback_query_id,
        from: this.userObject(from),
        message: msg,
        chat_instance: `-${from.id}77`,
        data,
      },
    };
    const update_id = this.pushUpdate(update);
    return { update, update_id, message_id: msg.message_id as number, callback_query_id };
  }

  // -------------------------------------------------------------------------

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.reject(new Error("FakeBotApi closed"));
    }
    this.waiters.clear();
    this.webhookDeliverer.close();
    if (this.poll) clearTimeout(this.poll.timer);
    this.poll = undefined;
    const done = new Promise<void>((resolve) => this.server.close(() => resolve()));
    // Hanging long polls and injected timeouts hold sockets open; cut them so
    // close() (and the test) does not wait for them.
    this.server.closeAllConnections();
    for (const s of this.sockets) s.destroy();
    await done;
  }

  // -------------------------------------------------------------------------
  // HTTP plumbing

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.apiRoot);
    const fileMatch = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (fileMatch && (req.method === "GET" || req.method === "HEAD")) {
      req.resume();
      const file = this.filesByPath.get(decodeURIComponent(fileMatch[2]!));
      if (!file || !this.tokenOk(fileMatch[1]!) || this.opts.local) {
        this.sendJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
        return;
      }
      res.writeHead(200, { "content-type": "application/octet-stream", "content-length": file.bytes.length });
      res.end(req.method === "HEAD" ? undefined : file.bytes);
      return;
    }
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!m || (req.method !== "POST" && req.method !== "GET")) {
      req.resume();
      this.sendJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
      return;
    }
    const token = m[1]!;
    const method = m[2]!;

    let params: Record<string, any>;
    try {
      params = await this.readParams(req, url);
    } catch (err) {
      const e = err instanceof ApiError ? err : badRequest(String(err));
      this.sendJson(res, e.status, e.body());
      return;
    }

    const call: RecordedCall = { seq: ++this.seq, method, token, params, at: Date.now(), outcome: "pending" };
    this.recorded.push(call);
    try {
      this.respond(res, call);
    } finally {
      // Waiters see a call once its outcome is decided (or, for a long poll or
      // injected timeout, once it is known to be hanging), never half-built.
      this.notify(call);
    }
  }

  private respond(res: http.ServerResponse, call: RecordedCall): void {
    const { method, token, params } = call;

    if (!this.tokenOk(token)) {
      this.fail(res, call, new ApiError(401, "Unauthorized"));
      return;
    }

    const fault = this.takeFault(method);
    if (fault === "timeout") {
      // Left unanswered on purpose; close() destroys the socket.
      call.outcome = "timeout";
      return;
    }
    if (fault) {
      call.outcome = "error";
      call.endedAt = Date.now();
      call.response = fault.body;
      if (typeof fault.body === "string") {
        // A proxy in front of Telegram answers with HTML, not JSON.
        res.writeHead(fault.status, { "content-type": "text/html", "content-length": Buffer.byteLength(fault.body) });
        res.end(fault.body);
      } else {
        this.sendJson(res, fault.status, fault.body);
      }
      return;
    }

    if (method === "getUpdates") {
      this.getUpdates(res, call);
      return;
    }
    try {
      const result = this.dispatch(method, params);
      call.outcome = "ok";
      call.endedAt = Date.now();
      call.response = result;
      this.sendJson(res, 200, { ok: true, result });
    } catch (err) {
      if (err instanceof ApiError) this.fail(res, call, err);
      else this.fail(res, call, new ApiError(500, `Internal Server Error: ${String(err)}`));
    }
  }

  private tokenOk(token: string): boolean {
    return this.opts.acceptedTokens === undefined || this.opts.acceptedTokens.includes(token);
  }

  private fail(res: http.ServerResponse, call: RecordedCall, err: ApiError): void {
    call.outcome = "error";
    call.endedAt = Date.now();
    call.response = err.body();
    this.sendJson(res, err.status, err.body());
  }

  private sendJson(res: http.ServerResponse, status: number, body: unknown): void {
    if (res.writableEnded || res.destroyed) return;
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
    res.end(text);
  }

  private async readParams(req: http.IncomingMessage, url: URL): Promise<Record<string, any>> {
    const params: Record<string, any> = {};
    for (const [k, v] of url.searchParams) params[k] = coerceFormValue(k, v);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    if (body.length === 0) return params;
    const type = (req.headers["content-type"] ?? "").toLowerCase();
    if (type.startsWith("application/json")) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString("utf8"));
      } catch {
        throw badRequest("can't parse JSON body");
      }
      if (parsed === null || typeof parsed !== "object") throw badRequest("JSON body must be an object");
      return { ...params, ...(parsed as Record<string, unknown>) };
    }
    if (type.startsWith("application/x-www-form-urlencoded")) {
      for (const [k, v] of new URLSearchParams(body.toString("utf8"))) params[k] = coerceFormValue(k, v);
      return params;
    }
    if (type.startsWith("multipart/form-data")) {
      const { fields, files } = parseMultipart(body, req.headers["content-type"] ?? "");
      const used = new Set<string>();
      for (const [k, v] of fields) params[k] = resolveAttachments(coerceFormValue(k, v), files, used);
      // Parts sent directly under the parameter name (curl -F photo=@x.jpg style).
      for (const [k, f] of files) if (!used.has(k)) params[k] = f;
      return params;
    }
    throw badRequest(`unsupported content type ${type || "(none)"}`);
  }

  private takeFault(method: string): FaultResponse | undefined {
    for (const key of [method, method === "getUpdates" ? undefined : "*"]) {
      if (key === undefined) continue;
      const list = this.faults.get(key);
      if (list && list.length > 0) {
        const f = list.shift()!;
        if (list.length === 0) this.faults.delete(key);
        return f;
      }
    }
    return undefined;
  }

  private notify(call: RecordedCall): void {
    for (const w of [...this.waiters]) {
      if (w.predicate(call)) {
        clearTimeout(w.timer);
        this.waiters.delete(w);
        w.resolve(call);
      }
    }
  }

  // -------------------------------------------------------------------------
  // getUpdates

  private getUpdates(res: http.ServerResponse, call: RecordedCall): void {
    if (this.webhook) {
      this.fail(res, call, new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"));
      return;
    }
    const p = call.params;
    const offset = typeof p.offset === "number" ? p.offset : undefined;
    const limit = Math.min(Math.max(typeof p.limit === "number" ? p.limit : 100, 1), 100);
    const timeoutSec = typeof p.timeout === "number" ? p.timeout : 0;
    if (offset !== undefined && offset > 0) this.updates = this.updates.filter((u) => (u.update_id as number) >= offset);

    const available = this.selectUpdates(offset, limit);
    // The server clamps `timeout` to LONG_POLL_MAX_TIMEOUT (50 s) and holds the poll that long when no update is
    // waiting (Client::process_get_updates_query / do_get_updates).
    const waitMs = Math.min(Math.min(Math.max(timeoutSec, 0), LONG_POLL_MAX_TIMEOUT_SEC) * 1000, this.opts.longPollCapMs ?? Infinity);
    if (available.length > 0 || waitMs <= 0) {
      this.answerPoll(res, call, available);
      return;
    }
    // Only a poll that is about to wait ends the older waiting one, with 409 (Client::abort_long_poll); this is
    // how two running bot instances show up in production. The newer poll carries on.
    this.abortPoll("Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
    const poll: PendingPoll = {
      res,
      call,
      offset,
      limit,
      timer: setTimeout(() => {
        if (this.poll === poll) this.poll = undefined;
        this.answerPoll(res, call, this.selectUpdates(offset, limit));
      }, waitMs),
    };
    this.poll = poll;
    // grammY aborts the poll on bot.stop(); forget it so no update is "sent" into a dead socket.
    res.on("close", () => {
      if (this.poll === poll) {
        clearTimeout(poll.timer);
        this.poll = undefined;
        if (call.outcome === "pending") {
          call.outcome = "error";
          call.endedAt = Date.now();
          this.notify(call);
        }
      }
    });
  }

  /** Ends the waiting long poll, if any, with a 409 Conflict worded as the server words it. */
  private abortPoll(description: string): void {
    const old = this.poll;
    if (!old) return;
    this.poll = undefined;
    clearTimeout(old.timer);
    this.fail(old.res, old.call, new ApiError(409, description));
    this.notify(old.call);
  }

  private selectUpdates(offset: number | undefined, limit: number): Record<string, any>[] {
    if (offset !== undefined && offset < 0) return this.updates.slice(offset).slice(0, limit);
    return this.updates.filter((u) => offset === undefined || (u.update_id as number) >= offset).slice(0, limit);
  }

  private answerPoll(res: http.ServerResponse, call: RecordedCall, updates: Record<string, any>[]): void {
    const wasPending = call.outcome === "pending";
    call.outcome = "ok";
    call.endedAt = Date.now();
    call.response = updates;
    this.sendJson(res, 200, { ok: true, result: updates });
    if (wasPending) this.notify(call);
  }

  private flushPoll(): void {
    const poll = this.poll;
    if (!poll) return;
    const available = this.selectUpdates(poll.offset, poll.limit);
    if (available.length === 0) return;
    this.poll = undefined;
    clearTimeout(poll.timer);
    this.answerPoll(poll.res, poll.call, available);
  }


  // -------------------------------------------------------------------------
  // Methods

  private dispatch(method: string, p: Record<string, any>): unknown {
    switch (method) {
      case "getMe":
        return {
          ...this.botUser,
          can_join_groups: true,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
          can_connect_to_business: false,
          has_main_web_app: false,
        };
      case "sendMessage": {
        const chatId = this.requireChat(p);
        const text = p.text === undefined || p.text === null ? "" : String(p.text);
        if (text.trim() === "") throw badRequest("message text is empty");
        if (text.length > 4096) throw badRequest("message is too long");
        this.checkMarkup(p.reply_markup);
        return this.storeBotMessage(chatId, {
          text,
          ...(Array.isArray(p.entities) ? { entities: p.entities } : {}),
          ...this.markupField(p.reply_markup),
        });
      }
      case "sendPhoto": {
        const chatId = this.requireChat(p);
        this.checkCaption(p.caption);
        this.checkMarkup(p.reply_markup);
        const photo = this.fileParam(p.photo, "photo");
        return this.storeBotMessage(chatId, {
          photo: photo.upload ? this.photoSizes(photo.upload.bytes) : this.photoSizesFor(photo.file!),
          ...(p.caption !== undefined ? { caption: String(p.caption) } : {}),
          ...this.markupField(p.reply_markup),
        });
      }
      case "sendDocument": {
        const chatId = this.requireChat(p);
        this.checkCaption(p.caption);
        this.checkMarkup(p.reply_markup);
        const doc = this.fileParam(p.document, "document");
        let file: FakeFile;
        let fileName: string;
        if (doc.upload) {
          const ext = /\.([A-Za-z0-9]+)$/.exec(doc.upload.filename)?.[1] ?? "dat";
          file = this.files.get(this.addFile(doc.upload.bytes, { dir: "documents", ext }).file_id)!;
          fileName = doc.upload.filename;
        } else {
          file = doc.file!;
          fileName = file.file_path.split("/").pop()!;
        }
        return this.storeBotMessage(chatId, {
          document: { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size, file_name: fileName, mime_type: "application/octet-stream" },
          ...(p.caption !== undefined ? { caption: String(p.caption) } : {}),
          ...this.markupField(p.reply_markup),
        });
      }
      case "editMessageText": {
        if (p.inline_message_id !== undefined) return true;
        const msg = this.editable(p);
        const text = p.text === undefined || p.text === null ? "" : String(p.text);
        if (text.trim() === "") throw badRequest("message text is empty");
        if (text.length > 4096) throw badRequest("message is too long");
        if (msg.text === undefined) throw badRequest("there is no text in the message to edit");
        this.checkMarkup(p.reply_markup);
        const markup = this.markupField(p.reply_markup);
        if (msg.text === text && JSON.stringify(msg.reply_markup) === JSON.stringify(markup.reply_markup)) throw notModified();
        msg.text = text;
        if (Array.isArray(p.entities)) msg.entities = p.entities;
        else delete msg.entities;
        if (markup.reply_markup) msg.reply_markup = markup.reply_markup;
        else delete msg.reply_markup;
        msg.edit_date = this.nowSec();
        return { ...msg };
      }
      case "editMessageReplyMarkup": {
        if (p.inline_message_id !== undefined) return true;
        const msg = this.editable(p);
        this.checkMarkup(p.reply_markup);
        const markup = this.markupField(p.reply_markup);
        if (JSON.stringify(msg.reply_markup) === JSON.stringify(markup.reply_markup)) throw notModified();
        if (markup.reply_markup) msg.reply_markup = markup.reply_markup;
        else delete msg.reply_markup;
        msg.edit_date = this.nowSec();
        return { ...msg };
      }
      case "deleteMessage": {
        const chatId = this.requireChat(p);
        const key = `${chatId}:${p.message_id}`;
        if (!this.messages.has(key)) throw badRequest("message to delete not found");
        this.messages.delete(key);
        return true;
      }
      case "answerCallbackQuery": {
        if (p.callback_query_id === undefined) throw badRequest("query_id is empty");
        if (p.text !== undefined && String(p.text).length > 200) throw badRequest("MESSAGE_TOO_LONG");
        return true;
      }
      case "sendChatAction":
        this.requireChat(p);
        return true;
      case "setMyCommands":
      case "deleteMyCommands":
      case "setMyDescription":
      case "setMyShortDescription":
      case "setChatMenuButton":
        return true;
      case "getMyCommands":
        return [];
      case "setWebhook": {
        const url = p.url === undefined ? "" : String(p.url);
        if (url === "") {
          this.webhook = undefined;
          return true;
        }
        this.abortPoll("Conflict: terminated by setWebhook request");
        this.webhook = { url, ...(p.secret_token !== undefined ? { secret_token: String(p.secret_token) } : {}) };
        if (p.drop_pending_updates === true) this.updates = [];
        this.webhookDeliverer.pump();
        return true;
      }
      case "deleteWebhook":
        this.webhook = undefined;
        if (p.drop_pending_updates === true) this.updates = [];
        return true;
      case "getWebhookInfo":
        return { url: this.webhook?.url ?? "", has_custom_certificate: false, pending_update_count: this.updates.length };
      case "getFile": {
        const file = this.files.get(String(p.file_id ?? ""));
        if (!file) throw badRequest("wrong file_id or the file is temporarily unavailable");
        if (file.file_size > MAX_DOWNLOAD_BYTES && !this.opts.local) throw badRequest("file is too big");
        return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size, file_path: file.file_path };
      }
      default:
        throw new ApiError(404, this.opts.local ? "Not Found: method not found" : "Not Found");
    }
  }

  private requireChat(p: Record<string, any>): number | string {
    const raw = p.chat_id;
    if (raw === undefined || raw === null || raw === "") throw badRequest("chat_id is empty");
    const chatId = typeof raw === "string" && /^-?\d+$/.test(raw) ? Number(raw) : (raw as number | string);
    if (this.blocked.has(String(chatId))) throw new ApiError(403, "Forbidden: bot was blocked by the user");
    if (this.opts.strictChats && (typeof chatId !== "number" || !this.users.has(chatId))) throw badRequest("chat not found");
    return chatId;
  }

  private editable(p: Record<string, any>): Record<string, any> {
    const chatId = this.requireChat(p);
    if (p.message_id === undefined) throw badRequest("message identifier is not specified");
    const msg = this.messages.get(`${chatId}:${p.message_id}`);
    if (!msg) throw badRequest("message to edit not found");
    if (msg.from?.id !== this.botId) throw badRequest("message can't be edited");
    return msg;
  }

  private checkCaption(caption: unknown): void {
    if (caption !== undefined && String(caption).length > 1024) throw badRequest("message caption is too long");
  }

  /** Telegram refuses callback_data over 64 bytes; catching that here saves a production surprise. */
  private checkMarkup(markup: unknown): void {
    const m = typeof markup === "string" ? (coerceFormValue("reply_markup", markup) as unknown) : markup;
    if (m === undefined || m === null) return;
    if (typeof m !== "object") throw badRequest("can't parse reply keyboard markup JSON object");
    const rows = (m as { inline_keyboard?: unknown }).inline_keyboard;
    if (rows === undefined) return;
    if (!Array.isArray(rows)) throw badRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array");
    for (const row of rows) {
      if (!Array.isArray(row)) throw badRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays");
      for (const b of row as Array<Record<string, unknown>>) {
        if (typeof b.text !== "string" || b.text === "") throw badRequest("text buttons are unallowed in the inline keyboard");
        if (b.callback_data !== undefined && Buffer.byteLength(String(b.callback_data)) > 64) throw badRequest("BUTTON_DATA_INVALID");
      }
    }
  }

  /** Only inline keyboards are echoed back in the returned Message, as Telegram does. */
  private markupField(markup: unknown): { reply_markup?: unknown } {
    const m = typeof markup === "string" ? coerceFormValue("reply_markup", markup) : markup;
    if (m && typeof m === "object" && "inline_keyboard" in m) {
      const rows = (m as { inline_keyboard: unknown[] }).inline_keyboard;
      if (rows.length > 0) return { reply_markup: { inline_keyboard: rows } };
    }
    return {};
  }

  private fileParam(value: unknown, name: string): { upload?: UploadedFile; file?: FakeFile } {
    if (isUploadedFile(value)) return { upload: value };
    if (typeof value === "string" && value !== "") {
      const known = this.files.get(value);
      if (known) return { file: known };
      if (/^https?:\/\//.test(value)) {
        const id = this.addFile(Buffer.alloc(0), { size: 0 }).file_id;
        return { file: this.files.get(id)! };
      }
      throw badRequest("wrong file identifier/HTTP URL specified");
    }
    throw badRequest(`there is no ${name} in the request`);
  }

  private photoSizes(bytes: Buffer, width?: number, height?: number): Record<string, any>[] {
    const f = this.addFile(bytes);
    return this.photoSizesFor(this.files.get(f.file_id)!, width, height);
  }

  /**
   * Telegram lists a photo at several sizes, largest last. Only the last entry
   * is the real file; the smaller ones reuse its bytes under their own ids.
   */
  private photoSizesFor(file: FakeFile, width?: number, height?: number): Record<string, any>[] {
    const dims = width !== undefined && height !== undefined ? { width, height } : sniffImageSize(file.bytes) ?? { width: 1280, height: 960 };
    const sizes: Record<string, any>[] = [];
    for (const side of [90, 320, 800]) {
      const longest = Math.max(dims.width, dims.height);
      if (longest <= side) continue;
      const scale = side / longest;
      const thumb = this.addFile(file.bytes, { size: Math.max(1, Math.round(file.file_size * scale * scale)) });
      sizes.push({ ...thumb, width: Math.round(dims.width * scale), height: Math.round(dims.height * scale) });
    }
    sizes.push({ file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size, width: dims.width, height: dims.height });
    return sizes;
  }

  private storeBotMessage(chatId: number | string, content: Record<string, any>): Record<string, any> {
    const message: Record<string, any> = {
      message_id: this.nextMessageId++,
      from: this.botUser,
      chat: this.chatOf(chatId),
      date: this.nowSec(),
      ...content,
    };
    this.messages.set(`${chatId}:${message.message_id}`, message);
    return { ...message };
  }

  private pushMessage(
    from: FakeUser,
    content: Record<string, any>,
    opts: { forwarded?: boolean | ForwardSpec | undefined; date?: number | undefined; viaBot?: string | undefined },
  ): BuiltUpdate {
    this.users.set(from.id, from);
    const message: Record<string, any> = {
      message_id: this.nextMessageId++,
      from: this.userObject(from),
      chat: this.chatOf(from.id),
      date: opts.date ?? this.nowSec(),
    };
    if (opts.forwarded) Object.assign(message, this.forwardFields(opts.forwarded === true ? {} : opts.forwarded));
    // Sent through an inline bot: Message.via_bot is that bot's User (core.telegram.org/bots/api#message).
    if (opts.viaBot) message.via_bot = { id: 888_000_001, is_bot: true, first_name: opts.viaBot, username: opts.viaBot };
    Object.assign(message, content);
    this.messages.set(`${from.id}:${message.message_id}`, message);
    const update: Record<string, any> = { message };
    const update_id = this.pushUpdate(update);
    return { update, update_id, message_id: message.message_id as number };
  }

  private forwardFields(spec: ForwardSpec): Record<string, any> {
    const date = spec.date ?? this.nowSec() - 3600;
    if (spec.hidden) {
      return { forward_origin: { type: "hidden_user", sender_user_name: spec.sender?.first_name ?? "Someone Else", date }, forward_date: date, forward_sender_name: spec.sender?.first_name ?? "Someone Else" };
    }
    const sender = this.userObject(spec.sender ?? { id: 777_000_001, first_name: "Someone", last_name: "Else" });
    return { forward_origin: { type: "user", sender_user: sender, date }, forward_from: sender, forward_date: date };
  }

  private userObject(u: FakeUser): Record<string, any> {
    return { id: u.id, is_bot: false, first_name: u.first_name, ...(u.last_name ? { last_name: u.last_name } : {}), ...(u.username ? { username: u.username } : {}), ...(u.language_code ? { language_code: u.language_code } : {}) };
  }

  private chatOf(chatId: number | string): Record<string, any> {
    const u = typeof chatId === "number" ? this.users.get(chatId) : undefined;
    return {
      id: chatId,
      type: "private",
      first_name: u?.first_name ?? "User",
      ...(u?.last_name ? { last_name: u.last_name } : {}),
      ...(u?.username ? { username: u.username } : {}),
    };
  }

  private nowSec(): number {
    return Math.floor((this.opts.now?.() ?? Date.now()) / 1000);
  }
}

export function startFakeBotApi(opts: FakeBotApiOptions = {}): Promise<FakeBotApi> {
  return FakeBotApi.start(opts);
}


let userSeq = 0;
/** A distinct FakeUser per call, so tests sharing Redis never collide on ids. */
export function makeUser(overrides: Partial<FakeUser> = {}): FakeUser {
  userSeq++;
  return {
    id: 100_000_000 + Math.floor(Math.random() * 800_000_000) + userSeq,
    first_name: `Tester${userSeq}`,
    language_code: "en",
    ...overrides,
  };
}
