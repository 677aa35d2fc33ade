/**
 * Bot API error bodies, worded as the server words them: `{ ok: false, error_code, description, parameters? }`
 * (core.telegram.org/bots/api#making-requests). Descriptions are "<status text>: <detail>" as built by
 * Client::fail_query_with_error in tdlib/telegram-bot-api's Client.cpp ("Bad Request: ...", "Forbidden: ...",
 * "Too Many Requests: retry after N" with parameters.retry_after).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly parameters?: Record<string, unknown>,
  ) {
    super(description);
  }
  body(): Record<string, unknown> {
    return {
      ok: false,
      error_code: this.status,
      description: this.description,
      ...(this.parameters ? { parameters: this.parameters } : {}),
    };
  }
}

export const badRequest = (what: string) => new ApiError(400, `Bad Request: ${what}`);

export function notModified(): ApiError {
  return badRequest("message is not modified: specified new message content and reply markup are exactly the same as a content and reply markup of the current message");
}

/** Canned bodies for failNext, worded as Telegram words them. */
export const telegramErrors = {
  tooManyRequests: (retryAfter = 1): { status: number; body: unknown } => ({
    status: 429,
    body: { ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } },
  }),
  blocked: (): { status: number; body: unknown } => ({
    status: 403,
    body: { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" },
  }),
  chatNotFound: (): { status: number; body: unknown } => ({
    status: 400,
    body: { ok: false, error_code: 400, description: "Bad Request: chat not found" },
  }),
  internal: (): { status: number; body: unknown } => ({
    status: 500,
    body: { ok: false, error_code: 500, description: "Internal Server Error" },
  }),
  badGateway: (): { status: number; body: unknown } => ({
    status: 502,
    body: "<html><body><h1>502 Bad Gateway</h1></body></html>",
  }),
};
