/** Sign-in, sign-out, language choice, and the user's own account (password, TOTP second factor). */
import { randomBytes } from "node:crypto";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { html } from "./html.ts";
import {
  LANG_COOKIE, LOGIN_CSRF_COOKIE, SESSION_COOKIE, anonymous, cookieName, csrfField, isSecure, layout, parseCookies, redirectBack,
  sameToken, sendPage, setCookie, viewerOf, type Anonymous, type DashboardServices, type Viewer,
} from "./context.ts";
import type { DashboardRouteOptions } from "./context.ts";
import { isDashLocale } from "./i18n.ts";
import { hashPassword, passwordProblem, verifyDummy, verifyPassword } from "./password.ts";
import { newTotpSecret, otpauthUri, verifyTotp } from "./totp.ts";

const loginBody = z.object({
  email: z.string().max(320).default(""),
  password: z.string().max(1024).default(""),
  code: z.string().max(16).default(""),
  _csrf: z.string().max(128).default(""),
});

function loginPage(ctx: Anonymous, token: string, email: string, error?: string) {
  const { t } = ctx;
  return layout(
    ctx,
    t("login-title"),
    html`<div class="login card">
  <h1>${t("login-title")}</h1>
  <form class="stack" method="post" action="/login">
    <input type="hidden" name="_csrf" value="${token}">
    <label>${t("login-email")}<input type="email" name="email" value="${email}" autocomplete="username" required autofocus></label>
    <label>${t("login-password")}<input type="password" name="password" autocomplete="current-password" required></label>
    <label>${t("login-code")}<input type="text" name="code" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" autocomplete="one-time-code"></label>
    <button class="primary" type="submit">${t("login-submit")}</button>
  </form>
  <p class="muted small">${t("login-hint")}</p>
</div>`,
    error ? { flash: { kind: "error", text: error } } : {},
  );
}

/** A fresh login-form token in a cookie (double submit): there is no session yet to hold one. */
function loginToken(req: FastifyRequest, reply: FastifyReply, svc: DashboardServices): string {
  const token = randomBytes(24).toString("base64url");
  const secure = isSecure(req, svc);
  setCookie(reply, cookieName(LOGIN_CSRF_COOKIE, secure), token, { secure, maxAgeS: 3600, sameSite: "Strict" });
  return token;
}

