/**
 * Hamming 2-nearest-neighbour search for binary descriptors in a small WebAssembly module, written as text
 * (hamming-knn.wat): `npm run build` assembles it into hamming-knn.wasm next to the compiled code; without
 * a build (development under tsx) it is assembled in process by wabt, a development dependency. No binary is
 * checked in or downloaded. Matching is the cost that grows with every reference of a landmark; this gives
 * OpenCV.js's BFMatcher's answer (tests/unit/verification/hamming-knn.test.ts) in a fraction of its time
 * (the measured figure: docs/verification.md, "Descriptor matching").
 */
import { readFile } from "node:fs/promises";

/** Per query descriptor: nearest train index (-1 when there is none), its distance, the second distance. */
export interface Knn2 {
  index: Int32Array;
  best: Int32Array;
  second: Int32Array;
}

/** Descriptor lengths the search supports: ORB's 32 bytes and AKAZE's 61, zero-padded to 64. */
export type DescriptorBytes = 32 | 64;

export interface HammingKnn {
  knn2(query: Uint8Array, train: Uint8Array, bytes?: DescriptorBytes): Knn2;
}

type Knn2Fn = (q: number, nq: number, t: number, nt: number, out: number) => void;

interface Exports {
  memory: WebAssembly.Memory;
  knn2: Knn2Fn;
  knn2_64: Knn2Fn;
}

const PAGE = 65536;
let loading: Promise<HammingKnn> | undefined;

/** The matcher, assembled once per process (~20 ms). */
export function loadHammingKnn(): Promise<HammingKnn> {
  loading ??= assemble().then((exports) => new WasmHammingKnn(exports));
  return loading;
}

async function assemble(): Promise<Exports> {
  const binary = await readFile(new URL("./hamming-knn.wasm", import.meta.url)).catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return assembleWat();
    throw err;
  });
  const instance = await WebAssembly.instantiate(await WebAssembly.compile(new Uint8Array(binary)));
  return instance.exports as unknown as Exports;
}

type Wabt = { parseWat(name: string, text: string): { toBinary(o: object): { buffer: Uint8Array }; destroy(): void } };

/** hamming-knn.wat assembled by wabt: at build time (scripts/build.ts), or in process when there is no build. */
export async function assembleWat(): Promise<Uint8Array> {
  const before = {
    uncaught: new Set(process.listeners("uncaughtException")),
    rejection: new Set(process.listeners("unhandledRejection")),
  };
  // A development dependency, loaded only here: production runs the built .wasm.
  const { default: wabtInit } = (await import("wabt")) as { default: () => Promise<Wabt> };
  const wabt = await wabtInit();
  // Emscripten (wabt is compiled with it) adds process-wide handlers that abort; the app has its own.
  for (const l of process.listeners("uncaughtException")) if (!before.uncaught.has(l)) process.removeListener("uncaughtException", l);
  for (const l of process.listeners("unhandledRejection")) if (!before.rejection.has(l)) process.removeListener("unhandledRejection", l);
  const text = await readFile(new URL("./hamming-knn.wat", import.meta.url), "utf8");
  const parsed = wabt.parseWat("hamming-knn.wat", text);
  try {
    return parsed.toBinary({}).buffer;
  } finally {
    parsed.destroy();
  }
}

class WasmHammingKnn implements HammingKnn {
  constructor(private readonly wasm: Exports) {}

  knn2(query: Uint8Array, train: Uint8Array, bytes: DescriptorBytes = 32): Knn2 {
    const nq = Math.floor(query.length / bytes);
    const nt = Math.floor(train.length / bytes);
    const qBytes = nq * bytes;
    const tBytes = nt * bytes;
    const need = qBytes + tBytes + nq * 12;
    const memory = this.wasm.memory;
    if (memory.buffer.byteLength < need) memory.grow(Math.ceil((need - memory.buffer.byteLength) / PAGE));
    const heap = new Uint8Array(memory.buffer);
    heap.set(query.subarray(0, qBytes), 0);
    heap.set(train.subarray(0, tBytes), qBytes);
    const out = qBytes + tBytes;
    (bytes === 64 ? this.wasm.knn2_64 : this.wasm.knn2)(0, nq, qBytes, nt, out);
    const result = new Int32Array(memory.buffer, out, nq * 3);
    const index = new Int32Array(nq);
    const best = new Int32Array(nq);
    const second = new Int32Array(nq);
    for (let i = 0; i < nq; i++) {
      index[i] = result[3 * i]!;
      best[i] = result[3 * i + 1]!;
      second[i] = result[3 * i + 2]!;
    }
    if (nt === 0) index.fill(-1);
    return { index, best, second };
  }
}
