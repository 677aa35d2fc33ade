import { test } from "node:test";
import assert from "node:assert/strict";
import { alertsOthers, defaultLadder, parseLadder, stageDueAt } from "../../../src/domain/escalation.ts";

test("the default ladder: reminder at the deadline, family and NGO after the grace period", () => {
  const ladder = defaultLadder(30 * 60_000);
  const deadline = new Date("2026-11-28T12:00:00Z");
  assert.deepEqual(stageDueAt(ladder, deadline, 0), deadline);
  assert.deepEqual(stageDueAt(ladder, deadline, 1), new Date("2026-11-28T12:30:00Z"));
  assert.equal(stageDueAt(ladder, deadline, 2), undefined);
  assert.equal(alertsOthers(ladder, 0), false);
  assert.equal(alertsOthers(ladder, 1), true);
});

test("a deployment's own ladder", () => {
  const ladder = parseLadder('[{"after":"0s","tell":["traveller"]},{"after":"10m","tell":["traveller"]},{"after":"1h","tell":["family"]},{"after":"2h","tell":["ngo"]}]');
  assert.deepEqual(ladder.map((s) => s.afterMs), [0, 600_000, 3_600_000, 7_200_000]);
  assert.throws(() => parseLadder('[{"after":"1h","tell":["family"]},{"after":"10m","tell":["ngo"]}]'), /time order/);
  assert.throws(() => parseLadder('[{"after":"soon","tell":["family"]}]'), /not a duration/);
  assert.throws(() => parseLadder('[{"after":"1h","tell":["police"]}]'));
  assert.throws(() => parseLadder("[]"));
});
