import { describe, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { readFileSync } from "node:fs";
import sharp from "sharp";
import { parseExifDateTime, readExif } from "../../../src/verification/exif.ts";
import { EVAL_DIR, exifGps, syntheticJpeg } from "./fixtures.ts";

async function jpegWithExif(ifd2: Record<string, string>, gps?: Record<string, string>): Promise<Buffer> {
  return sharp(await syntheticJpeg(10, 400, 300))
    .withExif({ IFD0: { Make: "Test" }, IFD2: ifd2, ...(gps ? { IFD3: gps } : {}) })
    .jpeg()
    .toBuffer();
}

describe("readExif", () => {
  test("capture time with OffsetTimeOriginal is the exact instant, whatever the server zone", async () => {
    const bytes = await jpegWithExif({ DateTimeOriginal: "2024:05:06 07:08:09", OffsetTimeOriginal: "+02:00" });
    const facts = await readExif(bytes);
    assert.equal(facts.captureTime?.toISOString(), "2024-05-06T05:08:09.000Z");
  });

  test("capture time without an offset is read as UTC", async () => {
    const facts = await readExif(await jpegWithExif({ DateTimeOriginal: "2024:05:06 07:08:09" }));
    assert.equal(facts.captureTime?.toISOString(), "2024-05-06T07:08:09.000Z");
  });

  test("GPS from IFD3 becomes signed decimal degrees", async () => {
    const facts = await readExif(await jpegWithExif({ DateTimeOriginal: "2024:05:06 07:08:09" }, exifGps(51.505, -0.0754)));
    assert.ok(facts.gps);
    assert.ok(Math.abs(facts.gps.lat - 51.505) < 1e-4 && Math.abs(facts.gps.lon + 0.0754) < 1e-4, JSON.stringify(facts.gps));
  });

  test("NaN, out-of-range and 0,0 GPS are dropped", async () => {
    const nan = { ...exifGps(51.5, 2), GPSLatitude: "0/0 0/0 0/0" };
    const out = { ...exifGps(51.5, 2), GPSLatitude: "91/1 0/1 0/1" };
    const zero = { ...exifGps(0, 0), GPSLatitude: "0/1 0/1 0/1", GPSLongitude: "0/1 0/1 0/1" };
    for (const gps of [nan, out, zero]) {
      const facts = await readExif(await jpegWithExif({ DateTimeOriginal: "2024:05:06 07:08:09" }, gps));
      assert.equal(facts.gps, undefined, JSON.stringify(gps));
      assert.ok(facts.captureTime, "the rest of the EXIF is still read");
    }
  });

  test("a real camera photo: time, no GPS", async () => {
    const facts = await readExif(readFileSync(path.join(EVAL_DIR, "landmarks/chateau-de-sceaux/ref/100_7100.JPG")));
    assert.ok(facts.captureTime instanceof Date);
    assert.ok(facts.captureTime.getUTCFullYear() >= 2000 && facts.captureTime.getUTCFullYear() <= 2013);
    assert.equal(facts.gps, undefined);
  });

  test("garbage never throws", async () => {
    assert.deepEqual(await readExif(Buffer.from("not a jpeg at all")), {});
    assert.deepEqual(await readExif(Buffer.alloc(0)), {});
    const jpeg = await jpegWithExif({ DateTimeOriginal: "2024:05:06 07:08:09" });
    await readExif(jpeg.subarray(0, 300));
    const noExif = await syntheticJpeg(11, 300, 300);
    assert.equal((await readExif(noExif)).captureTime, undefined);
  });
});

describe("parseExifDateTime", () => {
  test("rejects impossible and placeholder dates", () => {
    for (const bad of ["0000:00:00 00:00:00", "2024:02:30 10:00:00", "2024:13:01 10:00:00", "2024:01:01 24:00:00", "    :  :     :  :  ", "2024-01-01"]) {
      assert.equal(parseExifDateTime(bad), undefined, bad);
    }
    assert.equal(parseExifDateTime(42), undefined);
  });

  test("applies negative offsets and ignores malformed ones", () => {
    assert.equal(parseExifDateTime("2024:12:31 23:30:00", "-05:00")?.toISOString(), "2025-01-01T04:30:00.000Z");
    assert.equal(parseExifDateTime("2024:12:31 23:30:00", "garbage")?.toISOString(), "2024-12-31T23:30:00.000Z");
  });
});
