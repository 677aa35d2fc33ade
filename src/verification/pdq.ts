/**
 * PDQ-style 256-bit perceptual hash (after Meta's PDQ, ThreatExchange pdq/): luma, two X/Y passes of
 * a Jarosz box filter, decimation to 64x64, DCT rows/columns 1..16, threshold at the median.
 * Like Meta's reference, it works on a copy of at most ~512 px (here a block average of the 1024 px
 * working copy: the box filters then cost a quarter). Not bit-compatible with the reference, so hashes
 * are only comparable with hashes made here.
 */
import type { DecodedPhoto, PhotoLimits } from "./contracts.ts";
import { decodePhoto } from "./decode.ts";
import { resolveNativeVision, visionEngine } from "./visual/native-vision.ts";

/**
 * Measured over the eval set with all 8 dihedral variants: every re-encode, resize, WebP, greyscale,
 * blur, caption overlay, rotation and mirror fell within 45; the nearest distinct pair was 54.
 */
export const REPLAY_MAX_DISTANCE = 45;

const SIDE = 64;
const COEFFS = 16;
export const HASH_HEX_LENGTH = 64;

type Grey = Pick<DecodedPhoto, "grey" | "width" | "height">;

// Row u of the DCT-II basis for u = 1..16: the DC term carries brightness, not structure, so it is skipped.
const DCT: Float64Array[] = Array.from({ length: COEFFS }, (_, i) => {
  const row = new Float64Array(SIDE);
  for (let j = 0; j < SIDE; j++) row[j] = Math.sqrt(2 / SIDE) * Math.cos((Math.PI / (2 * SIDE)) * (i + 1) * (2 * j + 1));
  return row;
});

/** The same basis, row after row, for the native build. */
const DCT_FLAT = Float64Array.from(DCT.flatMap((row) => [...row]));

/** The perceptual hash of the photo as it is (no rotation or mirror). */
export function pdqHash(photo: Grey): string {
  return bitsToHex(dct16(photo));
}

/**
 * Hashes of the 8 rotations and mirrors of the photo, the unmodified one first. Derived from one DCT:
 * mirroring a 64-sample axis multiplies odd-frequency coefficients by -1, and a transpose swaps axes.
 */
export function dihedralHashes(photo: Grey): string[] {
  const base = dct16(photo);
  const hashes: string[] = [];
  for (const transpose of [false, true]) {
    for (const flipRows of [false, true]) {
      for (const flipCols of [false, true]) {
        const variant = new Float64Array(COEFFS * COEFFS);
        for (let i = 0; i < COEFFS; i++) {
          for (let j = 0; j < COEFFS; j++) {
            // Index i holds frequency i + 1, so even indices are the odd frequencies a flip negates.
            const sign = (flipRows && i % 2 === 0 ? -1 : 1) * (flipCols && j % 2 === 0 ? -1 : 1);
            variant[transpose ? j * COEFFS + i : i * COEFFS + j] = sign * base[i * COEFFS + j]!;
          }
        }
        hashes.push(bitsToHex(variant));
      }
    }
  }
  return hashes;
}

/** Convenience for the catalog and the CLI: decode (with the same working copy as verification) and hash. */
export async function phashPhoto(input: Buffer | DecodedPhoto, limits?: PhotoLimits): Promise<string> {
  const photo = Buffer.isBuffer(input) ? await decodePhoto(input, limits) : input;
  return pdqHash(photo);
}

function popcount32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

export function isPdqHex(hash: string): boolean {
  return hash.length === HASH_HEX_LENGTH && /^[0-9a-f]+$/i.test(hash);
}

export function hamming(a: string, b: string): number {
  return hammingWords(hashWords(a), hashWords(b));
}

/**
 * A hash as eight 32-bit words, for comparing it with many others: the replay scan compares every stored
 * hash with 8 variants per check-in, and parsing the hex once per hash rather than once per pair was most
 * of its cost.
 */
export function hashWords(hash: string): Uint32Array {
  if (!isPdqHex(hash)) throw new TypeError("hamming: expected two 64-digit hex hashes");
  const words = new Uint32Array(HASH_HEX_LENGTH / 8);
  for (let k = 0; k < words.length; k++) words[k] = parseInt(hash.slice(k * 8, k * 8 + 8), 16);
  return words;
}

/** The Hamming distance between two hashes given as hashWords. */
export function hammingWords(a: Uint32Array, b: Uint32Array): number {
  let distance = 0;
  for (let k = 0; k < a.length; k++) distance += popcount32((a[k]! ^ b[k]!) >>> 0);
  return distance;
}

/** Long side above which the luma is block-averaged by an integer factor first. */
const MAX_HASHED_SIDE = 512;

