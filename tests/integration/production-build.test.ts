/**
 * The production build: `npm run build` writes dist/, and `node dist/main.js start` serves the sandbox with
 * tsx, esbuild, wabt and typescript (development dependencies) made impossible to load, as after `npm ci --omit=dev`.
 */
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { findFreePort, startRedis, type RedisServerHandle } from "../support/redis-server.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const DIST = path.join(ROOT, "dist");
const DEV_ONLY = /^(tsx|wabt|esbuild|@esbuild|typescript)(\/|$)/;

let redis: RedisServerHandle;
let tmp: string;
const NATIVE_ADDON = "build/Release/safe_arrival_vision.node";
const nativeBuilt = existsSync(path.join(ROOT, "src/verification/visual/native", NATIVE_ADDON));
/** A dist/ the developer built stays (rebuilt); one made only for this test is removed, so that `npx safe-arrival` keeps running src/. */
const distBefore = existsSync(DIST);
/** A module hook for `node --import`: resolving a development dependency throws, as it would in production. */
let blocker: string;

before(async () => {
  redis = await startRedis();
  tmp = await mkdtemp(path.join(os.tmpdir(), "safe-arrival-build-"));
  const hooks = path.join(tmp, "hooks.mjs");
  await writeFile(
    hooks,
    `export async function resolve(specifier, context, next) {
  if (${DEV_ONLY}.test(specifier)) throw new Error("development dependency loaded at run time: " + specifier);
  return next(specifier, context);
}\n`,
  );
  blocker = path.join(tmp, "block-dev-deps.mjs");
  await writeFile(blocker, `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  // The real command, into the real dist/: locales/ and node_modules/ are found from there.
  await promisify(execFile)("npm", ["run", "build"], { cwd: ROOT, timeout: 110_000 });
});

after(async () => {
  await redis?.stop();
  await rm(tmp, { recursive: true, force: true });
  if (!distBefore) await rm(DIST, { recursive: true, force: true });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

test("dist/ holds the compiled code, its assets and the assembled .wasm; no static import of tsx, esbuild or wabt", () => {
  const files = filesUnder(DIST).map((f) => path.relative(DIST, f));
  for (const needed of ["main.js", "channels/sandbox/sandbox-page.html", "channels/sandbox/assets/sandbox.js", "web/dashboard/assets/live.js", "web/dashboard/assets/dashboard.css", "verification/visual/hamming-knn.wasm",
    "verification/visual/thread/matcher-thread.js", "landmarks/demo-catalog/paris-gare-du-nord/landmark.json", "landmarks/demo-catalog/paris-gare-du-nord/ref/view-1.jpg",
    "store/lua/compare-and-set.lua", "channels/whatsapp/lua/socket-lock-acquire.lua"]) {
    assert.ok(files.includes(needed), `dist/${needed}`);
  }
  assert.equal(files.filter((f) => /\.(ts|mjs|wat)$/.test(f)).length, 0, "no sources and no tsx thread shim in dist");
  // The native matcher: its addon when it was built, never its C++ sources or node-gyp's intermediate files.
  if (nativeBuilt) assert.ok(files.includes(`verification/visual/native/${NATIVE_ADDON}`), "the native matcher's addon");
  assert.deepEqual(files.filter((f) => f.startsWith("verification/visual/native/") && f !== `verification/visual/native/${NATIVE_ADDON}`), []);
  const offenders: string[] = [];
  for (const file of files.filter((f) => f.endsWith(".js"))) {
    const code = readFileSync(path.join(DIST, file), "utf8");
    for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)["']([^"']+)["']/g)) {
      if (!DEV_ONLY.test(m[1]!)) continue;
      // The one allowed: hamming-knn's fallback for development, behind the shipped .wasm.
      if (file === "verification/visual/hamming-knn.js" && m[1] === "wabt") continue;
      // And the browser scripts' transpiler for a checkout with no build, behind the emitted .js.
      if (file === "browser-script.js" && m[1] === "typescript") continue;
      offenders.push(`${file}: ${m[0]}`);
    }
    assert.doesNotMatch(code, /from\s*["']\.{1,2}\/[^"']+\.ts["']/, `${file} imports a .ts file`);
  }
  assert.deepEqual(offenders, []);
});

test("the built matcher loads its .wasm with wabt unloadable", async () => {
  const script = `const { loadHammingKnn } = await import(${JSON.stringify(pathToFileURL(path.join(DIST, "verification/visual/hamming-knn.js")).href)});
const knn = await loadHammingKnn();
const q = new Uint8Array(32).fill(7); const t = new Uint8Array(64); t.set(q, 32);
const r = knn.knn2(q, t);
console.log(JSON.stringify({ index: r.index[0], best: r.best[0] }));`;
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", blocker, "--input-type=module", "-e", script], { cwd: ROOT });
  assert.deepEqual(JSON.parse(stdout), { index: 1, best: 0 });
});

test("`node dist/main.js start` with no bot token serves the sandbox, with no development dependency", async () => {
  const port = await findFreePort();
  const child = spawn(process.execPath, ["--import", blocker, "dist/main.js", "start"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      REDIS_URL: redis.url,
      REDIS_PREFIX: `{b${randomBytes(4).toString("hex")}}`,
      APP_KEY: randomBytes(32).toString("base64"),
      PROOF_SIGNING_KEY: randomBytes(32).toString("base64"),
      PORT: String(port),
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  try {
    const deadline = Date.now() + 30_000;
    while (!out.includes('"msg":"SafeArrival running"')) {
      assert.equal(child.exitCode, null, `exited:\n${out}`);
      assert.ok(Date.now() < deadline, `did not start:\n${out}`);
      await new Promise((r) => setTimeout(r, 50));
    }
    const page = await fetch(`http://127.0.0.1:${port}/sandbox`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<html/i);
    // The page's script is the .js tsc emitted, not a transpile with typescript (unloadable here).
    for (const script of ["/sandbox/assets/sandbox.js", "/sandbox/assets/sandbox-pane.js", "/sandbox/assets/sandbox-api.js", "/sandbox/assets/sandbox-entry.js", "/sandbox/assets/sandbox-dom.js", "/dashboard/assets/live.js"]) {
      const res = await fetch(`http://127.0.0.1:${port}${script}`);
      assert.equal(res.status, 200, script);
      assert.match(res.headers.get("content-type") ?? "", /^text\/javascript/);
      const code = await res.text();
      assert.equal(code, readFileSync(path.join(DIST, script.startsWith("/sandbox/") ? "channels" : "web", script), "utf8").replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n"));
      assert.doesNotMatch(code, /sourceMappingURL|\binterface\b/);
    }
    assert.equal((await fetch(`http://127.0.0.1:${port}/healthz`)).status, 200);
    assert.ok(existsSync(path.join(DIST, "main.js")));
    // The built app finds the native matcher next to its code.
    if (nativeBuilt) assert.match(out, /"engine":"native OpenCV 4\./);
  } finally {
    child.kill("SIGTERM");
    await exited;
  }
  assert.doesNotMatch(out, /development dependency loaded/);
});
