/** Staff management (coordinators: their organisation; admins: all), the audit log, organisations and queues. */
import type { FastifyPluginAsync } from "fastify";
import { z } from "zod";
import { formatLocalTime, formatNumber } from "../../i18n/format.ts";
import { ORG_ID } from "../../store/org-repository.ts";
import { EMAIL, StaffExistsError, isStaffRole, normaliseEmail, type Staff, type StaffRole } from "../../store/staff-repository.ts";
import { html, type Html } from "./html.ts";
import { atLeast, csrfField, forbidden, layout, notFound, redirectBack, scopeOf, sendPage, type Viewer } from "./context.ts";
import type { DashboardRouteOptions } from "./context.ts";
import { hashPassword, passwordProblem } from "./password.ts";

const QUEUE_STATES = ["waiting", "prioritized", "active", "delayed", "failed", "completed"] as const;

/** Roles a user may give: coordinators add caseworkers and coordinators of their organisation; admins anything. */
function grantable(v: Viewer): StaffRole[] {
  return v.staff.role === "admin" ? ["caseworker", "coordinator", "admin"] : ["caseworker", "coordinator"];
}

/** Whether `v` may disable or enable `target`: same organisation (or admin), not an admin unless admin, not oneself. */
function canManage(v: Viewer, target: Staff): boolean {
  if (target.id === v.staff.id) return false;
  if (v.staff.role === "admin") return true;
  return v.staff.role === "coordinator" && target.orgId === v.staff.orgId && target.role !== "admin";
}

