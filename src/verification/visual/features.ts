/**
 * Local features of one photo: keypoints (position, orientation) and binary descriptors, computed on a
 * greyscale copy resized to a fixed long side. ORB (256-bit) is the first detector; AKAZE (486-bit,
 * nonlinear scale space) is the second opinion for strong viewpoint changes ORB misses (matcher.ts).
 * References are extracted once at import and stored as base64; arrival photos once per check-in.
 */
import type { DecodedPhoto } from "../contracts.ts";
import type { NativeFeatures, NativeVisionAddon } from "./native-vision.ts";
import { loadOpenCv, withMats, type Cv, type CvKeyPoint, type CvMat, type CvVector } from "./opencv.ts";

export interface FeatureConfig {
  /** Long side of the image the features are computed on, in pixels. */
  longSide: number;
  /** ORB's feature budget. */
  maxFeatures: number;
  /** Equalise local contrast (CLAHE) before detection. */
  clahe: boolean;
}

/**
 * Arrival photos: the feature budget is what the per-check-in matching cost grows with. 800 px rather
 * than the references' 1024: ORB's pyramid spans the scale gap, detection costs ~15% less, and with
 * MAGSAC (pair.ts) held-out recall stayed the same while the worst negative fell (docs/verification.md).
 * Fewer than 3000 keypoints lost a held-out positive (2500: a season photo 13 -> 9 inliers).
 */
export const DEFAULT_FEATURE_CONFIG: FeatureConfig = { longSide: 800, maxFeatures: 3000, clahe: false };
/** References: extracted once at import, so they can afford a larger budget (bench/verification.md). */
export const REFERENCE_FEATURE_CONFIG: FeatureConfig = { longSide: 1024, maxFeatures: 5000, clahe: false };

/** Descriptor length in bytes (ORB: 256 bits). */
export const DESCRIPTOR_BYTES = 32;
/** AKAZE's 61-byte (486-bit) descriptors are stored zero-padded to this length. */
export const AKAZE_DESCRIPTOR_BYTES = 64;

export interface AkazeConfig {
  longSide: number;
  /** Detector response threshold (OpenCV's default 0.001 finds too few points on plain facades). */
  threshold: number;
  /** The strongest this many keypoints are kept. */
  maxFeatures: number;
  /** Scale-space octaves and sublevels per octave (OpenCV's defaults: 4 and 4). */
  nOctaves?: number;
  nOctaveLayers?: number;
}

/** References, extracted once at import; measured in docs/verification.md (640 px: ~90 ms per photo). */
export const AKAZE_CONFIG: AkazeConfig = { longSide: 640, threshold: 0.0005, maxFeatures: 3000 };
/**
 * Arrival photos: the second opinion runs on every photo ORB does not recognise, and extracting it is the
 * largest single cost of such a check-in. Three sublevels per octave instead of four build a quarter fewer
 * nonlinear diffusion levels (~25% less time); the photo's keypoints still match the references'
 * four-sublevel ones (bench/verification.md).
 */
export const AKAZE_PHOTO_CONFIG: AkazeConfig = { ...AKAZE_CONFIG, nOctaveLayers: 3 };

export type FeatureKind = "orb" | "akaze";

export interface Features {
  kind: FeatureKind;
  /** Size of the image the keypoints live in (the resized copy). */
  width: number;
  height: number;
  count: number;
  /** x0, y0, x1, y1, ... in pixels of the resized copy. */
  xy: Float32Array;
  /** Keypoint orientation, quantised: angle in degrees x 256 / 360. */
  angles: Uint8Array;
  /** count x 32 bytes (ORB) or count x 64 bytes (AKAZE). */
  descriptors: Uint8Array;
}

type Grey = Pick<DecodedPhoto, "grey" | "width" | "height">;

/** What extracts features: OpenCV.js, or the native build when one is loaded (native-vision.ts). */
export interface FeatureEngine {
  cv: Cv;
  native?: NativeVisionAddon;
}

