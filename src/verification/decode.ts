/**
 * Untrusted photo bytes to pixels. Everything that can be refused is refused from the header first,
 * before libvips allocates a single pixel.
 */
import sharp from "sharp";
import type { Metadata, OutputInfo, Sharp } from "sharp";
import { PhotoRejectedError, type DecodedPhoto, type PhotoLimits, type PhotoRejectionCode } from "./contracts.ts";

/** Telegram bots cannot download files above 20 MB; the pixel cap leaves room for 100 MP phone modes. */
export const DEFAULT_PHOTO_LIMITS: PhotoLimits = { maxBytes: 20 * 1024 * 1024, maxPixels: 100_000_000, minSide: 200 };

/** Working copy size: enough for hashing and matching, small enough to keep a worker's memory flat. */
const WORKING_LONG_SIDE = 1024;
const CLEAN_LONG_SIDE = 2048;
/**
 * The family's copy. Huffman-table optimisation is off: on 1280 px photos it took 2.4x the CPU of the
 * encode for files 0.8% smaller, with the same pixels (docs/verification.md, "Cost per check-in").
 */
const CLEAN_JPEG = { quality: 82, optimiseCoding: false } as const;

const ACCEPTED_FORMATS = new Set(["jpeg", "png", "webp"]);
/** A decode that takes longer than this is abandoned: a crafted image must not hold a worker. */
const DECODE_TIMEOUT_SECONDS = 15;

/**
 * The format by content, before any decoder sees the bytes: only JPEG, PNG and WebP reach libvips, so
 * the attack surface of its other loaders (SVG, TIFF, HEIF, PDF, ...) stays out of reach whatever a
 * file claims to be.
 */
export function sniffImageFormat(bytes: Buffer): "jpeg" | "png" | "webp" | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return "png";
  if (bytes.length >= 12 && bytes.toString("latin1", 0, 4) === "RIFF" && bytes.toString("latin1", 8, 12) === "WEBP") return "webp";
  return undefined;
}

export interface PhotoHeader {
  format: string;
  /** After EXIF orientation. */
  width: number;
  height: number;
}

export async function inspectPhoto(bytes: Buffer, limits: PhotoLimits): Promise<PhotoHeader> {
  if (bytes.length > limits.maxBytes) throw new PhotoRejectedError("too_large");
  if (!sniffImageFormat(bytes)) throw new PhotoRejectedError("not_an_image");
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: limits.maxPixels }).metadata();
  } catch (err) {
    throw new PhotoRejectedError(rejectionFor(err, "not_an_image"));
  }
  if (!ACCEPTED_FORMATS.has(meta.format) || !(meta.width > 0) || !(meta.height > 0)) {
    throw new PhotoRejectedError("not_an_image");
  }
  // limitInputPixels already refuses most of these; the explicit check covers loaders that do not apply it.
  if (meta.width * meta.height > limits.maxPixels) throw new PhotoRejectedError("too_many_pixels");
  const { width, height } = meta.autoOrient ?? meta;
  if (Math.min(width, height) < limits.minSide) throw new PhotoRejectedError("too_small");
  return { format: meta.format, width, height };
}

