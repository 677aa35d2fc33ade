/**
 * The visual matcher, run in worker threads. Matching a photo is 100-400 ms of synchronous CPU
 * (OpenCV.js, WebAssembly); on the main thread that would stall everything else the worker does in the
 * meantime: BullMQ lock renewals, the Bot API replies whose "sent" marker must be written at once, health
 * checks. Photos go to the least busy thread; reference features are served from the main thread's
 * source (decoded once per landmark version) and cached in each thread.
 */
import { Worker, type ResourceLimits } from "node:worker_threads";
import type { Landmark } from "../../../domain/landmark.ts";
import type { VisualSignal } from "../../../domain/verdict.ts";
import type { CatalogIdentification, CatalogIdentifier, DecodedPhoto, MatchOptions, VisualMatcher } from "../../contracts.ts";
import type { LandmarkReferences, ReferenceSource } from "../matcher.ts";
import { visionEngine, type VisionEngine } from "../native-vision.ts";
import type { FromThread, PhotoPixels, ThreadData, ToThread } from "./protocol.ts";

export interface ThreadedMatcherOptions {
  source: ReferenceSource;
  /** Threads to run; about one per core given to verification. */
  threads: number;
  /** A match that takes longer fails (the verify job is retried); guards against a wedged thread. */
  timeoutMs?: number;
  /** Heap limits per thread; a thread that exceeds them dies and is replaced. */
  resourceLimits?: ResourceLimits;
  /** The threads' vision engine (native-vision.ts); by default this process's. */
  engine?: VisionEngine;
}

interface Pending {
  resolve: (answer: VisualSignal | CatalogIdentification | boolean) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

// Under tsx (development) a new thread has to register tsx again (matcher-thread.mjs); the build is plain JS.
const ENTRY = import.meta.url.endsWith(".ts") ? new URL("./matcher-thread.mjs", import.meta.url) : new URL("./matcher-thread.js", import.meta.url);

export class ThreadedMatcher implements VisualMatcher, CatalogIdentifier {
  readonly name = "orb-homography";
  readonly #opts: Required<ThreadedMatcherOptions>;
  readonly #slots: Slot[] = [];
  /** Version numbers of the reference objects the source hands out: same object, same version. */
  readonly #versions = new WeakMap<LandmarkReferences, number>();
  #nextVersion = 1;
  #nextId = 1;
  #closed = false;

  constructor(opts: ThreadedMatcherOptions) {
    this.#opts = { timeoutMs: 60_000, resourceLimits: {}, engine: visionEngine(), ...opts, threads: Math.max(1, Math.floor(opts.threads)) };
  }

  match(photo: DecodedPhoto, landmark: Landmark, opts: MatchOptions = {}): Promise<VisualSignal> {
    return this.#ask((id, pixels) => ({ type: "match", id, photo: pixels, landmark, opts }), photo) as Promise<VisualSignal>;
  }

  /** Which catalog landmark the photo shows, across the whole catalog (linear in it). */
  identify(photo: DecodedPhoto): Promise<CatalogIdentification> {
    return this.#ask((id, pixels) => ({ type: "identify", id, photo: pixels }), photo) as Promise<CatalogIdentification>;
  }

