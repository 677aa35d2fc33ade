/**
 * A local stand-in for the Telegram Bot API, spoken to through grammY's real
 * HTTP client: `new Bot(fake.token, { client: { apiRoot: fake.apiRoot } })`.
 *
 * It keeps just enough state (users, messages, files, update queue) for the
 * results to look like Telegram's and for edits/deletes/callbacks to refer to
 * real earlier messages. Where the bot's behaviour depends on it, it behaves as
 * the real server. Each concern lives in its own file under fake-bot-api/, with
 * the behaviours it copies and where they were checked ("Client.cpp" etc. are
 * files of github.com/tdlib/telegram-bot-api, the Bot API server's source; "docs"
 * is core.telegram.org/bots/api) at its top:
 *
 * - transport.ts: HTTP requests, parameters, 401 for a refused token, the
 *   `{ ok, result | error_code, description }` envelope;
 * - update-queue.ts: getUpdates long polling (50 s clamp, 409 conflicts) and the
 *   switch to a webhook; webhook-delivery.ts: WebhookActor's re-send schedule;
 * - update-builders.ts: the updates users send (text, photo, document, location,
 *   venue, live location, button press, forwarded, via_bot);
 * - methods.ts: send / edit / delete / answer / webhook methods and their refusals;
 * - files.ts: file ids, getFile, downloads, photo sizes, `--local` mode;
 * - calls.ts: the call record tests inspect, and injected faults (failNext);
 * - errors.ts, body-parsing.ts, images.ts, chats.ts: error bodies, request bodies,
 *   image sizes, users and chats.
 *
 * Kinder than the real server, on purpose: no flood limits unless injected with
 * failNext (see telegramErrors), and no minimum 3 s timeout for a repeated
 * getUpdates with the same offset (process_get_updates_query).
 */
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { CallLog } from "./fake-bot-api/calls.ts";
import { ChatState } from "./fake-bot-api/chats.ts";
import { FileStore } from "./fake-bot-api/files.ts";
import { BotMethods } from "./fake-bot-api/methods.ts";
import { Transport } from "./fake-bot-api/transport.ts";
import type { BuiltUpdate, FakeBotApiOptions, FakeUser, FaultResponse, ForwardSpec, RecordedCall } from "./fake-bot-api/types.ts";
import { UpdateBuilders, type LocationSpec } from "./fake-bot-api/update-builders.ts";
import { UpdateQueue } from "./fake-bot-api/update-queue.ts";
import type { WebhookDelivery } from "./fake-bot-api/webhook-delivery.ts";

export { parseMultipart } from "./fake-bot-api/body-parsing.ts";
export { telegramErrors } from "./fake-bot-api/errors.ts";
export { MAX_DOWNLOAD_BYTES } from "./fake-bot-api/files.ts";
export { sniffImageSize } from "./fake-bot-api/images.ts";
export type {
  BuiltUpdate,
  CallOutcome,
  FakeBotApiOptions,
  FakeFile,
  FakeUser,
  FaultResponse,
  ForwardSpec,
  RecordedCall,
  UploadedFile,
} from "./fake-bot-api/types.ts";
export type { WebhookDelivery } from "./fake-bot-api/webhook-delivery.ts";

const DEFAULT_TOKEN = "1234567890:AAFakeTokenForSafeArrivalTests_012345";

export class FakeBotApi {
  readonly apiRoot: string;
  readonly token: string;
  readonly username: string;

  private readonly server: http.Server;
  private readonly sockets = new Set<Socket>();
  private readonly opts: FakeBotApiOptions;
  private readonly log = new CallLog();
  private readonly chats: ChatState;
  private readonly files: FileStore;
  private readonly queue: UpdateQueue;
  private readonly builders: UpdateBuilders;
  private readonly transport: Transport;
  private closed = false;

  private constructor(server: http.Server, port: number, opts: FakeBotApiOptions) {
    this.server = server;
    this.opts = opts;
    this.apiRoot = `http://127.0.0.1:${port}`;
    this.token = opts.token ?? DEFAULT_TOKEN;
    this.username = opts.username ?? "safe_arrival_test_bot";
    this.chats = new ChatState(this.token, this.username, opts.now);
    this.files = new FileStore(this.token, opts.local);
    this.queue = new UpdateQueue(this.log, opts.longPollCapMs, opts.webhookDelayUnitMs ?? 1_000);
    this.builders = new UpdateBuilders(this.chats, this.files, this.queue, this.log);
    const methods = new BotMethods(this.chats, this.files, this.queue, opts);
    const tokenOk = (token: string) => opts.acceptedTokens === undefined || opts.acceptedTokens.includes(token);
    this.transport = new Transport(this.apiRoot, tokenOk, this.log, this.files, this.queue, methods);
  }

  /** Every webhook POST the fake made, with the status it got (0: no answer). */
  get webhookDeliveries(): readonly WebhookDelivery[] {
    return this.queue.deliveries;
  }

