/**
 * The dashboard against an attacker (issue 16), through Fastify's inject on a real Redis: open redirects,
 * malformed tokens, security headers on every route, and what the public port refuses to strangers. Sessions,
 * sign-in flooding and sealed TOTP secrets are in dashboard-sessions.test.ts.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { App } from "../../src/app.ts";
import { startRedis, type RedisServerHandle } from "../support/redis-server.ts";
import { startTestApp } from "../support/test-app.ts";
import { DashClient, PASSWORD, addUser, signedIn } from "../support/dashboard-client.ts";

let redis: RedisServerHandle;
let app: App;

before(async () => {
  redis = await startRedis();
  app = await startTestApp({ redisUrl: redis.url, roles: ["web"] });
  await addUser(app, "staff@example.org", "caseworker");
});

after(async () => {
  await app?.stop();
  await redis?.stop();
});

describe("open redirect", () => {
  // As an attacker would write them into a link's query string (percent-escapes are decoded once by the server).
  const bypasses = [
    "//evil.example", "/\\evil.example", "/%5Cevil.example", "%2F%2Fevil.example", "/%09/evil.example", "/%0a/evil.example",
    "/%0d/evil.example", "https://evil.example", "%5C%5Cevil.example", "/%09/evil.example/", "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>", "/%2F/evil.example", "///evil.example", "/%0a%0d/evil.example", "%09//evil.example",
    "/..//evil.example", "http:evil.example", "/%E2%80%8B/evil.example",
  ];
  // The same, percent-encoded once more, as a URL builder would pass them (the server sees the raw text).
  const raw = ["//x", "/\\x", "/%5Cx", "%2F%2Fx", "/\t/x", "/\n/x", "/\r/x", "https://x", "\\\\x", "javascript:alert(1)", "data:text/html,x"];

  function assertLocal(location: unknown, label: string): void {
    assert.equal(typeof location, "string", label);
    const text = location as string;
    // eslint-disable-next-line no-control-regex
    assert.doesNotMatch(text, /[\u0000-\u001f\u007f\\]/, `${label}: no control characters or backslashes`);
    // How a browser on the dashboard's origin resolves the Location header.
    assert.equal(new URL(text, "https://dash.example/lang/en").origin, "https://dash.example", `${label} -> ${text}`);
    assert.ok(text.startsWith("/") && !text.startsWith("//"), `${label} -> ${text}`);
  }

  test("/lang/en?back=... never sends a browser off-site, for each classic bypass", async () => {
    const c = new DashClient(app);
    for (const back of bypasses) {
      const res = await c.get(`/lang/en?back=${back.replace(/[<>]/g, encodeURIComponent)}`);
      assert.equal(res.status, 303, back);
      assertLocal(res.headers.location, back);
    }
    for (const back of raw) {
      const res = await c.get(`/lang/en?back=${encodeURIComponent(back)}`);
      assert.equal(res.status, 303, JSON.stringify(back));
      assertLocal(res.headers.location, JSON.stringify(back));
    }
  });

  test("a path of this site is kept, query included", async () => {
    const res = await new DashClient(app).get(`/lang/fr?back=${encodeURIComponent("/alerts?state=open")}`);
    assert.equal(res.headers.location, "/alerts?state=open");
  });
});

describe("malformed tokens", () => {
  test("a non-ASCII or wrong-length CSRF token on the login form is 403, not 500", async () => {
    const c = new DashClient(app);
    const page = await c.get("/login");
    const token = DashClient.csrf(page.body);
    for (const forged of ["é".repeat(token.length), "é".repeat(token.length / 2), "x", "x".repeat(100), "\u0000".repeat(token.length)]) {
      const res = await c.post("/login", { email: "staff@example.org", password: PASSWORD, _csrf: forged });
      assert.equal(res.status, 403, JSON.stringify(forged));
      assert.equal((await c.get("/login")).status, 200);
    }
  });

  test("a non-ASCII CSRF token on a signed-in form is 403, not 500", async () => {
    const c = await signedIn(app, "staff@example.org");
    const token = await c.token();
    for (const forged of ["é".repeat(token.length), "€".repeat(token.length), "ü".repeat(token.length - 1)]) {
      assert.equal((await c.post("/logout", { _csrf: forged })).status, 403, forged);
    }
    assert.equal((await c.get("/")).status, 200, "still signed in");
  });

  test("a non-ASCII or wrong-length session cookie is a fresh login, not 500", async () => {
    for (const cookie of ["é".repeat(43), "%C3%A9".repeat(43), "A".repeat(44), "%FF%FE", "ü".repeat(22)]) {
      const res = await app.web!.fastify.inject({ method: "GET", url: "/", headers: { cookie: `sa_session=${cookie}` } });
      assert.equal(res.statusCode, 303, cookie);
      assert.equal(res.headers.location, "/login");
      const post = await app.web!.fastify.inject({
        method: "POST", url: "/logout", headers: { cookie: `sa_session=${cookie}`, "content-type": "application/x-www-form-urlencoded" }, payload: "_csrf=%C3%A9",
      });
      assert.ok(post.statusCode === 303 || post.statusCode === 403, `${cookie}: ${post.statusCode}`);
    }
  });
});

/** Every GET route of the app, from Fastify's own route tree (printRoutes), with example values for parameters. */
function getRoutes(a: App): string[] {
  const tree = a.web!.fastify.printRoutes({ commonPrefix: false });
  const stack: string[] = [];
  const out: string[] = [];
  const examples: Record<string, string> = { chat: "traveller", locale: "en", queueName: "verify", jobId: "1" };
  for (const line of tree.split("\n")) {
    const m = /^((?:[│ ] {3})*)[├└]── (.+?) \(([^)]+)\)$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    const path = (stack[depth - 1] ?? "") + m[2]!;
    stack[depth] = path;
    if (m[3]!.split(", ").includes("GET")) {
      out.push(path.replace(/:(\w+)/g, (_, name: string) => examples[name] ?? "x").replace(/\*$/, "static/none.js"));
    }
  }
  return out;
}

