/**
 * The NGO dashboard tests' shared world: a web-role app on its own redis-server, two organisations ("default",
 * whose NGO is Safe Passage, and "ngo-b"), their staff (an admin; a coordinator and caseworkers in each) and
 * three NGO alerts: org A's missed check-in and duress alert, org B's missed check-in.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { App } from "../../src/app.ts";
import { ngoAlertId } from "../../src/domain/ngo-alert.ts";
import { DashboardKeys } from "../../src/store/dashboard-keys.ts";
import { OrgRepository } from "../../src/store/org-repository.ts";
import { addUser, DashClient } from "./dashboard-client.ts";
import { startRedis, type RedisServerHandle } from "./redis-server.ts";
import { startTestApp } from "./test-app.ts";

export const METRICS_TOKEN = "metrics-token-for-tests";

export interface DashboardWorld {
  redis: RedisServerHandle;
  app: App;
  /** Org A's missed check-in (90 minutes ago) and duress alert (5 minutes ago); org B's missed check-in. */
  alertA: string;
  duressA: string;
  alertB: string;
  /** Signs in and lands on the alert list. */
  signedIn(email: string, headers?: Record<string, string>): Promise<DashClient>;
  stop(): Promise<void>;
}

async function openAlert(app: App, orgId: string, kind: "missed" | "duress", minutesAgo: number): Promise<string> {
  const id = ngoAlertId(randomUUID(), kind);
  const now = Date.now();
  await app.workerDeps.ngoAlerts.open({
    id, kind, orgId, landmarkId: "athens-syntagma-square", deadline: new Date(now - minutesAgo * 60_000),
    lastArrival: { landmarkId: "rome-termini-station", at: new Date(now - 86_400_000) },
    language: "ar", channel: "telegram", createdAt: new Date(now - minutesAgo * 60_000 + 1000),
  });
  return id;
}

export async function startDashboardWorld(): Promise<DashboardWorld> {
  const redis = await startRedis();
  const app = await startTestApp({ redisUrl: redis.url, roles: ["web"], env: { NGO_NAME: "Safe Passage", METRICS_TOKEN } });
  await new OrgRepository(app.redis, new DashboardKeys(app.config.REDIS_PREFIX)).put("ngo-b", "Other NGO", new Date());
  await addUser(app, "admin@example.org", "admin");
  await addUser(app, "coord-a@example.org", "coordinator");
  await addUser(app, "case-a@example.org", "caseworker");
  await addUser(app, "case-a2@example.org", "caseworker");
  await addUser(app, "coord-b@example.org", "coordinator", "ngo-b");
  await addUser(app, "case-b@example.org", "caseworker", "ngo-b");
  return {
    redis,
    app,
    alertA: await openAlert(app, "default", "missed", 90),
    duressA: await openAlert(app, "default", "duress", 5),
    alertB: await openAlert(app, "ngo-b", "missed", 30),
    async signedIn(email, headers = {}) {
      const c = new DashClient(app, headers);
      const res = await c.login(email);
      assert.equal(res.status, 303, `${email} signs in`);
      assert.equal(res.headers.location, "/");
      return c;
    },
    async stop() {
      await app.stop();
      await redis.stop();
    },
  };
}
