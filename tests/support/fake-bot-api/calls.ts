/**
 * What a test sees of the fake and injects into it: every Bot API call recorded with how it was answered,
 * waiting for a call, and canned faults for the next calls of a method (failNext). Faults are how flood limits
 * and outages appear here: the fake itself has none (the real server answers 429 "Too Many Requests: retry
 * after N" with parameters.retry_after, Client::get_retry_after_time; bodies in errors.ts).
 */
import type http from "node:http";
import { isUploadedFile } from "./body-parsing.ts";
import type { ApiError } from "./errors.ts";
import type { FaultResponse, RecordedCall } from "./types.ts";

interface CallWaiter {
  predicate: (c: RecordedCall) => boolean;
  resolve: (c: RecordedCall) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

export class CallLog {
  private readonly recorded: RecordedCall[] = [];
  private readonly waiters = new Set<CallWaiter>();
  private readonly faults = new Map<string, FaultResponse[]>();
  private seq = 0;
  private closed = false;

  record(method: string, token: string, params: Record<string, any>): RecordedCall {
    const call: RecordedCall = { seq: ++this.seq, method, token, params, at: Date.now(), outcome: "pending" };
    this.recorded.push(call);
    return call;
  }

  calls(method?: string): RecordedCall[] {
    return method === undefined ? [...this.recorded] : this.recorded.filter((c) => c.method === method);
  }

  mark(): number {
    return this.seq;
  }

  waitForCall(predicate: string | ((c: RecordedCall) => boolean), timeoutMs: number): Promise<RecordedCall> {
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

  /** Wakes the waiters a call matches; called once its outcome is decided (or known to be hanging). */
  notify(call: RecordedCall): void {
    for (const w of [...this.waiters]) {
      if (w.predicate(call)) {
        clearTimeout(w.timer);
        this.waiters.delete(w);
        w.resolve(call);
      }
    }
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

  succeed(res: http.ServerResponse, call: RecordedCall, result: unknown): void {
    call.outcome = "ok";
    call.endedAt = Date.now();
    call.response = result;
    sendJson(res, 200, { ok: true, result });
  }

  fail(res: http.ServerResponse, call: RecordedCall, err: ApiError): void {
    call.outcome = "error";
    call.endedAt = Date.now();
    call.response = err.body();
    sendJson(res, err.status, err.body());
  }

  failNext(method: string, response: FaultResponse, count: number): void {
    const list = this.faults.get(method) ?? [];
    for (let i = 0; i < count; i++) list.push(response);
    this.faults.set(method, list);
  }

  /** The canned answer waiting for this method, if any; "*" faults never hit getUpdates. */
  takeFault(method: string): FaultResponse | undefined {
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

  close(): void {
    this.closed = true;
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.reject(new Error("FakeBotApi closed"));
    }
    this.waiters.clear();
  }
}