export const authRoutes: FastifyPluginAsync<DashboardRouteOptions> = async (fastify, { svc, viewer }) => {
  const { deps } = svc;

  fastify.get("/login", async (req, reply) => {
    if (await viewerOf(req, svc)) return redirectBack(reply, "/");
    return sendPage(reply, loginPage(anonymous(req), loginToken(req, reply, svc), ""));
  });

  fastify.post("/login", async (req, reply) => {
    const ctx = anonymous(req);
    const body = loginBody.parse(req.body ?? {});
    const secure = isSecure(req, svc);
    const cookieToken = parseCookies(req.headers.cookie)[cookieName(LOGIN_CSRF_COOKIE, secure)];
    if (!cookieToken || !sameToken(cookieToken, body._csrf)) {
      return sendPage(reply, loginPage(ctx, loginToken(req, reply, svc), body.email, ctx.t("login-expired")), 403);
    }
    const email = body.email.trim().toLowerCase();
    // Counted before the password is checked: parallel guesses are counted too, and never reach argon2 past the limit.
    const attempt = await svc.limiter.attempt(req.ip, email);
    if (!attempt.allowed) {
      deps.metrics.logins.inc({ result: "limited" });
      const text = ctx.t(attempt.reason === "locked" ? "login-locked" : "login-too-many");
      return sendPage(reply.header("retry-after", String(attempt.retryAfterS)), loginPage(ctx, loginToken(req, reply, svc), body.email, text), 429);
    }
    const staff = email ? await svc.staff.findByEmail(email) : undefined;
    let ok = staff && !staff.disabled ? await verifyPassword(staff.passwordHash, body.password) : await verifyDummy(body.password);
    if (ok && staff?.totpSecret) {
      const step = verifyTotp(staff.totpSecret, body.code.trim(), deps.now());
      // A code is good once: a code seen over a shoulder cannot be replayed within its 30 s.
      ok = step !== undefined && (await deps.redis.set(svc.keys.totpUsed(staff.id, step), "1", "PX", 120_000, "NX")) === "OK";
    }
    if (!ok || !staff) {
      deps.metrics.logins.inc({ result: "failed" });
      return sendPage(reply, loginPage(ctx, loginToken(req, reply, svc), body.email, ctx.t("login-failed")), 401);
    }
    await svc.limiter.succeeded(attempt);
    deps.metrics.logins.inc({ result: "ok" });
    const { id } = await svc.sessions.create(staff.id, deps.now());
    setCookie(reply, cookieName(SESSION_COOKIE, secure), id, { secure, sameSite: "Lax" });
    setCookie(reply, cookieName(LOGIN_CSRF_COOKIE, secure), "", { secure, maxAgeS: 0, sameSite: "Strict" });
    await svc.audit.append({ at: deps.now(), staffId: staff.id, email: staff.email, orgId: staff.orgId, action: "sign-in", target: staff.email });
    return redirectBack(reply, "/");
  });

  fastify.get("/logout", async (req, reply) => {
    const v = viewer(req);
    return sendPage(
      reply,
      layout(v, v.t("logout"), html`<div class="card"><h1>${v.t("logout")}</h1>
<form method="post" action="/logout">${csrfField(v)}<button class="primary" type="submit">${v.t("logout")}</button></form></div>`),
    );
  });

  fastify.post("/logout", async (req, reply) => {
    const v = viewer(req);
    await svc.sessions.destroy(v.sessionId);
    const secure = isSecure(req, svc);
    setCookie(reply, cookieName(SESSION_COOKIE, secure), "", { secure, maxAgeS: 0 });
    return redirectBack(reply, "/login");
  });

  /** Language links work without JavaScript and without a session (the login page has them too). */
  fastify.get("/lang/:locale", async (req, reply) => {
    const { locale } = z.object({ locale: z.string().max(8) }).parse(req.params);
    const back = z.object({ back: z.string().max(512).optional() }).parse(req.query).back ?? "/";
    if (isDashLocale(locale)) {
      const secure = isSecure(req, svc);
      setCookie(reply, LANG_COOKIE, locale, { secure, maxAgeS: 365 * 86_400 });
      const v = await viewerOf(req, svc);
      if (v) await svc.staff.setLocale(v.staff.id, locale);
    }
    return redirectBack(reply, back);
  });

  const accountPage = (v: Viewer, flash?: { kind: "ok" | "error"; text: string }, pendingSecret?: string) => {
    const { t } = v;
    const secret = pendingSecret ?? newTotpSecret();
    const totp = v.staff.totpSecret
      ? html`<p>${t("totp-on")}</p>
<form class="stack" method="post" action="/account/totp/disable">${csrfField(v)}
  <label>${t("login-password")}<input type="password" name="password" autocomplete="current-password" required></label>
  <button class="danger" type="submit">${t("totp-disable")}</button></form>`
      : html`<p>${t("totp-off")}</p>
<p class="small">${t("totp-setup")}</p>
<p><code>${secret}</code></p>
<p class="small mono">${otpauthUri(secret, v.staff.email)}</p>
<form class="stack" method="post" action="/account/totp">${csrfField(v)}
  <input type="hidden" name="secret" value="${secret}">
  <label>${t("login-code")}<input type="text" name="code" inputmode="numeric" pattern="[0-9]{6}" maxlength="6" autocomplete="one-time-code" required></label>
  <button class="primary" type="submit">${t("totp-enable")}</button></form>`;
    return layout(
      v,
      t("nav-account"),
      html`<h1>${t("nav-account")}</h1>
<div class="card"><dl class="facts">
  <dt>${t("staff-email")}</dt><dd>${v.staff.email}</dd>
  <dt>${t("staff-role")}</dt><dd>${t(`role-${v.staff.role}`)}</dd>
  <dt>${t("staff-org")}</dt><dd>${v.staff.orgId}</dd>
</dl></div>
<div class="card"><h2>${t("password-change")}</h2>
<form class="stack" method="post" action="/account/password">${csrfField(v)}
  <label>${t("password-current")}<input type="password" name="current" autocomplete="current-password" required></label>
  <label>${t("password-new")}<input type="password" name="password" autocomplete="new-password" minlength="12" required></label>
  <button class="primary" type="submit">${t("password-change")}</button></form></div>
<div class="card"><h2>${t("totp-title")}</h2>${totp}</div>`,
      flash ? { flash } : {},
    );
  };

  fastify.get("/account", async (req, reply) => sendPage(reply, accountPage(viewer(req))));

  fastify.post("/account/password", async (req, reply) => {
    const v = viewer(req);
    const body = z.object({ current: z.string().max(1024), password: z.string().max(1024) }).parse(req.body);
    if (!(await verifyPassword(v.staff.passwordHash, body.current))) {
      return sendPage(reply, accountPage(v, { kind: "error", text: v.t("password-wrong") }), 400);
    }
    const problem = passwordProblem(body.password, v.staff.email);
    if (problem) return sendPage(reply, accountPage(v, { kind: "error", text: v.t("password-weak", { problem: v.t(`password-problem-${problem}`) }) }), 400);
    await svc.staff.setPasswordHash(v.staff.id, await hashPassword(body.password));
    // Every other session ends; this one is replaced.
    await svc.sessions.revokeAll(v.staff.id);
    const { id, session } = await svc.sessions.create(v.staff.id, deps.now());
    const secure = isSecure(req, svc);
    setCookie(reply, cookieName(SESSION_COOKIE, secure), id, { secure, sameSite: "Lax" });
    return sendPage(reply, accountPage({ ...v, session, sessionId: id }, { kind: "ok", text: v.t("password-changed") }));
  });

  fastify.post("/account/totp", async (req, reply) => {
    const v = viewer(req);
    const body = z.object({ secret: z.string().regex(/^[A-Z2-7]{32}$/), code: z.string().max(16) }).parse(req.body);
    if (verifyTotp(body.secret, body.code.trim(), deps.now()) === undefined) {
      return sendPage(reply, accountPage(v, { kind: "error", text: v.t("totp-wrong") }, body.secret), 400);
    }
    await svc.staff.setTotpSecret(v.staff.id, body.secret);
    const staff = (await svc.staff.get(v.staff.id))!;
    return sendPage(reply, accountPage({ ...v, staff }, { kind: "ok", text: v.t("totp-enabled") }));
  });

  fastify.post("/account/totp/disable", async (req, reply) => {
    const v = viewer(req);
    const body = z.object({ password: z.string().max(1024) }).parse(req.body);
    if (!(await verifyPassword(v.staff.passwordHash, body.password))) {
      return sendPage(reply, accountPage(v, { kind: "error", text: v.t("password-wrong") }), 400);
    }
    await svc.staff.setTotpSecret(v.staff.id, undefined);
    const staff = (await svc.staff.get(v.staff.id))!;
    return sendPage(reply, accountPage({ ...v, staff }, { kind: "ok", text: v.t("totp-disabled") }));
  });
};
