/** What every dashboard page needs: the services, the signed-in user, cookies, CSRF, the page layout. */
import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { WebDeps } from "../deps.ts";
import { DashboardKeys } from "../../store/dashboard-keys.ts";
import { OrgRepository, DEFAULT_ORG_ID } from "../../store/org-repository.ts";
import { StaffRepository, type Staff, type StaffRole } from "../../store/staff-repository.ts";
import { StaffSecrets } from "../../store/staff-secrets.ts";
import { SessionRepository, type Session } from "../../store/session-repository.ts";
import { AuditRepository } from "../../store/audit-repository.ts";
import type { NgoAlert } from "../../domain/ngo-alert.ts";
import { html, type Html } from "./html.ts";
import {
  DASHBOARD_LOCALES, DASHBOARD_LOCALE_NAMES, direction, fromAcceptLanguage, isDashLocale, translator, type DashLocale, type Translate,
} from "./i18n.ts";
import { LoginLimiter } from "./login-limiter.ts";

export const ASSET_VERSION = "1";

export interface DashboardServices {
  deps: WebDeps;
  keys: DashboardKeys;
  orgs: OrgRepository;
  staff: StaffRepository;
  sessions: SessionRepository;
  audit: AuditRepository;
  limiter: LoginLimiter;
}

/** What each group of dashboard pages is registered with. */
export interface DashboardRouteOptions {
  svc: DashboardServices;
  viewer(req: FastifyRequest): Viewer;
}

export function dashboardServices(deps: WebDeps): DashboardServices {
  const keys = new DashboardKeys(deps.config.REDIS_PREFIX);
  return {
    deps,
    keys,
    orgs: new OrgRepository(deps.redis, keys),
    staff: new StaffRepository(deps.redis, keys, staffSecrets(deps)),
    sessions: new SessionRepository(deps.redis, keys, deps.config.DASHBOARD_SESSION_IDLE, deps.config.DASHBOARD_SESSION_MAX_AGE),
    audit: new AuditRepository(deps.redis, keys),
    limiter: new LoginLimiter(deps.redis, keys),
  };
}

/** TOTP secrets are sealed with the app's key ring (APP_KEY, or the development key file; APP_KEY_PREVIOUS while rotating). */
export function staffSecrets(deps: Pick<WebDeps, "keyRing">): StaffSecrets {
  return new StaffSecrets(deps.keyRing);
}

/** The organisation behind NGO_NAME exists from the first start, under a fixed id. */
export async function ensureDefaultOrg(orgs: OrgRepository, ngoName: string | undefined, now: Date): Promise<void> {
  const existing = await orgs.get(DEFAULT_ORG_ID);
  if (ngoName && existing?.name !== ngoName) await orgs.put(DEFAULT_ORG_ID, ngoName, now);
  else if (!existing) await orgs.put(DEFAULT_ORG_ID, "Default organisation", now);
}

// ---- cookies ----

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

