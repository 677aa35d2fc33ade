/** Messages between the main thread (ThreadedMatcher) and a matcher thread (matcher-thread.ts). */
import type { Landmark } from "../../../domain/landmark.ts";
import type { VisualSignal } from "../../../domain/verdict.ts";
import type { LandmarkReferences } from "../matcher.ts";
import type { CatalogIdentification, MatchOptions } from "../../contracts.ts";
import type { VisionEngine } from "../native-vision.ts";

/** What a thread is started with (workerData). */
export interface ThreadData {
  engine: VisionEngine;
}

export interface PhotoPixels {
  grey: Uint8Array;
  width: number;
  height: number;
  originalWidth: number;
  originalHeight: number;
}

/** Main -> thread. */
export type ToThread =
  | { type: "match"; id: number; photo: PhotoPixels; landmark: Landmark; opts: MatchOptions }
  /** Which catalog landmark, if any, the photo shows (no planned landmark). */
  | { type: "identify"; id: number; photo: PhotoPixels }
  /** Load the vision engine (OpenCV.js's WebAssembly, the native addon) and the learned models now, before the first photo needs them. */
  | { type: "warm"; id: number; learned: boolean }
  /** Answer to a thread's reference request; `same` when the thread's copy of that version is current. */
  | { type: "refs"; id: number; version: number; refs?: LandmarkReferences; same?: boolean }
  | { type: "near"; id: number; hits: Array<{ id: string; distanceM: number }> }
  | { type: "landmarks"; id: number; landmarks: Array<Pick<Landmark, "id" | "lat" | "lon" | "radiusM">> }
  | { type: "error"; id: number; message: string };

/** Thread -> main. */
export type FromThread =
  | { type: "result"; id: number; signal: VisualSignal }
  | { type: "identified"; id: number; identification: CatalogIdentification }
  /** `learned`: whether the learned third opinion loaded (the thread matches without it otherwise). */
  | { type: "warmed"; id: number; learned: boolean }
  | { type: "failed"; id: number; message: string }
  | { type: "get"; id: number; landmarkId: string; haveVersion?: number }
  | { type: "near"; id: number; point: { lat: number; lon: number }; radiusM: number; limit: number }
  | { type: "landmarks"; id: number };
