import { landmarkName } from "../domain/landmark.ts";
import type { Locale } from "../domain/locale.ts";
import type { I18n } from "../i18n/i18n.ts";
import type { PhotoCheckResult } from "../verification/photo-check.ts";

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/**
 * The photo check's answer in the reader's language: what the catalog says, what the photo's own EXIF
 * says, and plainly what no photo can say. Depends on the result alone, so equal photos get equal answers.
 */
export function photoCheckLines(
  i18n: I18n,
  locale: Locale,
  result: PhotoCheckResult,
  names: (landmarkId: string) => Record<string, string> | undefined,
): string[] {
  const t = (id: string, vars?: Record<string, string | number>) => i18n.t(locale, id, vars);
  const name = (id: string) => landmarkName({ id, names: names(id) ?? {} }, locale);
  const lines = [t("photocheck-header")];
  lines.push(result.landmarkId ? t("photocheck-landmark", { landmark: name(result.landmarkId) }) : t("photocheck-no-landmark"));
  const known = result.known;
  if (!known) lines.push(t("photocheck-not-known"));
  else if (!known.landmarkId) lines.push(t("photocheck-known-elsewhere"));
  else lines.push(t(known.kind === "reference" ? "photocheck-known-reference" : "photocheck-known-picture", { landmark: name(known.landmarkId) }));
  if (!result.exif) lines.push(t("photocheck-no-exif"));
  else {
    const { time, place } = result.exif;
    switch (time.status) {
      case "fresh":
        lines.push(t("photocheck-time-fresh", { minutes: Math.round(time.ageMs / MINUTE_MS) }));
        break;
      case "stale":
        lines.push(t("photocheck-time-stale", { hours: Math.floor(time.ageMs / HOUR_MS) }));
        break;
      case "future":
        lines.push(t("photocheck-time-future"));
        break;
      case "missing":
        lines.push(t("photocheck-time-missing"));
        break;
    }
    switch (place.status) {
      case "fits":
      case "far":
        lines.push(t(`photocheck-place-${place.status}`, { distance: Math.round(place.distanceM), landmark: name(place.landmarkId) }));
        break;
      case "at":
        lines.push(t("photocheck-place-at", { landmark: name(place.landmarkId) }));
        break;
      case "elsewhere":
      case "missing":
        lines.push(t(`photocheck-place-${place.status}`));
        break;
    }
  }
  lines.push(t("photocheck-cannot"));
  return lines;
}
