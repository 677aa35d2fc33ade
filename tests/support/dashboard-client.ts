/** Signs in to the NGO dashboard through Fastify's inject, keeping cookies like a browser would. */
import assert from "node:assert/strict";
import type { App } from "../../src/app.ts";
import { runUsersCommand } from "../../src/cli/users.ts";

export const PASSWORD = "correct horse battery staple";

export async function addUser(app: App, email: string, role: string, org = "default", password = PASSWORD): Promise<void> {
  await runUsersCommand(app, ["add", email, "--role", role, "--org", org, "--password", password], {
    out: () => undefined,
    ask: () => Promise.reject(new Error("no prompt in tests")),
  });
}

export interface Res {
  status: number;
  body: string;
  headers: Record<string, string | string[] | number | undefined>;
}

export class DashClient {
  readonly cookies = new Map<string, string>();

  constructor(
    readonly app: App,
    readonly headers: Record<string, string> = {},
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(setCookie: string | string[] | number | undefined): void {
    const list = Array.isArray(setCookie) ? setCookie : setCookie === undefined ? [] : [String(setCookie)];
    for (const c of list) {
      const [pair] = c.split(";");
      const eq = pair!.indexOf("=");
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (/max-age=0/i.test(c) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(method: "GET" | "POST", url: string, opts: { form?: Record<string, string>; body?: Buffer; contentType?: string; headers?: Record<string, string> } = {}): Promise<Res> {
    const headers: Record<string, string> = { ...this.headers, ...(opts.headers ?? {}) };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    let payload: string | Buffer | undefined;
    if (opts.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      payload = new URLSearchParams(opts.form).toString();
    } else if (opts.body) {
      headers["content-type"] = opts.contentType!;
      payload = opts.body;
    }
    const res = await this.app.web!.fastify.inject({ method, url, headers, payload });
    this.keep(res.headers["set-cookie"]);
    return { status: res.statusCode, body: res.body, headers: res.headers };
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request("GET", url, { headers });
  }

  post(url: string, form: Record<string, string>, headers?: Record<string, string>) {
    return this.request("POST", url, { form, headers });
  }

  /** The CSRF token of the forms on a page. */
  static csrf(body: string): string {
    const m = /name="_csrf" value="([^"]+)"/.exec(body);
    assert.ok(m, "page has a CSRF field");
    return m[1]!;
  }

  async login(email: string, password = PASSWORD, code = ""): Promise<Res> {
    const page = await this.get("/login");
    assert.equal(page.status, 200);
    return this.post("/login", { email, password, code, _csrf: DashClient.csrf(page.body) });
  }

  /** The session's CSRF token, read from a signed-in page. */
  async token(): Promise<string> {
    const page = await this.get("/account");
    assert.equal(page.status, 200, "signed in");
    return DashClient.csrf(page.body);
  }
}

/** A client signed in as `email` (the sign-in answered 303). */
export async function signedIn(app: App, email: string, headers: Record<string, string> = {}): Promise<DashClient> {
  const c = new DashClient(app, headers);
  const res = await c.login(email);
  assert.equal(res.status, 303, `${email} signs in`);
  return c;
}

/** A multipart/form-data body with text fields first, then one file. */
export function multipart(fields: Record<string, string>, file?: { name: string; filename: string; type: string; bytes: Buffer }): { body: Buffer; contentType: string } {
  const boundary = `----sa${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\nContent-Type: ${file.type}\r\n\r\n`));
    parts.push(file.bytes, Buffer.from("\r\n"));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}
