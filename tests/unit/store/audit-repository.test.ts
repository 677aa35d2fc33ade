/** AuditRepository (src/store/audit-repository.ts): who did what to which case, append-only, per organisation and for admins. */
import assert from "node:assert/strict";
import { after, afterEach, before, test } from "node:test";
import { AuditRepository, type AuditEntry } from "../../../src/store/audit-repository.ts";
import { DashboardKeys } from "../../../src/store/dashboard-keys.ts";
import { StoreRedis } from "../../support/store-redis.ts";

let s: StoreRedis;
before(async () => (s = await StoreRedis.start()));
afterEach(() => s.cleanup());
after(() => s.stop());

const entry = (n: number, orgId: string): AuditEntry => ({
  at: new Date(1_700_000_000_000 + n),
  staffId: `staff-${n}`,
  email: `c${n}@ngo.example`,
  orgId,
  action: "view-alert",
  target: `alert-${n}`,
});

test("entries read back newest first, each organisation its own, admins everyone's", async () => {
  const audit = new AuditRepository(s.redis, new DashboardKeys(s.prefix()));
  await audit.append(entry(1, "org-a"));
  await audit.append(entry(2, "org-b"));
  await audit.append(entry(3, "org-a"));
  assert.deepEqual(await audit.list("org-a"), [entry(3, "org-a"), entry(1, "org-a")]);
  assert.deepEqual(await audit.list("org-b"), [entry(2, "org-b")]);
  assert.deepEqual((await audit.list(undefined)).map((e) => e.target), ["alert-3", "alert-2", "alert-1"]);
  assert.deepEqual((await audit.list(undefined, 2)).map((e) => e.target), ["alert-3", "alert-2"]);
  assert.deepEqual(await audit.list("org-none"), []);
});
