import { describe, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { readdirSync, readFileSync } from "node:fs";
import sharp from "sharp";
import { decodePhoto } from "../../../src/verification/decode.ts";
import fc from "fast-check";
import { REPLAY_MAX_DISTANCE, blockAverage, dihedralHashes, hamming, jarosz, pdqHash, phashPhoto } from "../../../src/verification/pdq.ts";
import { ANY_SIZE, BRIDGE_MODS_DIR, evalPhotos, syntheticJpeg } from "./fixtures.ts";

const minDistance = (hash: string, variants: readonly string[]) => Math.min(...variants.map((v) => hamming(hash, v)));

async function hashesOf(bytes: Buffer): Promise<string[]> {
  return dihedralHashes(await decodePhoto(bytes, ANY_SIZE));
}

describe("hamming", () => {
  test("counts differing bits and refuses malformed hashes", () => {
    const zero = "0".repeat(64);
    assert.equal(hamming(zero, zero), 0);
    assert.equal(hamming(zero, "f".repeat(64)), 256);
    assert.equal(hamming(zero, "1" + "0".repeat(62) + "3"), 3);
    assert.equal(hamming("A".repeat(64), "a".repeat(64)), 0);
    assert.throws(() => hamming(zero, "0".repeat(63)), TypeError);
    assert.throws(() => hamming(zero, "g".repeat(64)), TypeError);
  });
});

describe("pdqHash", () => {
  test("is 64 hex digits with half the bits set, and the first dihedral variant", async () => {
    const photo = await decodePhoto(await syntheticJpeg(20), ANY_SIZE);
    const hash = pdqHash(photo);
    assert.match(hash, /^[0-9a-f]{64}$/);
    assert.equal(hamming(hash, "0".repeat(64)), 128);
    const variants = dihedralHashes(photo);
    assert.equal(variants.length, 8);
    assert.equal(variants[0], hash);
    assert.equal(new Set(variants).size, 8);
    assert.equal(await phashPhoto(photo), hash);
    assert.equal(await phashPhoto(await syntheticJpeg(20), ANY_SIZE), hash);
  });

  test("bridge-mods: every edited copy is within the replay distance of the original", async (t) => {
    const orig = pdqHash(await decodePhoto(readFileSync(path.join(BRIDGE_MODS_DIR, "aaa-orig.jpg")), ANY_SIZE));
    const files = readdirSync(BRIDGE_MODS_DIR).filter((f) => f.endsWith(".jpg") && f !== "aaa-orig.jpg");
    assert.ok(files.length >= 10);
    const distances: Record<string, number> = {};
    for (const file of files) {
      distances[file] = minDistance(orig, await hashesOf(readFileSync(path.join(BRIDGE_MODS_DIR, file))));
    }
    t.diagnostic(`distances to aaa-orig.jpg: ${JSON.stringify(distances)}`);
    for (const [file, d] of Object.entries(distances)) assert.ok(d <= REPLAY_MAX_DISTANCE, `${file} at ${d}`);
  });

  test("distinct eval photos are pairwise beyond the replay distance, even across dihedral variants", async (t) => {
    const photos = evalPhotos();
    assert.ok(photos.length >= 30);
    const hashed = await Promise.all(photos.map(async (p) => ({ name: p.name, variants: await hashesOf(p.bytes) })));
    let nearest = { d: 257, pair: "" };
    for (let i = 0; i < hashed.length; i++) {
      for (let j = i + 1; j < hashed.length; j++) {
        const d = minDistance(hashed[i]!.variants[0]!, hashed[j]!.variants);
        if (d < nearest.d) nearest = { d, pair: `${hashed[i]!.name} ~ ${hashed[j]!.name}` };
      }
    }
    t.diagnostic(`nearest distinct pair among ${hashed.length} photos: ${nearest.d} (${nearest.pair})`);
    assert.ok(nearest.d > REPLAY_MAX_DISTANCE, `${nearest.pair} at ${nearest.d}`);
  });

  test("rotated and mirrored copies are caught only through the dihedral variants", async () => {
    const source = readFileSync(path.join(BRIDGE_MODS_DIR, "aaa-orig.jpg"));
    const orig = pdqHash(await decodePhoto(source, ANY_SIZE));
    const edits = {
      rotate90: sharp(source).rotate(90),
      rotate180: sharp(source).rotate(180),
      rotate270: sharp(source).rotate(270),
      mirror: sharp(source).flop(),
      flip: sharp(source).flip(),
      transpose: sharp(source).rotate(90).flop(),
    };
    for (const [name, pipeline] of Object.entries(edits)) {
      const copy = await hashesOf(await pipeline.jpeg({ quality: 75 }).toBuffer());
      assert.ok(hamming(orig, copy[0]!) > REPLAY_MAX_DISTANCE, `${name}: plain hash already matches at ${hamming(orig, copy[0]!)}`);
      assert.ok(minDistance(orig, copy) <= 20, `${name}: nearest variant at ${minDistance(orig, copy)}`);
    }
  });

  test("distinct synthetic photos do not collide", async () => {
    const a = await hashesOf(await syntheticJpeg(21));
    const b = await hashesOf(await syntheticJpeg(22));
    assert.ok(minDistance(a[0]!, b) > REPLAY_MAX_DISTANCE);
  });
});

/**
 * The filters as PDQ describes them, one block and one line at a time: the shipped ones reorder the work
 * for speed and must give the same floating-point results, or stored hashes would drift.
 */
function blockAverageOracle(grey: Uint8Array, w: number, h: number, factor: number): Float64Array {
  const width = Math.floor(w / factor);
  const height = Math.floor(h / factor);
  const ox = Math.floor((w - width * factor) / 2);
  const oy = Math.floor((h - height * factor) / 2);
  const out = new Float64Array(width * height);
  for (let by = 0; by < height; by++) {
    for (let bx = 0; bx < width; bx++) {
      let sum = 0;
      for (let y = 0; y < factor; y++) for (let x = 0; x < factor; x++) sum += grey[(oy + by * factor + y) * w + ox + bx * factor + x]!;
      out[by * width + bx] = sum / (factor * factor);
    }
  }
  return out;
}

function jaroszOracle(buf: Float64Array, width: number, height: number): void {
  const line = (start: number, stride: number, length: number, window: number) => {
    const right = Math.floor((window + 2) / 2) - 1;
    const left = window - right - 1;
    const out = new Float64Array(length);
    let sum = 0;
    let lo = 0;
    let hi = -1;
    for (let k = 0; k < length; k++) {
      while (hi < Math.min(length - 1, k + right)) sum += buf[start + ++hi * stride]!;
      while (lo < Math.max(0, k - left)) sum -= buf[start + lo++ * stride]!;
      out[k] = sum / (hi - lo + 1);
    }
    for (let k = 0; k < length; k++) buf[start + k * stride] = out[k]!;
  };
  for (let pass = 0; pass < 2; pass++) {
    for (let y = 0; y < height; y++) line(y * width, 1, width, Math.ceil(width / 128));
    for (let x = 0; x < width; x++) line(x, width, height, Math.ceil(height / 128));
  }
}

describe("PDQ filters", () => {
  const image = fc.record({ width: fc.integer({ min: 1, max: 700 }), height: fc.integer({ min: 1, max: 700 }), seed: fc.integer() }).map(({ width, height, seed }) => {
    const grey = Buffer.alloc(width * height);
    let state = seed | 1;
    for (let i = 0; i < grey.length; i++) {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      grey[i] = state & 255;
    }
    return { grey, width, height };
  });

  test("the block average and the box filters give bit for bit what PDQ's one-line-at-a-time form gives", () => {
    fc.assert(
      fc.property(image, fc.integer({ min: 1, max: 4 }), ({ grey, width, height }, factor) => {
        const averaged = blockAverage({ grey, width, height }, factor);
        if (factor > 1 && width >= factor && height >= factor) assert.deepEqual(averaged.luma, blockAverageOracle(grey, width, height, factor));
        const expected = Float64Array.from(averaged.luma);
        jaroszOracle(expected, averaged.width, averaged.height);
        jarosz(averaged.luma, averaged.width, averaged.height);
        assert.deepEqual(averaged.luma, expected);
      }),
      { numRuns: 40 },
    );
  });
});