  /**
   * Starts every thread and loads its vision engine (OpenCV.js's WebAssembly takes about a second of CPU per
   * thread), so that the first photos after a start do not pay for it: otherwise a worker started into a busy
   * hour begins with a backlog. Resolves when every thread is ready. With `learned` (the default) each thread also
   * loads the learned opinion's models, and `learned` in the answer says whether every thread could; without it
   * they load on first use, if any (a worker that never asks the opinion does not hold them).
   */
  async warm(opts: { learned?: boolean } = {}): Promise<{ learned: boolean }> {
    if (this.#closed) return { learned: false };
    while (this.#slots.length < this.#opts.threads) this.#slots.push(this.#spawn());
    const learned = opts.learned ?? true;
    const loaded = await Promise.all(this.#slots.map((slot) => this.#send(slot, (id) => ({ type: "warm", id, learned }))));
    return { learned: loaded.every((l) => l === true) };
  }

  #ask(message: (id: number, pixels: PhotoPixels) => ToThread, photo: DecodedPhoto): Promise<VisualSignal | CatalogIdentification> {
    if (this.#closed) return Promise.reject(new Error("matcher closed"));
    const grey = Uint8Array.from(photo.grey);
    const pixels: PhotoPixels = { grey, width: photo.width, height: photo.height, originalWidth: photo.originalWidth, originalHeight: photo.originalHeight };
    return this.#send(this.#leastBusy(), (id) => message(id, pixels), [grey.buffer]) as Promise<VisualSignal | CatalogIdentification>;
  }

  #send(slot: Slot, message: (id: number) => ToThread, transfer: ArrayBuffer[] = []): Promise<VisualSignal | CatalogIdentification | boolean> {
    const id = this.#nextId++;
    return new Promise<VisualSignal | CatalogIdentification | boolean>((resolve, reject) => {
      const timer = setTimeout(() => {
        slot.pending.delete(id);
        reject(new Error(`visual match timed out after ${this.#opts.timeoutMs} ms`));
      }, this.#opts.timeoutMs);
      slot.pending.set(id, { resolve, reject, timer });
      slot.worker.postMessage(message(id), transfer);
    });
  }

  /** Stops the threads; matches still running fail. */
  async close(): Promise<void> {
    this.#closed = true;
    const slots = this.#slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
    for (const s of slots) this.#failAll(s, new Error("matcher closed"));
  }

  #leastBusy(): Slot {
    while (this.#slots.length < this.#opts.threads) this.#slots.push(this.#spawn());
    return this.#slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
  }

  #spawn(): Slot {
    const worker = new Worker(ENTRY, { resourceLimits: this.#opts.resourceLimits, workerData: { engine: this.#opts.engine } satisfies ThreadData });
    const slot: Slot = { worker, pending: new Map() };
    // The thread waits on the source; it must not keep the process alive on its own.
    worker.unref();
    worker.on("message", (message: FromThread) => void this.#onMessage(slot, message));
    const replace = (err: Error) => {
      this.#failAll(slot, err);
      const i = this.#slots.indexOf(slot);
      if (i >= 0) this.#slots.splice(i, 1);
    };
    worker.on("error", (err) => replace(new Error(`matcher thread failed: ${err.message.split("\n")[0]!.slice(0, 200)}`)));
    worker.on("exit", (code) => replace(new Error(`matcher thread exited with code ${code}`)));
    return slot;
  }

  #failAll(slot: Slot, err: Error): void {
    for (const [id, p] of slot.pending) {
      clearTimeout(p.timer);
      p.reject(err);
      slot.pending.delete(id);
    }
  }

  async #onMessage(slot: Slot, message: FromThread): Promise<void> {
    switch (message.type) {
      case "result":
      case "identified":
      case "warmed":
      case "failed": {
        const p = slot.pending.get(message.id);
        if (!p) return;
        slot.pending.delete(message.id);
        clearTimeout(p.timer);
        if (message.type === "result") p.resolve(message.signal);
        else if (message.type === "identified") p.resolve(message.identification);
        else if (message.type === "warmed") p.resolve(message.learned);
        else p.reject(new Error(message.message));
        return;
      }
      default:
        try {
          slot.worker.postMessage(await this.#answer(message));
        } catch (err) {
          slot.worker.postMessage({ type: "error", id: message.id, message: err instanceof Error ? err.message : String(err) } satisfies ToThread);
        }
    }
  }

  async #answer(message: Exclude<FromThread, { type: "result" | "identified" | "warmed" | "failed" }>): Promise<ToThread> {
    const { source } = this.#opts;
    switch (message.type) {
      case "get": {
        const refs = await source.get(message.landmarkId);
        if (!refs) return { type: "refs", id: message.id, version: 0 };
        let version = this.#versions.get(refs);
        if (version === undefined) this.#versions.set(refs, (version = this.#nextVersion++));
        return version === message.haveVersion ? { type: "refs", id: message.id, version, same: true } : { type: "refs", id: message.id, version, refs };
      }
      case "near":
        return { type: "near", id: message.id, hits: await source.near(message.point, message.radiusM, message.limit) };
      case "landmarks":
        return { type: "landmarks", id: message.id, landmarks: await source.landmarks() };
    }
  }
}
