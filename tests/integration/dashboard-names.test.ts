/**
 * Names staff set (landmark names in every language, organisation names; by the dashboard, the catalog
 * import or the CLI) lose their bidi controls: a right-to-left override must not make "evil" read "live".
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { App } from "../../src/app.ts";
import { runUsersCommand } from "../../src/cli/users.ts";
import { parseLandmarkJson } from "../../src/landmarks/catalog-dir.ts";
import { DashboardKeys } from "../../src/store/dashboard-keys.ts";
import { OrgRepository } from "../../src/store/org-repository.ts";
import { startRedis, type RedisServerHandle } from "../support/redis-server.ts";
import { startTestApp } from "../support/test-app.ts";
import { DashClient, addUser } from "../support/dashboard-client.ts";

const CONTROLS = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f", "\u061c"];
const ANY_CONTROL = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

describe("bidi controls in staff-set names", { timeout: 60_000 }, () => {
  let redis: RedisServerHandle;
  let app: App;

  before(async () => {
    redis = await startRedis();
    app = await startTestApp({ redisUrl: redis.url, roles: ["web"], env: { NGO_NAME: "Safe Passage" } });
    await addUser(app, "admin@example.org", "admin");
  });

  after(async () => {
    await app?.stop();
    await redis?.stop();
  });

  test("catalog import: every control is dropped from every name, Persian joiners stay", () => {
    for (const c of CONTROLS) {
      const entry = parseLandmarkJson(JSON.stringify({ id: "x-1", names: { en: `${c}evil`, fa: `می${c}\u200cخواهم` }, lat: 1, lon: 1, radiusM: 100 }), "t");
      assert.equal(entry.names.en, "evil", JSON.stringify(c));
      assert.equal(entry.names.fa, "می\u200cخواهم", "ZWNJ kept");
    }
    assert.throws(() => parseLandmarkJson(JSON.stringify({ id: "x-2", names: { en: "\u202e\u202c" }, lat: 1, lon: 1, radiusM: 100 }), "t"), /must not be empty/);
  });

  test("dashboard landmark form and organisation form store and show the names without controls", async () => {
    const c = new DashClient(app);
    await c.login("admin@example.org");
    const token = await c.token();
    const created = await c.post("/landmarks", {
      _csrf: token, id: "rlo-square", name_en: "\u202eevil\u202c Square", name_ar: "\u2067ساحة\u2069", lat: "37.9755", lon: "23.7355", radiusM: "150", timeZone: "",
    });
    assert.equal(created.status, 303);
    const stored = (await app.deps.landmarks.get("rlo-square"))!.landmark;
    assert.deepEqual(stored.names, { en: "evil Square", ar: "ساحة" });
    const page = await c.get("/landmarks");
    assert.doesNotMatch(page.body.replace(/[\u2068\u2069]/g, ""), /\u202e/);

    await c.post("/orgs", { _csrf: token, id: "ngo-rlo", name: "Safe\u202e Passage\u200f" });
    const org = await new OrgRepository(app.redis, new DashboardKeys(app.config.REDIS_PREFIX)).get("ngo-rlo");
    assert.equal(org?.name, "Safe Passage");
  });

  test("the CLI's organisation command too", async () => {
    const out: string[] = [];
    await runUsersCommand(app, ["org", "ngo-cli", "\u202eCLI NGO"], { out: (s: string) => out.push(s), ask: () => Promise.reject(new Error("no prompt")) });
    const org = await new OrgRepository(app.redis, new DashboardKeys(app.config.REDIS_PREFIX)).get("ngo-cli");
    assert.equal(org?.name, "CLI NGO");
    assert.doesNotMatch(org!.name, ANY_CONTROL);
  });
});
