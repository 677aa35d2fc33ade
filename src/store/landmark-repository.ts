import type { RedisClient } from "./redis.ts";
import type { Landmark, LandmarkCoverage, ReferenceFingerprint } from "../domain/landmark.ts";
import type { Keys } from "./keys.ts";

export interface StoredLandmark {
  landmark: Landmark;
  references: ReferenceFingerprint[];
  /** PDQ hashes of pictures of the landmark known to circulate (the catalog's `known/` folder); never travellers' photos. */
  known?: KnownPicture[];
  /** What the references cover (src/landmarks/coverage.ts), computed where they are fingerprinted. */
  coverage?: LandmarkCoverage;
}

export interface KnownPicture {
  file: string;
  phash: string;
}

/** A catalog-level known picture: a hash shared without the picture, of a catalog landmark or of anywhere. */
export interface KnownHash {
  phash: string;
  landmarkId?: string;
}

/** The catalog as the service reads it: reference fingerprints are computed once, at import. */
export class LandmarkRepository {
  private cache = new Map<string, { at: number; value: StoredLandmark | undefined }>();

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly cacheMs = 30_000,
  ) {}

  /**
   * Stores a landmark. An entry without `known` keeps the stored known pictures (the dashboard edits names and
   * references only); the catalog import always gives them, an empty list to drop them.
   */
  async put(entry: StoredLandmark): Promise<void> {
    let known = entry.known;
    if (known === undefined) {
      const raw = await this.redis.get(this.keys.landmark(entry.landmark.id));
      known = raw ? (JSON.parse(raw) as StoredLandmark).known : undefined;
    }
    const base: StoredLandmark = { landmark: entry.landmark, references: entry.references, ...(entry.coverage ? { coverage: entry.coverage } : {}) };
    const value: StoredLandmark = known?.length ? { ...base, known } : base;
    await this.redis
      .multi()
      .set(this.keys.landmark(entry.landmark.id), JSON.stringify(value))
      .sadd(this.keys.landmarks(), entry.landmark.id)
      .geoadd(this.keys.landmarksGeo(), entry.landmark.lon, entry.landmark.lat, entry.landmark.id)
      .exec();
    this.cache.delete(entry.landmark.id);
  }

  async get(id: string): Promise<StoredLandmark | undefined> {
    const hit = this.cache.get(id);
    if (hit && Date.now() - hit.at < this.cacheMs) return hit.value;
    const raw = await this.redis.get(this.keys.landmark(id));
    const value = raw ? (JSON.parse(raw) as StoredLandmark) : undefined;
    this.cache.set(id, { at: Date.now(), value });
    return value;
  }

  async list(): Promise<Landmark[]> {
    const ids = (await this.redis.smembers(this.keys.landmarks())).sort();
    const entries = await Promise.all(ids.map((id) => this.get(id)));
    return entries.filter((e): e is StoredLandmark => e !== undefined).map((e) => e.landmark);
  }

  /**
   * Landmarks whose position lies within `radiusM` of a point, nearest first, with their distance:
   * O(log N + hits) in Redis, so the cost of "which landmarks are here" does not grow with the catalog.
   */
  async near(point: { lat: number; lon: number }, radiusM: number, limit: number): Promise<Array<{ id: string; distanceM: number }>> {
    const rows = (await this.redis.geosearch(
      this.keys.landmarksGeo(), "FROMLONLAT", point.lon, point.lat, "BYRADIUS", Math.max(1, Math.round(radiusM)), "m", "ASC", "COUNT", limit, "WITHDIST",
    )) as Array<[string, string]>;
    return rows.map(([id, d]) => ({ id, distanceM: Number(d) }));
  }

  /** Replaces the catalog's list of known pictures (catalog import). */
  async putKnownPictures(list: readonly KnownHash[]): Promise<void> {
    await this.redis.set(this.keys.knownPictures(), JSON.stringify(list));
  }

  async knownPictures(): Promise<KnownHash[]> {
    const raw = await this.redis.get(this.keys.knownPictures());
    return raw ? (JSON.parse(raw) as KnownHash[]) : [];
  }

  /** Adds landmarks stored before the position index existed; run at start-up. */
  async ensureGeoIndex(): Promise<number> {
    const [ids, indexed] = await Promise.all([this.redis.scard(this.keys.landmarks()), this.redis.zcard(this.keys.landmarksGeo())]);
    if (ids === indexed) return 0;
    const all = await this.list();
    if (all.length > 0) {
      await this.redis.geoadd(this.keys.landmarksGeo(), ...all.flatMap((l) => [l.lon, l.lat, l.id]));
    }
    return all.length;
  }

  async remove(id: string): Promise<boolean> {
    const [[, n]] = (await this.redis
      .multi()
      .del(this.keys.landmark(id))
      .srem(this.keys.landmarks(), id)
      .zrem(this.keys.landmarksGeo(), id)
      .exec()) as [[null, number], unknown, unknown];
    this.cache.delete(id);
    return n === 1;
  }
}