describe("security headers", () => {
  test("every GET route, signed in or not, answers with the CSP (no inline script), nosniff, no framing, a referrer policy", async () => {
    await addUser(app, "admin@example.org", "admin");
    const admin = await signedIn(app, "admin@example.org");
    const routes = getRoutes(app);
    assert.ok(routes.length >= 30, `routes found: ${routes.length}`);
    for (const url of ["/sandbox", "/sandbox/assets/sandbox.js", "/login", "/admin/queues", "/metrics", "/healthz"]) assert.ok(routes.includes(url), url);
    for (const url of [...routes, "/no-such-page"]) {
      for (const [who, res] of [["anonymous", await new DashClient(app).get(url)], ["admin", await admin.get(url)]] as const) {
        const label = `${who} GET ${url} (${res.status})`;
        assert.ok(res.status < 500, label);
        const csp = String(res.headers["content-security-policy"] ?? "");
        const directive = (name: string) => csp.split(";").map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? "";
        // A directive left out falls back to default-src 'none' (the public check page allows no script at all).
        const orDefault = (name: string) => directive(name) || directive("default-src").replace("default-src", name);
        assert.match(orDefault("script-src"), /^script-src '(self|none)'$/, `${label}: ${csp}`);
        assert.match(directive("default-src"), /'none'/, label);
        assert.match(directive("frame-ancestors"), /'none'/, label);
        assert.match(orDefault("object-src"), /'none'/, label);
        if (!url.startsWith("/admin/queues")) assert.equal(directive("style-src"), "style-src 'self'", label);
        assert.equal(res.headers["x-content-type-options"], "nosniff", label);
        assert.equal(res.headers["x-frame-options"], "DENY", label);
        // The public check page sends no Referer at all (its URL holds the code).
        assert.match(String(res.headers["referrer-policy"]), /^(same-origin|no-referrer)$/, label);
      }
    }
  });

  test("every cookie the dashboard sets is HttpOnly and SameSite; Secure behind HTTPS", async () => {
    for (const tls of [false, true]) {
      const c = new DashClient(app, tls ? { "x-forwarded-proto": "https" } : {});
      const cookies: string[] = [];
      const keep = (res: { headers: Record<string, unknown> }) => cookies.push(...[res.headers["set-cookie"] ?? []].flat().map(String));
      keep(await c.get("/login"));
      keep(await c.get("/lang/fr?back=/"));
      keep(await c.login("staff@example.org"));
      keep(await c.post("/logout", { _csrf: await c.token() }));
      assert.ok(cookies.length >= 4);
      for (const cookie of cookies) {
        assert.match(cookie, /; HttpOnly/, cookie);
        assert.match(cookie, /; SameSite=(Lax|Strict)/, cookie);
        if (tls) assert.match(cookie, /; Secure/, cookie);
      }
    }
  });

  test("no page carries an inline script, event handler or style attribute", async () => {
    const admin = await signedIn(app, "admin@example.org");
    for (const url of getRoutes(app)) {
      const res = await admin.get(url);
      if (!String(res.headers["content-type"] ?? "").startsWith("text/html") || url.startsWith("/admin/queues")) continue;
      assert.doesNotMatch(res.body, /<script(?![^>]*\bsrc=)[^>]*>/i, `${url}: inline script`);
      assert.doesNotMatch(res.body, /<style\b|\sstyle="|\son[a-z]+="/i, `${url}: inline style or handler`);
    }
  });
});

