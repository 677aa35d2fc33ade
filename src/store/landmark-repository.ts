import type { RedisClient } from "./redis.ts";
import type { Landmark, ReferenceFingerprint } from "../domain/landmark.ts";
import type { Keys } from "./keys.ts";

export interface StoredLandmark {
  landmark: Landmark;
  references: ReferenceFingerprint[];
}

/** The catalog as the service reads it: reference fingerprints are computed once, at import. */
export class LandmarkRepository {
  private cache = new Map<string, { at: number; value: StoredLandmark | undefined }>();

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly cacheMs = 30_000,
  ) {}

  async put(entry: StoredLandmark): Promise<void> {
    await this.redis
      .multi()
      .set(this.keys.landmark(entry.landmark.id), JSON.stringify(entry))
      .sadd(this.keys.landmarks(), entry.landmark.id)
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

  async remove(id: string): Promise<boolean> {
    const [[, n]] = (await this.redis.multi().del(this.keys.landmark(id)).srem(this.keys.landmarks(), id).exec()) as [
      [null, number],
      unknown,
    ];
    this.cache.delete(id);
    return n === 1;
  }
}
