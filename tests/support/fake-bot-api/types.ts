/** The shapes the fake Bot API and its tests share: users, recorded calls, files, options. */
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