function dct16(photo: Grey): Float64Array {
  if (photo.grey.length < photo.width * photo.height || photo.width < 1 || photo.height < 1) {
    throw new RangeError("pdq: pixel buffer does not match its size");
  }
  const factor = Math.ceil(Math.max(photo.width, photo.height) / MAX_HASHED_SIDE);
  // The native build runs the same double operations in the same order (~10x less CPU); the result is bit-identical.
  const native = resolveNativeVision(visionEngine());
  if (native) {
    const out = new Float64Array(COEFFS * COEFFS);
    native.pdqDct(photo.grey, photo.width, photo.height, factor, DCT_FLAT, out);
    return out;
  }
  const { luma, width, height } = blockAverage(photo, factor);
  jarosz(luma, width, height);

  const block = new Float64Array(SIDE * SIDE);
  for (let i = 0; i < SIDE; i++) {
    const y = Math.floor(((i + 0.5) * height) / SIDE);
    for (let j = 0; j < SIDE; j++) block[i * SIDE + j] = luma[y * width + Math.floor(((j + 0.5) * width) / SIDE)]!;
  }

  // B = D A Dt, computed as T = D A (16x64) then T Dt.
  const t = new Float64Array(COEFFS * SIDE);
  for (let i = 0; i < COEFFS; i++) {
    const d = DCT[i]!;
    for (let j = 0; j < SIDE; j++) {
      let sum = 0;
      for (let k = 0; k < SIDE; k++) sum += d[k]! * block[k * SIDE + j]!;
      t[i * SIDE + j] = sum;
    }
  }
  const out = new Float64Array(COEFFS * COEFFS);
  for (let i = 0; i < COEFFS; i++) {
    for (let j = 0; j < COEFFS; j++) {
      const d = DCT[j]!;
      let sum = 0;
      for (let k = 0; k < SIDE; k++) sum += t[i * SIDE + k]! * d[k]!;
      out[i * COEFFS + j] = sum;
    }
  }
  return out;
}

/**
 * The luma averaged over factor x factor blocks. The few pixels that do not fill a block are dropped
 * evenly from both sides, so that a rotated or mirrored copy sees the same blocks. The sums are of
 * integers, exact in any order, so they are accumulated a pixel row at a time.
 */
export function blockAverage(photo: Grey, factor: number): { luma: Float64Array; width: number; height: number } {
  const { grey, width: w, height: h } = photo;
  if (factor <= 1 || w < factor || h < factor) return { luma: Float64Array.from(grey.subarray(0, w * h)), width: w, height: h };
  const width = Math.floor(w / factor);
  const height = Math.floor(h / factor);
  const ox = Math.floor((w - width * factor) / 2);
  const oy = Math.floor((h - height * factor) / 2);
  const luma = new Float64Array(width * height);
  const area = factor * factor;
  for (let by = 0; by < height; by++) {
    const out = by * width;
    for (let y = oy + by * factor, yEnd = y + factor; y < yEnd; y++) {
      let p = y * w + ox;
      for (let bx = 0; bx < width; bx++) {
        let sum = 0;
        for (let x = 0; x < factor; x++) sum += grey[p++]!;
        luma[out + bx]! += sum;
      }
    }
    for (let bx = 0; bx < width; bx++) luma[out + bx]! /= area;
  }
  return { luma, width, height };
}

/** Two X/Y rounds of box filtering approximate a tent filter, so each of the 64x64 samples sees its whole cell. */
export function jarosz(buf: Float64Array, width: number, height: number): void {
  const windowX = Math.ceil(width / (2 * SIDE));
  const windowY = Math.ceil(height / (2 * SIDE));
  const scratch = new Float64Array(width);
  const columns = { sums: new Float64Array(width), out: new Float64Array(width * height) };
  for (let pass = 0; pass < 2; pass++) {
    for (let y = 0; y < height; y++) boxRow(buf, y * width, width, windowX, scratch);
    boxColumns(buf, width, height, windowY, columns);
  }
}

/** PDQ's window placement: the window shrinks at the edges instead of padding. */
function windowSides(window: number): { left: number; right: number } {
  const right = Math.floor((window + 2) / 2) - 1;
  return { left: window - right - 1, right };
}

/** In-place moving average along one row. */
function boxRow(buf: Float64Array, start: number, length: number, window: number, scratch: Float64Array): void {
  const { left, right } = windowSides(window);
  let sum = 0;
  let lo = 0;
  let hi = -1;
  for (let k = 0; k < length; k++) {
    const wantHi = Math.min(length - 1, k + right);
    while (hi < wantHi) sum += buf[start + ++hi]!;
    const wantLo = Math.max(0, k - left);
    while (lo < wantLo) sum -= buf[start + lo++]!;
    scratch[k] = sum / (hi - lo + 1);
  }
  buf.set(scratch.subarray(0, length), start);
}

/**
 * In-place moving average down every column, all columns at once: each column's running sum takes the
 * same additions and subtractions in the same order as one column at a time would (so the same
 * floating-point result), while memory is read a row at a time.
 */
function boxColumns(buf: Float64Array, width: number, height: number, window: number, work: { sums: Float64Array; out: Float64Array }): void {
  const { left, right } = windowSides(window);
  const { sums, out } = work;
  sums.fill(0);
  let lo = 0;
  let hi = -1;
  for (let k = 0; k < height; k++) {
    const wantHi = Math.min(height - 1, k + right);
    while (hi < wantHi) {
      const row = ++hi * width;
      for (let x = 0; x < width; x++) sums[x]! += buf[row + x]!;
    }
    const wantLo = Math.max(0, k - left);
    while (lo < wantLo) {
      const row = lo++ * width;
      for (let x = 0; x < width; x++) sums[x]! -= buf[row + x]!;
    }
    const n = hi - lo + 1;
    const row = k * width;
    for (let x = 0; x < width; x++) out[row + x] = sums[x]! / n;
  }
  buf.set(out);
}

/** Bit i*16+j is set when coefficient (i, j) exceeds the median; hex in PDQ's word order (word 15 first). */
function bitsToHex(coeffs: Float64Array): string {
  const median = Float64Array.from(coeffs).sort()[COEFFS * COEFFS / 2 - 1]!;
  const words = new Uint16Array(COEFFS);
  for (let k = 0; k < COEFFS * COEFFS; k++) {
    if (coeffs[k]! > median) words[k >> 4]! |= 1 << (k & 15);
  }
  let hex = "";
  for (let w = COEFFS - 1; w >= 0; w--) hex += words[w]!.toString(16).padStart(4, "0");
  return hex;
}
