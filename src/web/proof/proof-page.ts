/** The public check page of a confirmation code: server-rendered, no script, no name, no photo, no position. */
import { landmarkName } from "../../domain/landmark.ts";
import { DEFAULT_LOCALE, matchLocale, RTL_LOCALES, type Locale } from "../../domain/locale.ts";
import { reasonLines, reasonMessageId } from "../../texts/verdict-text.ts";
import { formatLocalTime } from "../../i18n/format.ts";
import type { I18n } from "../../i18n/i18n.ts";
import type { CheckResult } from "../../proof/proof-keys.ts";
import type { Landmark } from "../../domain/landmark.ts";
import { html, type Html } from "../dashboard/html.ts";

export const PROOF_CSS_PATH = "/c/assets/proof.css";

/** The reader's language: the first of the 12 locales their Accept-Language asks for, by weight. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const tags = header
    .split(",")
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag ?? "", q: q ? Number(q.slice(2)) : 1, i };
    })
    .filter((t) => t.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of tags) {
    const locale = matchLocale(tag);
    if (locale) return locale;
  }
  return DEFAULT_LOCALE;
}

export interface ProofPageInput {
  i18n: I18n;
  locale: Locale;
  result: CheckResult | { valid: false; why: "rate_limited" };
  /** The landmark the code names, when the catalog still has it. */
  landmark?: Pick<Landmark, "id" | "names" | "timeZone">;
  /** Names of other landmarks a reason mentions. */
  names(id: string): Record<string, string> | undefined;
}

export function renderProofPage(input: ProofPageInput): Html {
  const { i18n, locale, result } = input;
  const t = (id: string, vars?: Record<string, string | number>) => i18n.t(locale, id, vars);
  let body: Html;
  if (result.valid) {
    const c = result.confirmation;
    const zone = input.landmark?.timeZone ?? "UTC";
    const place = input.landmark ? landmarkName(input.landmark, locale) : c.landmarkId;
    // A code outlives releases: a reason or verdict this version has no words for is shown by its code.
    const reasons = c.reasons.map((r) =>
      i18n.has(DEFAULT_LOCALE, reasonMessageId(r))
        ? reasonLines(i18n, locale, { status: c.status, reasons: [r] }, input.names)[0]!
        : `${t(r.ok ? "reason-ok" : "reason-not-ok")} ${r.code}`,
    );
    const verdict = i18n.has(DEFAULT_LOCALE, `proof-verdict-${c.status}`) ? t(`proof-verdict-${c.status}`) : c.status;
    body = html`<section class="valid">
<h2>${t("proof-valid-heading")}</h2>
<p>${t("proof-valid-intro")}</p>
<dl>
<dt>${t("proof-field-landmark")}</dt><dd>${place}</dd>
<dt>${t("proof-field-time")}</dt><dd>${t("proof-time", { time: formatLocalTime(c.at, locale, zone), zone })}</dd>
<dt>${t("proof-field-verdict")}</dt><dd>${verdict}</dd>
</dl>
<h3>${t("proof-field-reasons")}</h3>
<ul>${reasons.map((line) => html`<li>${line}</li>`)}</ul>
<p>${t("proof-field-expires")}: ${formatLocalTime(c.expiresAt, locale, zone)}</p>
</section>`;
  } else if (result.why === "rate_limited") {
    body = html`<section class="invalid"><p>${t("proof-rate-limited")}</p></section>`;
  } else {
    body = html`<section class="invalid">
<h2>${t("proof-invalid-heading")}</h2>
<p>${t("proof-invalid-text")}</p>
</section>`;
  }
  return html`<!doctype html>
<html lang="${locale}" dir="${RTL_LOCALES.has(locale) ? "rtl" : "ltr"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${t("proof-page-title")}</title>
<link rel="stylesheet" href="${PROOF_CSS_PATH}">
</head>
<body>
<main>
<h1>${t("proof-page-title")}</h1>
${body}
<p class="limits">${t("proof-limits")}</p>
</main>
</body>
</html>
`;
}
