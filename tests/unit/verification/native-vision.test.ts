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
import { describeVisionEngine, nativeVision, resolveNativeVision, setVisionEngine, visionEngine, type NativeVisionAddon } from "../../../src/verification/visual/native-vision.ts";
import { dihedralHashes } from "../../../src/verification/pdq.ts";
import { loadVision, nativeKnn, type Vision } from "../../../src/verification/visual/vision.ts";
import { extractRootSift, matchRootSift, rootSift } from "../../../src/verification/visual/rootsift.ts";

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

/** Exact L2 2-NN in plain JS (double precision), the reference for the native knnL2. */
function plainKnnL2(query: Float32Array, train: Float32Array, dims: number): { index: number[]; best: number[]; second: number[] } {
  const out = { index: [] as number[], best: [] as number[], second: [] as number[] };
  for (let i = 0; i < query.length / dims; i++) {
    let [b, s, bi] = [Infinity, Infinity, -1];
    for (let j = 0; j < train.length / dims; j++) {
      let d = 0;
      for (let k = 0; k < dims; k++) d += (query[i * dims + k]! - train[j * dims + k]!) ** 2;
      if (d < b) [s, b, bi] = [b, d, j];
      else if (d < s) s = d;
    }
    out.index.push(bi);
    out.best.push(Math.sqrt(b));
    out.second.push(Math.sqrt(s));
  }
  return out;
}

describe("native SIFT and L2 2-NN (the RootSIFT experiment)", { skip }, () => {
  const addon = () => (status as { addon: NativeVisionAddon }).addon;
  const close = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-4 * Math.max(1, Math.abs(b));

  for (const dims of [128, 5] as const) {
    test(`knnL2 gives the plain loop's nearest and second distances (Euclidean), ${dims} dimensions${dims === 128 ? " (eight lanes)" : " (scalar path)"}`, () => {
      const rows = (max: number) =>
        fc.integer({ min: 1, max }).chain((n) => fc.array(fc.float({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true }), { minLength: n * dims, maxLength: n * dims }).map((a) => Float32Array.from(a)));
      fc.assert(
        fc.property(rows(12), rows(40), (query, train) => {
          const nq = query.length / dims;
          const [index, best, second] = [new Int32Array(nq), new Float32Array(nq), new Float32Array(nq)];
          addon().knnL2(query, train, dims, index, best, second);
          const want = plainKnnL2(query, train, dims);
          for (let i = 0; i < nq; i++) {
            assert.ok(close(best[i]!, want.best[i]!), `best ${best[i]} vs ${want.best[i]}`);
            assert.ok(close(second[i]!, want.second[i]!), `second ${second[i]} vs ${want.second[i]}`);
            // Float rounding may order near-ties differently: the index found must be at the best distance.
            if (index[i] !== want.index[i]) {
              const j = index[i]!;
              const d = Math.sqrt(Array.from({ length: dims }, (_, k) => (query[i * dims + k]! - train[j * dims + k]!) ** 2).reduce((x, y) => x + y, 0));
              assert.ok(close(d, want.best[i]!), `index ${j} at ${d}, nearest ${want.index[i]} at ${want.best[i]}`);
            }
          }
        }),
        { numRuns: 60 },
      );
    });
  }

  test("knnL2: ties keep the first nearest; no train rows give -1 and Infinity; one row gives second Infinity", () => {
    const dims = 8;
    const train = new Float32Array(dims * 3);
    train.fill(1, 8, 24); // rows 1 and 2 identical
    const query = new Float32Array(dims).fill(1);
    const [index, best, second] = [new Int32Array(1), new Float32Array(1), new Float32Array(1)];
    addon().knnL2(query, train, dims, index, best, second);
    assert.deepEqual([index[0], best[0], second[0]], [1, 0, 0]);
    addon().knnL2(query, new Float32Array(0), dims, index, best, second);
    assert.deepEqual([index[0], best[0], second[0]], [-1, Infinity, Infinity]);
    addon().knnL2(query, new Float32Array(dims), dims, index, best, second);
    assert.deepEqual([index[0], best[0], second[0]], [0, Math.fround(Math.sqrt(8)), Infinity]);
    assert.throws(() => addon().knnL2(query, train, dims, new Int32Array(0), best, second), /too short/);
  });

  test("sift: at most the budget (ties aside), 128 float32 per keypoint, keypoints inside the working copy; refuses a short buffer", async () => {
    const p = await decodePhoto(readFileSync(photoFiles[0]!));
    const raw = addon().sift(p.grey, p.width, p.height, 400, Math.round((400 * p.height) / p.width), 500);
    assert.equal(raw.width, 400);
    assert.ok(raw.count > 100 && raw.count <= 510, `${raw.count} keypoints`);
    assert.equal(raw.dims, 128);
    assert.equal(raw.descriptors.length, raw.count * 128);
    assert.equal(raw.keypoints.length, raw.count * 4);
    for (let i = 0; i < raw.count; i++) {
      assert.ok(raw.keypoints[4 * i]! >= 0 && raw.keypoints[4 * i]! < raw.width && raw.keypoints[4 * i + 1]! >= 0 && raw.keypoints[4 * i + 1]! < raw.height);
    }
    assert.ok(raw.descriptors.every((v) => v >= 0));
    assert.throws(() => addon().sift(new Uint8Array(100), 640, 480, 320, 240, 500), /smaller than its size/);
  });

  test("RootSIFT: rows of unit L2 norm (sqrt of an L1-normalised row), a zero row stays zero", () => {
    const d = rootSift(Float32Array.from([3, 1, 0, 4, 0, 0, 0, 0]), 4);
    assert.ok(Math.abs(d[0]! - Math.sqrt(3 / 8)) < 1e-6 && Math.abs(d[3]! - Math.sqrt(4 / 8)) < 1e-6);
    assert.ok(Math.abs([...d.subarray(0, 4)].reduce((s, v) => s + v * v, 0) - 1) < 1e-6);
    assert.deepEqual([...d.subarray(4)], [0, 0, 0, 0]);
  });

  test("RootSIFT through pair.ts's geometry: a photo finds itself (many inliers), not an unrelated photo", async () => {
    const vision = await loadVision("native");
    const [a, b] = await Promise.all(photoFiles.slice(0, 2).map(async (f) => extractRootSift(vision.native!, await decodePhoto(readFileSync(f)), { longSide: 640, maxFeatures: 800 })));
    assert.ok(matchRootSift(vision.cv, vision.native!, a!, a!).inliers > 200);
    assert.ok(matchRootSift(vision.cv, vision.native!, a!, b!).inliers < 12);
  });
});

