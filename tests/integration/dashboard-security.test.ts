/**
 * The dashboard against an attacker (issue 16), through Fastify's inject on a real Redis: open redirects,
 * malformed tokens, login flooding through a proxy, session revocation and lifetime, sealed TOTP secrets,
 * security headers on every route, and what the public port refuses to strangers.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { App } from "../../src/app.ts";
import { startRedis, type RedisServerHandle } from "../support/redis-server.ts";
import { startTestApp } from "../support/test-app.ts";
import { DashClient, PASSWORD, addUser } from "../support/dashboard-client.ts";

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

async function signedIn(a: App, email: string, headers: Record<string, string> = {}): Promise<DashClient> {
  const c = new DashClient(a, headers);
  const res = await c.login(email);
  assert.equal(res.status, 303, `${email} signs in`);
  return c;
}

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
