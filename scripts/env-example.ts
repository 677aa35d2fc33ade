/**
 * `.env.example` from the config schema: every setting with its default and its meaning, the meanings taken
 * from the doc comments in src/config.ts. `npm run env:example` rewrites the file; a test checks it is current.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { configSchema } from "../src/config.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const CONFIG_SOURCE = path.join(ROOT, "src", "config.ts");
export const ENV_EXAMPLE = path.join(ROOT, ".env.example");

export interface SettingDoc {
  key: string;
  /** The default as written in the environment ("10m", not 600000); undefined when the setting is unset by default. */
  defaultText: string | undefined;
  /** Allowed values, for enumerations. */
  values?: readonly string[];
  /** Lines of the doc comment above the key in src/config.ts. */
  meaning: string[];
  /** Starts a new group (a blank line above it in the schema). */
  groupStart: boolean;
}

interface ZodLike {
  _zod: { def: { type: string; defaultValue?: unknown; in?: ZodLike; innerType?: ZodLike; entries?: Record<string, string> } };
}

/** The raw (pre-transform) default of a schema, and its enumeration values if any. */
export function describeSchema(schema: unknown): { defaultText: string | undefined; values?: readonly string[] } {
  let t = schema as ZodLike | undefined;
  let defaultText: string | undefined;
  let values: readonly string[] | undefined;
  for (let depth = 0; t && depth < 20; depth++) {
    const def = t._zod.def;
    if (def.type === "default" && defaultText === undefined) defaultText = String(def.defaultValue);
    if (def.type === "enum" && def.entries) values = Object.values(def.entries);
    t = def.type === "pipe" ? def.in : def.innerType;
  }
  return { defaultText, values };
}

/** Doc comments and group breaks of the `configSchema = z.object({...})` block, by key. */
export function parseConfigComments(source: string): Map<string, { meaning: string[]; groupStart: boolean }> {
  const start = source.indexOf("export const configSchema = z.object({");
  if (start < 0) throw new Error("configSchema not found in src/config.ts");
  const lines = source.slice(start).split("\n").slice(1);
  const out = new Map<string, { meaning: string[]; groupStart: boolean }>();
  let comment: string[] = [];
  let inComment = false;
  let blank = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (line.startsWith("})")) break;
    if (inComment || line.startsWith("/**")) {
      const body = line.replace(/^\/\*\*/, "").replace(/\*\/$/, "").replace(/^\*\s?/, "").trim();
      if (!inComment) comment = [];
      if (body) comment.push(body);
      inComment = !line.endsWith("*/");
      continue;
    }
    if (line === "") {
      blank = true;
      comment = [];
      continue;
    }
    if (line.startsWith("//")) continue;
    const key = /^([A-Z][A-Z0-9_]*)\s*:/.exec(line)?.[1];
    if (key) {
      out.set(key, { meaning: comment, groupStart: blank });
      comment = [];
      blank = false;
    }
  }
  return out;
}

export function settingDocs(source = readFileSync(CONFIG_SOURCE, "utf8")): SettingDoc[] {
  const comments = parseConfigComments(source);
  return Object.entries(configSchema.shape).map(([key, schema]) => {
    const c = comments.get(key);
    return { key, ...describeSchema(schema), meaning: c?.meaning ?? [], groupStart: c?.groupStart ?? false };
  });
}

const HEADER = `# SafeArrival settings: every one, with its default and meaning.
# Generated from src/config.ts by \`npm run env:example\`; do not edit by hand (a test checks it is current).
#
# Copy to .env, then uncomment and set only what you change; a commented line shows the default.
# Settings come from the environment: docker/compose.yml reads .env (env_file); a shell can \`set -a; . ./.env\`.
# Secrets (TELEGRAM_BOT_TOKEN, TELEGRAM_WEBHOOK_SECRET, REDIS_PASSWORD, ...) belong in .env only, never in git.
`;

export function renderEnvExample(docs: SettingDoc[] = settingDocs()): string {
  const parts = [HEADER];
  for (const d of docs) {
    const block: string[] = [""];
    if (d.groupStart) block.push("# ----------------------------------------------------------------------", "");
    for (const line of d.meaning) block.push(`# ${line}`);
    if (d.values) block.push(`# one of: ${d.values.join(", ")}`);
    block.push(`# ${d.key}=${d.defaultText ?? ""}`);
    parts.push(`${block.join("\n")}\n`);
  }
  return parts.join("");
}

/** The `KEY=value` lines of an env file, commented (`# KEY=value`) or not. */
export function parseEnvExample(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split("\n")) {
    const m = /^#?\s?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (m) out.set(m[1]!, m[2]!);
  }
  return out;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  writeFileSync(ENV_EXAMPLE, renderEnvExample());
  process.stdout.write(`wrote ${path.relative(process.cwd(), ENV_EXAMPLE) || ENV_EXAMPLE}\n`);
}
