/**
 * Who is looking at a dashboard page: the signed-in staff member behind the session cookie (or an anonymous
 * visitor), in which language, and what their role lets them see.
 */
import type { FastifyRequest } from "fastify";
import type { NgoAlert } from "../../domain/ngo-alert.ts";
import type { Staff, StaffRole } from "../../store/staff-repository.ts";
import type { Session } from "../../store/session-repository.ts";
import { LANG_COOKIE, parseCookies, sessionCookie } from "./cookies.ts";
import { fromAcceptLanguage, isDashLocale, translator, type DashLocale, type Translate } from "./i18n.ts";
import type { DashboardServices } from "./services.ts";

/** What each group of dashboard pages is registered with. */
export interface DashboardRouteOptions {
  svc: DashboardServices;
  viewer(req: FastifyRequest): Viewer;
}

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

export function viewerLocale(req: FastifyRequest, staff?: Staff): DashLocale {
  if (staff && isDashLocale(staff.locale)) return staff.locale;
  const cookie = parseCookies(req.headers.cookie)[LANG_COOKIE];
  if (isDashLocale(cookie)) return cookie;
  return fromAcceptLanguage(req.headers["accept-language"]) ?? "en";
}

export function anonymous(req: FastifyRequest): Anonymous {
  const locale = viewerLocale(req);
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
  const locale = viewerLocale(req, staff);
  return { staff, session, sessionId, locale, t: translator(locale), path: req.url.split("?")[0]! };
}

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
