/**
 * The HTTP side of the fake: requests to /bot<token>/<method> (GET or POST; parameters in the query string, a
 * JSON, urlencoded or multipart body, docs "Making requests") and file downloads at /file/bot<token>/<path>.
 * Every call is recorded; then a refused token gets 401 "Unauthorized", an injected fault its canned answer
 * (a string body is sent as HTML, as a proxy in front of Telegram would), and otherwise the method's result as
 * `{ ok: true, result }` or its error as `{ ok: false, error_code, description, parameters? }` (errors.ts).
 */
import type http from "node:http";
import { coerceFormValue, parseMultipart, resolveAttachments } from "./body-parsing.ts";
import { type CallLog, sendJson } from "./calls.ts";
import { ApiError, badRequest } from "./errors.ts";
import type { FileStore } from "./files.ts";
import type { BotMethods } from "./methods.ts";
import type { RecordedCall } from "./types.ts";
import type { UpdateQueue } from "./update-queue.ts";

export class Transport {
  constructor(
    private readonly apiRoot: string,
    private readonly tokenOk: (token: string) => boolean,
    private readonly log: CallLog,
    private readonly files: FileStore,
    private readonly queue: UpdateQueue,
    private readonly methods: BotMethods,
  ) {}

  async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", this.apiRoot);
    const fileMatch = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (fileMatch && (req.method === "GET" || req.method === "HEAD")) {
      this.files.serveDownload(req, res, decodeURIComponent(fileMatch[2]!), this.tokenOk(fileMatch[1]!));
      return;
    }
    const m = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    if (!m || (req.method !== "POST" && req.method !== "GET")) {
      req.resume();
      sendJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
      return;
    }
    const token = m[1]!;
    const method = m[2]!;

    let params: Record<string, any>;
    try {
      params = await readParams(req, url);
    } catch (err) {
      const e = err instanceof ApiError ? err : badRequest(String(err));
      sendJson(res, e.status, e.body());
      return;
    }

    const call = this.log.record(method, token, params);
    try {
      this.respond(res, call);
    } finally {
      // Waiters see a call once its outcome is decided (or, for a long poll or
      // injected timeout, once it is known to be hanging), never half-built.
      this.log.notify(call);
    }
  }

  private respond(res: http.ServerResponse, call: RecordedCall): void {
    const { method, token, params } = call;

    if (!this.tokenOk(token)) {
      this.log.fail(res, call, new ApiError(401, "Unauthorized"));
      return;
    }

    const fault = this.log.takeFault(method);
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
        sendJson(res, fault.status, fault.body);
      }
      return;
    }

    if (method === "getUpdates") {
      this.queue.getUpdates(res, call);
      return;
    }
    try {
      this.log.succeed(res, call, this.methods.dispatch(method, params));
    } catch (err) {
      if (err instanceof ApiError) this.log.fail(res, call, err);
      else this.log.fail(res, call, new ApiError(500, `Internal Server Error: ${String(err)}`));
    }
  }
}

async function readParams(req: http.IncomingMessage, url: URL): Promise<Record<string, any>> {
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
