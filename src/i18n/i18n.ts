/** Fluent bundles per locale with a fallback chain to English; a user never sees a raw message id. */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { FluentBundle, FluentResource, type FluentVariable } from "@fluent/bundle";
import { DEFAULT_LOCALE, SUPPORTED_LOCALES, type Locale } from "../domain/locale.ts";

export const LOCALES_DIR = path.resolve(import.meta.dirname, "../../locales");

export type MessageVars = Record<string, string | number | Date>;

export class I18n {
  private readonly bundles = new Map<string, FluentBundle>();

  constructor(readonly dir: string = LOCALES_DIR) {
    for (const locale of SUPPORTED_LOCALES) {
      const localeDir = path.join(dir, locale);
      if (!existsSync(localeDir)) continue;
      const bundle = new FluentBundle(locale);
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

  /** Renders a message; falls back to English per message, never returns the id itself. */
  t(locale: Locale | string, id: string, vars: MessageVars = {}): string {
    for (const candidate of [locale, DEFAULT_LOCALE]) {
      const bundle = this.bundles.get(candidate);
      const message = bundle?.getMessage(id);
      if (!bundle || !message?.value) continue;
      const errors: Error[] = [];
      const fluentVars: Record<string, FluentVariable> = vars;
      const text = bundle.formatPattern(message.value, fluentVars, errors);
      if (errors.length === 0) return text;
    }
    throw new Error(`missing message ${id}`);
  }
}
