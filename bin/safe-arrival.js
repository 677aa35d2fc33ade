#!/usr/bin/env node
// The built app (`npm run build`, dist/) when there is one: plain Node, no tsx. In a checkout without a
// build, the TypeScript entry through tsx (a development dependency), so `npx safe-arrival` works there too.
import { existsSync } from "node:fs";

const built = new URL("../dist/main.js", import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/main.ts");
}
