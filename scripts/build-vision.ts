/**
 * `npm run build:vision`: builds the native visual matcher (src/verification/visual/native, node-gyp) against
 * the machine's OpenCV 4.6 (Debian bookworm's libopencv-core406, -imgproc406, -features2d406). Headers come from
 * OPENCV_INCLUDE, /usr/include/opencv4 (libopencv-dev), or .cache/opencv (the -dev packages' headers unpacked
 * by .ci/run, so CI needs only the runtime libraries, not the 190 packages libopencv-dev pulls in). Node's own
 * headers are used (the node binary's prefix), never downloaded. With `--if-possible` a machine without
 * OpenCV just keeps OpenCV.js (exit 0); otherwise that is an error.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const NATIVE = path.join(ROOT, "src/verification/visual/native");
const ifPossible = process.argv.includes("--if-possible");

function fail(reason: string): never {
  if (ifPossible) {
    process.stdout.write(`build:vision skipped (${reason}); the matcher uses OpenCV.js\n`);
    process.exit(0);
  }
  process.stderr.write(`build:vision: ${reason}\n`);
  process.exit(1);
}

const include = [process.env.OPENCV_INCLUDE, "/usr/include/opencv4", path.join(ROOT, ".cache/opencv/usr/include/opencv4")]
  .find((dir): dir is string => !!dir && existsSync(path.join(dir, "opencv2/features2d.hpp")));
if (!include) fail("no OpenCV headers: install libopencv-dev, or set OPENCV_INCLUDE");

const libDirs = ["/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib"];
const hasLib = (name: string) => libDirs.some((d) => existsSync(d) && readdirSync(d).includes(name));
for (const lib of ["libopencv_core.so.406", "libopencv_imgproc.so.406", "libopencv_features2d.so.406"]) {
  if (!hasLib(lib)) fail(`${lib} is missing: apt-get install libopencv-features2d406`);
}

const nodedir = path.resolve(path.dirname(process.execPath), "..");
if (!existsSync(path.join(nodedir, "include/node/node_api.h"))) fail(`Node's headers are not under ${nodedir}/include/node`);

const gyp = [process.env.npm_config_node_gyp, path.join(path.dirname(process.execPath), "../lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js")]
  .find((p): p is string => !!p && existsSync(p));
if (!gyp) fail("node-gyp (bundled with npm) not found");

const started = Date.now();
try {
  execFileSync(process.execPath, [gyp, "rebuild", "--loglevel=error", `--nodedir=${nodedir}`, "--directory", NATIVE], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, OPENCV_INCLUDE: include },
  });
} catch {
  fail("node-gyp failed (its messages are above)");
}
process.stdout.write(`build:vision: ${path.relative(ROOT, path.join(NATIVE, "build/Release/safe_arrival_vision.node"))} built in ${((Date.now() - started) / 1000).toFixed(1)} s against ${include}\n`);
