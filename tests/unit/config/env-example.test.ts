/** .env.example lists every setting of the config schema, with the schema's default and the meaning from src/config.ts. */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { configSchema, loadConfig } from "../../../src/config.ts";
import { ENV_EXAMPLE, describeSchema, parseEnvExample, renderEnvExample, settingDocs } from "../../../scripts/env-example.ts";

const FIX = "run `npm run env:example` to regenerate .env.example from src/config.ts";
const text = readFileSync(ENV_EXAMPLE, "utf8");
const documented = parseEnvExample(text);
const schemaKeys = Object.keys(configSchema.shape);

test(".env.example has exactly the schema's keys", () => {
  const missing = schemaKeys.filter((k) => !documented.has(k));
  const extra = [...documented.keys()].filter((k) => !schemaKeys.includes(k));
  assert.deepEqual(missing, [], `missing from .env.example: ${missing.join(", ")}; ${FIX}`);
  assert.deepEqual(extra, [], `in .env.example but not in the schema: ${extra.join(", ")}; ${FIX}`);
});

test(".env.example documents each schema default, and it parses to the same value", () => {
  const defaults = loadConfig({}) as Record<string, unknown>;
  for (const key of schemaKeys) {
    const { defaultText } = describeSchema(configSchema.shape[key as keyof typeof configSchema.shape]);
    const value = documented.get(key);
    assert.equal(value, defaultText ?? "", `${key}: .env.example says ${JSON.stringify(value)}, the schema's default is ${JSON.stringify(defaultText ?? "")}; ${FIX}`);
    // Setting the documented value explicitly must give what leaving it unset gives.
    const explicit = loadConfig({ [key]: value }) as Record<string, unknown>;
    assert.deepEqual(explicit[key], defaults[key], `${key}=${value} does not parse to the default`);
  }
});

test("every setting has a meaning in src/config.ts", () => {
  const undocumented = settingDocs().filter((d) => d.meaning.length === 0).map((d) => d.key);
  assert.deepEqual(undocumented, [], `add a /** doc comment */ above these keys in src/config.ts: ${undocumented.join(", ")}`);
});

test(".env.example is what `npm run env:example` writes", () => {
  assert.equal(text, renderEnvExample(), FIX);
});
