/**
 * The native build (src/verification/visual/native) against OpenCV.js and the WebAssembly k-NN: what the
 * matcher runs on either engine must agree. CI builds it (.ci/run: `npm run build:vision`), so there it must
 * load; a development machine without OpenCV skips these, and the matcher runs OpenCV.js.
 */
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import type { DecodedPhoto } from "../../../src/verification/contracts.ts";
import { decodePhoto } from "../../../src/verification/decode.ts";
import { AKAZE_CONFIG, AKAZE_PHOTO_CONFIG, DEFAULT_FEATURE_CONFIG, extractAkazeSync, extractFeaturesSync, type Features } from "../../../src/verification/visual/features.ts";
import { loadHammingKnn, type HammingKnn } from "../../../src/verification/visual/hamming-knn.ts";
import { describeVisionEngine, nativeVision, resolveNativeVision, type NativeVisionAddon } from "../../../src/verification/visual/native-vision.ts";
import { loadVision, nativeKnn, type Vision } from "../../../src/verification/visual/vision.ts";

const status = nativeVision();
const skip = status.loaded ? false : `native build not loaded: ${status.reason}`;
const LANDMARKS = path.resolve(import.meta.dirname, "../../../../shared/eval/landmarks");
const photoFiles = ["sacre-coeur", "chateau-de-sceaux", "nle-tower"].map((id) => {
  const dir = path.join(LANDMARKS, id, "query");
  return path.join(dir, readdirSync(dir).sort()[0]!);
});

test("CI runs the native build: it loads there", { skip: !process.env.CI && "not CI" }, () => {
  assert.equal(status.loaded, true, status.loaded ? "" : status.reason);
  assert.match(describeVisionEngine("auto"), /^native OpenCV 4\./);
});

test("VISION_ENGINE=wasm never uses the native build", () => {
  assert.equal(resolveNativeVision("wasm"), undefined);
  assert.equal(describeVisionEngine("wasm"), "OpenCV.js (VISION_ENGINE=wasm)");
});

describe("native features next to OpenCV.js's", { skip }, () => {
  let native: Vision;
  let wasm: Vision;
  const photos: DecodedPhoto[] = [];
  before(async () => {
    [native, wasm] = await Promise.all([loadVision("native"), loadVision("wasm")]);
    for (const f of photoFiles) photos.push(await decodePhoto(readFileSync(f)));
  });

  /** Keypoints at the same place (1/4 px), and of those, descriptors bit-identical. */
  function agreement(a: Features, b: Features): { samePlace: number; sameDescriptor: number } {
    const bytes = a.descriptors.length / Math.max(1, a.count);
    const at = new Map<string, number>();
    for (let i = 0; i < b.count; i++) at.set(`${Math.round(b.xy[2 * i]! * 4)},${Math.round(b.xy[2 * i + 1]! * 4)}`, i);
    let samePlace = 0;
    let sameDescriptor = 0;
    for (let i = 0; i < a.count; i++) {
      const j = at.get(`${Math.round(a.xy[2 * i]! * 4)},${Math.round(a.xy[2 * i + 1]! * 4)}`);
      if (j === undefined) continue;
      samePlace++;
      if (Buffer.compare(a.descriptors.subarray(i * bytes, (i + 1) * bytes), b.descriptors.subarray(j * bytes, (j + 1) * bytes)) === 0) sameDescriptor++;
    }
    return { samePlace: samePlace / a.count, sameDescriptor: sameDescriptor / a.count };
  }

  test("ORB: the same keypoints, nearly every descriptor bit-identical", () => {
    for (const p of photos) {
      const [a, b] = [extractFeaturesSync(native, p, DEFAULT_FEATURE_CONFIG), extractFeaturesSync(wasm, p, DEFAULT_FEATURE_CONFIG)];
      assert.equal(a.kind, "orb");
      assert.deepEqual([a.count, a.width, a.height], [b.count, b.width, b.height]);
      assert.ok(a.count > 1000, `${a.count} keypoints`);
      const { samePlace, sameDescriptor } = agreement(a, b);
      assert.ok(samePlace > 0.99, `same place ${samePlace}`);
      assert.ok(sameDescriptor > 0.9, `same descriptor ${sameDescriptor}`);
    }
  });

  test("AKAZE: the same keypoints, strongest kept, descriptors padded to 64 bytes", () => {
    for (const p of photos) {
      for (const config of [AKAZE_CONFIG, AKAZE_PHOTO_CONFIG, { ...AKAZE_CONFIG, maxFeatures: 200 }]) {
        const [a, b] = [extractAkazeSync(native, p, config), extractAkazeSync(wasm, p, config)];
        assert.equal(a.kind, "akaze");
        assert.deepEqual([a.count, a.width, a.height], [b.count, b.width, b.height]);
        assert.equal(a.descriptors.length, a.count * 64);
        const { samePlace, sameDescriptor } = agreement(a, b);
        assert.ok(samePlace > 0.95, `same place ${samePlace}`);
        assert.ok(sameDescriptor > 0.8, `same descriptor ${sameDescriptor}`);
      }
    }
  });

  test("a grey buffer smaller than its stated size is refused, not read past", () => {
    const addon = (status as { addon: NativeVisionAddon }).addon;
    assert.throws(() => addon.orb(new Uint8Array(100), 640, 480, 320, 240, 500, false), /smaller than its size/);
    assert.throws(() => addon.akaze(new Uint8Array(100), 0, 0, 1, 1, 0.001, 4, 4), /smaller than its size/);
  });
});