/** Inspects, then decodes an oriented greyscale (PDQ luma) working copy. Throws PhotoRejectedError. */
export async function decodePhoto(bytes: Buffer, limits: PhotoLimits = DEFAULT_PHOTO_LIMITS): Promise<DecodedPhoto> {
  const header = await inspectPhoto(bytes, limits);
  let raw: { data: Buffer; info: OutputInfo };
  try {
    raw = await pipeline(bytes, limits.maxPixels)
      .resize({ width: WORKING_LONG_SIDE, height: WORKING_LONG_SIDE, fit: "inside", withoutEnlargement: true })
      .toColourspace("srgb")
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (err) {
    throw new PhotoRejectedError(rejectionFor(err, "not_an_image"));
  }
  return greyCopy(raw, header);
}

/**
 * decodePhoto and cleanJpeg from one decode: the photo is decoded once (oriented, flattened, at most
 * 2048 px, sRGB), and both the family's clean JPEG and the 1024 px working copy are made from those pixels.
 * Throws PhotoRejectedError.
 */
export async function decodeWithClean(bytes: Buffer, limits: PhotoLimits = DEFAULT_PHOTO_LIMITS): Promise<{ decoded: DecodedPhoto; clean: Buffer }> {
  const { decoded, clean } = await decodeThenClean(bytes, limits);
  return { decoded, clean: await clean };
}

/**
 * decodeWithClean, resolved as soon as the working copy is ready: the clean JPEG is still being encoded
 * (by libvips, off the event loop) while the caller starts matching. `clean` rejects with
 * PhotoRejectedError; it is marked handled here, so a caller that fails before awaiting it leaks no
 * unhandled rejection.
 */
export async function decodeThenClean(bytes: Buffer, limits: PhotoLimits = DEFAULT_PHOTO_LIMITS): Promise<{ decoded: DecodedPhoto; clean: Promise<Buffer> }> {
  const header = await inspectPhoto(bytes, limits);
  let base: { data: Buffer; info: OutputInfo };
  try {
    base = await pipeline(bytes, limits.maxPixels)
      .resize({ width: CLEAN_LONG_SIDE, height: CLEAN_LONG_SIDE, fit: "inside", withoutEnlargement: true })
      .toColourspace("srgb")
      .raw()
      .toBuffer({ resolveWithObject: true });
  } catch (err) {
    throw new PhotoRejectedError(rejectionFor(err, "not_an_image"));
  }
  const pixels = () => sharp(base.data, { raw: { width: base.info.width, height: base.info.height, channels: base.info.channels } });
  const clean = pixels()
    .jpeg(CLEAN_JPEG)
    .toBuffer()
    .catch((err: unknown) => {
      throw new PhotoRejectedError(rejectionFor(err, "not_an_image"));
    });
  clean.catch(() => undefined);
  let working: { data: Buffer; info: OutputInfo };
  try {
    working = await pixels().resize({ width: WORKING_LONG_SIDE, height: WORKING_LONG_SIDE, fit: "inside", withoutEnlargement: true }).raw().toBuffer({ resolveWithObject: true });
  } catch (err) {
    throw new PhotoRejectedError(rejectionFor(err, "not_an_image"));
  }
  return { decoded: greyCopy(working, header), clean };
}

/**
 * PDQ's luma weights on gamma-encoded RGB (rather than libvips' linear-light greyscale), rounded half up:
 * floor(x + 0.5) gives Math.round(x) for every one of the 2^24 inputs (unit test) at less cost.
 */
export function pdqLuma(r: number, g: number, b: number): number {
  return Math.floor(0.299 * r + 0.587 * g + 0.114 * b + 0.5);
}

function greyCopy(raw: { data: Buffer; info: OutputInfo }, header: PhotoHeader): DecodedPhoto {
  const { info } = raw;
  const pixels = info.width * info.height;
  const grey = Buffer.alloc(pixels);
  // Plain Uint8Array views: V8 reads and writes them faster than through Buffer in this loop.
  const data = new Uint8Array(raw.data.buffer, raw.data.byteOffset, raw.data.length);
  const out = new Uint8Array(grey.buffer, grey.byteOffset, pixels);
  for (let p = 0, q = 0; p < pixels; p++, q += info.channels) out[p] = pdqLuma(data[q]!, data[q + 1]!, data[q + 2]!);
  return { grey, width: info.width, height: info.height, originalWidth: header.width, originalHeight: header.height };
}

/**
 * The photo as the family receives it: oriented, at most 2048 px, JPEG, with no EXIF, GPS, XMP or ICC
 * (sharp writes no metadata unless asked, and converts to sRGB first). Call after decodePhoto accepted it.
 */
export async function cleanJpeg(bytes: Buffer, limits: PhotoLimits = DEFAULT_PHOTO_LIMITS): Promise<Buffer> {
  try {
    return await pipeline(bytes, limits.maxPixels)
      .resize({ width: CLEAN_LONG_SIDE, height: CLEAN_LONG_SIDE, fit: "inside", withoutEnlargement: true })
      .jpeg(CLEAN_JPEG)
      .toBuffer();
  } catch (err) {
    throw new PhotoRejectedError(rejectionFor(err, "not_an_image"));
  }
}

function pipeline(bytes: Buffer, maxPixels: number): Sharp {
  // "truncated" rather than the default "warning": phone JPEGs often carry harmless decoder warnings,
  // but a half-uploaded photo must not pass as grey-padded pixels.
  return sharp(bytes, { failOn: "truncated", limitInputPixels: maxPixels })
    .timeout({ seconds: DECODE_TIMEOUT_SECONDS })
    .autoOrient()
    .flatten({ background: "#ffffff" });
}

function rejectionFor(err: unknown, fallback: PhotoRejectionCode): PhotoRejectionCode {
  const message = err instanceof Error ? err.message : String(err);
  if (/pixel limit/i.test(message)) return "too_many_pixels";
  if (/premature end|truncat|unexpected end|end of (file|input|data)|not enough data|read error/i.test(message)) return "truncated";
  return fallback;
}
