import type { SubmissionIndex } from "./contracts.ts";
import { hamming, isPdqHex } from "./pdq.ts";

/** Replay index held in memory, for the offline CLI and tests; a linear scan is fine at that scale. */
export class MemorySubmissionIndex implements SubmissionIndex {
  readonly #hashes: string[] = [];

  async findNear(hashes: readonly string[], maxDistance: number): Promise<{ distance: number } | undefined> {
    let best: number | undefined;
    for (const stored of this.#hashes) {
      for (const hash of hashes) {
        const distance = hamming(stored, hash);
        if (distance <= maxDistance && (best === undefined || distance < best)) best = distance;
      }
    }
    return best === undefined ? undefined : { distance: best };
  }

  async add(hash: string): Promise<void> {
    if (!isPdqHex(hash)) throw new TypeError("MemorySubmissionIndex.add: expected a 64-digit hex hash");
    this.#hashes.push(hash.toLowerCase());
  }

  get size(): number {
    return this.#hashes.length;
  }
}