describe("native Hamming 2-NN", { skip }, () => {
  let knn: HammingKnn;
  let wasm: HammingKnn;
  before(async () => {
    knn = nativeKnn((status as { addon: NativeVisionAddon }).addon);
    wasm = await loadHammingKnn();
  });

  for (const bytes of [32, 64] as const) {
    test(`gives the WebAssembly k-NN's answer, index included, for any ${bytes}-byte descriptors`, () => {
      const descriptors = (max: number) => fc.integer({ min: 0, max }).chain((n) => fc.uint8Array({ minLength: n * bytes, maxLength: n * bytes }));
      fc.assert(
        fc.property(descriptors(40).filter((q) => q.length > 0), descriptors(80).filter((t) => t.length > 0), (query, train) => {
          assert.deepEqual(knn.knn2(query, train, bytes), wasm.knn2(query, train, bytes));
        }),
        { numRuns: 80 },
      );
    });
  }

  test("with ties everywhere (bytes 0x00 or 0xff only), eight-at-a-time lanes and the tail still pick the first nearest", () => {
    const descriptors = (bytes: number, max: number) =>
      fc.integer({ min: 1, max }).chain((n) => fc.array(fc.constantFrom(0, 255), { minLength: n * bytes, maxLength: n * bytes }).map((a) => Uint8Array.from(a)));
    for (const bytes of [32, 64] as const) {
      fc.assert(
        fc.property(descriptors(bytes, 6), descriptors(bytes, 40), (query, train) => {
          assert.deepEqual(knn.knn2(query, train, bytes), wasm.knn2(query, train, bytes));
        }),
        { numRuns: 100 },
      );
    }
  });

  test("ties keep the first nearest index, and a duplicate makes the second distance equal the best", () => {
    const train = new Uint8Array(32 * 4);
    train.fill(0xff, 64, 128); // rows 2 and 3 identical
    const query = new Uint8Array(32).fill(0xff);
    const r = knn.knn2(query, train, 32);
    assert.deepEqual([r.index[0], r.best[0], r.second[0]], [2, 0, 0]);
  });

  test("no train descriptors: no neighbour", () => {
    const r = knn.knn2(new Uint8Array(64), new Uint8Array(0), 32);
    assert.deepEqual([...r.index], [-1, -1]);
  });
});
