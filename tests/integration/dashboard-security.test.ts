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

describe("sessions", () => {
  let clockApp: App;
  let offsetMs = 0;

  before(async () => {
    // A short idle expiry, so that a session outlives the moment it was created by more than one idle period within seconds.
    clockApp = await startTestApp({
      redisUrl: redis.url, roles: ["web"], now: () => new Date(Date.now() + offsetMs),
      env: { DASHBOARD_SESSION_IDLE: "3s", DASHBOARD_SESSION_MAX_AGE: "12h" },
    });
    await addUser(clockApp, "busy@example.org", "caseworker");
    await addUser(clockApp, "long@example.org", "caseworker");
  });
  after(() => clockApp?.stop());

  test("'log out everywhere' (a password change) ends a session kept alive past the idle period of its sign-in", async () => {
    const other = await signedIn(clockApp, "busy@example.org");
    const self = await signedIn(clockApp, "busy@example.org");
    // Both sessions stay active for longer than the idle expiry set at sign-in.
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 1100));
      assert.equal((await other.get("/")).status, 200, `touch ${i}`);
      assert.equal((await self.get("/")).status, 200, `touch ${i}`);
    }
    const keys = (await import("../../src/store/dashboard-keys.ts")).DashboardKeys;
    const staff = await new (await import("../../src/store/staff-repository.ts")).StaffRepository(clockApp.redis, new keys(clockApp.config.REDIS_PREFIX)).findByEmail("busy@example.org");
    const index = new keys(clockApp.config.REDIS_PREFIX).sessionsOf(staff!.id);
    assert.ok((await clockApp.redis.pttl(index)) >= 2_500, "the index outlives its sessions");
    assert.equal(await clockApp.redis.scard(index), 2);

    const changed = await self.post("/account/password", { _csrf: await self.token(), current: PASSWORD, password: "a much newer passphrase 77" });
    assert.equal(changed.status, 200);
    const res = await other.get("/");
    assert.equal(res.status, 303, "the other session is revoked");
    assert.equal(res.headers.location, "/login");
    assert.equal((await self.get("/")).status, 200, "the session that changed the password is replaced, not lost");
  });

  test("a session ends DASHBOARD_SESSION_MAX_AGE after sign-in, however active", async () => {
    offsetMs = 0;
    try {
      const c = await signedIn(clockApp, "long@example.org");
      for (const hours of [2, 5, 8, 11]) {
        offsetMs = hours * 3_600_000;
        assert.equal((await c.get("/")).status, 200, `${hours} h after sign-in`);
      }
      offsetMs = 12 * 3_600_000 + 60_000;
      const res = await c.get("/");
      assert.equal(res.status, 303);
      assert.equal(res.headers.location, "/login");
      offsetMs = 0;
      assert.equal((await c.get("/")).status, 303, "the session is gone, not merely refused");
    } finally {
      offsetMs = 0;
    }
  });
});

