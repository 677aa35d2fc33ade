/** Open alerts (duress first, then missed deadlines by age), one case's timeline, and trips due soon. */
import type { FastifyPluginAsync } from "fastify";
import { z } from "zod";
import { landmarkName } from "../../domain/landmark.ts";
import { LOCALE_NAMES, isLocale } from "../../domain/locale.ts";
import type { NgoAlert, NgoTimelineEntry } from "../../domain/ngo-alert.ts";
import { formatLocalTime, formatNumber, formatZone } from "../../i18n/format.ts";
import type { StoredLandmark } from "../../store/landmark-repository.ts";
import { DEFAULT_ORG_ID } from "../../store/org-repository.ts";
import { html, type Html } from "./html.ts";
import { canSeeAlert, csrfField, layout, notFound, redirectBack, scopeOf, sendPage, type DashboardServices, type Viewer } from "./context.ts";
import type { DashboardRouteOptions } from "./context.ts";

const ALERT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Urgency: duress before missed; within each, the oldest deadline (longest overdue) first. */
export function byUrgency(a: NgoAlert, b: NgoAlert): number {
  if (a.kind !== b.kind) return a.kind === "duress" ? -1 : 1;
  return a.deadline.getTime() - b.deadline.getTime() || a.createdAt.getTime() - b.createdAt.getTime();
}

type Landmarks = Map<string, StoredLandmark | undefined>;

async function landmarksFor(svc: DashboardServices, ids: Iterable<string>): Promise<Landmarks> {
  const unique = [...new Set(ids)];
  const found = await Promise.all(unique.map((id) => svc.deps.landmarks.get(id)));
  return new Map(unique.map((id, i) => [id, found[i]]));
}

function place(v: Viewer, landmarks: Landmarks, id: string): { name: string; zone: string } {
  const stored = landmarks.get(id);
  return stored ? { name: landmarkName(stored.landmark, v.locale), zone: stored.landmark.timeZone } : { name: id, zone: "UTC" };
}

function when(v: Viewer, at: Date, zone: string): Html {
  return html`<time datetime="${at.toISOString()}">${formatLocalTime(at, v.locale, zone)}</time> <span class="muted small">(${formatZone(zone, v.locale)})</span>`;
}

function minutesSince(v: Viewer, at: Date, now: Date): string {
  return formatNumber(Math.max(0, Math.round((now.getTime() - at.getTime()) / 60_000)), v.locale);
}

function alertItem(v: Viewer, alert: NgoAlert, landmarks: Landmarks, now: Date): Html {
  const { t } = v;
  const target = place(v, landmarks, alert.landmarkId);
  const last = alert.lastArrival ? place(v, landmarks, alert.lastArrival.landmarkId) : undefined;
  const language = isLocale(alert.language) ? LOCALE_NAMES[alert.language] : alert.language;
  const overdue = now.getTime() > alert.deadline.getTime();
  const actions: Html[] = [];
  if (alert.status === "open") {
    actions.push(html`<form method="post" action="/alerts/${alert.id}/acknowledge">${csrfField(v)}<button type="submit" class="primary">${t("alert-acknowledge")}</button></form>`);
  }
  if (alert.status !== "resolved") {
    actions.push(html`<form method="post" action="/alerts/${alert.id}/resolve">${csrfField(v)}<button type="submit">${t("alert-resolve")}</button></form>`);
  }
  actions.push(html`<form class="note" method="post" action="/alerts/${alert.id}/note">${csrfField(v)}
<input type="text" name="note" maxlength="500" required aria-label="${t("alert-note")}" placeholder="${t("alert-note")}"><button type="submit">${t("alert-add-note")}</button></form>`);
  return html`<li class="alert ${alert.kind} ${alert.status}" data-alert="${alert.id}">
  <div class="alert-head">
    <span class="title">${alert.kind === "duress" ? t("alert-kind-duress") : t("alert-kind-missed")} · ${target.name}</span>
    <span class="badge ${alert.kind}">${t(`kind-${alert.kind}`)}</span>
    <span class="badge ${alert.status}">${t(`status-${alert.status}`)}</span>
  </div>
  <dl class="facts">
    <dt>${t("alert-deadline")}</dt><dd>${when(v, alert.deadline, target.zone)}${overdue && alert.kind === "missed" ? html` · <strong>${t("alert-overdue", { minutes: minutesSince(v, alert.deadline, now) })}</strong>` : ""}</dd>
    <dt>${t("alert-last-checkin")}</dt><dd>${last && alert.lastArrival ? html`${last.name} · ${when(v, alert.lastArrival.at, last.zone)}` : t("alert-no-checkin")}</dd>
    <dt>${t("alert-language")}</dt><dd lang="${alert.language}">${language}</dd>
    <dt>${t("alert-channel")}</dt><dd>${alert.channel}</dd>
    ${v.staff.role === "admin" ? html`<dt>${t("staff-org")}</dt><dd>${alert.orgId}</dd>` : ""}
    <dt>${t("alert-id")}</dt><dd class="mono"><a href="/alerts/${alert.id}">${alert.id.slice(0, 8)}</a></dd>
  </dl>
  <div class="actions">${actions}<a class="button" href="/alerts/${alert.id}">${t("alert-timeline")}</a></div>
</li>`;
}