/** Size of the copy features are computed on: never enlarged. */
export function workingSize(width: number, height: number, longSide: number): { width: number; height: number } {
  const scale = Math.min(1, longSide / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export async function extractFeatures(photo: Grey, config: FeatureConfig = DEFAULT_FEATURE_CONFIG): Promise<Features> {
  const { cv } = await loadOpenCv();
  return extractFeaturesSync({ cv }, photo, config);
}

/** Greyscale Mat of the photo at the working size; the caller deletes it. */
export function greyMat(cv: Cv, photo: Grey, longSide: number): CvMat {
  const src = new cv.Mat(photo.height, photo.width, cv.CV_8UC1) as CvMat;
  src.data.set(photo.grey.subarray(0, photo.width * photo.height));
  const size = workingSize(photo.width, photo.height, longSide);
  if (size.width === photo.width && size.height === photo.height) return src;
  const dst = new cv.Mat() as CvMat;
  try {
    cv.resize(src, dst, new cv.Size(size.width, size.height), 0, 0, cv.INTER_AREA);
  } finally {
    src.delete();
  }
  return dst;
}

export function extractFeaturesSync(engine: FeatureEngine, photo: Grey, config: FeatureConfig): Features {
  const { cv, native } = engine;
  if (native) {
    const size = workingSize(photo.width, photo.height, config.longSide);
    return packFeatures("orb", native.orb(photo.grey, photo.width, photo.height, size.width, size.height, config.maxFeatures, config.clahe), config.maxFeatures);
  }
  return withMats(cv, (track) => {
    const img = track(greyMat(cv, photo, config.longSide));
    if (config.clahe) {
      const clahe = track(new cv.CLAHE(2.0, new cv.Size(8, 8)));
      clahe.apply(img, img);
    }
    const orb = track(new cv.ORB(config.maxFeatures));
    const keypoints = track(new cv.KeyPointVector() as CvVector<CvKeyPoint>);
    const descriptors = track(new cv.Mat() as CvMat);
    const noMask = track(new cv.Mat() as CvMat);
    orb.detectAndCompute(img, noMask, keypoints, descriptors);
    return packFeatures("orb", rawFeatures(img, keypoints, descriptors), config.maxFeatures);
  });
}

export function extractAkazeSync(engine: FeatureEngine, photo: Grey, config: AkazeConfig = AKAZE_CONFIG): Features {
  const { cv, native } = engine;
  if (native) {
    const size = workingSize(photo.width, photo.height, config.longSide);
    // OpenCV's AKAZE defaults (4 octaves, 4 sublevels) where the config leaves them.
    const raw = native.akaze(photo.grey, photo.width, photo.height, size.width, size.height, config.threshold, config.nOctaves ?? 4, config.nOctaveLayers ?? 4);
    return packFeatures("akaze", raw, config.maxFeatures);
  }
  return withMats(cv, (track) => {
    const img = track(greyMat(cv, photo, config.longSide));
    const akaze = track(new cv.AKAZE());
    akaze.setThreshold(config.threshold);
    if (config.nOctaves !== undefined) akaze.setNOctaves(config.nOctaves);
    if (config.nOctaveLayers !== undefined) akaze.setNOctaveLayers(config.nOctaveLayers);
    const keypoints = track(new cv.KeyPointVector() as CvVector<CvKeyPoint>);
    const descriptors = track(new cv.Mat() as CvMat);
    const noMask = track(new cv.Mat() as CvMat);
    akaze.detectAndCompute(img, noMask, keypoints, descriptors);
    return packFeatures("akaze", rawFeatures(img, keypoints, descriptors), config.maxFeatures);
  });
}

/** OpenCV.js's keypoints and descriptors in the native build's raw form (KeyPoint's fields are float32: no loss). */
function rawFeatures(img: CvMat, keypoints: CvVector<CvKeyPoint>, descriptors: CvMat): NativeFeatures {
  const count = descriptors.empty() ? 0 : descriptors.rows;
  const descriptorBytes = descriptors.empty() ? 0 : descriptors.cols;
  const kp = new Float32Array(count * 4);
  for (let i = 0; i < count; i++) {
    const k = keypoints.get(i);
    kp.set([k.pt.x, k.pt.y, k.angle, k.response], 4 * i);
  }
  return { width: img.cols, height: img.rows, count, keypoints: kp, descriptors: descriptors.data.slice(0, count * descriptorBytes), descriptorBytes };
}

/**
 * Either engine's raw output as Features: the strongest `maxFeatures` AKAZE keypoints (a stable sort by response;
 * OpenCV's AKAZE has no cap of its own), descriptors padded to AKAZE_DESCRIPTOR_BYTES; ORB's come capped.
 */
function packFeatures(kind: FeatureKind, raw: NativeFeatures, maxFeatures: number): Features {
  const order = Array.from({ length: raw.count }, (_, i) => i);
  if (kind === "akaze" && raw.count > maxFeatures) {
    order.sort((a, b) => raw.keypoints[4 * b + 3]! - raw.keypoints[4 * a + 3]!);
    order.length = maxFeatures;
  }
  const count = order.length;
  const bytes = kind === "akaze" ? AKAZE_DESCRIPTOR_BYTES : DESCRIPTOR_BYTES;
  const width = raw.descriptorBytes;
  const xy = new Float32Array(count * 2);
  const angles = new Uint8Array(count);
  const descriptors = new Uint8Array(count * bytes);
  order.forEach((src, i) => {
    xy[2 * i] = raw.keypoints[4 * src]!;
    xy[2 * i + 1] = raw.keypoints[4 * src + 1]!;
    angles[i] = quantiseAngle(raw.keypoints[4 * src + 2]!);
    descriptors.set(raw.descriptors.subarray(src * width, src * width + Math.min(width, bytes)), i * bytes);
  });
  return { kind, width: raw.width, height: raw.height, count, xy, angles, descriptors };
}

export function quantiseAngle(degrees: number): number {
  const a = Number.isFinite(degrees) ? ((degrees % 360) + 360) % 360 : 0;
  return Math.round((a * 256) / 360) & 255;
}

/**
 * Compact storage form: "<tag>:<width>x<height>:<base64>", tag "v1" for ORB and "a1" for AKAZE, where
 * the payload holds, per keypoint, x and y as uint16 in 1/16 px (little endian), then all angles (1 byte
 * each), then all descriptors: 37 (ORB) or 69 (AKAZE) bytes per keypoint before base64.
 */
export function encodeFeatures(f: Features): string {
  const buf = Buffer.alloc(f.count * 5 + f.descriptors.length);
  for (let i = 0; i < f.count; i++) {
    buf.writeUInt16LE(Math.min(65535, Math.round(f.xy[2 * i]! * 16)), i * 4);
    buf.writeUInt16LE(Math.min(65535, Math.round(f.xy[2 * i + 1]! * 16)), i * 4 + 2);
  }
  buf.set(f.angles, f.count * 4);
  buf.set(f.descriptors, f.count * 5);
  return `${f.kind === "akaze" ? "a1" : "v1"}:${f.width}x${f.height}:${buf.toString("base64")}`;
}

export function decodeFeatures(text: string): Features {
  const match = /^(v1|a1):(\d+)x(\d+):([A-Za-z0-9+/=]*)$/.exec(text);
  if (!match) throw new TypeError("decodeFeatures: not a v1 or a1 feature string");
  const kind: FeatureKind = match[1] === "a1" ? "akaze" : "orb";
  const bytes = kind === "akaze" ? AKAZE_DESCRIPTOR_BYTES : DESCRIPTOR_BYTES;
  const buf = Buffer.from(match[4]!, "base64");
  const per = 5 + bytes;
  if (buf.length % per !== 0) throw new TypeError("decodeFeatures: truncated payload");
  const count = buf.length / per;
  const xy = new Float32Array(count * 2);
  for (let i = 0; i < count; i++) {
    xy[2 * i] = buf.readUInt16LE(i * 4) / 16;
    xy[2 * i + 1] = buf.readUInt16LE(i * 4 + 2) / 16;
  }
  const angles = new Uint8Array(count);
  angles.set(buf.subarray(count * 4, count * 5));
  const descriptors = new Uint8Array(count * bytes);
  descriptors.set(buf.subarray(count * 5));
  return { kind, width: Number(match[2]), height: Number(match[3]), count, xy, angles, descriptors };
}
