/**
 * The dashboard's sign-in against an attacker (issue 16), through Fastify's inject on a real Redis: session
 * revocation and lifetime, login flooding through a proxy, and TOTP secrets sealed at rest (through a key
 * rotation too). The rest of the attacker's view is in dashboard-security.test.ts.
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
});

after(async () => {
  await app?.stop();
  await redis?.stop();
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
