/**
 * `npm run build`: the production build in dist/, run by `node dist/main.js <role>` with no tsx, esbuild or
 * wabt (development dependencies). It compiles src/ with tsconfig.build.json, copies every other file under
 * src/ that the code reads at run time (pages, styles, browser scripts, the demo catalog), and assembles the
 * WebAssembly matcher (hamming-knn.wat) into hamming-knn.wasm. The native matcher's sources are not copied; its
 * build (`npm run build:vision`, run before this) is, when there is one. locales/ stays at the top, next to dist/.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { assembleWat } from "../src/verification/visual/hamming-knn.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
const SRC = path.join(ROOT, "src");
const DIST = path.join(ROOT, "dist");

/** Not copied: sources (compiled instead), the .wat (assembled instead), and the .mjs shims that register tsx in a thread. */
function isAsset(file: string): boolean {
  return !/\.(ts|mts|cts|mjs|wat)$/.test(file);
}

/** The native matcher's folder: C++ sources and node-gyp's intermediate files; only the addon itself ships. */
const NATIVE = path.join(SRC, "verification/visual/native");
const ADDON = "build/Release/safe_arrival_vision.node";

function copyAssets(from: string, to: string): number {
  let copied = 0;
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (source === NATIVE) {
      if (!existsSync(path.join(source, ADDON))) continue;
      mkdirSync(path.dirname(path.join(target, ADDON)), { recursive: true });
      copyFileSync(path.join(source, ADDON), path.join(target, ADDON));
      copied++;
    } else if (entry.isDirectory()) copied += copyAssets(source, target);
    else if (entry.isFile() && isAsset(entry.name)) {
      mkdirSync(to, { recursive: true });
      copyFileSync(source, target);
      copied++;
    }
  }
  return copied;
}

const started = Date.now();
rmSync(DIST, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
execFileSync(process.execPath, [tsc, "-p", path.join(ROOT, "tsconfig.build.json")], { stdio: "inherit" });
const assets = copyAssets(SRC, DIST);
const wasm = path.join(DIST, "verification/visual/hamming-knn.wasm");
writeFileSync(wasm, await assembleWat());
process.stdout.write(`dist/ built in ${((Date.now() - started) / 1000).toFixed(1)} s: ${assets} assets copied, ${path.relative(ROOT, wasm)} assembled\n`);