  static async start(opts: FakeBotApiOptions = {}): Promise<FakeBotApi> {
    let fake: FakeBotApi | undefined;
    const server = http.createServer((req, res) => {
      void fake!.transport.handle(req, res);
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
    return this.chats.botId;
  }

  get botUser(): Record<string, any> {
    return this.chats.botUser;
  }

  fileUrl(filePath: string, token = this.token): string {
    return `${this.apiRoot}/file/bot${token}/${filePath}`;
  }

  // -------------------------------------------------------------------------
  // Inspection

  calls(method?: string): RecordedCall[] {
    return this.log.calls(method);
  }

  /** Sequence number of the latest call; `waitForCall(c => c.seq > mark && ...)` ignores earlier ones. */
  mark(): number {
    return this.log.mark();
  }

  /**
   * Resolves with the first recorded call (past or future) matching. A string
   * matches by method name. Rejects after timeoutMs, listing what was seen.
   */
  waitForCall(predicate: string | ((c: RecordedCall) => boolean), timeoutMs = 5_000): Promise<RecordedCall> {
    return this.log.waitForCall(predicate, timeoutMs);
  }

  /** Successful sendMessage/sendPhoto calls to a chat, in order. */
  sentTo(chatId: number | string): RecordedCall[] {
    return this.log.sentTo(chatId);
  }

  /** Text (or photo caption) of the latest message sent to a chat. */
  lastTextTo(chatId: number | string): string | undefined {
    const last = this.sentTo(chatId).at(-1);
    if (!last) return undefined;
    return (last.params.text ?? last.params.caption) as string | undefined;
  }

  /** Current state of a message (after edits), or undefined if unknown or deleted. */
  message(chatId: number | string, messageId: number): Record<string, any> | undefined {
    return this.chats.messages.get(`${chatId}:${messageId}`);
  }

  /** Updates pushed but not yet confirmed by a later getUpdates offset. */
  pendingUpdates(): number {
    return this.queue.pending;
  }

  // -------------------------------------------------------------------------
  // Behaviour control

  /**
   * The next `count` calls of `method` ("*" for any except getUpdates) get this
   * response instead of the normal one. "timeout" never answers until close().
   */
  failNext(method: string, response: FaultResponse, count = 1): void {
    this.log.failNext(method, response, count);
  }

  /** Make sends to this chat fail with 403 as when the user blocked the bot. */
  block(chatId: number | string, blocked = true): void {
    if (blocked) this.chats.blocked.add(String(chatId));
    else this.chats.blocked.delete(String(chatId));
  }

  /** Make a user known (as if they had pressed Start) without pushing an update. */
  registerUser(user: FakeUser): void {
    this.chats.users.set(user.id, user);
  }

  addFile(bytes: Buffer, opts: { size?: number; ext?: string; dir?: string } = {}): { file_id: string; file_unique_id: string; file_size: number } {
    return this.files.add(bytes, opts);
  }

  /** The bytes behind a file_id (uploaded by the bot or added by the test). */
  fileBytes(fileId: string): Buffer | undefined {
    return this.files.get(fileId)?.bytes;
  }

  // -------------------------------------------------------------------------
  // Updates from users (fake-bot-api/update-builders.ts)

  pushUpdate(update: Record<string, any>): number {
    return this.queue.push(update);
  }

  text(from: FakeUser, text: string, opts: { date?: number; forwarded?: boolean | ForwardSpec } = {}): BuiltUpdate {
    return this.builders.text(from, text, opts);
  }

  photo(
    from: FakeUser,
    bytes: Buffer,
    opts: { forwarded?: boolean | ForwardSpec; caption?: string; date?: number; width?: number; height?: number; viaBot?: string } = {},
  ): BuiltUpdate {
    return this.builders.photo(from, bytes, opts);
  }

  document(
    from: FakeUser,
    bytes: Buffer,
    opts: { fileName: string; mimeType: string; forwarded?: boolean | ForwardSpec; caption?: string; date?: number; size?: number },
  ): BuiltUpdate {
    return this.builders.document(from, bytes, opts);
  }

  location(from: FakeUser, loc: LocationSpec): BuiltUpdate {
    return this.builders.location(from, loc);
  }

  venue(
    from: FakeUser,
    v: { latitude: number; longitude: number; title: string; address: string; google_place_id?: string; foursquare_id?: string; forwarded?: boolean | ForwardSpec; date?: number },
  ): BuiltUpdate {
    return this.builders.venue(from, v);
  }

  /** A live-location update: the original message edited, delivered as edited_message. */
  editedLiveLocation(
    from: FakeUser,
    messageId: number,
    loc: { latitude: number; longitude: number; horizontal_accuracy?: number; heading?: number; live_period?: number; edit_date?: number },
  ): BuiltUpdate {
    return this.builders.editedLiveLocation(from, messageId, loc);
  }

  /**
   * A button press. `message` is the message carrying the keyboard: a message
   * object, a message_id in the user's chat, or by default the latest message
   * the bot sent to that user.
   */
  callback(from: FakeUser, data: string, message?: Record<string, any> | number): BuiltUpdate & { callback_query_id: string } {
    return this.builders.callback(from, data, message);
  }

  // -------------------------------------------------------------------------

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.log.close();
    this.queue.close();
    const done = new Promise<void>((resolve) => this.server.close(() => resolve()));
    // Hanging long polls and injected timeouts hold sockets open; cut them so
    // close() (and the test) does not wait for them.
    this.server.closeAllConnections();
    for (const s of this.sockets) s.destroy();
    await done;
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
