import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { loadHammingKnn, type HammingKnn } from "../../../src/verification/visual/hamming-knn.ts";
import { loadOpenCv } from "../../../src/verification/visual/opencv.ts";
import { openCvKnn } from "../../../src/verification/visual/pair.ts";

let wasm: HammingKnn;
let reference: HammingKnn;

before(async () => {
  wasm = await loadHammingKnn();
  reference = openCvKnn((await loadOpenCv()).cv);
});

describe("WebAssembly Hamming 2-NN", () => {
  for (const bytes of [32, 64] as const) {
    test(`gives OpenCV's brute-force distances for any ${bytes}-byte descriptors`, () => {
      const descriptors = (max: number) => fc.integer({ min: 0, max }).chain((n) => fc.uint8Array({ minLength: n * bytes, maxLength: n * bytes }));
      fc.assert(
        fc.property(descriptors(40).filter((q) => q.length > 0), descriptors(60).filter((t) => t.length >= 2 * bytes), (query, train) => {
          const a = wasm.knn2(query, train, bytes);
          const b = reference.knn2(query, train, bytes);
          assert.deepEqual(a.best, b.best);
          assert.deepEqual(a.second, b.second);
          // Ties may pick a different index; the distance of the chosen one must be the best.
          for (let i = 0; i < a.index.length; i++) assert.equal(hamming(query, i, train, a.index[i]!, bytes), a.best[i]);
        }),
        { numRuns: 60 },
      );
    });
  }

  test("exact and one-bit-off copies are found at distance 0 and 1", () => {
    const train = pseudoRandomBytes(32 * 500);
    const query = Uint8Array.from(train.subarray(32 * 123, 32 * 125));
    query[32 + 7]! ^= 0x10;
    const r = wasm.knn2(query, train);
    assert.deepEqual([...r.index], [123, 124]);
    assert.deepEqual([...r.best], [0, 1]);
  });

  test("no train descriptors: no neighbour; a single one: no second", () => {
    const q = new Uint8Array(64).fill(0xff);
    assert.deepEqual([...wasm.knn2(q, new Uint8Array(0)).index], [-1, -1]);
    const one = wasm.knn2(q, new Uint8Array(32));
    assert.deepEqual([...one.best], [256, 256]);
    assert.deepEqual([...one.second], [1024, 1024]);
  });

  test("memory grows for large inputs and results stay correct", () => {
    const train = pseudoRandomBytes(32 * 20_000);
    const query = Uint8Array.from(train.subarray(32 * 19_999));
    assert.equal(wasm.knn2(query, train).index[0], 19_999);
  });
});

function hamming(a: Uint8Array, i: number, b: Uint8Array, j: number, bytes: number): number {
  let d = 0;
  for (let k = 0; k < bytes; k++) {
    let x = a[bytes * i + k]! ^ b[bytes * j + k]!;
    while (x) {
      d += x & 1;
      x >>= 1;
    }
  }
  return d;
}

function pseudoRandomBytes(n: number): Uint8Array {
  let x = 2463534242;
  return new Uint8Array(n).map(() => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x & 255;
  });
}
