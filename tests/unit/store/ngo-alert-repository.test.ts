/** NgoAlertRepository (src/store/ngo-alert-repository.ts): one NGO alert per trip and kind, with its timeline. */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, afterEach, before, test } from "node:test";
import { NgoAlertRepository } from "../../../src/store/ngo-alert-repository.ts";
import { ngoAlertId } from "../../../src/domain/ngo-alert.ts";
import { StoreRedis } from "../../support/store-redis.ts";

let s: StoreRedis;
before(async () => (s = await StoreRedis.start()));
afterEach(() => s.cleanup());
after(() => s.stop());

const RETENTION = 30 * 86_400_000;
const repo = () => {
  const keys = s.keys();
  return { keys, alerts: new NgoAlertRepository(s.redis, keys, RETENTION) };
};

function input(id: string, createdAt = new Date("2026-05-01T10:05:00Z"), orgId?: string) {
  return {
    id,
    kind: "missed" as const,
    landmarkId: "paris-gare-du-nord",
    deadline: new Date("2026-05-01T10:00:00Z"),
    lastArrival: { landmarkId: "rome-termini-station", at: new Date("2026-04-29T08:00:00Z") },
    language: "ar",
    channel: "telegram",
    createdAt,
    ...(orgId ? { orgId } : {}),
  };
}

test("the id is derived from trip and kind: a retried job opens the same alert, and a UUID", () => {
  const trip = randomUUID();
  assert.equal(ngoAlertId(trip, "missed"), ngoAlertId(trip, "missed"));
  assert.notEqual(ngoAlertId(trip, "missed"), ngoAlertId(trip, "duress"));
  assert.notEqual(ngoAlertId(trip, "missed"), ngoAlertId(randomUUID(), "missed"));
  assert.match(ngoAlertId(trip, "missed"), /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
});

test("opened once, read back as stored, with an 'opened' timeline entry; a second open changes nothing", async () => {
  const { alerts } = repo();
  const id = randomUUID();
  assert.equal(await alerts.open(input(id)), true);
  assert.equal(await alerts.open({ ...input(id), landmarkId: "elsewhere" }), false);
  assert.deepEqual(await alerts.get(id), { ...input(id), status: "open", orgId: "default" });
  assert.deepEqual(await alerts.timeline(id), [{ at: new Date("2026-05-01T10:05:00Z"), event: "opened:missed" }]);
  assert.equal(await alerts.get(randomUUID()), undefined);
});

test("status changes and events are added to the timeline in order; events only for alerts that exist", async () => {
  const { alerts } = repo();
  const id = randomUUID();
  await alerts.open(input(id));
  await alerts.addEvent(id, { at: new Date(1), event: "notified:family" });
  await alerts.setStatus(id, "resolved", { at: new Date(2), event: "arrived" });
  const ghost = randomUUID();
  await alerts.addEventIfOpen(ghost, { at: new Date(3), event: "checkin:verified" });
  await alerts.addEventIfOpen(id, { at: new Date(4), event: "checkin:verified" });
  assert.equal((await alerts.get(id))?.status, "resolved");
  assert.deepEqual((await alerts.timeline(id)).map((e) => e.event), ["opened:missed", "notified:family", "arrived", "checkin:verified"]);
  assert.deepEqual(await alerts.timeline(ghost), []);
});

test("listed newest first, all or one organisation's, up to a limit", async () => {
  const { alerts } = repo();
  const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
  await alerts.open(input(a, new Date(1_000)));
  await alerts.open(input(b, new Date(3_000), "org-2"));
  await alerts.open(input(c, new Date(2_000)));
  assert.deepEqual((await alerts.list()).map((x) => x.id), [b, c, a]);
  assert.deepEqual((await alerts.list(2)).map((x) => x.id), [b, c]);
  assert.deepEqual((await alerts.list(100, "org-2")).map((x) => x.id), [b]);
  assert.deepEqual((await alerts.list(100, "default")).map((x) => x.id), [c, a]);
});

test("an alert and its timeline are kept for the retention period", async () => {
  const { keys, alerts } = repo();
  const id = randomUUID();
  await alerts.open(input(id));
  for (const key of [keys.ngoAlert(id), keys.ngoAlertTimeline(id)]) {
    const ttl = await s.redis.pttl(key);
    assert.ok(ttl > 0 && ttl <= RETENTION, `${key}: ${ttl}`);
  }
});
