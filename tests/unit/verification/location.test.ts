import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { computeDestinationPoint } from "geolib";
import type { LocationInput } from "../../../src/verification/contracts.ts";
import { locationSignal, photoGpsSignal, validCoordinates } from "../../../src/verification/location.ts";
import { TOWER_BRIDGE } from "./fixtures.ts";

/** A point `metres` due east of the landmark. */
function east(metres: number): { lat: number; lon: number } {
  const p = computeDestinationPoint({ latitude: TOWER_BRIDGE.lat, longitude: TOWER_BRIDGE.lon }, metres, 90);
  return { lat: p.latitude, lon: p.longitude };
}

function message(metres: number, extra: Partial<LocationInput> = {}): LocationInput {
  return { ...east(metres), live: true, forwarded: false, venue: false, receivedAt: new Date(), ...extra };
}

describe("locationSignal", () => {
  test("live location inside and outside the radius", () => {
    const inside = locationSignal(message(250), undefined, TOWER_BRIDGE);
    assert.equal(inside.status, "within");
    assert.ok(inside.status === "within" && inside.source === "live" && Math.abs(inside.distanceM - 250) <= 1);
    const outside = locationSignal(message(400), undefined, TOWER_BRIDGE);
    assert.deepEqual([outside.status, outside.status === "outside" && outside.source], ["outside", "live"]);
  });

  test("accuracy widens the radius, but by at most the cap", () => {
    assert.equal(locationSignal(message(340, { accuracyM: 50 }), undefined, TOWER_BRIDGE).status, "within");
    assert.equal(locationSignal(message(360, { accuracyM: 50 }), undefined, TOWER_BRIDGE).status, "outside");
    assert.equal(locationSignal(message(390, { accuracyM: 5000 }), undefined, TOWER_BRIDGE).status, "within");
    assert.equal(locationSignal(message(410, { accuracyM: 5000 }), undefined, TOWER_BRIDGE).status, "outside");
    assert.equal(locationSignal(message(410, { accuracyM: 5000 }), undefined, TOWER_BRIDGE, { accuracyCapM: 200 }).status, "within");
    const s = locationSignal(message(10, { accuracyM: 12 }), undefined, TOWER_BRIDGE);
    assert.ok(s.status === "within" && s.accuracyM === 12);
  });

  test("a pin without accuracy gets no credit", () => {
    const s = locationSignal(message(310, { live: false }), undefined, TOWER_BRIDGE);
    assert.ok(s.status === "outside" && s.source === "pin" && s.accuracyM === undefined);
    assert.equal(locationSignal(message(310, { live: false, accuracyM: Number.NaN }), undefined, TOWER_BRIDGE).status, "outside");
  });

  test("forwarded and venue locations are not counted, and EXIF does not stand in for them", () => {
    const gps = east(0);
    assert.deepEqual(locationSignal(message(0, { forwarded: true }), gps, TOWER_BRIDGE), { status: "not_counted", why: "forwarded" });
    assert.deepEqual(locationSignal(message(0, { venue: true }), gps, TOWER_BRIDGE), { status: "not_counted", why: "venue" });
  });

  test("the location message wins over EXIF GPS; EXIF is used when there is none", () => {
    const farGps = east(5000);
    const s = locationSignal(message(100, { live: false }), farGps, TOWER_BRIDGE);
    assert.ok(s.status === "within" && s.source === "pin");
    const fromExif = locationSignal(undefined, east(100), TOWER_BRIDGE);
    assert.ok(fromExif.status === "within" && fromExif.source === "exif");
    assert.equal(locationSignal(undefined, farGps, TOWER_BRIDGE).status, "outside");
  });

  test("nothing usable is missing", () => {
    assert.deepEqual(locationSignal(undefined, undefined, TOWER_BRIDGE), { status: "missing" });
    assert.deepEqual(locationSignal(message(0, { lat: Number.NaN }), undefined, TOWER_BRIDGE), { status: "missing" });
  });
});

describe("photoGpsSignal", () => {
  test("a contradiction is farther than max(2 km, 10 radii) from the location sent", () => {
    // A small landmark: the 2 km floor applies.
    const small = { ...TOWER_BRIDGE, radiusM: 100 };
    assert.equal(photoGpsSignal(message(0), east(1900), small).status, "agrees");
    assert.equal(photoGpsSignal(message(0), east(2100), small).status, "contradicts");
    const big = { ...TOWER_BRIDGE, radiusM: 500 };
    assert.equal(photoGpsSignal(message(0), east(4900), big).status, "agrees");
    assert.equal(photoGpsSignal(message(0), east(5100), big).status, "contradicts");
  });

  test("nothing to compare without EXIF GPS, without a location, or with a location that does not count", () => {
    assert.equal(photoGpsSignal(message(0), undefined, TOWER_BRIDGE).status, "not_compared");
    assert.equal(photoGpsSignal(undefined, east(9000), TOWER_BRIDGE).status, "not_compared");
    assert.equal(photoGpsSignal(message(0, { forwarded: true }), east(9000), TOWER_BRIDGE).status, "not_compared");
    assert.equal(photoGpsSignal(message(0, { viaBot: true }), east(9000), TOWER_BRIDGE).status, "not_compared");
  });
});

describe("coordinates", () => {
  test("null, empty or missing coordinates are not 0,0: no location", () => {
    for (const bad of [null, "", undefined, Number.NaN]) {
      const loc = { ...message(0), lat: bad as unknown as number };
      assert.equal(validCoordinates(loc), false, String(bad));
      assert.deepEqual(locationSignal(loc, undefined, TOWER_BRIDGE), { status: "missing" });
    }
    assert.equal(validCoordinates({ lat: 0, lon: 0 }), true, "0,0 itself is a real point");
  });

  test("a location sent through a bot does not count", () => {
    assert.deepEqual(locationSignal(message(0, { viaBot: true }), undefined, TOWER_BRIDGE), { status: "not_counted", why: "via_bot" });
  });
});
