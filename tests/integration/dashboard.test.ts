/**
 * The NGO dashboard's permission boundaries, through Fastify's inject: sign-in (CSRF, rate limit, lockout),
 * sessions (revoked when a user is disabled), CSRF on every form, organisations (a caseworker of org A never
 * reads or changes a case of org B, guessed ids included), roles, the audit log, TOTP, metrics, the Arabic
 * layout. The landmark pages are in dashboard-landmarks.test.ts, the attacker's view in dashboard-security.test.ts
 * and dashboard-sessions.test.ts; the shared world (orgs, staff, alerts) is tests/support/dashboard-world.ts.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { App } from "../../src/app.ts";
import { runUsersCommand } from "../../src/cli/users.ts";
import { DashboardKeys } from "../../src/store/dashboard-keys.ts";
import { ngoAlertId } from "../../src/domain/ngo-alert.ts";
import { StaffRepository } from "../../src/store/staff-repository.ts";
import { totp } from "../../src/web/dashboard/totp.ts";
import { DashClient, PASSWORD, addUser, multipart } from "../support/dashboard-client.ts";
import { makeJpeg } from "../support/photos.ts";
import { METRICS_TOKEN, startDashboardWorld, type DashboardWorld } from "../support/dashboard-world.ts";

let world: DashboardWorld;
let app: App;
let alertA: string;
let alertB: string;
let duressA: string;

before(async () => {
  world = await startDashboardWorld();
  ({ app, alertA, alertB, duressA } = world);
});

after(() => world?.stop());

const signedIn = (email: string, headers?: Record<string, string>) => world.signedIn(email, headers);

describe("without a session", () => {
  test("pages redirect to /login; the live list answers 401", async () => {
    const c = new DashClient(app);
    for (const url of ["/", "/trips", "/landmarks", "/staff", "/audit", `/alerts/${alertA}`, "/account", "/queues"]) {
      const res = await c.get(url);
      assert.equal(res.status, 303, url);
      assert.equal(res.headers.location, "/login", url);
    }
    assert.equal((await c.get("/alerts/live")).status, 401);
    const post = await c.post(`/alerts/${alertA}/acknowledge`, { _csrf: "x" });
    assert.equal(post.status, 303);
    assert.equal((await app.workerDeps.ngoAlerts.get(alertA))!.status, "open");
  });

  test("the login form has email, password and _csrf fields, in the browser's language", async () => {
    const page = await new DashClient(app, { "accept-language": "ar-SY,ar;q=0.9,en;q=0.5" }).get("/login");
    assert.equal(page.status, 200);
    for (const field of ["email", "password", "_csrf"]) assert.match(page.body, new RegExp(`name="${field}"`));
    assert.match(page.body, /<html lang="ar" dir="rtl">/);
    assert.match(String(page.headers["content-security-policy"]), /default-src 'none'/);
  });
});

describe("sign-in", () => {
  test("a session cookie is HttpOnly and SameSite; Secure with a __Host- name behind TLS", async () => {
    const plain = new DashClient(app);
    const page = await plain.get("/login");
    const res = await plain.post("/login", { email: "case-a@example.org", password: PASSWORD, _csrf: DashClient.csrf(page.body) });
    const cookie = [res.headers["set-cookie"]].flat().map(String).find((c) => c.startsWith("sa_session="));
    assert.ok(cookie, "session cookie");
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.doesNotMatch(cookie, /Secure/);
    assert.match(cookie, /^sa_session=[A-Za-z0-9_-]{43};/, "256-bit random id");

    const tls = new DashClient(app, { "x-forwarded-proto": "https" });
    const tlsPage = await tls.get("/login");
    const tlsRes = await tls.post("/login", { email: "case-a@example.org", password: PASSWORD, _csrf: DashClient.csrf(tlsPage.body) });
    const secure = [tlsRes.headers["set-cookie"]].flat().map(String).find((c) => c.startsWith("__Host-sa_session="));
    assert.ok(secure, "__Host- cookie behind TLS");
    assert.match(secure, /; Secure/);
    assert.equal((await tls.get("/")).status, 200);
  });

  test("the login form without its CSRF token is refused with 403", async () => {
    const c = new DashClient(app);
    await c.get("/login");
    assert.equal((await c.post("/login", { email: "case-a@example.org", password: PASSWORD })).status, 403);
    assert.equal((await c.post("/login", { email: "case-a@example.org", password: PASSWORD, _csrf: "forged" })).status, 403);
    assert.equal((await new DashClient(app).post("/login", { email: "case-a@example.org", password: PASSWORD, _csrf: "x" })).status, 403);
  });

  test("wrong passwords: 401, then 429 past the limit for that address and email, even with the right password", async () => {
    await addUser(app, "target@example.org", "caseworker");
    const c = new DashClient(app, { "x-forwarded-for": "ignored" });
    for (let i = 0; i < 5; i++) assert.equal((await c.login("target@example.org", "wrong password number " + i)).status, 401);
    const limited = await c.login("target@example.org", PASSWORD);
    assert.equal(limited.status, 429);
    assert.match(limited.body, /Too many attempts/);
    assert.equal(c.cookies.has("sa_session"), false);
  });

  // The account lock (failures from many addresses, behind a proxy) is in dashboard-security.test.ts.

  test("an unknown email and a wrong password answer alike", async () => {
    const a = await new DashClient(app).login("nobody@example.org", "whatever password");
    const b = await new DashClient(app).login("case-a2@example.org", "whatever password");
    assert.equal(a.status, 401);
    assert.equal(b.status, 401);
    assert.match(a.body, /Wrong email, password or code/);
    assert.match(b.body, /Wrong email, password or code/);
  });

  test("logout ends the session", async () => {
    const c = await signedIn("case-a2@example.org");
    const token = await c.token();
    assert.equal((await c.post("/logout", { _csrf: token })).status, 303);
    assert.equal((await c.get("/")).headers.location, "/login");
  });
});

describe("organisations", () => {
  test("a caseworker of org A sees org A's alerts, duress first, and never org B's", async () => {
    const c = await signedIn("case-a@example.org");
    const page = await c.get("/");
    assert.equal(page.status, 200);
    assert.ok(page.body.includes(alertA.slice(0, 8)));
    assert.ok(!page.body.includes(alertB), "org B's alert is not listed");
    assert.ok(page.body.indexOf(duressA) < page.body.indexOf(alertA), "duress first");
    assert.ok(!(await c.get("/alerts/live")).body.includes(alertB));
  });

  test("org B's case by id answers exactly like a case that does not exist, and cannot be changed", async () => {
    const c = await signedIn("case-a@example.org");
    const token = await c.token();
    const theirs = await c.get(`/alerts/${alertB}`);
    const none = await c.get(`/alerts/${ngoAlertId(randomUUID(), "missed")}`);
    assert.equal(theirs.status, 404);
    assert.equal(none.status, 404);
    const noId = (body: string) => body.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "ID");
    assert.equal(noId(theirs.body), noId(none.body));
    for (const action of ["acknowledge", "resolve", "note"]) {
      assert.equal((await c.post(`/alerts/${alertB}/${action}`, { _csrf: token, note: "x" })).status, 404, action);
    }
    assert.equal((await app.workerDeps.ngoAlerts.get(alertB))!.status, "open");
    assert.equal((await app.workerDeps.ngoAlerts.timeline(alertB)).length, 1);
    // Guessing: malformed ids and other org's ids alike.
    for (const id of ["../staff", "1", alertB.toUpperCase(), `${alertB}x`]) {
      assert.equal((await c.get(`/alerts/${encodeURIComponent(id)}`)).status, 404, id);
    }
  });

  test("org B's coordinator sees only org B; an admin sees both", async () => {
    const b = await signedIn("coord-b@example.org");
    const bPage = await b.get("/");
    assert.ok(bPage.body.includes(alertB.slice(0, 8)));
    assert.ok(!bPage.body.includes(alertA) && !bPage.body.includes(duressA));
    assert.equal((await b.get(`/alerts/${alertA}`)).status, 404);
    const admin = await signedIn("admin@example.org");
    const all = await admin.get("/");
    assert.ok(all.body.includes(alertA.slice(0, 8)) && all.body.includes(alertB.slice(0, 8)));
    assert.equal((await admin.get(`/alerts/${alertB}`)).status, 200);
  });
});

describe("queue board", () => {
  test("bull-board is for admins only, read-only, with job data redacted", async () => {
    await app.producers.verify({ checkinId: "00000000-0000-4000-8000-00000000abcd" });
    assert.equal((await new DashClient(app).get("/admin/queues")).status, 303, "no session: to the login page");
    const caseworker = await signedIn("case-a@example.org");
    assert.equal((await caseworker.get("/admin/queues")).status, 403);
    assert.equal((await caseworker.get("/admin/queues/api/queues?activeQueue=verify&status=waiting&page=1&jobsPerPage=10")).status, 403);
    const admin = await signedIn("admin@example.org");
    const page = await admin.get("/admin/queues");
    assert.equal(page.status, 200);
    const api = await admin.get("/admin/queues/api/queues?activeQueue=verify&status=waiting&page=1&jobsPerPage=10");
    assert.equal(api.status, 200);
    const verify = (JSON.parse(api.body) as { queues: { name: string; readOnlyMode: boolean; jobs: { data: unknown }[] }[] }).queues.find((q) => q.name === "verify")!;
    assert.equal(verify.readOnlyMode, true);
    assert.ok(verify.jobs.length >= 1);
    for (const job of verify.jobs) assert.equal(job.data, "[redacted]");
    assert.ok(!api.body.includes("checkinId"), "no job payload in the board (ids in job names are random, not personal)");
  });
});

describe("forms", () => {
  test("a POST without the session's CSRF token is 403 and changes nothing", async () => {
    const c = await signedIn("case-a@example.org");
    assert.equal((await c.post(`/alerts/${alertA}/acknowledge`, {})).status, 403);
    assert.equal((await c.post(`/alerts/${alertA}/acknowledge`, { _csrf: "A".repeat(43) })).status, 403);
    const other = await signedIn("case-a2@example.org");
    assert.equal((await c.post(`/alerts/${alertA}/acknowledge`, { _csrf: await other.token() })).status, 403, "another session's token");
    const token = await c.token();
    assert.equal((await c.post(`/alerts/${alertA}/acknowledge`, { _csrf: token }, { origin: "https://evil.example" })).status, 403, "cross-origin");
    const { body, contentType } = multipart({}, { name: "photo", filename: "x.jpg", type: "image/jpeg", bytes: await makeJpeg({ width: 640, height: 480, seed: 1 }) });
    assert.equal((await c.request("POST", "/landmarks/athens-syntagma-square/test", { body, contentType })).status, 403, "multipart without token");
    assert.equal((await app.workerDeps.ngoAlerts.get(alertA))!.status, "open");
  });

  test("acknowledge, note, resolve: the timeline says who, and the audit log records views and changes", async () => {
    const c = await signedIn("case-a@example.org");
    const token = await c.token();
    assert.equal((await c.post(`/alerts/${alertA}/acknowledge`, { _csrf: token })).status, 303);
    assert.equal((await c.post(`/alerts/${alertA}/note`, { _csrf: token, note: "Called the shelter <b>x</b>" })).status, 303);
    const detail = await c.get(`/alerts/${alertA}`);
    assert.match(detail.body, /Acknowledged by .*case-a@example\.org/);
    assert.ok(detail.body.includes("Called the shelter &lt;b&gt;x&lt;/b&gt;"), "notes are escaped");
    assert.equal((await c.post(`/alerts/${alertA}/resolve`, { _csrf: token })).status, 303);
    const alert = await app.workerDeps.ngoAlerts.get(alertA);
    assert.equal(alert!.status, "resolved");
    const events = (await app.workerDeps.ngoAlerts.timeline(alertA)).map((e) => e.event);
    assert.deepEqual(events, ["opened:missed", "acknowledged", "note", "resolved"]);

    assert.equal((await c.get("/audit")).status, 403, "caseworkers do not read the audit log");
    const coord = await signedIn("coord-a@example.org");
    const audit = await coord.get("/audit");
    assert.equal(audit.status, 200);
    for (const action of ["view-alert", "acknowledge", "note", "resolve"]) assert.match(audit.body, new RegExp(`<td>${action}</td>`));
    const coordB = await signedIn("coord-b@example.org");
    assert.ok(!(await coordB.get("/audit")).body.includes(alertA.slice(0, 8)), "org B's log does not show org A's cases");
  });
});

describe("staff", () => {
  test("caseworkers cannot manage staff; coordinators manage their own organisation only", async () => {
    const c = await signedIn("case-a@example.org");
    assert.equal((await c.get("/staff")).status, 403);
    assert.equal((await c.post("/staff", { _csrf: await c.token(), email: "x@example.org", role: "caseworker", password: PASSWORD })).status, 403);

    const coord = await signedIn("coord-a@example.org");
    const token = await coord.token();
    const list = await coord.get("/staff");
    assert.ok(list.body.includes("case-a@example.org") && !list.body.includes("case-b@example.org"));
    assert.equal((await coord.post("/staff", { _csrf: token, email: "boss@example.org", role: "admin", password: PASSWORD })).status, 403);
    const weak = await coord.post("/staff", { _csrf: token, email: "new@example.org", role: "caseworker", password: "short" });
    assert.equal(weak.status, 400);
    assert.match(weak.body, /too weak/);
    const added = await coord.post("/staff", { _csrf: token, email: "new@example.org", role: "caseworker", password: PASSWORD, org: "ngo-b" });
    assert.equal(added.status, 200);
    const created = await new StaffRepository(app.redis, new DashboardKeys(app.config.REDIS_PREFIX)).findByEmail("new@example.org");
    assert.equal(created?.orgId, "default", "a coordinator cannot place users in another organisation");
    const caseB = await new StaffRepository(app.redis, new DashboardKeys(app.config.REDIS_PREFIX)).findByEmail("case-b@example.org");
    assert.equal((await coord.post(`/staff/${caseB!.id}/disable`, { _csrf: token })).status, 404);
    assert.equal((await caseworkerOfB()).status, 200, "org B's caseworker still signed in");
  });

  async function caseworkerOfB() {
    const c = await signedIn("case-b@example.org");
    return c.get("/");
  }

  test("disabling a user ends their sessions at once and blocks signing in", async () => {
    await addUser(app, "leaving@example.org", "caseworker");
    const leaving = await signedIn("leaving@example.org");
    assert.equal((await leaving.get("/")).status, 200);
    const coord = await signedIn("coord-a@example.org");
    const user = await new StaffRepository(app.redis, new DashboardKeys(app.config.REDIS_PREFIX)).findByEmail("leaving@example.org");
    assert.equal((await coord.post(`/staff/${user!.id}/disable`, { _csrf: await coord.token() })).status, 303);
    const after = await leaving.get("/");
    assert.equal(after.status, 303);
    assert.equal(after.headers.location, "/login");
    assert.equal((await new DashClient(app).login("leaving@example.org")).status, 401);
  });

  test("admin-only pages", async () => {
    const coord = await signedIn("coord-a@example.org");
    assert.equal((await coord.get("/queues")).status, 403);
    assert.equal((await coord.get("/orgs")).status, 403);
    const admin = await signedIn("admin@example.org");
    const queues = await admin.get("/queues");
    assert.equal(queues.status, 200);
    assert.match(queues.body, /deadline/);
  });
});

describe("users CLI", () => {
  const io = { out: () => undefined, ask: () => Promise.reject(new Error("no terminal")) };

  test("refuses weak passwords, duplicates, unknown organisations and roles; never invents a password", async () => {
    const run = (...args: string[]) => runUsersCommand(app, args, io);
    await assert.rejects(run("add", "weak@example.org", "--role", "admin", "--password", "password1"), /weak password/);
    await assert.rejects(run("add", "weak@example.org", "--role", "admin", "--password", "aaaaaaaaaaaaaaaa"), /weak password/);
    await assert.rejects(run("add", "admin@example.org", "--role", "admin", "--password", PASSWORD), /exists/);
    await assert.rejects(run("add", "x@example.org", "--role", "admin", "--org", "nope", "--password", PASSWORD), /no organisation "nope"/);
    await assert.rejects(run("add", "x@example.org", "--role", "boss", "--password", PASSWORD), /--role must be/);
    await assert.rejects(run("add", "x@example.org", "--role", "admin"), /no terminal/);
    const asked: string[] = [];
    await runUsersCommand(app, ["add", "prompted@example.org", "--role", "admin"], {
      out: () => undefined,
      ask: async (q) => (asked.push(q), "violet kettle mountain 42"),
    });
    assert.equal(asked.length, 2, "asks twice");
    assert.equal((await new DashClient(app).login("prompted@example.org", "violet kettle mountain 42")).status, 303);
  });
});

describe("TOTP", () => {
  test("once turned on, signing in needs the current code, and each code works once", async () => {
    await addUser(app, "totp@example.org", "caseworker");
    const c = await signedIn("totp@example.org");
    const account = await c.get("/account");
    const secret = /name="secret" value="([A-Z2-7]{32})"/.exec(account.body)![1]!;
    const token = DashClient.csrf(account.body);
    assert.equal((await c.post("/account/totp", { _csrf: token, secret, code: "000000" === totp(secret, new Date()) ? "111111" : "000000" })).status, 400);
    assert.equal((await c.post("/account/totp", { _csrf: token, secret, code: totp(secret, new Date()) })).status, 200);
    assert.equal((await new DashClient(app).login("totp@example.org")).status, 401, "password alone");
    const code = totp(secret, new Date());
    assert.equal((await new DashClient(app).login("totp@example.org", PASSWORD, code)).status, 303);
    assert.equal((await new DashClient(app).login("totp@example.org", PASSWORD, code)).status, 401, "replayed code");
  });
});

describe("metrics", () => {
  test("/metrics has queue depths and login counts, and no personal data", async () => {
    const res = await app.web!.fastify.inject({ method: "GET", url: "/metrics", headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /safearrival_queue_jobs\{queue="verify",state="waiting"\} \d+/);
    assert.match(res.body, /safearrival_queue_jobs\{queue="deadline",state="delayed"\} \d+/);
    assert.match(res.body, /safearrival_deadline_lag_seconds \d/);
    assert.match(res.body, /safearrival_dashboard_logins_total\{result="ok"\} \d+/);
    assert.match(res.body, /# TYPE safearrival_verification_seconds histogram/);
    assert.doesNotMatch(res.body, /@example\.org|athens|telegram:/, "no staff email, landmark or chat address");
  });
});

describe("languages", () => {
  test("the Arabic dashboard is right-to-left", async () => {
    const c = await signedIn("case-a@example.org");
    assert.equal((await c.get("/lang/ar?back=/trips")).headers.location, "/trips");
    const page = await c.get("/trips");
    assert.match(page.body, /<html lang="ar" dir="rtl">/);
    await c.get("/lang/en?back=/");
  });
});
