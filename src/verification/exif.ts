/**
 * The few EXIF facts verification uses. EXIF is attacker-controlled and often malformed, so anything
 * implausible is dropped rather than trusted, and nothing here throws.
 */
import exifr from "exifr";
import type { ExifFacts } from "./contracts.ts";

const OPTIONS: Parameters<typeof exifr.parse>[1] = {
  tiff: true,
  exif: true,
  gps: true,
  ifd1: false,
  interop: false,
  xmp: false,
  icc: false,
  iptc: false,
  jfif: false,
  ihdr: false,
  // Revived dates are built in the server's time zone, so the raw string is parsed here instead.
  reviveValues: false,
  translateValues: false,
  mergeOutput: true,
};

export async function readExif(bytes: Buffer): Promise<ExifFacts> {
  let tags: unknown;
  try {
    tags = await exifr.parse(bytes, OPTIONS);
  } catch {
    return {};
  }
  if (typeof tags !== "object" || tags === null) return {};
  const t = tags as Record<string, unknown>;
  const facts: ExifFacts = {};
  const captureTime = parseExifDateTime(t.DateTimeOriginal, t.OffsetTimeOriginal);
  if (captureTime) facts.captureTime = captureTime;
  const gps = plausibleGps(t.latitude, t.longitude);
  if (gps) facts.gps = gps;
  if (typeof t.Orientation === "number" && Number.isInteger(t.Orientation) && t.Orientation >= 1 && t.Orientation <= 8) {
    facts.orientation = t.Orientation;
  }
  return facts;
}

/** The camera's wall-clock hour of capture (0-23), for telling night views apart; no zone needed. */
export async function captureWallClockHour(bytes: Buffer): Promise<number | undefined> {
  let tags: unknown;
  try {
    tags = await exifr.parse(bytes, OPTIONS);
  } catch {
    return undefined;
  }
  if (typeof tags !== "object" || tags === null) return undefined;
  // Parsed without the offset: the wall clock, read as UTC.
  return parseExifDateTime((tags as Record<string, unknown>).DateTimeOriginal)?.getUTCHours();
}

/**
 * "YYYY:MM:DD HH:MM:SS" is camera wall-clock time. With OffsetTimeOriginal ("+02:00") it is exact;
 * without it the zone is unknown and the time is read as UTC, which can be off by the traveller's UTC
 * offset: freshness of such photos is only as good as that assumption.
 */
export function parseExifDateTime(value: unknown, offset?: unknown): Date | undefined {
  if (typeof value !== "string") return undefined;
  const m = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const utc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(utc);
  // Date.UTC rolls "2024:02:31" over into March and accepts "0000:00:00"; both are garbage here.
  if (
    year < 1990 ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    check.getUTCHours() !== hour ||
    check.getUTCMinutes() !== minute ||
    check.getUTCSeconds() !== second
  ) {
    return undefined;
  }
  return new Date(utc - offsetMinutes(offset) * 60_000);
}

function offsetMinutes(offset: unknown): number {
  if (typeof offset !== "string") return 0;
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset.trim());
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return minutes > 14 * 60 ? 0 : (m[1] === "-" ? -1 : 1) * minutes;
}

/** exifr passes NaN and out-of-range values through; 0,0 is what broken GPS units write. */
export function plausibleGps(lat: unknown, lon: unknown): { lat: number; lon: number } | undefined {
  if (typeof lat !== "number" || typeof lon !== "number") return undefined;
  if (!Number.isFinite(lat) || !Number.isFinite(lon)) return undefined;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return undefined;
  if (lat === 0 && lon === 0) return undefined;
  return { lat, lon };
}