async function alertsFor(svc: DashboardServices, v: Viewer): Promise<NgoAlert[]> {
  const all = await svc.deps.ngoAlerts.list(1000, scopeOf(v.staff));
  return all.filter((a) => canSeeAlert(v.staff, a));
}

async function alertList(svc: DashboardServices, v: Viewer): Promise<Html> {
  const alerts = await alertsFor(svc, v);
  const open = alerts.filter((a) => a.status !== "resolved").sort(byUrgency);
  const resolved = alerts.filter((a) => a.status === "resolved").slice(0, 20);
  const landmarks = await landmarksFor(svc, alerts.flatMap((a) => [a.landmarkId, ...(a.lastArrival ? [a.lastArrival.landmarkId] : [])]));
  const now = svc.deps.now();
  return html`<h2>${v.t("alerts-open", { count: open.length })}</h2>
${open.length ? html`<ul class="alerts">${open.map((a) => alertItem(v, a, landmarks, now))}</ul>` : html`<p class="card muted">${v.t("alerts-none")}</p>`}
<h2>${v.t("alerts-resolved")}</h2>
${resolved.length ? html`<ul class="alerts">${resolved.map((a) => alertItem(v, a, landmarks, now))}</ul>` : html`<p class="muted">${v.t("alerts-none-resolved")}</p>`}`;
}

function timelineText(v: Viewer, e: NgoTimelineEntry, who: (id?: string) => string): string {
  const { t } = v;
  const [head, a, b] = e.event.split(":");
  switch (head) {
    case "opened":
      return t(a === "duress" ? "event-opened-duress" : "event-opened-missed");
    case "delivered":
      return t(b === "webhook" ? "event-delivered-webhook" : "event-delivered-chat", { event: t(`event-kind-${a === "resolved" ? "resolved" : "opened"}`) });
    case "failed":
      return t("event-delivery-failed", { target: b ?? a ?? "" });
    case "acknowledged":
      return t("event-acknowledged", { who: who(e.by) });
    case "resolved":
      return e.by ? t("event-resolved-by", { who: who(e.by) }) : t("event-resolved");
    case "arrived":
      return t("event-arrived");
    case "reported_safe":
      return t("event-reported-safe");
    case "note":
      return t("event-note", { who: who(e.by) });
    default:
      return e.event;
  }
}