describe("what the public port refuses to strangers", () => {
  test("/metrics needs the METRICS_TOKEN bearer token, and is off without one", async () => {
    const withToken = await startTestApp({ redisUrl: redis.url, roles: ["web"], env: { METRICS_TOKEN: "a-long-metrics-token-0123" } });
    try {
      const get = (headers: Record<string, string> = {}) => withToken.web!.fastify.inject({ method: "GET", url: "/metrics", headers });
      const anonymous = await get();
      assert.equal(anonymous.statusCode, 401);
      assert.equal(anonymous.headers["www-authenticate"], 'Bearer realm="metrics"');
      assert.doesNotMatch(anonymous.body, /safearrival_/);
      for (const authorization of ["Bearer wrong", "Bearer a-long-metrics-token-012", "Basic a-long-metrics-token-0123", "Bearer é", "a-long-metrics-token-0123"]) {
        assert.equal((await get({ authorization })).statusCode, 401, authorization);
      }
      const scraped = await get({ authorization: "Bearer a-long-metrics-token-0123" });
      assert.equal(scraped.statusCode, 200);
      assert.match(scraped.body, /safearrival_queue_jobs/);
    } finally {
      await withToken.stop();
    }
    const off = await app.web!.fastify.inject({ method: "GET", url: "/metrics" });
    assert.equal(off.statusCode, 404, "no METRICS_TOKEN: no /metrics");
    assert.doesNotMatch(off.body, /safearrival_/);
  });

  test("bull-board (page, API, assets) is refused without an admin session", async () => {
    const urls = ["/admin/queues", "/admin/queues/", "/admin/queues/api/queues?activeQueue=verify&status=waiting&page=1&jobsPerPage=10",
      "/admin/queues/api/redis/stats", "/admin/queues/queue/verify", "/admin/queues/static/js/main.js"];
    for (const url of urls) {
      const res = await new DashClient(app).get(url);
      assert.equal(res.status, 303, url);
      assert.equal(res.headers.location, "/login", url);
      assert.doesNotMatch(res.body, /verify|redis_version/, url);
    }
    const caseworker = await signedIn(app, "staff@example.org");
    for (const url of urls) assert.equal((await caseworker.get(url)).status, 403, url);
  });
});

