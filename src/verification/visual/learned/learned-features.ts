/**
 * XFeat keypoints and descriptors (xfeat.ts), in memory and in their stored form. References store theirs
 * at import ("x1:WxH:base64"): per keypoint x and y as uint16 (XFeat's keypoints sit on whole pixels of the
 * 640 px copy), then 64 descriptor components as int8 (x127). A float copy would be 4x the size for
 * differences LighterGlue does not see (bench/verification.md measures the quantised references).
 */

/** Components of an XFeat descriptor. */
export const LEARNED_DIMS = 64;

export interface LearnedFeatures {
  /** Size of the photo as the model saw it (long side 640). */
  width: number;
  height: number;
  count: number;
  /** x, y per keypoint, in the 640 px scale, strongest first. */
  xy: Float32Array;
  /** count x 64, unit length. */
  descriptors: Float32Array;
  /** XFeat has no orientation: zeros, for pair.ts's KeypointGeometry (its rotation filter stays off). */
  angles: Uint8Array;
}

/** The first `k` keypoints: XFeat orders them by score, so this is the strongest k. */
export function strongest(f: LearnedFeatures, k: number): LearnedFeatures {
  const count = Math.min(k, f.count);
  if (count === f.count) return f;
  return { ...f, count, xy: f.xy.subarray(0, 2 * count), descriptors: f.descriptors.subarray(0, LEARNED_DIMS * count), angles: f.angles.subarray(0, count) };
}

const PER_KEYPOINT = 4 + LEARNED_DIMS;

export function encodeLearnedFeatures(f: LearnedFeatures): string {
  const buf = Buffer.alloc(f.count * PER_KEYPOINT);
  for (let i = 0; i < f.count; i++) {
    const o = i * PER_KEYPOINT;
    buf.writeUInt16LE(Math.round(f.xy[2 * i]!), o);
    buf.writeUInt16LE(Math.round(f.xy[2 * i + 1]!), o + 2);
    for (let c = 0; c < LEARNED_DIMS; c++) buf.writeInt8(Math.max(-127, Math.min(127, Math.round(f.descriptors[LEARNED_DIMS * i + c]! * 127))), o + 4 + c);
  }
  return `x1:${f.width}x${f.height}:${buf.toString("base64")}`;
}

export function decodeLearnedFeatures(text: string): LearnedFeatures {
  const match = /^x1:(\d+)x(\d+):([A-Za-z0-9+/=]*)$/.exec(text);
  if (!match) throw new TypeError("decodeLearnedFeatures: not an x1 feature string");
  const buf = Buffer.from(match[3]!, "base64");
  if (buf.length % PER_KEYPOINT !== 0) throw new TypeError("decodeLearnedFeatures: truncated payload");
  const count = buf.length / PER_KEYPOINT;
  const xy = new Float32Array(2 * count);
  const descriptors = new Float32Array(LEARNED_DIMS * count);
  for (let i = 0; i < count; i++) {
    const o = i * PER_KEYPOINT;
    xy[2 * i] = buf.readUInt16LE(o);
    xy[2 * i + 1] = buf.readUInt16LE(o + 2);
    const d = descriptors.subarray(LEARNED_DIMS * i, LEARNED_DIMS * (i + 1));
    for (let c = 0; c < LEARNED_DIMS; c++) d[c] = buf.readInt8(o + 4 + c) / 127;
    normalise(d);
  }
  return { width: Number(match[1]), height: Number(match[2]), count, xy, descriptors, angles: new Uint8Array(count) };
}

export function normalise(d: Float32Array): void {
  let n = 0;
  for (let i = 0; i < d.length; i++) n += d[i]! * d[i]!;
  n = Math.sqrt(n) || 1;
  for (let i = 0; i < d.length; i++) d[i]! /= n;
}
