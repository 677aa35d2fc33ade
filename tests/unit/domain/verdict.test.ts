import { test } from "node:test";
import assert from "node:assert/strict";
import { decideVerdict, type Signals } from "../../../src/domain/verdict.ts";

const good: Signals = {
  photoForwarded: false,
  location: { status: "within", source: "live", distanceM: 40, accuracyM: 10 },
  captureTime: { status: "fresh", ageMs: 120_000 },
  replay: { status: "original" },
  visual: { status: "match", score: 0.9, reference: "a.jpg" },
};

test("verified needs a visual match and a location within the radius", () => {
  assert.equal(decideVerdict(good).status, "verified");
  assert.equal(decideVerdict({ ...good, captureTime: { status: "missing" } }).status, "verified");
});

test("no visual evaluation is reported honestly as partial", () => {
  const v = decideVerdict({ ...good, visual: { status: "not_evaluated" } });
  assert.equal(v.status, "partial");
  assert.ok(v.reasons.some((r) => r.code === "visual_not_evaluated" && !r.ok));
});

test("a photo the matcher does not recognise is partial, not evidence against the arrival", () => {
  const v = decideVerdict({ ...good, visual: { status: "no_match", score: 0.1 } });
  assert.equal(v.status, "partial");
  assert.ok(v.reasons.some((r) => r.code === "visual_no_match" && !r.ok));
  assert.equal(decideVerdict({ ...good, visual: { status: "no_match", score: 0.1 }, location: { status: "missing" } }).status, "not_verified");
});

test("anything that speaks against the arrival makes it not verified", () => {
  const cases: Partial<Signals>[] = [
    { photoForwarded: true },
    { replay: { status: "reference", distance: 3 } },
    { replay: { status: "earlier_submission", distance: 10 } },
    { location: { status: "outside", source: "pin", distanceM: 900 } },
    { location: { status: "missing" } },
    { location: { status: "not_counted", why: "forwarded" } },
    { location: { status: "not_counted", why: "venue" } },
    { captureTime: { status: "stale", ageMs: 86_400_000 } },
    { captureTime: { status: "future" } },
    { visual: { status: "other_landmark", landmarkId: "x", score: 0.8 } },
  ];
  for (const c of cases) assert.equal(decideVerdict({ ...good, ...c }).status, "not_verified", JSON.stringify(c));
});

test("reasons carry rounded numbers only, never coordinates", () => {
  const v = decideVerdict({ ...good, location: { status: "within", source: "pin", distanceM: 41.7 } });
  assert.deepEqual(v.reasons.find((r) => r.code === "location_within")?.vars, { distance: 42, source: "pin" });
});