export const alertRoutes: FastifyPluginAsync<DashboardRouteOptions> = async (fastify, { svc, viewer }) => {
  const { deps } = svc;
  const alerts = deps.ngoAlerts;

  fastify.get("/", async (req, reply) => {
    const v = viewer(req);
    const body = html`<h1>${v.t("alerts-title")}</h1>
<p class="live" id="live-status" hidden>${v.t("alerts-live")}</p>
<div id="alerts" data-live="/alerts/live">${await alertList(svc, v)}</div>`;
    return sendPage(reply, layout(v, v.t("alerts-title"), body, { scripts: ["/dashboard/assets/live.js?v=2"] }));
  });

  /** The list alone, for the page's refresh script. */
  fastify.get("/alerts/live", async (req, reply) => {
    const v = viewer(req);
    return reply.type("text/html; charset=utf-8").header("cache-control", "no-store").send((await alertList(svc, v)).text);
  });

  /** An alert of the viewer's organisation, or undefined for one that does not exist or is another's (same answer). */
  async function visible(v: Viewer, id: string): Promise<NgoAlert | undefined> {
    if (!ALERT_ID.test(id)) return undefined;
    const alert = await alerts.get(id);
    return alert && canSeeAlert(v.staff, alert) ? alert : undefined;
  }

  fastify.get("/alerts/:id", async (req, reply) => {
    const v = viewer(req);
    const { id } = z.object({ id: z.string().max(64) }).parse(req.params);
    const alert = await visible(v, id);
    if (!alert) return notFound(reply, v);
    await svc.audit.append({ at: deps.now(), staffId: v.staff.id, email: v.staff.email, orgId: alert.orgId, action: "view-alert", target: alert.id });
    const timeline = await alerts.timeline(alert.id);
    const staffIds = [...new Set(timeline.map((e) => e.by).filter((b): b is string => Boolean(b)))];
    const staff = await Promise.all(staffIds.map((s) => svc.staff.get(s)));
    const emails = new Map(staffIds.map((s, i) => [s, staff[i]?.email ?? s]));
    const who = (by?: string) => (by ? (emails.get(by) ?? by) : "");
    const landmarks = await landmarksFor(svc, [alert.landmarkId, ...(alert.lastArrival ? [alert.lastArrival.landmarkId] : [])]);
    const zone = place(v, landmarks, alert.landmarkId).zone;
    const body = html`<p><a href="/">← ${v.t("nav-alerts")}</a></p>
<h1>${v.t("alert-case", { id: alert.id.slice(0, 8) })}</h1>
<ul class="alerts">${alertItem(v, alert, landmarks, deps.now())}</ul>
<h2>${v.t("alert-timeline")}</h2>
<div class="card"><ol class="timeline">${timeline.map(
      (e) => html`<li class="${e.event.startsWith("failed") ? "fail" : ""}">${when(v, e.at, zone)}${timelineText(v, e, who)}${e.note ? html`<div>“${e.note}”</div>` : ""}</li>`,
    )}</ol></div>
<p class="muted small">${v.t("alert-privacy")}</p>`;
    return sendPage(reply, layout(v, v.t("alert-case", { id: alert.id.slice(0, 8) }), body));
  });

  const act = (action: "acknowledge" | "resolve" | "note") =>
    fastify.post(`/alerts/:id/${action}`, async (req, reply) => {
      const v = viewer(req);
      const { id } = z.object({ id: z.string().max(64) }).parse(req.params);
      const alert = await visible(v, id);
      if (!alert) return notFound(reply, v);
      const at = deps.now();
      if (action === "acknowledge") {
        if (alert.status !== "open") return redirectBack(reply, `/alerts/${alert.id}`);
        await alerts.setStatus(alert.id, "acknowledged", { at, event: "acknowledged", by: v.staff.id });
      } else if (action === "resolve") {
        if (alert.status === "resolved") return redirectBack(reply, `/alerts/${alert.id}`);
        await alerts.setStatus(alert.id, "resolved", { at, event: "resolved", by: v.staff.id });
      } else {
        const { note } = z.object({ note: z.string().trim().min(1).max(500) }).parse(req.body);
        await alerts.addEvent(alert.id, { at, event: "note", by: v.staff.id, note });
      }
      await svc.audit.append({ at, staffId: v.staff.id, email: v.staff.email, orgId: alert.orgId, action, target: alert.id });
      const referer = String(req.headers.referer ?? "");
      return redirectBack(reply, referer.includes(`/alerts/${alert.id}`) ? `/alerts/${alert.id}` : "/");
    });
  act("acknowledge");
  act("resolve");
  act("note");

  /** Active trips of travellers who chose the viewer's organisation: landmark and deadline only, no names. */
  fastify.get("/trips", async (req, reply) => {
    const v = viewer(req);
    const { hours } = z.object({ hours: z.coerce.number().int().min(1).max(72).default(24) }).parse(req.query);
    const now = deps.now();
    const ids = await deps.redis.zrangebyscore(deps.keys.activeTrips(), "-inf", now.getTime() + hours * 3_600_000, "LIMIT", 0, 500);
    const rows: { landmarkId: string; deadline: Date; escalated: boolean }[] = [];
    // Consent today is to the NGO configured by NGO_NAME, the default organisation.
    if (v.staff.role === "admin" || v.staff.orgId === DEFAULT_ORG_ID) {
      for (const travellerId of ids) {
        const person = await deps.persons.get(travellerId);
        if (!person?.ngoConsent) continue;
        const trip = await deps.trips.get(travellerId);
        if (trip?.status === "active") rows.push({ landmarkId: trip.landmarkId, deadline: trip.deadline, escalated: trip.escalated });
      }
    }
    rows.sort((a, b) => a.deadline.getTime() - b.deadline.getTime());
    const landmarks = await landmarksFor(svc, rows.map((r) => r.landmarkId));
    const body = html`<h1>${v.t("trips-title")}</h1>
<p class="muted">${v.t("trips-intro", { hours: formatNumber(hours, v.locale) })}</p>
${rows.length
  ? html`<div class="table-wrap"><table><thead><tr><th>${v.t("trip-landmark")}</th><th>${v.t("alert-deadline")}</th><th>${v.t("trip-state")}</th></tr></thead><tbody>
${rows.map((r) => {
  const p = place(v, landmarks, r.landmarkId);
  const late = r.deadline.getTime() < now.getTime();
  return html`<tr><td>${p.name}</td><td>${when(v, r.deadline, p.zone)}</td><td>${r.escalated ? html`<span class="badge open">${v.t("trip-escalated")}</span>` : late ? html`<span class="badge missed">${v.t("alert-overdue", { minutes: minutesSince(v, r.deadline, now) })}</span>` : v.t("trip-on-time")}</td></tr>`;
})}</tbody></table></div>`
  : html`<p class="card muted">${v.t("trips-none")}</p>`}`;
    return sendPage(reply, layout(v, v.t("trips-title"), body));
  });
};
