import assert from "node:assert/strict";
import { test } from "node:test";
import exifr from "exifr";
import sharp from "sharp";
import { exifDateTime, makeJpeg, notAnImage, pngClaiming, truncated } from "../../support/photos.ts";

/** 64-bit average hash; enough to show two scenes differ the way a perceptual hash sees them. */
async function aHash(jpeg: Buffer): Promise<boolean[]> {
  const px = await sharp(jpeg).rotate().greyscale().resize(8, 8, { fit: "fill" }).raw().toBuffer();
  const mean = px.reduce((a, b) => a + b, 0) / px.length;
  return [...px].map((v) => v > mean);
}
const hamming = (a: boolean[], b: boolean[]) => a.reduce((n, v, i) => n + (v !== b[i] ? 1 : 0), 0);

test("makeJpeg: GPS, DateTimeOriginal, OffsetTimeOriginal and Make round-trip through exifr", async () => {
  const taken = new Date("2024-05-06T05:08:09Z");
  const jpeg = await makeJpeg({
    width: 320,
    height: 240,
    seed: 1,
    exif: { dateTimeOriginal: taken, offset: "+02:00", gps: { lat: -33.856784, lon: 151.215297 }, make: "TestPhone", model: "T1" },
  });
  const raw = await exifr.parse(jpeg, { reviveValues: false, tiff: true, exif: true, gps: true });
  assert.equal(raw.DateTimeOriginal, "2024:05:06 07:08:09", "wall-clock time at the given offset");
  assert.equal(raw.OffsetTimeOriginal, "+02:00");
  assert.equal(raw.Make, "TestPhone");
  assert.equal(raw.Model, "T1");
  const gps = await exifr.gps(jpeg);
  assert.ok(Math.abs(gps.latitude - -33.856784) < 1e-6, `lat ${gps.latitude}`);
  assert.ok(Math.abs(gps.longitude - 151.215297) < 1e-6, `lon ${gps.longitude}`);

  const western = await makeJpeg({ width: 64, height: 64, seed: 2, exif: { gps: { lat: 40.748817, lon: -73.985428 } } });
  const g2 = await exifr.gps(western);
  assert.ok(Math.abs(g2.latitude - 40.748817) < 1e-6 && Math.abs(g2.longitude - -73.985428) < 1e-6);
  assert.equal(await exifr.parse(western, { reviveValues: false }).then((r: any) => r.DateTimeOriginal), undefined);
});

test("makeJpeg: without exif there is no EXIF block; exifDateTime defaults to UTC", async () => {
  const jpeg = await makeJpeg({ width: 100, height: 80, seed: 3 });
  assert.equal((await sharp(jpeg).metadata()).exif, undefined);
  assert.equal(await exifr.parse(jpeg), undefined);
  assert.equal(exifDateTime(new Date("2024-12-31T23:30:00Z")), "2024:12:31 23:30:00");
  assert.equal(exifDateTime(new Date("2024-12-31T23:30:00Z"), "+05:30"), "2025:01:01 05:00:00");
  assert.equal(exifDateTime(new Date("2024-01-01T01:00:00Z"), "-03:00"), "2023:12:31 22:00:00");
});

test("makeJpeg: deterministic per seed, perceptually different across seeds", async () => {
  const a1 = await makeJpeg({ width: 400, height: 300, seed: 42 });
  const a2 = await makeJpeg({ width: 400, height: 300, seed: 42 });
  assert.ok(a1.equals(a2));
  const meta = await sharp(a1).metadata();
  assert.equal(meta.format, "jpeg");
  assert.equal(meta.width, 400);
  assert.equal(meta.height, 300);

  const hashes = await Promise.all(Array.from({ length: 8 }, (_, i) => makeJpeg({ width: 200, height: 150, seed: `scene-${i}` }).then(aHash)));
  let minDistance = 64;
  for (let i = 0; i < hashes.length; i++)
    for (let j = i + 1; j < hashes.length; j++) minDistance = Math.min(minDistance, hamming(hashes[i]!, hashes[j]!));
  assert.ok(minDistance >= 8, `closest pair of different seeds differs in only ${minDistance}/64 bits`);
  // Same scene at another size or quality still hashes alike: it is one "landmark".
  const small = await makeJpeg({ width: 200, height: 150, seed: "scene-0", quality: 40 });
  assert.ok(hamming(hashes[0]!, await aHash(small)) <= 4);
});

test("makeJpeg: orientation is tagged and the pixels are stored so that auto-orient restores the scene", async () => {
  const upright = await sharp(await makeJpeg({ width: 120, height: 80, seed: 5 })).raw().toBuffer();
  for (let o = 2; o <= 8; o++) {
    const jpeg = await makeJpeg({ width: 120, height: 80, seed: 5, orientation: o });
    const meta = await sharp(jpeg).metadata();
    assert.equal(meta.orientation, o);
    assert.deepEqual([meta.width, meta.height], o >= 5 ? [80, 120] : [120, 80]);
    const { data, info } = await sharp(jpeg).rotate().raw().toBuffer({ resolveWithObject: true });
    assert.deepEqual([info.width, info.height], [120, 80]);
    let diff = 0;
    for (let i = 0; i < data.length; i++) diff += Math.abs(data[i]! - upright[i]!);
    assert.ok(diff / data.length < 6, `orientation ${o}: mean abs diff ${diff / data.length}`);
  }
  const withBoth = await makeJpeg({ width: 60, height: 40, seed: 6, orientation: 6, exif: { make: "X", gps: { lat: 1, lon: 2 } } });
  const parsed = await exifr.parse(withBoth, { reviveValues: false, translateValues: false });
  assert.equal(parsed.Orientation, 6);
  assert.equal(parsed.Make, "X");
  assert.ok(Math.abs((await exifr.gps(withBoth)).latitude - 1) < 1e-6);
});

test("truncated, pngClaiming and notAnImage fail the way the verifier must handle", async () => {
  const jpeg = await makeJpeg({ width: 300, height: 200, seed: 7 });
  const cut = truncated(jpeg);
  assert.ok(cut.length < jpeg.length && cut.length > 100);
  assert.ok(jpeg.subarray(0, cut.length).equals(cut));
  await assert.rejects(sharp(cut).raw().toBuffer(), /premature|truncated|corrupt|end of/i);

  const bomb = pngClaiming(100_000, 100_000);
  assert.ok(bomb.length < 200);
  // sharp 0.35 applies limitInputPixels already in metadata(), so the claim is
  // caught before any decoding; with the limit off the header reads as claimed.
  await assert.rejects(sharp(bomb).metadata(), /pixel limit/i);
  const meta = await sharp(bomb, { limitInputPixels: false }).metadata();
  assert.equal(meta.format, "png");
  assert.deepEqual([meta.width, meta.height], [100_000, 100_000]);
  await assert.rejects(sharp(bomb).raw().toBuffer(), /pixel limit/i);
  const modest = pngClaiming(4000, 3000);
  assert.deepEqual(await sharp(modest).metadata().then((m) => [m.width, m.height]), [4000, 3000]);
  await assert.rejects(sharp(modest).raw().toBuffer());

  await assert.rejects(sharp(notAnImage()).metadata(), /unsupported image format/i);
});