export function isSecure(req: FastifyRequest, svc: DashboardServices): boolean {
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

export function sessionCookie(req: FastifyRequest, svc: DashboardServices): string | undefined {
  const cookies = parseCookies(req.headers.cookie);
  return cookies[cookieName(SESSION_COOKIE, isSecure(req, svc))] ?? cookies[SESSION_COOKIE];
}

// ---- request context ----

export interface Viewer {
  staff: Staff;
  session: Session;
  sessionId: string;
  locale: DashLocale;
  t: Translate;
  path: string;
}

export interface Anonymous {
  locale: DashLocale;
  t: Translate;
  path: string;
}

export function localeOf(req: FastifyRequest, staff?: Staff): DashLocale {
  if (staff && isDashLocale(staff.locale)) return staff.locale;
  const cookie = parseCookies(req.headers.cookie)[LANG_COOKIE];
  if (isDashLocale(cookie)) return cookie;
  return fromAcceptLanguage(req.headers["accept-language"]) ?? "en";
}

export function anonymous(req: FastifyRequest): Anonymous {
  const locale = localeOf(req);
  return { locale, t: translator(locale), path: req.url.split("?")[0]! };
}

/** The signed-in, enabled user behind the request's session cookie, if any. A disabled user's sessions end here too. */
export async function viewerOf(req: FastifyRequest, svc: DashboardServices): Promise<Viewer | undefined> {
  const sessionId = sessionCookie(req, svc);
  const session = await svc.sessions.get(sessionId, svc.deps.now());
  if (!session || !sessionId) return undefined;
  const staff = await svc.staff.get(session.staffId);
  if (!staff || staff.disabled) {
    await svc.sessions.destroy(sessionId);
    return undefined;
  }
  const locale = localeOf(req, staff);
  return { staff, session, sessionId, locale, t: translator(locale), path: req.url.split("?")[0]! };
}

/**
 * Constant-time comparison of a secret token with what a request sent. Both sides are hashed first: the
 * digests always have the same length, so a token of another byte length (non-ASCII text of the same
 * character count) is a plain mismatch instead of an exception from timingSafeEqual.
 */
export function sameToken(expected: string, given: unknown): boolean {
  if (typeof given !== "string" || !expected) return false;
  const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** A POST from another site is refused before the token is checked. Pages use Referrer-Policy same-origin, so browsers send the real Origin (no-referrer would make it "null"). */
export function crossOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (!origin || origin === "null") return origin === "null";
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}

// ---- permissions ----

const RANK: Record<StaffRole, number> = { caseworker: 0, coordinator: 1, admin: 2 };

export function atLeast(staff: Staff, role: StaffRole): boolean {
  return RANK[staff.role] >= RANK[role];
}

/** A caseworker or coordinator sees the alerts of their organisation only; an admin sees all. */
export function canSeeAlert(staff: Staff, alert: Pick<NgoAlert, "orgId">): boolean {
  return staff.role === "admin" || alert.orgId === staff.orgId;
}

/** The organisation whose data a user sees; undefined means all (admin). */
export function scopeOf(staff: Staff): string | undefined {
  return staff.role === "admin" ? undefined : staff.orgId;
}

// ---- rendering ----

/** Pages hold case data: never cached. (The security headers and CSP are set for every route: web/security-headers.ts.) */
export function sendPage(reply: FastifyReply, page: Html, status = 200): FastifyReply {
  return reply.header("cache-control", "no-store").status(status).type("text/html; charset=utf-8").send(page.text);
}

export function csrfField(viewer: Viewer): Html {
  return html`<input type="hidden" name="_csrf" value="${viewer.session.csrf}">`;
}

interface NavItem { href: string; id: string; show: boolean }

export function layout(
  ctx: Viewer | Anonymous,
  title: string,
  body: Html,
  opts: { flash?: { kind: "ok" | "error" | "info"; text: string }; scripts?: string[] } = {},
): Html {
  const { t, locale } = ctx;
  const viewer = "staff" in ctx ? ctx : undefined;
  const nav: NavItem[] = viewer
    ? [
        { href: "/", id: "nav-alerts", show: true },
        { href: "/trips", id: "nav-trips", show: true },
        { href: "/landmarks", id: "nav-landmarks", show: true },
        { href: "/staff", id: "nav-staff", show: atLeast(viewer.staff, "coordinator") },
        { href: "/audit", id: "nav-audit", show: atLeast(viewer.staff, "coordinator") },
        { href: "/orgs", id: "nav-orgs", show: viewer.staff.role === "admin" },
        { href: "/queues", id: "nav-queues", show: viewer.staff.role === "admin" },
        { href: "/account", id: "nav-account", show: true },
      ]
    : [];
  const current = (href: string) => (href === "/" ? ctx.path === "/" || ctx.path.startsWith("/alerts") : ctx.path.startsWith(href));
  const langs = DASHBOARD_LOCALES.filter((l) => l !== locale).map(
    (l) => html`<a href="/lang/${l}?back=${encodeURIComponent(ctx.path)}" lang="${l}" hreflang="${l}">${DASHBOARD_LOCALE_NAMES[l]}</a>`,
  );
  return html`<!doctype html>
<html lang="${locale}" dir="${direction(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${title} · SafeArrival</title>
<link rel="stylesheet" href="/dashboard/assets/dashboard.css?v=${ASSET_VERSION}">
</head>
<body>
<header class="top"><div class="bar">
  <a class="brand" href="/">SafeArrival · ${t("dashboard-title")}</a>
  ${nav.length ? html`<nav aria-label="${t("nav-label")}">${nav.filter((n) => n.show).map((n) => html`<a href="${n.href}"${current(n.href) ? html` aria-current="page"` : ""}>${t(n.id)}</a>`)}</nav>` : ""}
  <div class="who">
    ${viewer ? html`<span>${viewer.staff.email} · ${t(`role-${viewer.staff.role}`)}</span>
    <form method="post" action="/logout">${csrfField(viewer)}<button type="submit">${t("logout")}</button></form>` : ""}
    <span class="langs">${langs}</span>
  </div>
</div></header>
<main>
${opts.flash ? html`<div class="flash ${opts.flash.kind}" role="${opts.flash.kind === "error" ? "alert" : "status"}">${opts.flash.text}</div>` : ""}
${body}
</main>
${(opts.scripts ?? []).map((s) => html`<script type="module" src="${s}"></script>`)}
</body>
</html>`;
}

/** Same text for "not there" and "not yours": an id guessed across organisations tells nothing. */
export function notFound(reply: FastifyReply, ctx: Viewer | Anonymous): FastifyReply {
  return sendPage(reply, layout(ctx, ctx.t("not-found-title"), html`<h1>${ctx.t("not-found-title")}</h1><p>${ctx.t("not-found-text")}</p>`), 404);
}

export function forbidden(reply: FastifyReply, ctx: Viewer | Anonymous): FastifyReply {
  return sendPage(reply, layout(ctx, ctx.t("forbidden-title"), html`<h1>${ctx.t("forbidden-title")}</h1><p>${ctx.t("forbidden-text")}</p>`), 403);
}

const LOCAL_ORIGIN = "http://localhost";
// Browsers drop tabs and newlines from URLs and read a backslash as a slash, so "/\t/evil" and "/\\evil" become "//evil".
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_PATH = /[\u0000-\u001f\u007f\\]/;

/**
 * A path of this site, or undefined. Only a same-origin relative path passes: it must start with one "/", hold no
 * control character or backslash, and still resolve to this origin when parsed as a URL.
 */
export function localPath(to: string): string | undefined {
  if (!to.startsWith("/") || to.startsWith("//") || UNSAFE_IN_PATH.test(to)) return undefined;
  let url: URL;
  try {
    url = new URL(to, LOCAL_ORIGIN);
  } catch {
    return undefined;
  }
  if (url.origin !== LOCAL_ORIGIN) return undefined;
  const local = `${url.pathname}${url.search}${url.hash}`;
  return local.startsWith("//") ? undefined : local;
}

/** After a POST or a language choice: back to a page of this site only, else to the start page. */
export function redirectBack(reply: FastifyReply, to: string): FastifyReply {
  return reply.status(303).header("location", localPath(to) ?? "/").send();
}
