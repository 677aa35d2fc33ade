/**
 * package.json `engines` tells the truth: every installed package whose own `engines.node` excludes the
 * oldest Node we claim is named, with its version, in docs/operations.md (which says why it still works).
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const semver = createRequire(import.meta.url)("semver") as {
  minVersion(range: string): { version: string } | null;
  validRange(range: string): string | null;
  satisfies(version: string, range: string): boolean;
};

interface Manifest {
  name?: string;
  version?: string;
  engines?: { node?: string };
}

/** Every package under node_modules, nested ones included. */
function* installed(dir: string): Generator<Manifest> {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
    const at = path.join(dir, entry.name);
    if (entry.name.startsWith("@")) {
      yield* installed(at);
      continue;
    }
    const manifest = path.join(at, "package.json");
    if (existsSync(manifest)) yield JSON.parse(readFileSync(manifest, "utf8")) as Manifest;
    yield* installed(path.join(at, "node_modules"));
  }
}

test("every installed dependency that needs a newer Node than package.json's engines is named in docs/operations.md", () => {
  const own = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as Manifest;
  const oldest = semver.minVersion(own.engines!.node!)!.version;
  const needNewer = new Set<string>();
  for (const p of installed(path.join(ROOT, "node_modules"))) {
    const range = p.engines?.node;
    if (range && semver.validRange(range) && !semver.satisfies(oldest, range)) needNewer.add(`\`${p.name}\` ${p.version} (Node ${range})`);
  }
  const doc = readFileSync(path.join(ROOT, "docs/operations.md"), "utf8");
  const undocumented = [...needNewer].filter((line) => !doc.includes(line));
  assert.deepEqual(undocumented, [], `oldest Node claimed: ${oldest}`);
});
