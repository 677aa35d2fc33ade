#!/usr/bin/env node
// The built app (`npm run build`, dist/) when there is one and it is not older than the source: plain Node, no
// tsx (the Docker image ships dist/ without src/). In a checkout without a build, or whose src/ changed since the
// last build, the TypeScript entry through tsx (a development dependency): a stale dist/ would run old code.
import { existsSync, readdirSync, statSync } from "node:fs";

const built = new URL("../dist/main.js", import.meta.url);
const source = new URL("../src/", import.meta.url);

/** The newest modification time of any file under `dir` (a few hundred files: milliseconds). */
function newestUnder(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(`${entry.parentPath ?? entry.path}/${entry.name}`).mtimeMs);
  }
  return newest;
}

const stale = existsSync(built) && existsSync(source) && newestUnder(source) > statSync(built).mtimeMs;
if (existsSync(built) && !stale) {
  await import(built.href);
} else {
  if (stale) process.stderr.write("safe-arrival: dist/ is older than src/, running src/ (npm run build refreshes dist/)\n");
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/main.ts");
}
