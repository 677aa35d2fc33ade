/**
 * XFeat keypoints and descriptors (models/README.md) for the matcher's learned opinion (learned-opinion.ts).
 * The post-processing follows verlab/accelerated_features modules/xfeat.py detectAndCompute: softmax over
 * the 65 logits of each 8x8 cell without the dustbin, 5x5 non-maximum suppression above 0.05, score =
 * keypoint heat x reliability, the top k, descriptors sampled from the L2-normalised map and normalised
 * again. Two differences, both forced by the fixed 640x640 export: the photo is scaled to fit 640 and
 * padded (instance norm over the photo, padding at its mean), and descriptors are sampled bilinearly, not
 * bicubically.
 */
import sharp from "sharp";
import type { DecodedPhoto } from "../../contracts.ts";
import { LEARNED_DIMS, normalise, type LearnedFeatures } from "./learned-features.ts";
import { loadModel, ort } from "./runtime.ts";

export const XFEAT_SIDE = 640;
const CELL = 8;
const GRID = XFEAT_SIDE / CELL;
const DIMS = LEARNED_DIMS;
const DETECTION_THRESHOLD = 0.05;
const NMS_RADIUS = 2;

export class XFeatExtractor {
  private constructor(private readonly session: ort.InferenceSession) {}

  static async load(threads = 1): Promise<XFeatExtractor> {
    return new XFeatExtractor(await loadModel("xfeat-640x640.onnx", threads));
  }

  async extract(photo: Pick<DecodedPhoto, "grey" | "width" | "height">, topK: number): Promise<LearnedFeatures> {
    const { data, info } = await sharp(photo.grey, { raw: { width: photo.width, height: photo.height, channels: 1 } })
      .resize(XFEAT_SIDE, XFEAT_SIDE, { fit: "inside" })
      // One channel out: sharp would otherwise turn raw greyscale into sRGB.
      .toColourspace("b-w")
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 1) throw new Error(`xfeat: expected one channel, got ${info.channels}`);
    const w = info.width;
    const h = info.height;
    const input = normalisedInput(data, w, h);
    const out = await this.session.run({ input: new ort.Tensor("float32", input, [1, 1, XFEAT_SIDE, XFEAT_SIDE]) });
    const descriptorMap = out.output_feats!.data as Float32Array;
    // xfeat.py normalises the dense map before sampling it, and the samples after.
    for (let cell = 0; cell < GRID * GRID; cell++) normalise(descriptorMap.subarray(cell * DIMS, (cell + 1) * DIMS));
    const heat = keypointHeat(out.output_keypoints!.data as Float32Array);
    const reliability = out.output_heatmap!.data as Float32Array;

    const candidates: Array<{ x: number; y: number; score: number }> = [];
    for (let y = NMS_RADIUS; y < h - NMS_RADIUS; y++) {
      for (let x = NMS_RADIUS; x < w - NMS_RADIUS; x++) {
        const s = heat[y * XFEAT_SIDE + x]!;
        if (s <= DETECTION_THRESHOLD || !isLocalMax(heat, x, y, s)) continue;
        candidates.push({ x, y, score: s * sampleBilinear(reliability, 1, x, y, 0) });
      }
    }
    candidates.sort((a, b) => b.score - a.score);
    const count = Math.min(topK, candidates.length);
    const xy = new Float32Array(2 * count);
    const descriptors = new Float32Array(DIMS * count);
    for (let i = 0; i < count; i++) {
      const { x, y } = candidates[i]!;
      xy[2 * i] = x;
      xy[2 * i + 1] = y;
      const d = descriptors.subarray(DIMS * i, DIMS * (i + 1));
      for (let c = 0; c < DIMS; c++) d[c] = sampleBilinear(descriptorMap, DIMS, x, y, c);
      normalise(d);
    }
    return { width: w, height: h, count, xy, descriptors, angles: new Uint8Array(count) };
  }
}

/** Instance norm over the photo (the export moved it out of the graph); the padding is 0, the photo's mean. */
function normalisedInput(grey: Buffer, w: number, h: number): Float32Array {
  let sum = 0;
  for (let i = 0; i < grey.length; i++) sum += grey[i]!;
  const mean = sum / grey.length;
  let sq = 0;
  for (let i = 0; i < grey.length; i++) sq += (grey[i]! - mean) ** 2;
  // InstanceNorm2d's eps (1e-5) on [0, 1] pixels, here on 0..255.
  const sd = Math.sqrt(sq / grey.length + 1e-5 * 255 * 255);
  const input = new Float32Array(XFEAT_SIDE * XFEAT_SIDE);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) input[y * XFEAT_SIDE + x] = (grey[y * w + x]! - mean) / sd;
  return input;
}

/** Full-resolution keypoint heat from the 80x80x65 logits: softmax per cell, dustbin dropped, cell k -> (k / 8, k % 8). */
function keypointHeat(logits: Float32Array): Float32Array {
  const heat = new Float32Array(XFEAT_SIDE * XFEAT_SIDE);
  const e = new Float64Array(65);
  for (let cy = 0; cy < GRID; cy++) {
    for (let cx = 0; cx < GRID; cx++) {
      const o = (cy * GRID + cx) * 65;
      let max = -Infinity;
      for (let k = 0; k < 65; k++) max = Math.max(max, logits[o + k]!);
      let sum = 0;
      for (let k = 0; k < 65; k++) sum += e[k] = Math.exp(logits[o + k]! - max);
      for (let k = 0; k < 64; k++) heat[(cy * CELL + (k >> 3)) * XFEAT_SIDE + cx * CELL + (k & 7)] = e[k]! / sum;
    }
  }
  return heat;
}

function isLocalMax(heat: Float32Array, x: number, y: number, s: number): boolean {
  for (let dy = -NMS_RADIUS; dy <= NMS_RADIUS; dy++) {
    for (let dx = -NMS_RADIUS; dx <= NMS_RADIUS; dx++) if (heat[(y + dy) * XFEAT_SIDE + x + dx]! > s) return false;
  }
  return true;
}

/**
 * Channel `c` of an 80x80 map (NHWC, `channels` per cell) at full-resolution pixel (x, y), as XFeat's
 * InterpolateSparse2d samples it: grid_sample without align_corners of x / (640 - 1).
 */
function sampleBilinear(map: Float32Array, channels: number, x: number, y: number, c: number): number {
  const u = (x / (XFEAT_SIDE - 1)) * GRID - 0.5;
  const v = (y / (XFEAT_SIDE - 1)) * GRID - 0.5;
  const x0 = Math.floor(u);
  const y0 = Math.floor(v);
  const fx = u - x0;
  const fy = v - y0;
  // grid_sample's zero padding outside the map.
  const at = (yy: number, xx: number) => (xx < 0 || yy < 0 || xx >= GRID || yy >= GRID ? 0 : map[(yy * GRID + xx) * channels + c]!);
  return (at(y0, x0) * (1 - fx) + at(y0, x0 + 1) * fx) * (1 - fy) + (at(y0 + 1, x0) * (1 - fx) + at(y0 + 1, x0 + 1) * fx) * fy;
}
