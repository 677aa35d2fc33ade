import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { DEFAULT_FRESHNESS_MS, captureTimeSignal } from "../../../src/verification/capture-time.ts";

const received = new Date("2025-03-01T12:00:00Z");
const minutesBefore = (m: number) => new Date(received.getTime() - m * 60_000);

describe("captureTimeSignal", () => {
  test("missing when there is no usable time", () => {
    assert.deepEqual(captureTimeSignal(undefined, received), { status: "missing" });
    assert.deepEqual(captureTimeSignal(new Date(Number.NaN), received), { status: "missing" });
  });

  test("fresh up to the freshness window, stale after", () => {
    assert.deepEqual(captureTimeSignal(minutesBefore(30), received), { status: "fresh", ageMs: 30 * 60_000 });
    assert.deepEqual(captureTimeSignal(minutesBefore(120), received), { status: "fresh", ageMs: DEFAULT_FRESHNESS_MS });
    assert.deepEqual(captureTimeSignal(minutesBefore(121), received), { status: "stale", ageMs: 121 * 60_000 });
    assert.equal(captureTimeSignal(minutesBefore(20), received, 15 * 60_000).status, "stale");
  });

  test("a clock a few minutes ahead is fresh; more than 10 minutes ahead is future", () => {
    assert.deepEqual(captureTimeSignal(minutesBefore(-10), received), { status: "fresh", ageMs: 0 });
    assert.deepEqual(captureTimeSignal(minutesBefore(-11), received), { status: "future" });
  });
});
