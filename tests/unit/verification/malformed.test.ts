import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import sharp from "sharp";
import { PhotoRejectedError } from "../../../src/verification/contracts.ts";
import { DEFAULT_PHOTO_LIMITS, decodePhoto, inspectPhoto, sniffImageFormat } from "../../../src/verification/decode.ts";
import { parseExifDateTime, plausibleGps, readExif } from "../../../src/verification/exif.ts";

let dir: string;

/** A folder of malformed and unwanted images, written fresh so the sweep covers exactly these bytes. */
before(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "malformed-"));
  const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#3366aa" } }).jpeg().toBuffer();
  const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: "#aa6633" } }).png().toBuffer();
  const files: Record<string, Buffer> = {
    "empty.jpg": Buffer.alloc(0),
    "random.jpg": Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
    "svg-as-jpg.jpg": Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10000" height="10000"><rect width="100%" height="100%"/></svg>'),
    "tiff.jpg": Buffer.concat([Buffer.from("II*\0"), Buffer.alloc(512)]),
    "heic.jpg": Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from("ftypheic"), Buffer.alloc(512)]),
    "gif.jpg": Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1"),
    "pdf.jpg": Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj<<>>endobj\n"),
    "jpeg-header-only.jpg": jpeg.subarray(0, 20),
    "jpeg-garbage-body.jpg": Buffer.concat([jpeg.subarray(0, 200), Buffer.alloc(4000, 0x41)]),
    "jpeg-truncated.jpg": jpeg.subarray(0, Math.floor(jpeg.length * 0.6)),
    "png-truncated.png": png.subarray(0, Math.floor(png.length * 0.5)),
    "webp-header-only.webp": Buffer.concat([Buffer.from("RIFF"), Buffer.from([0xff, 0xff, 0, 0]), Buffer.from("WEBPVP8 "), Buffer.alloc(16)]),
  };
  for (const [name, bytes] of Object.entries(files)) await writeFile(path.join(dir, name), bytes);
});

after(async () => {
  await rm(dir, { recursive: true, force: true });
});

test("every malformed image in the folder is refused with a reason, never a crash", async () => {
  const names = await readdir(dir);
  assert.ok(names.length >= 12);
  for (const name of names) {
    const bytes = await readFile(path.join(dir, name));
    await assert.rejects(
      decodePhoto(bytes, DEFAULT_PHOTO_LIMITS),
      (err: unknown) => err instanceof PhotoRejectedError && ["not_an_image", "truncated", "too_small"].includes(err.code),
      name,
    );
  }
});

test("only JPEG, PNG and WebP reach the decoder, judged by content", async () => {
  const tiny = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#000" } });
  assert.equal(sniffImageFormat(await tiny.clone().jpeg().toBuffer()), "jpeg");
  assert.equal(sniffImageFormat(await tiny.clone().png().toBuffer()), "png");
  assert.equal(sniffImageFormat(await tiny.clone().webp().toBuffer()), "webp");
  assert.equal(sniffImageFormat(await tiny.clone().tiff().toBuffer()), undefined);
  assert.equal(sniffImageFormat(await tiny.clone().gif().toBuffer()), undefined);
  // A real TIFF that libvips could decode is refused before it gets the chance.
  const tiff = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#123" } }).tiff().toBuffer();
  await assert.rejects(inspectPhoto(tiff, DEFAULT_PHOTO_LIMITS), (e: unknown) => e instanceof PhotoRejectedError && e.code === "not_an_image");
});

test("random bytes never crash the EXIF reader", async () => {
  await fc.assert(
    fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), async (bytes) => {
      const facts = await readExif(Buffer.from(bytes));
      assert.equal(typeof facts, "object");
    }),
    { numRuns: 200 },
  );
});

test("EXIF times: impossible dates and offsets are dropped, valid ones are exact", () => {
  fc.assert(
    fc.property(fc.string(), fc.option(fc.string()), (value, offset) => {
      const d = parseExifDateTime(value, offset ?? undefined);
      assert.ok(d === undefined || (d instanceof Date && Number.isFinite(d.getTime())));
    }),
  );
  fc.assert(
    fc.property(fc.date({ min: new Date("1995-01-01"), max: new Date("2090-01-01"), noInvalidDate: true }), fc.integer({ min: -12, max: 14 }), (date, hours) => {
      const local = new Date(date.getTime() + hours * 3_600_000);
      const p = (n: number) => String(n).padStart(2, "0");
      const text = `${local.getUTCFullYear()}:${p(local.getUTCMonth() + 1)}:${p(local.getUTCDate())} ${p(local.getUTCHours())}:${p(local.getUTCMinutes())}:${p(local.getUTCSeconds())}`;
      const offset = `${hours < 0 ? "-" : "+"}${p(Math.abs(hours))}:00`;
      assert.equal(parseExifDateTime(text, offset)?.getTime(), Math.floor(date.getTime() / 1000) * 1000);
    }),
  );
  assert.equal(parseExifDateTime("2024:02:31 10:00:00"), undefined);
  assert.equal(parseExifDateTime("0000:00:00 00:00:00"), undefined);
  assert.equal(parseExifDateTime("2024:01:01 25:00:00"), undefined);
});

test("EXIF GPS: NaN, out of range and 0,0 are ignored; anything else on Earth is kept", () => {
  fc.assert(
    fc.property(fc.anything(), fc.anything(), (lat, lon) => {
      const gps = plausibleGps(lat, lon);
      if (gps) assert.ok(Math.abs(gps.lat) <= 90 && Math.abs(gps.lon) <= 180 && Number.isFinite(gps.lat + gps.lon));
    }),
  );
  fc.assert(
    fc.property(fc.double({ min: -90, max: 90, noNaN: true }), fc.double({ min: -180, max: 180, noNaN: true }), (lat, lon) => {
      const gps = plausibleGps(lat, lon);
      if (lat === 0 && lon === 0) assert.equal(gps, undefined);
      else assert.deepEqual(gps, { lat, lon });
    }),
  );
  for (const [lat, lon] of [[NaN, 1], [91, 0], [0, 181], [0, 0], [Infinity, 2]] as const) assert.equal(plausibleGps(lat, lon), undefined);
});
