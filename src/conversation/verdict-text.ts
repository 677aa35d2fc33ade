import { landmarkName } from "../domain/landmark.ts";
import type { Locale } from "../domain/locale.ts";
import type { Verdict } from "../domain/verdict.ts";
import type { I18n } from "../i18n/i18n.ts";

/** The verdict's reasons as lines in the reader's language: what was checked and what was not. */
export function reasonLines(
  i18n: I18n,
  locale: Locale,
  verdict: Verdict,
  landmarkNames: (id: string) => Record<string, string> | undefined,
): string[] {
  return verdict.reasons.map((r) => {
    const vars: Record<string, string | number> = { ...(r.vars ?? {}) };
    if (typeof vars.landmark === "string") {
      const names = landmarkNames(vars.landmark);
      if (names) vars.landmark = landmarkName({ id: vars.landmark, names }, locale);
    }
    const mark = i18n.t(locale, r.ok ? "reason-ok" : "reason-not-ok");
    return `${mark} ${i18n.t(locale, `reason-${r.code}`, vars)}`;
  });
}
