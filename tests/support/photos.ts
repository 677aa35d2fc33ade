/**
 * Test photos generated on the fly, so no binary fixtures live in the repo and
 * every test can ask for exactly the EXIF it needs.
 *
 * How sharp 0.35 writes EXIF (found by experiment, verified in
 * tests/integration/support/photos.test.ts): `.withExif({IFD0, IFD2, IFD3})`
 * maps each key to libvips' `exif-ifdN-<Tag>` string field. libvips numbers
 * IFDs as 0 = main image, 1 = thumbnail, 2 = Exif sub-IFD (DateTimeOriginal,
 * OffsetTimeOriginal), 3 = GPS. Values are strings that libvips converts by
 * the tag's type: rationals as "num/den" (space-separated for multi-value
 * tags such as GPSLatitude); a plain decimal is approximated and loses
 * precision, so coordinates are written as exact D/M/S rationals. Orientation
 * in IFD0 is overwritten from the image's own orientation field, so it has to
 * be set with `.withMetadata({ orientation })` instead.
 */
import { deflateSync } from "node:zlib";
import sharp, { type Exif, type Sharp } from "sharp";

export interface ExifSpec {
  /** Capture time. Written as wall-clock time at `offset` (UTC when no offset is given). */
  dateTimeOriginal?: Date;
  /** OffsetTimeOriginal, e.g. "+02:00". */
  offset?: string;
  gps?: { lat: number; lon: number };
  make?: string;
  model?: string;
}

export interface MakeJpegOptions {
  /** Size as displayed, i.e. after the EXIF orientation is applied. */
  width: number;
  height: number;
  /** Different seeds give perceptually different scenes; equal seeds give identical bytes. */
  seed: number | string;
  exif?: ExifSpec;
  /**
   * EXIF orientation 1-8. The pixels are stored transformed so that a viewer
   * honouring the tag shows the same upright scene as orientation 1; stored
   * width/height are swapped for 5-8, like a phone held sideways.
   */
  orientation?: number;
  quality?: number;
}

/** mulberry32: small, fast, deterministic; quality is irrelevant for test pictures. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedNumber(seed: number | string): number {
  if (typeof seed === "number") return Math.floor(seed * 2654435761) >>> 0 || 1;
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 16777619);
  return h >>> 0;
}

interface Shape {
  cx: number;
  cy: number;
  rx: number;
  ry: number;
  cos: number;
  sin: number;
  colour: [number, number, number];
  softness: number;
  rect: boolean;
}

/**
 * Renders an upright RGB scene: a two-colour "sky/ground" gradient, a few
 * large soft ellipses and rectangles (the structure perceptual hashes see),
 * low-frequency shading, and per-pixel grain so JPEG sizes resemble photos.
 */
export function renderScene(width: number, height: number, seed: number | string): Buffer {
  const rnd = prng(seedNumber(seed));
  const colour = (): [number, number, number] => [rnd() * 255, rnd() * 255, rnd() * 255];
  const top = colour();
  const bottom = colour();
  const horizon = 0.3 + rnd() * 0.4;
  const shapes: Shape[] = [];
  const n = 4 + Math.floor(rnd() * 5);
  for (let i = 0; i < n; i++) {
    const angle = rnd() * Math.PI;
    shapes.push({
      cx: rnd(),
      cy: rnd(),
      rx: 0.08 + rnd() * 0.3,
      ry: 0.08 + rnd() * 0.3,
      cos: Math.cos(angle),
      sin: Math.sin(angle),
      colour: colour(),
      softness: 0.05 + rnd() * 0.2,
      rect: rnd() < 0.4,
    });
  }
  const fx = 1 + rnd() * 3;
  const fy = 1 + rnd() * 3;
  const phase = rnd() * Math.PI * 2;
  const grain = prng(seedNumber(seed) ^ 0x9e3779b9);

  const out = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    const v = y / height;
    // Sky blends into ground around the horizon rather than a hard edge.
    const t = Math.min(1, Math.max(0, (v - horizon) * 4 + 0.5));
    const base0 = top[0] + (bottom[0] - top[0]) * t;
    const base1 = top[1] + (bottom[1] - top[1]) * t;
    const base2 = top[2] + (bottom[2] - top[2]) * t;
    for (let x = 0; x < width; x++) {
      const u = x / width;
      let r = base0;
      let g = base1;
      let b = base2;
      for (const s of shapes) {
        const dx = u - s.cx;
        const dy = v - s.cy;
        const px = (dx * s.cos + dy * s.sin) / s.rx;
        const py = (-dx * s.sin + dy * s.cos) / s.ry;
        const d = s.rect ? Math.max(Math.abs(px), Math.abs(py)) : Math.sqrt(px * px + py * py);
        if (d >= 1 + s.softness) continue;
        const a = d <= 1 - s.softness ? 1 : (1 + s.softness - d) / (2 * s.softness);
        r += (s.colour[0] - r) * a;
        g += (s.colour[1] - g) * a;
        b += (s.colour[2] - b) * a;
      }
      const shade = 0.85 + 0.15 * Math.sin(u * fx * Math.PI * 2 + phase) * Math.cos(v * fy * Math.PI * 2);
      const noise = (grain() - 0.5) * 18;
      const i = (y * width + x) * 3;
      out[i] = clampByte(r * shade + noise);
      out[i + 1] = clampByte(g * shade + noise);
      out[i + 2] = clampByte(b * shade + noise);
    }
  }
  return out;
}

