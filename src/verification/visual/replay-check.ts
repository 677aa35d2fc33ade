/**
 * Stage-2 replay check: PDQ catches re-encodes, resizes, rotations and colour edits, but not crops or
 * screenshots. When a photo matched a reference, warp the photo onto that reference's stored thumbnail
 * with the homography and correlate the pixels: a copy of the reference lines up pixel for pixel
 * (crops and screenshots of every reference of both bench:verify parts: >= 0.98), a second photo of the same
 * facade from another spot does not (people, light, parallax: <= 0.70, and 0.90 for a near-twin taken a few
 * steps away; the threshold is DEFAULT_CALIBRATION.replayCorrelation, 0.92).
 */
import type { DecodedPhoto } from "../contracts.ts";
import { DESCRIPTOR_BYTES, greyMat, type Features } from "./features.ts";
import type { HammingKnn } from "./hamming-knn.ts";
import { withMats, type Cv, type CvMat } from "./opencv.ts";

export interface Thumbnail {
  width: number;
  height: number;
  grey: Uint8Array;
}

/** Long side of the stored reference thumbnail. */
export const THUMB_LONG_SIDE = 192;
/** The warp's canvas, in thumbnail pixels per side (then reduced by area to the thumbnail). */
const SUPERSAMPLE = 2;

export function makeThumbnail(cv: Cv, photo: Pick<DecodedPhoto, "grey" | "width" | "height">): Thumbnail {
  return withMats(cv, (track) => {
    const m = track(greyMat(cv, photo, THUMB_LONG_SIDE));
    return { width: m.cols, height: m.rows, grey: Uint8Array.from(m.data.subarray(0, m.cols * m.rows)) };
  });
}

export function encodeThumbnail(t: Thumbnail): string {
  return `g1:${t.width}x${t.height}:${Buffer.from(t.grey).toString("base64")}`;
}

export function decodeThumbnail(text: string): Thumbnail {
  const m = /^g1:(\d+)x(\d+):([A-Za-z0-9+/=]*)$/.exec(text);
  if (!m) throw new TypeError("decodeThumbnail: not a g1 thumbnail");
  const width = Number(m[1]);
  const height = Number(m[2]);
  const grey = new Uint8Array(Buffer.from(m[3]!, "base64"));
  if (grey.length !== width * height) throw new TypeError("decodeThumbnail: size mismatch");
  return { width, height, grey };
}

/**
 * Normalised cross-correlation between the reference thumbnail and the photo warped into it, over the
 * part of the thumbnail the photo covers. `homography` maps photo feature pixels to reference feature
 * pixels; the two feature images' sizes translate it to full-photo and thumbnail pixels.
 * Returns undefined when the photo covers too little of the reference to judge.
 */
export function warpCorrelation(
  cv: Cv,
  photo: Pick<DecodedPhoto, "grey" | "width" | "height">,
  photoFeatureSize: { width: number; height: number },
  thumb: Thumbnail,
  refFeatureSize: { width: number; height: number },
  homography: readonly number[],
): number | undefined {
  const tx = thumb.width / refFeatureSize.width;
  const ty = thumb.height / refFeatureSize.height;
  // The photo copy is made at twice the thumbnail's scale under the homography, warped onto a canvas twice the
  // thumbnail's size and reduced by area like the thumbnail itself, every step mapping pixel centres. Warping
  // a fixed-size copy straight onto the thumbnail, centres half a pixel off, lost fine texture: 10% and 20%
  // crops of small references fell to ~0.90 against their own thumbnail (bench/verification.md, replay).
  const scale = thumbScale(homography, tx, ty, photoFeatureSize.width / 2, photoFeatureSize.height / 2);
  const longSide = Math.round(Math.max(photoFeatureSize.width, photoFeatureSize.height) * scale * SUPERSAMPLE);
  return withMats(cv, (track) => {
    const src = track(greyMat(cv, photo, Math.min(THUMB_LONG_SIDE * 2 * SUPERSAMPLE, Math.max(32, longSide))));
    const toPhotoFeature = resizeMap(photoFeatureSize.width / src.cols, photoFeatureSize.height / src.rows);
    const toCanvas = resizeMap(tx * SUPERSAMPLE, ty * SUPERSAMPLE);
    const m = mul3(toCanvas, mul3(homography, toPhotoFeature));
    const hm = track(cv.matFromArray(3, 3, cv.CV_64F, m) as CvMat);
    const canvas = new cv.Size(thumb.width * SUPERSAMPLE, thumb.height * SUPERSAMPLE);
    const warped = track(new cv.Mat() as CvMat);
    cv.warpPerspective(src, warped, hm, canvas, cv.INTER_LINEAR, cv.BORDER_CONSTANT, new cv.Scalar(0));
    const ones = track(new cv.Mat(src.rows, src.cols, cv.CV_8UC1, new cv.Scalar(255)) as CvMat);
    const cover = track(new cv.Mat() as CvMat);
    cv.warpPerspective(ones, cover, hm, canvas, cv.INTER_NEAREST, cv.BORDER_CONSTANT, new cv.Scalar(0));
    const size = new cv.Size(thumb.width, thumb.height);
    const reduced = track(new cv.Mat() as CvMat);
    cv.resize(warped, reduced, size, 0, 0, cv.INTER_AREA);
    // A thumbnail pixel counts only when the photo covers all of it (a partly covered one mixes in black).
    const covered = track(new cv.Mat() as CvMat);
    cv.resize(cover, covered, size, 0, 0, cv.INTER_AREA);
    return correlation(reduced.data, thumb.grey, covered.data, thumb.width * thumb.height);
  });
}

