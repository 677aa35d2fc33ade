/**
 * A matcher thread: runs the FeatureMatcher (OpenCV.js and the WebAssembly k-NN, ~100-400 ms of CPU
 * per photo) off the main event loop, which keeps answering HTTP, renewing job locks and marking sent
 * messages while a photo is being matched. Reference features come from the main thread's source over
 * messages and are kept here per landmark version.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { Landmark } from "../../../domain/landmark.ts";
import type { DecodedPhoto, MatchOptions } from "../../contracts.ts";
import { loadLearnedOpinion } from "../learned/learned-opinion.ts";
import { FeatureMatcher, type LandmarkReferences, type ReferenceSource } from "../matcher.ts";
import { setVisionEngine } from "../native-vision.ts";
import { loadVision } from "../vision.ts";
import type { FromThread, PhotoPixels, ThreadData, ToThread } from "./protocol.ts";

if (!parentPort) throw new Error("matcher-thread.ts runs as a worker thread");
const port = parentPort;
setVisionEngine((workerData as ThreadData | undefined)?.engine ?? "auto");

let nextId = 1;
const waiting = new Map<number, { resolve: (m: ToThread) => void; reject: (e: Error) => void }>();

function ask(message: FromThread): Promise<ToThread> {
  return new Promise((resolve, reject) => {
    waiting.set(message.id, { resolve, reject });
    port.postMessage(message);
  });
}

/** Landmark references as last sent by the main thread, with the version they were sent under. */
const cache = new Map<string, { version: number; refs: LandmarkReferences }>();

const source: ReferenceSource = {
  async get(landmarkId) {
    const have = cache.get(landmarkId);
    const reply = await ask({ type: "get", id: nextId++, landmarkId, haveVersion: have?.version });
    if (reply.type !== "refs") throw new Error(`matcher thread: unexpected ${reply.type} reply`);
    if (reply.same && have) return have.refs;
    if (!reply.refs) {
      cache.delete(landmarkId);
      return undefined;
    }
    cache.set(landmarkId, { version: reply.version, refs: reply.refs });
    return reply.refs;
  },
  async near(point, radiusM, limit) {
    const reply = await ask({ type: "near", id: nextId++, point, radiusM, limit });
    if (reply.type !== "near") throw new Error(`matcher thread: unexpected ${reply.type} reply`);
    return reply.hits;
  },
  async landmarks() {
    const reply = await ask({ type: "landmarks", id: nextId++ });
    if (reply.type !== "landmarks") throw new Error(`matcher thread: unexpected ${reply.type} reply`);
    return reply.landmarks;
  },
};

const matcher = new FeatureMatcher({ source });

port.on("message", (message: ToThread) => {
  if (message.type === "match") {
    void run(message.id, message.photo, message.landmark, message.opts);
    return;
  }
  if (message.type === "identify") {
    void identify(message.id, message.photo);
    return;
  }
  if (message.type === "warm") {
    void warm(message.id, message.learned);
    return;
  }
  const pending = waiting.get(message.id);
  if (!pending) return;
  waiting.delete(message.id);
  if (message.type === "error") pending.reject(new Error(message.message));
  else pending.resolve(message);
});

function photoOf(pixels: PhotoPixels): DecodedPhoto {
  return { ...pixels, grey: Buffer.from(pixels.grey.buffer, pixels.grey.byteOffset, pixels.grey.byteLength) };
}

async function warm(id: number, withLearned: boolean): Promise<void> {
  try {
    const [, learned] = await Promise.all([loadVision(), withLearned ? loadLearnedOpinion() : undefined]);
    port.postMessage({ type: "warmed", id, learned: learned !== undefined } satisfies FromThread);
  } catch (err) {
    port.postMessage({ type: "failed", id, message: err instanceof Error ? err.message : String(err) } satisfies FromThread);
  }
}

async function identify(id: number, pixels: PhotoPixels): Promise<void> {
  try {
    const { best, ranked } = await matcher.identify(photoOf(pixels));
    const copy = ranked.find((m) => m.replay);
    const identification = {
      landmarkId: best?.landmarkId,
      replayOf: copy?.replay ? { landmarkId: copy.landmarkId, file: copy.replay.of } : undefined,
    };
    port.postMessage({ type: "identified", id, identification } satisfies FromThread);
  } catch (err) {
    port.postMessage({ type: "failed", id, message: err instanceof Error ? err.message : String(err) } satisfies FromThread);
  }
}

async function run(id: number, pixels: PhotoPixels, landmark: Landmark, opts: MatchOptions): Promise<void> {
  try {
    const photo: DecodedPhoto = { ...pixels, grey: Buffer.from(pixels.grey.buffer, pixels.grey.byteOffset, pixels.grey.byteLength) };
    const signal = await matcher.match(photo, landmark, opts);
    port.postMessage({ type: "result", id, signal } satisfies FromThread);
  } catch (err) {
    port.postMessage({ type: "failed", id, message: err instanceof Error ? err.message : String(err) } satisfies FromThread);
  }
}
