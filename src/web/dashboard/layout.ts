/** Dashboard responses: the page layout (navigation by role, language links), error pages, and redirects. */
import type { FastifyReply } from "fastify";
import { html, type Html } from "./html.ts";
import { DASHBOARD_LOCALES, DASHBOARD_LOCALE_NAMES, direction } from "./i18n.ts";
import { localPath } from "./request-checks.ts";
import { atLeast, type Anonymous, type Viewer } from "./viewer.ts";

export const ASSET_VERSION = "1";

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

/** After a POST or a language choice: back to a page of this site only, else to the start page. */
export function redirectBack(reply: FastifyReply, to: string): FastifyReply {
  return reply.status(303).header("location", localPath(to) ?? "/").send();
}