export const adminRoutes: FastifyPluginAsync<DashboardRouteOptions> = async (fastify, { svc, viewer }) => {
  const { deps } = svc;

  async function staffPage(v: Viewer, flash?: { kind: "ok" | "error"; text: string }, form: Record<string, string> = {}): Promise<Html> {
    const { t } = v;
    const staff = await svc.staff.list(scopeOf(v.staff));
    const orgs = v.staff.role === "admin" ? await svc.orgs.list() : [];
    const rows = staff.map(
      (s) => html`<tr><td>${s.email}</td><td>${t(`role-${s.role}`)}</td>${v.staff.role === "admin" ? html`<td>${s.orgId}</td>` : ""}
<td>${s.disabled ? html`<span class="badge open">${t("staff-disabled")}</span>` : html`<span class="badge resolved">${t("staff-active")}</span>`}${s.totpSecret ? html` <span class="badge">TOTP</span>` : ""}</td>
<td>${canManage(v, s) ? html`<form method="post" action="/staff/${s.id}/${s.disabled ? "enable" : "disable"}">${csrfField(v)}<button type="submit" class="${s.disabled ? "" : "danger"}">${t(s.disabled ? "staff-enable" : "staff-disable")}</button></form>` : ""}</td></tr>`,
    );
    return layout(
      v,
      t("nav-staff"),
      html`<h1>${t("nav-staff")}</h1>
<div class="table-wrap"><table><thead><tr><th>${t("staff-email")}</th><th>${t("staff-role")}</th>${v.staff.role === "admin" ? html`<th>${t("staff-org")}</th>` : ""}<th>${t("staff-state")}</th><th></th></tr></thead>
<tbody>${rows}</tbody></table></div>
<div class="card"><h2>${t("staff-add")}</h2>
<form class="stack" method="post" action="/staff">${csrfField(v)}
<label>${t("staff-email")}<input type="email" name="email" value="${form.email ?? ""}" required dir="ltr"></label>
<label>${t("staff-role")}<select name="role">${grantable(v).map((r) => html`<option value="${r}"${form.role === r ? html` selected` : ""}>${t(`role-${r}`)}</option>`)}</select></label>
${v.staff.role === "admin" ? html`<label>${t("staff-org")}<select name="org">${orgs.map((o) => html`<option value="${o.id}"${(form.org ?? v.staff.orgId) === o.id ? html` selected` : ""}>${o.name} (${o.id})</option>`)}</select></label>` : ""}
<label>${t("staff-initial-password")}<input type="password" name="password" autocomplete="new-password" minlength="12" required></label>
<p class="muted small">${t("staff-password-hint")}</p>
<button class="primary" type="submit">${t("staff-add")}</button></form></div>`,
      flash ? { flash } : {},
    );
  }

  fastify.get("/staff", async (req, reply) => {
    const v = viewer(req);
    if (!atLeast(v.staff, "coordinator")) return forbidden(reply, v);
    return sendPage(reply, await staffPage(v));
  });

  fastify.post("/staff", async (req, reply) => {
    const v = viewer(req);
    if (!atLeast(v.staff, "coordinator")) return forbidden(reply, v);
    const body = z
      .object({ email: z.string().max(320), role: z.string().max(20), org: z.string().max(40).optional(), password: z.string().max(1024) })
      .parse(req.body);
    const form = { email: body.email, role: body.role, org: body.org ?? "" };
    const fail = async (text: string, status = 400) => sendPage(reply, await staffPage(v, { kind: "error", text }, form), status);
    const email = normaliseEmail(body.email);
    if (!EMAIL.test(email)) return fail(v.t("staff-bad-email"));
    if (!isStaffRole(body.role) || !grantable(v).includes(body.role)) return forbidden(reply, v);
    const orgId = v.staff.role === "admin" ? (body.org ?? v.staff.orgId) : v.staff.orgId;
    if (!(await svc.orgs.get(orgId))) return fail(v.t("org-unknown", { id: orgId }));
    const problem = passwordProblem(body.password, email);
    if (problem) return fail(v.t("password-weak", { problem: v.t(`password-problem-${problem}`) }));
    try {
      await svc.staff.create({ email, orgId, role: body.role, passwordHash: await hashPassword(body.password) }, deps.now());
    } catch (err) {
      if (err instanceof StaffExistsError) return fail(v.t("staff-exists"), 409);
      throw err;
    }
    await svc.audit.append({ at: deps.now(), staffId: v.staff.id, email: v.staff.email, orgId, action: "add-staff", target: email });
    return sendPage(reply, await staffPage(v, { kind: "ok", text: v.t("staff-added", { email }) }));
  });

  for (const action of ["disable", "enable"] as const) {
    fastify.post(`/staff/:id/${action}`, async (req, reply) => {
      const v = viewer(req);
      if (!atLeast(v.staff, "coordinator")) return forbidden(reply, v);
      const { id } = z.object({ id: z.string().max(64) }).parse(req.params);
      const target = await svc.staff.get(id);
      // Someone of another organisation is "not found", like a case of another organisation.
      if (!target || (v.staff.role !== "admin" && target.orgId !== v.staff.orgId)) return notFound(reply, v);
      if (!canManage(v, target)) return forbidden(reply, v);
      await svc.staff.setDisabled(target.id, action === "disable");
      if (action === "disable") await svc.sessions.revokeAll(target.id);
      await svc.audit.append({ at: deps.now(), staffId: v.staff.id, email: v.staff.email, orgId: target.orgId, action: `${action}-staff`, target: target.email });
      return redirectBack(reply, "/staff");
    });
  }

  fastify.get("/audit", async (req, reply) => {
    const v = viewer(req);
    if (!atLeast(v.staff, "coordinator")) return forbidden(reply, v);
    const entries = await svc.audit.list(scopeOf(v.staff), 300);
    const body = html`<h1>${v.t("nav-audit")}</h1>
<p class="muted small">${v.t("audit-intro")}</p>
<div class="table-wrap"><table><thead><tr><th>${v.t("audit-when")}</th><th>${v.t("audit-who")}</th><th>${v.t("audit-action")}</th><th>${v.t("audit-target")}</th>${v.staff.role === "admin" ? html`<th>${v.t("staff-org")}</th>` : ""}</tr></thead>
<tbody>${entries.map(
      (e) => html`<tr><td><time datetime="${e.at.toISOString()}">${formatLocalTime(e.at, v.locale, "UTC")}</time> UTC</td><td>${e.email}</td><td>${e.action}</td>
<td class="mono">${/^[0-9a-f]{8}-/.test(e.target) ? html`<a href="/alerts/${e.target}">${e.target.slice(0, 8)}</a>` : e.target}</td>${v.staff.role === "admin" ? html`<td>${e.orgId}</td>` : ""}</tr>`,
    )}</tbody></table></div>`;
    return sendPage(reply, layout(v, v.t("nav-audit"), body));
  });

  fastify.get("/orgs", async (req, reply) => {
    const v = viewer(req);
    if (v.staff.role !== "admin") return forbidden(reply, v);
    const orgs = await svc.orgs.list();
    const body = html`<h1>${v.t("nav-orgs")}</h1>
<div class="table-wrap"><table><thead><tr><th>${v.t("org-id")}</th><th>${v.t("org-name")}</th></tr></thead>
<tbody>${orgs.map((o) => html`<tr><td class="mono">${o.id}</td><td>${o.name}</td></tr>`)}</tbody></table></div>
<div class="card"><h2>${v.t("org-add")}</h2><form class="stack" method="post" action="/orgs">${csrfField(v)}
<label>${v.t("org-id")}<input type="text" name="id" required pattern="[a-z0-9][a-z0-9\\-]{0,31}" dir="ltr"></label>
<label>${v.t("org-name")}<input type="text" name="name" required maxlength="120"></label>
<button class="primary" type="submit">${v.t("org-add")}</button></form></div>`;
    return sendPage(reply, layout(v, v.t("nav-orgs"), body));
  });

  fastify.post("/orgs", async (req, reply) => {
    const v = viewer(req);
    if (v.staff.role !== "admin") return forbidden(reply, v);
    const body = z.object({ id: z.string().regex(ORG_ID), name: z.string().trim().min(1).max(120) }).safeParse(req.body);
    if (!body.success) return redirectBack(reply, "/orgs");
    await svc.orgs.put(body.data.id, body.data.name, deps.now());
    await svc.audit.append({ at: deps.now(), staffId: v.staff.id, email: v.staff.email, orgId: body.data.id, action: "add-org", target: body.data.id });
    return redirectBack(reply, "/orgs");
  });

  /** Queue depths for admins at a glance; the full read-only board is at /admin/queues. */
  fastify.get("/queues", async (req, reply) => {
    const v = viewer(req);
    if (v.staff.role !== "admin") return forbidden(reply, v);
    const counts = await Promise.all(deps.queues.map(async (q) => ({ name: q.name, counts: await q.getJobCounts(...QUEUE_STATES) })));
    const body = html`<h1>${v.t("nav-queues")}</h1>
<p class="muted small">${v.t("queues-intro")}</p>
<p><a href="/admin/queues">${v.t("queues-board")}</a></p>
<div class="table-wrap"><table><thead><tr><th>${v.t("queue-name")}</th>${QUEUE_STATES.map((s) => html`<th>${v.t(`queue-${s}`)}</th>`)}</tr></thead>
<tbody>${counts.map((q) => html`<tr><td class="mono">${q.name}</td>${QUEUE_STATES.map((s) => html`<td>${formatNumber(q.counts[s] ?? 0, v.locale)}</td>`)}</tr>`)}</tbody></table></div>`;
    return sendPage(reply, layout(v, v.t("nav-queues"), body));
  });
};
