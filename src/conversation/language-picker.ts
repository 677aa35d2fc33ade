import { LOCALE_NAMES, SUPPORTED_LOCALES } from "../domain/locale.ts";
import type { Turn } from "./turn.ts";

/** Language buttons, each labelled in its own language, two per row. */
export function showLanguagePicker(turn: Turn): Promise<void> {
  const buttons = SUPPORTED_LOCALES.map((l) => ({ label: LOCALE_NAMES[l], data: `lang:${l}` }));
  const rows = [];
  for (let i = 0; i < buttons.length; i += 2) rows.push(buttons.slice(i, i + 2));
  return turn.reply({ text: turn.t("language-prompt"), buttons: rows });
}
