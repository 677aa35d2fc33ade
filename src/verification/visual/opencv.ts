/**
 * Loads OpenCV.js (WASM, ~11 MB of JavaScript) once per process and gives it a small typed face.
 * The build is @opencvjs/node 4.13: the same ORB and AKAZE keypoints and descriptors, bit for bit, and the
 * same homographies as the @techstark/opencv-js 4.12 build it replaced, with feature extraction ~20-25%
 * cheaper (docs/verification.md, "OpenCV.js build"); unlike that one it installs no process-wide handlers
 * and its module object is not thenable. Its exceptions are numbers or carry the whole library source in
 * their message, so they are shortened before anyone logs them.
 */
import { createRequire } from "node:module";

/* eslint-disable @typescript-eslint/no-explicit-any */
/** The subset of the OpenCV.js API this project uses; everything else stays untyped on purpose. */
export interface CvMat {
  rows: number;
  cols: number;
  data: Uint8Array;
  data32F: Float32Array;
  data64F: Float64Array;
  delete(): void;
  empty(): boolean;
}
export interface CvKeyPoint { pt: { x: number; y: number }; size: number; angle: number; response: number; octave: number }
export interface CvVector<T> { size(): number; get(i: number): T; delete(): void }
export interface CvDMatch { queryIdx: number; trainIdx: number; distance: number }

export type Cv = any;

let loading: Promise<{ cv: Cv }> | undefined;
let loadMs: number | undefined;

/** The OpenCV module, boxed (callers destructure it): `(await loadOpenCv()).cv`. Loads once; ~350 ms on the first call. */
export function loadOpenCv(): Promise<{ cv: Cv }> {
  loading ??= (async () => {
    const started = performance.now();
    try {
      const require = createRequire(import.meta.url);
      const { loadOpenCV } = require("@opencvjs/node") as { loadOpenCV(): Promise<Cv> };
      const cv: Cv = await loadOpenCV();
      loadMs = performance.now() - started;
      return { cv };
    } catch (err) {
      throw new Error(`opencv.js failed to load: ${shortCvError(err)}`);
    }
  })();
  return loading;
}

/** Milliseconds the WASM load took in this process, once loaded. */
export function openCvLoadMs(): number | undefined {
  return loadMs;
}

/** A one-line description of whatever OpenCV.js threw (a number pointer, an Error or a cv.Exception). */
export function shortCvError(err: unknown, cv?: Cv): string {
  if (typeof err === "number") {
    try {
      if (cv?.exceptionFromPtr) return String(cv.exceptionFromPtr(err).msg).slice(0, 200);
    } catch {
      /* fall through */
    }
    return `opencv exception ${err}`;
  }
  const message = err instanceof Error ? err.message : String(err);
  return message.split("\n")[0]!.slice(0, 200);
}

/** Runs fn with every Mat/vector it registers deleted afterwards, errors shortened. */
export function withMats<T>(cv: Cv, fn: (track: <M extends { delete(): void }>(m: M) => M) => T): T {
  const owned: { delete(): void }[] = [];
  try {
    return fn((m) => {
      owned.push(m);
      return m;
    });
  } catch (err) {
    throw new Error(`opencv: ${shortCvError(err, cv)}`);
  } finally {
    for (const m of owned) {
      try {
        m.delete();
      } catch {
        /* already freed */
      }
    }
  }
}
