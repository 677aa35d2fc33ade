import { describe, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { readFileSync } from "node:fs";
import sharp from "sharp";
import exifr from "exifr";
import { PhotoRejectedError, type PhotoRejectionCode } from "../../../src/verification/contracts.ts";
import { cleanJpeg, decodePhoto, decodeWithClean, inspectPhoto, pdqLuma } from "../../../src/verification/decode.ts";
import { makeJpeg } from "../../support/photos.ts";
import { BRIDGE_MODS_DIR, LIMITS, exifGps, pngClaiming, syntheticJpeg } from "./fixtures.ts";

async function rejects(promise: Promise<unknown>, code: PhotoRejectionCode): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof PhotoRejectedError, `expected PhotoRejectedError, got ${String(err)}`);
    assert.equal(err.code, code);
    return true;
  });
}

describe("inspectPhoto", () => {
  test("accepts a JPEG and reports its size", async () => {
    const header = await inspectPhoto(await syntheticJpeg(1, 640, 480), LIMITS);
    assert.deepEqual(header, { format: "jpeg", width: 640, height: 480 });
  });

  test("text is not an image", async () => {
    await rejects(inspectPhoto(Buffer.from("definitely not a photo"), LIMITS), "not_an_image");
  });

  test("a format outside jpeg/png/webp is not accepted", async () => {
    const gif = await sharp({ create: { width: 300, height: 300, channels: 3, background: "#336699" } }).gif().toBuffer();
    await rejects(inspectPhoto(gif, LIMITS), "not_an_image");
  });

  test("bytes over maxBytes are refused before parsing", async () => {
    const jpeg = await syntheticJpeg(2);
    await rejects(inspectPhoto(jpeg, { ...LIMITS, maxBytes: jpeg.length - 1 }), "too_large");
    await inspectPhoto(jpeg, { ...LIMITS, maxBytes: jpeg.length });
  });

  test("a PNG header claiming 20000x20000 is refused from the header, without decoding", async () => {
    const bomb = pngClaiming(20_000, 20_000);
    assert.ok(bomb.length < 100);
    const rssBefore = process.memoryUsage().rss;
    await rejects(inspectPhoto(bomb, LIMITS), "too_many_pixels");
    await rejects(decodePhoto(bomb, LIMITS), "too_many_pixels");
    // Decoding would need 1.2 GB; allow ordinary noise only.
    assert.ok(process.memoryUsage().rss - rssBefore < 200 * 1024 * 1024);
  });

  test("a modest header over a tight pixel cap is refused too", async () => {
    await rejects(inspectPhoto(pngClaiming(2000, 2000), { ...LIMITS, maxPixels: 3_999_999 }), "too_many_pixels");
  });

  test("min side is checked after orientation", async () => {
    await rejects(inspectPhoto(await syntheticJpeg(3, 600, 150), LIMITS), "too_small");
    const rotated = await sharp(await syntheticJpeg(3, 600, 250)).withMetadata({ orientation: 6 }).jpeg().toBuffer();
    assert.deepEqual(await inspectPhoto(rotated, LIMITS), { format: "jpeg", width: 250, height: 600 });
    await rejects(inspectPhoto(rotated, { ...LIMITS, minSide: 251 }), "too_small");
  });
});

