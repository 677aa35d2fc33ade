/**
 * Reference features for the visual matcher, from where they are stored: the landmark repository
 * (Redis) for the service, or a catalog folder read in process (with an optional on-disk cache) for
 * the verify CLI and the benchmark. Features are decoded from their stored form once per landmark
 * version and kept in memory; they are never recomputed from photos per check-in.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { getDistance } from "geolib";
import type { Landmark } from "../domain/landmark.ts";
import type { LandmarkRepository, StoredLandmark } from "../store/landmark-repository.ts";
import { decodeFeatures } from "../verification/visual/features.ts";
import { decodeLearnedFeatures } from "../verification/visual/learned/learned-features.ts";
import type { LandmarkReferences, ReferenceSource } from "../verification/visual/matcher.ts";
import { decodeThumbnail } from "../verification/visual/replay-check.ts";
import { readCatalogDir } from "./catalog-dir.ts";
import { fingerprintEntry } from "./import.ts";

/** Decodes the stored features; references imported before features existed are skipped. */
export function referencesOf(stored: StoredLandmark): LandmarkReferences {
  return {
    landmark: stored.landmark,
    references: stored.references
      .filter((r) => typeof r.features === "string")
      .map((r) => ({
        file: r.file,
        features: decodeFeatures(r.features!),
        ...(r.akaze ? { akaze: decodeFeatures(r.akaze) } : {}),
        ...(r.thumb ? { thumb: decodeThumbnail(r.thumb) } : {}),
        ...(r.learned ? { learned: decodeLearnedFeatures(r.learned) } : {}),
      })),
  };
}

/** The service's source: reads the landmark repository, decodes each stored version once. */
export class RepositoryReferenceSource implements ReferenceSource {
  readonly #decoded = new Map<string, { from: StoredLandmark; refs: LandmarkReferences }>();

  constructor(private readonly repo: Pick<LandmarkRepository, "get" | "list" | "near">) {}

  async get(landmarkId: string): Promise<LandmarkReferences | undefined> {
    const stored = await this.repo.get(landmarkId);
    if (!stored) return undefined;
    const hit = this.#decoded.get(landmarkId);
    if (hit && hit.from === stored) return hit.refs;
    const refs = referencesOf(stored);
    this.#decoded.set(landmarkId, { from: stored, refs });
    return refs;
  }

  near(point: { lat: number; lon: number }, radiusM: number, limit: number): Promise<Array<{ id: string; distanceM: number }>> {
    return this.repo.near(point, radiusM, limit);
  }

  landmarks(): Promise<Landmark[]> {
    return this.repo.list();
  }
}

/** A whole catalog held in memory: for the CLI, the benchmark and tests. */
export class MemoryReferenceSource implements ReferenceSource {
  readonly #stored = new Map<string, StoredLandmark>();
  readonly #decoded = new Map<string, LandmarkReferences>();

  constructor(entries: Iterable<StoredLandmark>) {
    for (const e of entries) this.#stored.set(e.landmark.id, e);
  }

  stored(id: string): StoredLandmark | undefined {
    return this.#stored.get(id);
  }

  all(): StoredLandmark[] {
    return [...this.#stored.values()];
  }

  async get(landmarkId: string): Promise<LandmarkReferences | undefined> {
    const stored = this.#stored.get(landmarkId);
    if (!stored) return undefined;
    let refs = this.#decoded.get(landmarkId);
    if (!refs) this.#decoded.set(landmarkId, (refs = referencesOf(stored)));
    return refs;
  }

  /** A scan: the CLI's catalogs are folders of a few landmarks. */
  async near(point: { lat: number; lon: number }, radiusM: number, limit: number): Promise<Array<{ id: string; distanceM: number }>> {
    return [...this.#stored.values()]
      .map((e) => ({ id: e.landmark.id, distanceM: getDistance(point, e.landmark) }))
      .filter((x) => x.distanceM <= radiusM)
      .sort((a, b) => a.distanceM - b.distanceM)
      .slice(0, limit);
  }

  async landmarks(): Promise<Landmark[]> {
    return [...this.#stored.values()].map((e) => e.landmark);
  }
}

/** Bumped whenever what fingerprintEntry stores changes, so old cache files are ignored. */
const CACHE_VERSION = "visual-v4";

/**
 * Reads and fingerprints a catalog folder. With `cacheDir`, each landmark's fingerprints are kept in
 * `<cacheDir>/<id>.json`, keyed by its landmark.json and its photos' names, sizes and mtimes.
 */
export async function loadCatalogSource(dir: string, opts: { cacheDir?: string } = {}): Promise<MemoryReferenceSource> {
  const entries = await readCatalogDir(dir);
  const stored: StoredLandmark[] = [];
  for (const entry of entries) {
    let key: string | undefined;
    let cacheFile: string | undefined;
    if (opts.cacheDir) {
      const h = createHash("sha256").update(CACHE_VERSION).update(JSON.stringify(entry.landmark));
      for (const f of entry.referenceFiles) {
        const s = await stat(f);
        h.update(`${path.basename(f)}:${s.size}:${s.mtimeMs}`);
      }
      key = h.digest("hex");
      cacheFile = path.join(opts.cacheDir, `${entry.landmark.id}.json`);
      try {
        const cached = JSON.parse(await readFile(cacheFile, "utf8")) as { key: string; value: StoredLandmark };
        if (cached.key === key) {
          stored.push(cached.value);
          continue;
        }
      } catch {
        /* missing or unreadable: recompute */
      }
    }
    const value = await fingerprintEntry(entry);
    stored.push(value);
    if (cacheFile && key && opts.cacheDir) {
      await mkdir(opts.cacheDir, { recursive: true });
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      await writeFile(tmp, JSON.stringify({ key, value }));
      await rename(tmp, cacheFile);
    }
  }
  return new MemoryReferenceSource(stored);
}
