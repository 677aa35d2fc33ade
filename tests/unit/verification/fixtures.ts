/** Shared test inputs: generated photos, hand-made headers and the read-only eval photos. */
import path from "node:path";
import { readdirSync, readFileSync } from "node:fs";
import { crc32 } from "node:zlib";
import sharp from "sharp";
import type { Sharp } from "sharp";
import type { Landmark } from "../../../src/domain/landmark.ts";
import type { PhotoLimits } from "../../../src/verification/contracts.ts";

export const EVAL_DIR = path.resolve(import.meta.dirname, "../../../../shared/eval");
export const BRIDGE_MODS_DIR = path.join(EVAL_DIR, "near-duplicates/bridge-mods");

export const LIMITS: PhotoLimits = { maxBytes: 10 * 1024 * 1024, maxPixels: 40_000_000, minSide: 200 };
/** For hashing eval files regardless of size (shrink-a-lot is 160x100). */
export const ANY_SIZE: PhotoLimits = { maxBytes: 50 * 1024 * 1024, maxPixels: 100_000_000, minSide: 1 };

export const TOWER_BRIDGE: Landmark = {
  id: "tower-bridge",
  names: { en: "Tower Bridge" },
  lat: 51.50546,
  lon: -0.0754,
  radiusM: 300,
  timeZone: "Europe/London",
};

/** A photo-like image: smooth random blobs from a seeded generator, so each seed is a distinct picture. */
export async function syntheticPhoto(seed: number, width = 800, height = 600): Promise<Sharp> {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) & 255;
  };
  const cells = Buffer.alloc(16 * 12 * 3);
  for (let i = 0; i < cells.length; i++) cells[i] = next();
  const smooth = await sharp(cells, { raw: { width: 16, height: 12, channels: 3 } })
    .resize(width, height, { kernel: "cubic" })
    .png()
    .toBuffer();
  return sharp(smooth);
}

export async function syntheticJpeg(seed: number, width?: number, height?: number): Promise<Buffer> {
  return (await syntheticPhoto(seed, width, height)).jpeg({ quality: 90 }).toBuffer();
}

/** A well-formed PNG (valid CRCs, one tiny IDAT) whose header claims width x height. */
export function pngClaiming(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", Buffer.alloc(0)), chunk("IEND", Buffer.alloc(0))]);
}

export function exifDateTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getUTCFullYear()}:${p(d.getUTCMonth() + 1)}:${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** EXIF GPS as sharp's withExif wants it: "deg/1 min/1 sec*100/100" rationals and a hemisphere ref. */
export function exifGps(lat: number, lon: number): Record<string, string> {
  const dms = (v: number) => {
    const a = Math.abs(v);
    const deg = Math.floor(a);
    const min = Math.floor((a - deg) * 60);
    const sec = Math.round(((a - deg) * 60 - min) * 60 * 100);
    return `${deg}/1 ${min}/1 ${sec}/100`;
  };
  return {
    GPSLatitudeRef: lat >= 0 ? "N" : "S",
    GPSLatitude: dms(lat),
    GPSLongitudeRef: lon >= 0 ? "E" : "W",
    GPSLongitude: dms(lon),
  };
}

export function evalPhotos(): { name: string; bytes: Buffer }[] {
  const root = path.join(EVAL_DIR, "landmarks");
  return readdirSync(root).flatMap((id) =>
    ["ref", "query"].flatMap((kind) =>
      readdirSync(path.join(root, id, kind)).map((file) => ({
        name: `${id}/${kind}/${file}`,
        bytes: readFileSync(path.join(root, id, kind, file)),
      })),
    ),
  );
}