function clampByte(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
}

const pad2 = (n: number) => String(n).padStart(2, "0");

/** Minutes east of UTC for "+HH:MM" / "-HH:MM". */
function offsetMinutes(offset: string): number {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
  if (!m) throw new Error(`bad EXIF offset ${offset}, expected +HH:MM`);
  const mins = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === "-" ? -mins : mins;
}

/** EXIF's "YYYY:MM:DD HH:MM:SS" wall-clock form of an instant at a UTC offset. */
export function exifDateTime(date: Date, offset?: string): string {
  const local = new Date(date.getTime() + (offset ? offsetMinutes(offset) : 0) * 60_000);
  return (
    `${local.getUTCFullYear()}:${pad2(local.getUTCMonth() + 1)}:${pad2(local.getUTCDate())} ` +
    `${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}:${pad2(local.getUTCSeconds())}`
  );
}

/** Exact degrees/minutes/seconds rationals; seconds to 1/10000 (about 3 mm). */
function dmsRational(value: number): string {
  const abs = Math.abs(value);
  let deg = Math.floor(abs);
  let min = Math.floor((abs - deg) * 60);
  let sec = Math.round(((abs - deg) * 60 - min) * 60 * 10_000);
  if (sec >= 600_000) {
    sec -= 600_000;
    min += 1;
  }
  if (min >= 60) {
    min -= 60;
    deg += 1;
  }
  return `${deg}/1 ${min}/1 ${sec}/10000`;
}

export function exifForSharp(spec: ExifSpec): Exif {
  const ifd0: Record<string, string> = {};
  const ifd2: Record<string, string> = {};
  const ifd3: Record<string, string> = {};
  if (spec.make !== undefined) ifd0.Make = spec.make;
  if (spec.model !== undefined) ifd0.Model = spec.model;
  if (spec.dateTimeOriginal !== undefined) {
    const s = exifDateTime(spec.dateTimeOriginal, spec.offset);
    ifd2.DateTimeOriginal = s;
    ifd2.DateTimeDigitized = s;
  }
  if (spec.offset !== undefined) {
    offsetMinutes(spec.offset);
    ifd2.OffsetTimeOriginal = spec.offset;
  }
  if (spec.gps !== undefined) {
    ifd3.GPSVersionID = "2 2 0 0";
    ifd3.GPSLatitudeRef = spec.gps.lat < 0 ? "S" : "N";
    ifd3.GPSLatitude = dmsRational(spec.gps.lat);
    ifd3.GPSLongitudeRef = spec.gps.lon < 0 ? "W" : "E";
    ifd3.GPSLongitude = dmsRational(spec.gps.lon);
  }
  const exif: Exif = {};
  if (Object.keys(ifd0).length) exif.IFD0 = ifd0;
  if (Object.keys(ifd2).length) exif.IFD2 = ifd2;
  if (Object.keys(ifd3).length) exif.IFD3 = ifd3;
  return exif;
}

/** Pixel transform that, undone by a viewer honouring `orientation`, gives back the upright image. */
function storeForOrientation(img: Sharp, orientation: number): Sharp {
  switch (orientation) {
    case 1:
      return img;
    case 2:
      return img.flop();
    case 3:
      return img.rotate(180);
    case 4:
      return img.flip();
    case 5:
      return img.rotate(90).flip();
    case 6:
      return img.rotate(270);
    case 7:
      return img.rotate(90).flop();
    case 8:
      return img.rotate(90);
    default:
      throw new Error(`orientation must be 1-8, got ${orientation}`);
  }
}

export async function makeJpeg(opts: MakeJpegOptions): Promise<Buffer> {
  const { width, height, seed } = opts;
  const orientation = opts.orientation ?? 1;
  const raw = renderScene(width, height, seed);
  let img = sharp(raw, { raw: { width, height, channels: 3 } });
  if (orientation !== 1) {
    // Materialise first: sharp applies rotate() after other operations, and
    // flip/flop ordering relative to rotate matters for 5 and 7.
    const upright = await img.png({ compressionLevel: 0 }).toBuffer();
    img = storeForOrientation(sharp(upright), orientation);
  }
  const exif = opts.exif ? exifForSharp(opts.exif) : undefined;
  if (exif && Object.keys(exif).length > 0) img = img.withExif(exif);
  if (orientation !== 1) img = img.withMetadata({ orientation });
  return await img.jpeg({ quality: opts.quality ?? 88, mozjpeg: false }).toBuffer();
}

/** A prefix of the image, as from an interrupted upload; the end-of-image marker is gone. */
export function truncated(buffer: Buffer, keepFraction = 0.5): Buffer {
  const n = Math.max(4, Math.min(buffer.length - 2, Math.floor(buffer.length * keepFraction)));
  return Buffer.from(buffer.subarray(0, n));
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/**
 * A decompression bomb in miniature: a valid-looking PNG of a few dozen bytes
 * whose IHDR claims width x height pixels (8-bit RGB). Header CRCs are correct
 * so decoders get as far as reading the dimensions.
 */
export function pngClaiming(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // interlace
  // A zlib stream of one filter byte and a black pixel: far too little data.
  const idat = deflateSync(Buffer.from([0, 0, 0, 0]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", idat),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Bytes a user might send as a "photo" document that no image decoder accepts. */
export function notAnImage(): Buffer {
  return Buffer.from("Itinerary: bus 14:05 to the border, then train.\nThis is a text file, not an image.\n", "utf8");
}
