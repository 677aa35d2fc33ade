/**
 * The words of a check-in's result: why a photo was refused before it could be verified, the verdict's
 * reasons for the traveller, and the family's message.
 */
import { landmarkName } from "../domain/landmark.ts";
import type { Locale } from "../domain/locale.ts";
import type { Reason, Verdict } from "../domain/verdict.ts";
import { formatDistance } from "../i18n/format.ts";
import type { I18n, MessageVars } from "../i18n/i18n.ts";
import type { PhotoRejectedError } from "../verification/contracts.ts";

/** Which message tells the sender why a photo was refused (in the turn, or later by the verify worker). */
export const PHOTO_REJECTION_MESSAGE: Record<PhotoRejectedError["code"], string> = {
  not_an_image: "photo-unreadable",
  truncated: "photo-truncated",
  too_many_pixels: "photo-too-many-pixels",
  too_large: "photo-too-large",
  too_small: "photo-too-small",
};

type LandmarkNames = (id: string) => Record<string, string> | undefined;

/**
 * One reason as a line in the reader's language. A location reason names its source (live location,
 * dropped pin, the photo's GPS): they are different evidence, so each has its own message.
 */
function reasonLine(i18n: I18n, locale: Locale, r: Reason, landmarkNames: LandmarkNames): string {
  const vars: MessageVars = {};
  for (const [k, v] of Object.entries(r.vars ?? {})) if (!MESSAGE_VARIANT_VARS.includes(k)) vars[k] = v;
  if (typeof vars.landmark === "string") {
    const names = landmarkNames(vars.landmark);
    if (names) vars.landmark = landmarkName({ id: vars.landmark, names }, locale);
  }
  if (typeof vars.distance === "number") vars.distance = formatDistance(vars.distance, locale);
  const id = reasonMessageId(r);
  const mark = i18n.t(locale, r.ok ? "reason-ok" : "reason-not-ok");
  return `${mark} ${i18n.t(locale, id, vars)}`;
}

/** Vars that pick a reason's message rather than fill it in: a location's source, an unrecognised photo's light. */
const MESSAGE_VARIANT_VARS: readonly string[] = ["source", "light"];

/** The message id of a reason: a location reason has one per source, an unrecognised night photo its own. */
export function reasonMessageId(r: Pick<Reason, "code" | "vars">): string {
  const variant = MESSAGE_VARIANT_VARS.map((k) => r.vars?.[k]).find((v) => typeof v === "string");
  return variant === undefined ? `reason-${r.code}` : `reason-${r.code}-${variant}`;
}

/** The verdict's reasons as lines in the reader's language: what was checked and what was not. */
export function reasonLines(i18n: I18n, locale: Locale, verdict: Verdict, landmarkNames: LandmarkNames): string[] {
  return verdict.reasons.map((r) => reasonLine(i18n, locale, r, landmarkNames));
}

export interface FamilyVerdictText {
  text: string;
  /** Whether the (metadata-free) photo goes with the text. */
  withPhoto: boolean;
}

/**
 * What a family contact reads about a check-in. A verified arrival says so. Anything less leads with
 * what could NOT be confirmed, never with "checked in": a partial check-in shows its photo only under a
 * line saying it was not recognised as the place; a check-in that needs attention shows no photo.
 */
export function familyVerdictText(
  i18n: I18n,
  locale: Locale,
  verdict: Verdict,
  vars: { traveller: string; landmark: string; time: string; zone: string },
  landmarkNames: LandmarkNames,
  /** An upgrade of a partial check-in the family already heard about: one "now confirmed" update. */
  upgrade = false,
): FamilyVerdictText {
  const line = (r: Reason) => reasonLine(i18n, locale, r, landmarkNames);
  if (upgrade && (verdict.status === "verified" || verdict.status === "partial")) {
    const verified = verdict.status === "verified";
    const headline = i18n.t(locale, verified ? "family-upgrade-verified" : "family-upgrade-live", vars);
    // A live-location upgrade re-uses the photo the family already has.
    return { text: [headline, i18n.t(locale, "family-details"), ...verdict.reasons.map(line)].join("\n"), withPhoto: verified };
  }
  if (verdict.status === "verified") {
    return { text: [i18n.t(locale, "family-arrived", vars), i18n.t(locale, "family-details"), ...verdict.reasons.map(line)].join("\n"), withPhoto: true };
  }
  const notOk = verdict.reasons.filter((r) => !r.ok);
  const ok = verdict.reasons.filter((r) => r.ok);
  const lines = [i18n.t(locale, verdict.status === "partial" ? "family-partial" : "family-needs-attention", vars)];
  if (notOk.length > 0) lines.push(i18n.t(locale, "family-not-confirmed"), ...notOk.map(line));
  if (ok.length > 0) lines.push(i18n.t(locale, "family-confirmed"), ...ok.map(line));
  const recognised = verdict.reasons.some((r) => r.code === "visual_match");
  const withPhoto = verdict.status === "partial";
  const inTheDark = verdict.reasons.some((r) => r.code === "visual_no_match" && r.vars?.light === "night");
  if (withPhoto && !recognised) lines.push(i18n.t(locale, inTheDark ? "family-photo-not-recognised-night" : "family-photo-not-recognised", { landmark: vars.landmark }));
  if (!withPhoto) lines.push(i18n.t(locale, "family-photo-withheld"));
  return { text: lines.join("\n"), withPhoto };
}
