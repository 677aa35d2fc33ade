/** The dashboard's cookies: reading and setting them, their names, and when they are Secure and `__Host-`. */
import type { FastifyReply, FastifyRequest } from "fastify";
import type { WebDeps } from "../deps.ts";

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (name && !(name in out)) {
      try {
        out[name] = decodeURIComponent(value);
      } catch {
        out[name] = value;
      }
    }
  }
  return out;
}

/** Whether cookies go out Secure: DASHBOARD_SECURE_COOKIES, or with "auto" whether the request came over HTTPS. */
export function isSecure(req: FastifyRequest, svc: { deps: Pick<WebDeps, "config"> }): boolean {
  const mode = svc.deps.config.DASHBOARD_SECURE_COOKIES;
  if (mode !== "auto") return mode === "on";
  const proto = String(req.headers["x-forwarded-proto"] ?? "").split(",")[0]!.trim().toLowerCase();
  return req.protocol === "https" || proto === "https" || Boolean(svc.deps.config.PUBLIC_URL?.startsWith("https:"));
}

/** `__Host-` cookies must be Secure, Path=/ and host-only: a sibling subdomain cannot plant one. */
export function cookieName(base: string, secure: boolean): string {
  return secure ? `__Host-${base}` : base;
}

export function setCookie(
  reply: FastifyReply,
  name: string,
  value: string,
  opts: { secure: boolean; maxAgeS?: number; httpOnly?: boolean; sameSite?: "Lax" | "Strict" },
): void {
  const parts = [`${name}=${encodeURIComponent(value)}`, "Path=/", `SameSite=${opts.sameSite ?? "Lax"}`];
  if (opts.httpOnly !== false) parts.push("HttpOnly");
  if (opts.secure) parts.push("Secure");
  if (opts.maxAgeS !== undefined) parts.push(`Max-Age=${opts.maxAgeS}`);
  const previous = reply.getHeader("set-cookie");
  const list = Array.isArray(previous) ? previous.map(String) : previous ? [String(previous)] : [];
  void reply.header("set-cookie", [...list, parts.join("; ")]);
}

export const SESSION_COOKIE = "sa_session";
export const LOGIN_CSRF_COOKIE = "sa_login";
export const LANG_COOKIE = "sa_lang";

/** The session id the browser sent (the `__Host-` cookie when served securely). */
export function sessionCookie(req: FastifyRequest, svc: { deps: Pick<WebDeps, "config"> }): string | undefined {
  const cookies = parseCookies(req.headers.cookie);
  return cookies[cookieName(SESSION_COOKIE, isSecure(req, svc))] ?? cookies[SESSION_COOKIE];
}
