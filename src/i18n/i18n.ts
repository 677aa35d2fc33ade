/** Fluent bundles per locale with a fallback chain to English; a user never sees a raw message id. */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import { DEFAULT_LOCALE, SUPPORTED_LOCALES, isLocale, type Locale } from "../domain/locale.ts";
import { formatZone, formattingLocale } from "./format.ts";

export const LOCALES_DIR = path.resolve(import.meta.dirname, "../../locales");

export type MessageVars = Record<string, string | number | Date>;

/**
 * Where to look when a locale lacks a message, before English: Dari readers understand Persian
 * better than English. Every chain ends in English ({@link DEFAULT_LOCALE}).
 */
export const FALLBACKS: Partial<Record<Locale, readonly Locale[]>> = {
  prs: ["fa"],
};

/** The locales tried, in order, to render a message for `locale`. */
export function fallbackChain(locale: Locale | string): string[] {
  const chain = [locale, ...(isLocale(locale) ? (FALLBACKS[locale] ?? []) : []), DEFAULT_LOCALE];
  return [...new Set(chain)];
}

export class I18n {
  private readonly bundles = new Map<string, FluentBundle>();

  constructor(readonly dir: string = LOCALES_DIR) {
    for (const locale of SUPPORTED_LOCALES) {
      const localeDir = path.join(dir, locale);
      if (!existsSync(localeDir)) continue;
      // Numbers ({ $days }) and plural selectors use the locale's formatting locale and digits.
      // Fluent's bidi isolation (useIsolating) stays on: every placeable is wrapped in FSI/PDI.
      const bundle = new FluentBundle(formattingLocale(locale));
      for (const file of readdirSync(localeDir).filter((f) => f.endsWith(".ftl")).sort()) {
        const errors = bundle.addResource(new FluentResource(readFileSync(path.join(localeDir, file), "utf8")));
        if (errors.length > 0) throw new Error(`${locale}/${file}: ${errors.map((e) => e.message).join("; ")}`);
      }
      this.bundles.set(locale, bundle);
    }
    if (!this.bundles.has(DEFAULT_LOCALE)) throw new Error(`no ${DEFAULT_LOCALE} locale in ${dir}`);
  }

  has(locale: string, id: string): boolean {
    return this.bundles.get(locale)?.hasMessage(id) ?? false;
  }

  locales(): string[] {
    return [...this.bundles.keys()];
  }

  /** Renders a message; falls back along {@link fallbackChain} per message, never returns the id itself. */
  t(locale: Locale | string, id: string, vars: MessageVars = {}): string {
    for (const candidate of fallbackChain(locale)) {
      const text = this.render(candidate, id, vars, []);
      if (text !== undefined) return text;
    }
    throw new Error(`missing message ${id}`);
  }

  /** Renders a message in exactly this locale, without fallback; throws if it is missing or has a Fluent error. */
  tExact(locale: Locale | string, id: string, vars: MessageVars = {}): string {
    const errors: Error[] = [];
    const text = this.render(locale, id, vars, errors);
    if (text === undefined) {
      throw new Error(`${locale}: message ${id}: ${errors.map((e) => e.message).join("; ") || "missing"}`);
    }
    return text;
  }

  private render(locale: string, id: string, vars: MessageVars, errors: Error[]): string | undefined {
    const bundle = this.bundles.get(locale);
    const message = bundle?.getMessage(id);
    if (!bundle || !message?.value) return undefined;
    // `zone` is passed as an IANA id everywhere and shown as the reader's name for it, here, in one place.
    const fluentVars: Record<string, FluentVariable> = typeof vars.zone === "string" ? { ...vars, zone: formatZone(vars.zone, locale) } : vars;
    const before = errors.length;
    const text = bundle.formatPattern(message.value, fluentVars, errors);
    return errors.length === before ? text : undefined;
  }
}
