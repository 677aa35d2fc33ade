/**
 * How recent the photo is by its EXIF capture time, relative to when the bot received it.
 */
import type { CaptureTimeSignal } from "../domain/verdict.ts";

export const DEFAULT_FRESHNESS_MS = 2 * 60 * 60 * 1000;
/** Phone clocks drift and are set by hand; a few minutes ahead of the server is not evidence of editing. */
export const FUTURE_TOLERANCE_MS = 10 * 60 * 1000;

export function captureTimeSignal(
  exifTime: Date | undefined,
  receivedAt: Date,
  freshnessMs: number = DEFAULT_FRESHNESS_MS,
): CaptureTimeSignal {
  if (!exifTime || Number.isNaN(exifTime.getTime())) return { status: "missing" };
  const ageMs = receivedAt.getTime() - exifTime.getTime();
  if (ageMs < -FUTURE_TOLERANCE_MS) return { status: "future" };
  // Within the tolerance a slightly-ahead clock counts as taken just now.
  if (ageMs <= freshnessMs) return { status: "fresh", ageMs: Math.max(0, ageMs) };
  return { status: "stale", ageMs };
}
