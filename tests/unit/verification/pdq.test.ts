import { describe, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { readdirSync, readFileSync } from "node:fs";
import sharp from "sharp";
import { decodePhoto } from "../../../src/verification/decode.ts";
import { REPLAY_MAX_DISTANCE, dihedralHashes, hamming, pdqHash, phashPhoto } from "../../../src/verification/pdq.ts";
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
