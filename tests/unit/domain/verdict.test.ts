import { test } from "node:test";
import assert from "node:assert/strict";
import { decideVerdict, verdictStrength, type Signals } from "../../../src/domain/verdict.ts";

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

test("a photo that is not new, or a location missing or outside, makes it not verified", () => {
  const cases: Partial<Signals>[] = [
    { photoForwarded: true },
    { replay: { status: "reference", distance: 3 } },
    { replay: { status: "earlier_submission", distance: 10 } },
    { location: { status: "outside", source: "pin", distanceM: 900 } },
    { location: { status: "missing" } },
    // A replay stays not verified even when other signals contradict too: the family is not told.
    { replay: { status: "reference", distance: 3 }, captureTime: { status: "stale", ageMs: 86_400_000 } },
  ];
  for (const c of cases) assert.equal(decideVerdict({ ...good, ...c }).status, "not_verified", JSON.stringify(c));
});

test("contradicting signals make it need attention, never a check-in, whatever else checked out", () => {
  const cases: Partial<Signals>[] = [
    { photoGps: { status: "contradicts", distanceM: 1_180_000 } },
    { captureTime: { status: "stale", ageMs: 86_400_000 } },
    { captureTime: { status: "future" } },
    { visual: { status: "other_landmark", landmarkId: "x", score: 0.8 } },
    { location: { status: "not_counted", why: "forwarded" } },
    { location: { status: "not_counted", why: "venue" } },
    { location: { status: "not_counted", why: "via_bot" } },
    // Even with a location outside the radius: the contradiction is what the family must hear.
    { photoGps: { status: "contradicts", distanceM: 50_000 }, location: { status: "outside", source: "pin", distanceM: 5000 } },
  ];
  for (const c of cases) {
    const v = decideVerdict({ ...good, ...c });
    assert.equal(v.status, "needs_attention", JSON.stringify(c));
    assert.equal(v.reasons[0]!.ok, false, `leads with what could not be confirmed: ${JSON.stringify(v.reasons)}`);
  }
});

test("the photo's GPS far from the location leads the reasons; agreeing GPS is a confirmation", () => {
  const far = decideVerdict({ ...good, photoGps: { status: "contradicts", distanceM: 1_180_432.4 } });
  assert.deepEqual(far.reasons[0], { code: "photo_gps_contradicts", ok: false, vars: { distance: 1_180_432 } });
  const near = decideVerdict({ ...good, photoGps: { status: "agrees", distanceM: 25 } });
  assert.equal(near.status, "verified");
  assert.ok(near.reasons.some((r) => r.code === "photo_gps_agrees" && r.ok));
  assert.equal(decideVerdict({ ...good, photoGps: { status: "not_compared" } }).reasons.length, 4);
});

test("reasons list what could not be confirmed first", () => {
  const v = decideVerdict({ ...good, visual: { status: "no_match", score: 0.1 }, captureTime: { status: "missing" } });
  assert.equal(v.status, "partial");
  const firstOk = v.reasons.findIndex((r) => r.ok);
  assert.deepEqual(v.reasons.slice(0, firstOk).map((r) => r.code), ["visual_no_match", "capture_time_missing"]);
  assert.ok(v.reasons.slice(firstOk).every((r) => r.ok));
});

test("live location and a dropped pin stay distinct in the reasons", () => {
  const live = decideVerdict(good);
  const pin = decideVerdict({ ...good, location: { status: "within", source: "pin", distanceM: 30 } });
  assert.equal(live.reasons.find((r) => r.code === "location_within")?.vars?.source, "live");
  assert.equal(pin.reasons.find((r) => r.code === "location_within")?.vars?.source, "pin");
});

test("strength orders accepted verdicts for upgrades: verified > partial with live > partial with a pin", () => {
  const partialPin = decideVerdict({ ...good, visual: { status: "no_match", score: 0 }, location: { status: "within", source: "pin", distanceM: 30 } });
  const partialLive = decideVerdict({ ...good, visual: { status: "no_match", score: 0 } });
  assert.ok(verdictStrength(decideVerdict(good)) > verdictStrength(partialLive));
  assert.ok(verdictStrength(partialLive) > verdictStrength(partialPin));
  assert.equal(verdictStrength(decideVerdict({ ...good, captureTime: { status: "future" } })), 0);
});

test("reasons carry rounded numbers only, never coordinates", () => {
  const v = decideVerdict({ ...good, location: { status: "within", source: "pin", distanceM: 41.7 } });
  assert.deepEqual(v.reasons.find((r) => r.code === "location_within")?.vars, { distance: 42, source: "pin" });
});