/** A resize by (kx, ky) as a homography on pixel centres: x -> (x + 0.5) kx - 0.5. */
function resizeMap(kx: number, ky: number): number[] {
  return [kx, 0, 0.5 * kx - 0.5, 0, ky, 0.5 * ky - 0.5, 0, 0, 1];
}

/** The product of two 3x3 matrices, row-major. */
function mul3(a: readonly number[], b: readonly number[]): number[] {
  const out = new Array<number>(9);
  for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) out[r * 3 + c] = a[r * 3]! * b[c]! + a[r * 3 + 1]! * b[3 + c]! + a[r * 3 + 2]! * b[6 + c]!;
  return out;
}

/** Thumbnail pixels per photo-feature pixel around (x, y) under T_ref * H: the root of the Jacobian's determinant. */
function thumbScale(h: readonly number[], tx: number, ty: number, x: number, y: number): number {
  const w = h[6]! * x + h[7]! * y + h[8]!;
  const u = (h[0]! * x + h[1]! * y + h[2]!) / w;
  const v = (h[3]! * x + h[4]! * y + h[5]!) / w;
  const det = (tx * ty * ((h[0]! - u * h[6]!) * (h[4]! - v * h[7]!) - (h[1]! - u * h[7]!) * (h[3]! - v * h[6]!))) / (w * w);
  return Number.isFinite(det) && det > 0 ? Math.sqrt(det) : 0;
}

function correlation(a: Uint8Array, b: Uint8Array, mask: Uint8Array, n: number): number | undefined {
  // Erode the coverage by ignoring pixels next to its border, where interpolation mixes in black.
  let count = 0;
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < n; i++) {
    if (mask[i] !== 255) continue;
    count++;
    sa += a[i]!;
    sb += b[i]!;
  }
  if (count < n * 0.25) return undefined;
  const ma = sa / count;
  const mb = sb / count;
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < n; i++) {
    if (mask[i] !== 255) continue;
    const x = a[i]! - ma;
    const y = b[i]! - mb;
    num += x * y;
    da += x * x;
    db += y * y;
  }
  return da > 0 && db > 0 ? num / Math.sqrt(da * db) : undefined;
}

/** Every this many photo keypoints is looked up by the copy screen (1/8: ~2 ms per reference instead of ~17). */
const SCREEN_STEP = 8;
/** A looked-up descriptor counts when its nearest reference descriptor is this close (of 256 bits) and passes the ratio test. */
const SCREEN_DISTANCE = 24;
/**
 * Share of looked-up descriptors from which the photo may be a copy of the reference. Measured on every
 * 10%/20% crop and screenshot of the ../shared/eval references: >= 0.19 against their own reference;
 * distinct photos of the landmark: <= 0.25 (a near-twin viewpoint), mostly < 0.02. The screen only has to
 * let every copy through to the full match, so it sits well below the copies' lowest share.
 */
const SCREEN_SHARE = 0.05;

/**
 * Copy screen for a reference the matcher would otherwise skip: a copy (crop, screenshot) of a reference
 * shares near-identical ORB descriptors with it, a second photo of the scene far fewer. False alarms only
 * cost the full match of that reference; what it must never do is miss a copy (bench/verification.md,
 * replay detection).
 */
export function mayBeCopyOf(knn: HammingKnn, photo: Features, ref: Features, ratio: number): boolean {
  const n = Math.floor(photo.count / SCREEN_STEP);
  if (n === 0 || ref.count === 0) return true;
  const sample = new Uint8Array(n * DESCRIPTOR_BYTES);
  for (let i = 0; i < n; i++) {
    const from = i * SCREEN_STEP * DESCRIPTOR_BYTES;
    sample.set(photo.descriptors.subarray(from, from + DESCRIPTOR_BYTES), i * DESCRIPTOR_BYTES);
  }
  const nn = knn.knn2(sample, ref.descriptors, DESCRIPTOR_BYTES);
  let close = 0;
  for (let i = 0; i < n; i++) if (nn.best[i]! <= SCREEN_DISTANCE && nn.best[i]! < ratio * nn.second[i]!) close++;
  return close >= SCREEN_SHARE * n;
}