describe("sign-in limits behind a proxy", () => {
  let proxied: App;

  before(async () => {
    // Fastify's inject connects from 127.0.0.1: the proxy is loopback.
    proxied = await startTestApp({ redisUrl: redis.url, roles: ["web"], env: { TRUST_PROXY: "loopback" } });
    await addUser(proxied, "victim@example.org", "coordinator");
    await addUser(proxied, "other@example.org", "caseworker");
  });
  after(() => proxied?.stop());

  const from = (a: App, ip: string) => new DashClient(a, { "x-forwarded-for": `${ip}, 127.0.0.1` });

  test("100 parallel wrong logins from 100 addresses: the flood gets 429, the staff member's known address still signs in", async () => {
    // The real staff member has signed in from their office before.
    const office = from(proxied, "203.0.113.7");
    assert.equal((await office.login("victim@example.org")).status, 303);
    const attackers = Array.from({ length: 100 }, (_, i) => from(proxied, `198.51.100.${i + 1}`));
    const forms = await Promise.all(attackers.map(async (c) => DashClient.csrf((await c.get("/login")).body)));
    const results = await Promise.all(
      attackers.map((c, i) => c.post("/login", { email: "victim@example.org", password: `guess number ${i}`, _csrf: forms[i]! })),
    );
    const statuses = results.map((r) => r.status);
    const failed = statuses.filter((s) => s === 401).length;
    const limited = statuses.filter((s) => s === 429).length;
    assert.equal(failed + limited, 100, `only 401 and 429: ${[...new Set(statuses)]}`);
    // Counted before the password check: no more guesses reach argon2 than the account limit, however parallel.
    assert.equal(failed, 10, "the account limit for unknown addresses");
    assert.equal(limited, 90);
    assert.match(results.find((r) => r.status === 429)!.body, /locked/);
    assert.ok(Number(results.find((r) => r.status === 429)!.headers["retry-after"]) > 0);

    const again = from(proxied, "203.0.113.7");
    assert.equal((await again.login("victim@example.org")).status, 303, "the staff member signs in from a known address");
    assert.equal((await again.get("/")).status, 200);
    assert.equal((await from(proxied, "192.0.2.50").login("victim@example.org")).status, 429, "a new address waits out the lock");
    assert.equal((await from(proxied, "192.0.2.50").login("other@example.org")).status, 303, "other accounts are not affected");
  });

  test("one address spraying many accounts is limited by its address", async () => {
    const c = from(proxied, "198.51.100.200");
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await c.login(`nobody-${i}@example.org`, "wrong password")).status);
    assert.deepEqual(statuses.slice(0, 30), Array(30).fill(401));
    assert.equal(statuses[30], 429);
    assert.equal((await from(proxied, "198.51.100.201").login("other@example.org")).status, 303, "another address is not");
  });

  test("with TRUST_PROXY off, X-Forwarded-For is ignored: every guess counts against the peer's address", async () => {
    await addUser(app, "plain@example.org", "caseworker");
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await from(app, `198.51.100.${i + 1}`).login("plain@example.org", "wrong password")).status);
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429], "the per-address-and-account limit of 5, as if from one address");
    // The same with the header believed: six addresses, none past its limit.
    await addUser(proxied, "plain@example.org", "caseworker");
    const believed: number[] = [];
    for (let i = 0; i < 6; i++) believed.push((await from(proxied, `198.51.100.${i + 101}`).login("plain@example.org", "wrong password")).status);
    assert.deepEqual(believed, Array(6).fill(401));
  });

  test("TRUST_PROXY accepts on/off and proxy addresses or CIDR ranges, and refuses anything else", async () => {
    const { loadConfig } = await import("../../src/config.ts");
    const parse = (v: string) => loadConfig({ TRUST_PROXY: v }).TRUST_PROXY;
    assert.equal(parse("off"), false);
    assert.equal(parse("on"), true);
    assert.equal(loadConfig({}).TRUST_PROXY, false, "off by default");
    assert.deepEqual(parse("10.0.0.1, 172.16.0.0/12,::1,loopback"), ["10.0.0.1", "172.16.0.0/12", "::1", "loopback"]);
    for (const bad of ["2", "10.0.0.0/33", "proxy.example", "10.0.0.1/8/1"]) assert.throws(() => parse(bad), /TRUST_PROXY/, bad);
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

describe("TOTP secrets", () => {
  /** Every value stored under the app's prefix, whatever the key's type. */
  async function everyStoredValue(a: App): Promise<string[]> {
    const out: string[] = [];
    let cursor = "0";
    do {
      const [next, keys] = await a.redis.scan(cursor, "MATCH", `${a.config.REDIS_PREFIX}*`, "COUNT", 500);
      cursor = next;
      for (const key of keys) {
        const type = await a.redis.type(key);
        if (type === "string") out.push(key, (await a.redis.get(key)) ?? "");
        else if (type === "hash") out.push(key, ...Object.entries(await a.redis.hgetall(key)).flat());
        else if (type === "set") out.push(key, ...(await a.redis.smembers(key)));
        else if (type === "list") out.push(key, ...(await a.redis.lrange(key, 0, -1)));
        else if (type === "zset") out.push(key, ...(await a.redis.zrange(key, 0, -1)));
        else out.push(key);
      }
    } while (cursor !== "0");
    return out;
  }

  async function turnOnTotp(c: DashClient): Promise<string> {
    const account = await c.get("/account");
    const secret = /name="secret" value="([A-Z2-7]{32})"/.exec(account.body)![1]!;
    const { totp } = await import("../../src/web/dashboard/totp.ts");
    assert.equal((await c.post("/account/totp", { _csrf: DashClient.csrf(account.body), secret, code: totp(secret, new Date()) })).status, 200);
    return secret;
  }

  const staffKey = async (a: App, email: string) => {
    const { DashboardKeys } = await import("../../src/store/dashboard-keys.ts");
    const keys = new DashboardKeys(a.config.REDIS_PREFIX);
    return keys.staff((await a.redis.get(keys.staffByEmail(email)))!);
  };

  test("a TOTP secret is nowhere in Redis in clear, and signing in with a code still works", async () => {
    await addUser(app, "sealed@example.org", "caseworker");
    const secret = await turnOnTotp(await signedIn(app, "sealed@example.org"));
    const values = await everyStoredValue(app);
    assert.ok(values.length > 20);
    for (const v of values) assert.ok(!v.includes(secret), "the secret in clear");
    assert.match((await app.redis.hget(await staffKey(app, "sealed@example.org"), "totpSecret"))!, /^v1\./);
    const { totp } = await import("../../src/web/dashboard/totp.ts");
    assert.equal((await new DashClient(app).login("sealed@example.org")).status, 401, "password alone");
    assert.equal((await new DashClient(app).login("sealed@example.org", PASSWORD, totp(secret, new Date()))).status, 303);
  });

  test("a secret stored in clear before sealing still works, and is sealed at its first use", async () => {
    await addUser(app, "legacy@example.org", "caseworker");
    const { newTotpSecret, totp } = await import("../../src/web/dashboard/totp.ts");
    const secret = newTotpSecret();
    const key = await staffKey(app, "legacy@example.org");
    await app.redis.hset(key, { totpSecret: secret });
    assert.equal((await new DashClient(app).login("legacy@example.org", PASSWORD, totp(secret, new Date()))).status, 303);
    const stored = (await app.redis.hget(key, "totpSecret"))!;
    assert.match(stored, /^v1\./);
    assert.ok(!stored.includes(secret));
  });

  test("during a key rotation, a secret sealed with APP_KEY_PREVIOUS opens and is re-sealed with the new key", async () => {
    const { randomBytes } = await import("node:crypto");
    const oldKey = randomBytes(32).toString("base64");
    const prefix = `{r${randomBytes(4).toString("hex")}}`;
    const before = await startTestApp({ redisUrl: redis.url, roles: ["web"], env: { APP_KEY: oldKey, REDIS_PREFIX: prefix } });
    let secret: string;
    try {
      await addUser(before, "rotating@example.org", "caseworker");
      secret = await turnOnTotp(await signedIn(before, "rotating@example.org"));
      await addUser(before, "away@example.org", "caseworker");
      await turnOnTotp(await signedIn(before, "away@example.org"));
    } finally {
      await before.stop();
    }
    const rotated = await startTestApp({
      redisUrl: redis.url, roles: ["web"], env: { APP_KEY: randomBytes(32).toString("base64"), APP_KEY_PREVIOUS: oldKey, REDIS_PREFIX: prefix },
    });
    try {
      const key = await staffKey(rotated, "rotating@example.org");
      const sealedWithOld = await rotated.redis.hget(key, "totpSecret");
      const { totp } = await import("../../src/web/dashboard/totp.ts");
      assert.equal((await new DashClient(rotated).login("rotating@example.org", PASSWORD, totp(secret, new Date()))).status, 303);
      const resealed = await rotated.redis.hget(key, "totpSecret");
      assert.notEqual(resealed, sealedWithOld);
      const { StaffSecrets } = await import("../../src/store/staff-secrets.ts");
      const id = key.split(":").pop()!;
      assert.throws(() => new StaffSecrets(oldKey).open(id, "totpSecret", resealed!), "no longer opens with the old key");
      // Users who do not sign in during the rotation are moved by the rotation itself.
      const { StaffRepository } = await import("../../src/store/staff-repository.ts");
      const { DashboardKeys } = await import("../../src/store/dashboard-keys.ts");
      const { staffSecrets } = await import("../../src/web/dashboard/services.ts");
      const repo = new StaffRepository(rotated.redis, new DashboardKeys(prefix), staffSecrets(rotated));
      assert.equal(await repo.resealSecrets(), 1, "the user who stayed away");
      assert.equal(await repo.resealSecrets(), 0, "nothing left on the old key");
      const away = await staffKey(rotated, "away@example.org");
      const awayId = away.split(":").pop()!;
      const awayStored = (await rotated.redis.hget(away, "totpSecret"))!;
      assert.throws(() => new StaffSecrets(oldKey).open(awayId, "totpSecret", awayStored));
    } finally {
      await rotated.stop();
    }
  });
});