describe("native PDQ coefficients", { skip }, () => {
  /** The hashes on one engine and the other (pdq.ts follows the process's engine). */
  function both(photo: Pick<DecodedPhoto, "grey" | "width" | "height">): [string[], string[]] {
    const before = visionEngine();
    try {
      setVisionEngine("native");
      const native = dihedralHashes(photo);
      setVisionEngine("wasm");
      return [native, dihedralHashes(photo)];
    } finally {
      setVisionEngine(before);
    }
  }

  test("bit-identical hashes to the JS path on eval photos (block-averaged by 2)", async () => {
    for (const file of photoFiles) {
      const p = await decodePhoto(readFileSync(file));
      const [native, js] = both(p);
      assert.deepEqual(native, js, path.basename(file));
    }
  });

  test("bit-identical on any size and content: no block average, by 2, by 3, odd sides", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1300 }), fc.integer({ min: 1, max: 1300 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (width, height, seed) => {
        const grey = new Uint8Array(width * height);
        // Smooth gradients plus noise: medians between equal coefficients are the hard case for a bit-exact port.
        let s = seed;
        for (let i = 0; i < grey.length; i++) {
          s = (Math.imul(s, 1103515245) + 12345) >>> 0;
          grey[i] = ((i % width) * 7 + Math.floor(i / width) * 3 + (s >>> 28)) & 255;
        }
        const [native, js] = both({ grey: Buffer.from(grey.buffer), width, height });
        assert.deepEqual(native, js);
      }),
      { numRuns: 40 },
    );
  });
});
