/** OrgRepository (src/store/org-repository.ts): the NGOs using the dashboard, by id, with names cleaned of bidi controls. */
import assert from "node:assert/strict";
import { after, afterEach, before, test } from "node:test";
import { DashboardKeys } from "../../../src/store/dashboard-keys.ts";
import { OrgRepository } from "../../../src/store/org-repository.ts";
import { StoreRedis } from "../../support/store-redis.ts";

let s: StoreRedis;
before(async () => (s = await StoreRedis.start()));
afterEach(() => s.cleanup());
after(() => s.stop());

test("created, renamed (keeping its creation time), listed by id", async () => {
  const orgs = new OrgRepository(s.redis, new DashboardKeys(s.prefix()));
  const first = new Date("2026-01-01T00:00:00Z");
  assert.deepEqual(await orgs.put("refugee-help", "Refugee Help", first), { id: "refugee-help", name: "Refugee Help", createdAt: first });
  assert.deepEqual(await orgs.put("refugee-help", "Refugee Help e.V.", new Date()), { id: "refugee-help", name: "Refugee Help e.V.", createdAt: first });
  await orgs.put("default", "", first);
  assert.deepEqual((await orgs.list()).map((o) => [o.id, o.name]), [["default", "default"], ["refugee-help", "Refugee Help e.V."]]);
});

test("bidi controls are dropped from names; ids are short lowercase words", async () => {
  const orgs = new OrgRepository(s.redis, new DashboardKeys(s.prefix()));
  assert.equal((await orgs.put("spoof", "Good\u202EdaB NGO\u202C", new Date())).name, "GooddaB NGO");
  await assert.rejects(orgs.put("Bad Id", "x", new Date()), /not an organisation id/);
  await assert.rejects(orgs.put("x".repeat(33), "x", new Date()), /not an organisation id/);
  assert.equal(await orgs.get("Bad Id"), undefined);
  assert.equal(await orgs.get("missing"), undefined);
});
