import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { parseDeadline, parseDuration } from "../../../src/domain/duration.ts";

test("durations in s, m, h, d, with any digits a traveller's keyboard types", () => {
  assert.equal(parseDuration("45m"), 45 * 60_000);
  assert.equal(parseDuration(" 6h "), 6 * 3_600_000);
  assert.equal(parseDuration("1d"), 86_400_000);
  assert.equal(parseDuration("1M"), 60_000);
  assert.equal(parseDuration("٦h"), 6 * 3_600_000, "Arabic-Indic digits");
  assert.equal(parseDuration("۴۵m"), 45 * 60_000, "Persian digits");
  for (const bad of ["", "0m", "m", "5", "5 minutes", "-5m", "1.5h", "999999m"]) assert.equal(parseDuration(bad), undefined, bad);
});

test("deadlines: a duration or an ISO time, in the future, within 14 days", () => {
  const now = new Date("2026-11-28T12:00:00Z");
  assert.deepEqual(parseDeadline("1m", now), { ok: true, at: new Date("2026-11-28T12:01:00Z") });
  assert.deepEqual(parseDeadline("2026-11-28T18:30:00Z", now), { ok: true, at: new Date("2026-11-28T18:30:00Z") });
  assert.deepEqual(parseDeadline("2026-11-28T11:00:00Z", now), { ok: false, error: "deadline_past" });
  assert.deepEqual(parseDeadline("15d", now), { ok: false, error: "deadline_too_far" });
  assert.deepEqual(parseDeadline("tomorrow", now), { ok: false, error: "deadline_invalid" });
});

test("any text gives a deadline or a named error, never an exception", () => {
  fc.assert(
    fc.property(fc.string(), (text) => {
      const r = parseDeadline(text, new Date());
      assert.ok(r.ok ? r.at instanceof Date : ["deadline_invalid", "deadline_past", "deadline_too_far"].includes(r.error));
    }),
  );
});
