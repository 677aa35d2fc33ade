/**
 * Where the traveller is, from the best evidence available, relative to the landmark's radius.
 */
import { getPreciseDistance } from "geolib";
import type { Landmark } from "../domain/landmark.ts";
import type { LocationSignal, PhotoGpsSignal } from "../domain/verdict.ts";
import type { LocationInput } from "./contracts.ts";

export interface LocationOptions {
  /**
   * Most accuracy credit a reported GPS accuracy may add to the radius: a 2 km accuracy circle
   * says nothing about being at a landmark.
   */
  accuracyCapM?: number;
}

export const DEFAULT_ACCURACY_CAP_M = 100;

/**
 * The location message (live, else a pin; the caller passes the best one it has) takes precedence
 * over EXIF GPS, which is used only when there is no location message at all. A forwarded or venue
 * location is not counted and EXIF does not stand in for it: the traveller sent a place, not where
 * they are, and should be asked for their own location.
 */
export function locationSignal(
  location: LocationInput | undefined,
  exifGps: { lat: number; lon: number } | undefined,
  landmark: Pick<Landmark, "lat" | "lon" | "radiusM">,
  opts: LocationOptions = {},
): LocationSignal {
  const cap = opts.accuracyCapM ?? DEFAULT_ACCURACY_CAP_M;
  if (location) {
    if (location.forwarded) return { status: "not_counted", why: "forwarded" };
    if (location.venue) return { status: "not_counted", why: "venue" };
    if (location.viaBot) return { status: "not_counted", why: "via_bot" };
    if (!validCoordinates(location)) return { status: "missing" };
    const accuracyM = validAccuracy(location.accuracyM);
    return measure(location, location.live ? "live" : "pin", landmark, accuracyM, cap);
  }
  if (exifGps && validCoordinates(exifGps)) return measure(exifGps, "exif", landmark, undefined, cap);
  return { status: "missing" };
}

/** The least distance between the photo's GPS and the location sent that counts as a contradiction. */
export const PHOTO_GPS_CONTRADICTION_MIN_M = 2_000;
/** ... or this many landmark radii, for large landmarks (a park, a camp). */
export const PHOTO_GPS_CONTRADICTION_RADII = 10;

/**
 * Compares the photo's EXIF GPS with the location the traveller sent. Farther apart than
 * max(2 km, 10 radii) is a contradiction: GPS noise, a stale camera fix and indoor drift stay well
 * under that, a photo taken in another town does not. Nothing to compare when either is missing or
 * unusable, or when the location was not counted (it is already a contradiction by itself).
 */
export function photoGpsSignal(
  location: LocationInput | undefined,
  exifGps: { lat: number; lon: number } | undefined,
  landmark: Pick<Landmark, "radiusM">,
): PhotoGpsSignal {
  if (!location || !exifGps || location.forwarded || location.venue || location.viaBot) return { status: "not_compared" };
  if (!validCoordinates(location) || !validCoordinates(exifGps)) return { status: "not_compared" };
  const distanceM = getPreciseDistance({ latitude: location.lat, longitude: location.lon }, { latitude: exifGps.lat, longitude: exifGps.lon });
  const limit = Math.max(PHOTO_GPS_CONTRADICTION_MIN_M, PHOTO_GPS_CONTRADICTION_RADII * landmark.radiusM);
  return { status: distanceM > limit ? "contradicts" : "agrees", distanceM };
}

function measure(
  at: { lat: number; lon: number },
  source: "live" | "pin" | "exif",
  landmark: Pick<Landmark, "lat" | "lon" | "radiusM">,
  accuracyM: number | undefined,
  cap: number,
): LocationSignal {
  const distanceM = getPreciseDistance({ latitude: at.lat, longitude: at.lon }, { latitude: landmark.lat, longitude: landmark.lon });
  // No stated accuracy earns no credit: a dropped pin can be placed anywhere.
  const within = distanceM <= landmark.radiusM + Math.min(accuracyM ?? 0, cap);
  const signal = { status: within ? "within" : "outside", source, distanceM } as const;
  return accuracyM === undefined ? signal : { ...signal, accuracyM };
}

/**
 * Real numbers within range. Null, empty or missing coordinates are not 0,0: a point in the Gulf of
 * Guinea would be measured as thousands of km away instead of reported as no location.
 */
export function validCoordinates(p: { lat: unknown; lon: unknown }): p is { lat: number; lon: number } {
  return typeof p.lat === "number" && typeof p.lon === "number" && Number.isFinite(p.lat) && Number.isFinite(p.lon) && Math.abs(p.lat) <= 90 && Math.abs(p.lon) <= 180;
}

function validAccuracy(accuracyM: number | undefined): number | undefined {
  return accuracyM !== undefined && Number.isFinite(accuracyM) && accuracyM >= 0 ? accuracyM : undefined;
}