describe("decodePhoto", () => {
  test("a JPEG cut in half is truncated, not silently grey-padded", async () => {
    const jpeg = readFileSync(path.join(BRIDGE_MODS_DIR, "aaa-orig.jpg"));
    await rejects(decodePhoto(jpeg.subarray(0, jpeg.length >> 1), LIMITS), "truncated");
  });

  test("a PNG cut in half is truncated", async () => {
    const png = await (await sharp(await syntheticJpeg(4)).png().toBuffer());
    await rejects(decodePhoto(png.subarray(0, png.length >> 1), LIMITS), "truncated");
  });

  test("orientation 6 is applied: sides swap and the left edge becomes the top", async () => {
    // Left half black, right half white, stored unrotated with an EXIF "rotate 90° clockwise" tag.
    const raw = Buffer.alloc(300 * 200);
    for (let y = 0; y < 200; y++) raw.fill(255, y * 300 + 150, y * 300 + 300);
    const jpeg = await sharp(raw, { raw: { width: 300, height: 200, channels: 1 } })
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const photo = await decodePhoto(jpeg, LIMITS);
    assert.deepEqual([photo.width, photo.height, photo.originalWidth, photo.originalHeight], [200, 300, 200, 300]);
    assert.equal(photo.grey.length, 200 * 300);
    const rowMean = (y: number) => photo.grey.subarray(y * 200, (y + 1) * 200).reduce((a, b) => a + b, 0) / 200;
    assert.ok(rowMean(5) < 30, `top row mean ${rowMean(5)}`);
    assert.ok(rowMean(294) > 225, `bottom row mean ${rowMean(294)}`);
  });

  test("the working copy is at most 1024 px on its long side, aspect kept", async () => {
    const photo = await decodePhoto(await syntheticJpeg(5, 3000, 1500), LIMITS);
    assert.deepEqual([photo.width, photo.height, photo.originalWidth, photo.originalHeight], [1024, 512, 3000, 1500]);
  });

  test("luma uses PDQ weights on RGB", async () => {
    const red = await sharp({ create: { width: 256, height: 256, channels: 3, background: { r: 255, g: 0, b: 0 } } }).png().toBuffer();
    const photo = await decodePhoto(red, LIMITS);
    assert.equal(photo.grey[0], Math.round(0.299 * 255));
  });

  test("the luma's rounding is Math.round's on every one of the 2^24 RGB values", () => {
    let differ = 0;
    for (let r = 0; r < 256; r++) {
      for (let g = 0; g < 256; g++) {
        for (let b = 0; b < 256; b++) if (pdqLuma(r, g, b) !== Math.round(0.299 * r + 0.587 * g + 0.114 * b)) differ++;
      }
    }
    assert.equal(differ, 0);
  });
});

describe("cleanJpeg", () => {
  test("drops EXIF, GPS, ICC and XMP, applies orientation and caps the size", async () => {
    const source = await sharp(await syntheticJpeg(6, 3000, 1000))
      .withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Make: "Leaky", Model: "Phone" }, IFD2: { DateTimeOriginal: "2024:05:06 07:08:09" }, IFD3: exifGps(51.5, -0.07) })
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>')
      .jpeg()
      .toBuffer();
    const before = await sharp(source).metadata();
    assert.ok(before.exif && before.icc && before.xmp, "the source must carry metadata for this test to mean anything");
    assert.ok(await exifr.gps(source));

    const clean = await cleanJpeg(source, LIMITS);
    const meta = await sharp(clean).metadata();
    assert.equal(meta.format, "jpeg");
    assert.deepEqual([meta.width, meta.height], [683, 2048]);
    assert.equal(meta.exif, undefined);
    assert.equal(meta.icc, undefined);
    assert.equal(meta.xmp, undefined);
    assert.equal(meta.orientation, undefined);
    assert.equal(await exifr.parse(clean, true), undefined);
    assert.equal(await exifr.gps(clean), undefined);
  });
});

describe("decodeWithClean (one decode for the working copy and the clean copy)", () => {
  test("gives the working copy decodePhoto gives and a clean copy like cleanJpeg's", async () => {
    const bytes = await makeJpeg({ width: 1280, height: 960, seed: "decode-once" });
    const { decoded, clean } = await decodeWithClean(bytes, LIMITS);
    const alone = await decodePhoto(bytes, LIMITS);
    assert.deepEqual([decoded.width, decoded.height, decoded.originalWidth, decoded.originalHeight], [alone.width, alone.height, alone.originalWidth, alone.originalHeight]);
    let diff = 0;
    for (let i = 0; i < alone.grey.length; i++) diff += Math.abs(decoded.grey[i]! - alone.grey[i]!);
    assert.ok(diff / alone.grey.length <= 1, `mean grey difference ${diff / alone.grey.length}`);
    const meta = await sharp(clean).metadata();
    const reference = await sharp(await cleanJpeg(bytes, LIMITS)).metadata();
    assert.deepEqual([meta.format, meta.width, meta.height, meta.exif, meta.icc], [reference.format, reference.width, reference.height, undefined, undefined]);
  });
});
