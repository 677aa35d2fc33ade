/** Key rotation of values sealed with the app key: each re-sealed in place, atomically, keeping its TTL. */
import { Cluster } from "ioredis";
import { compareAndSet, compareAndSetField } from "./atomic-updates.ts";
import type { RedisClient } from "./redis.ts";
import type { Sealer } from "./sealed-box.ts";

/** True when the value under `key` (sealed bound to `boundTo`) was sealed with the previous key and now is not. */
export async function resealValue(redis: RedisClient, sealer: Sealer, key: string, boundTo: string = key): Promise<boolean> {
  const sealed = await redis.get(key);
  const next = sealed ? sealer.reseal(sealed, boundTo) : undefined;
  return next !== undefined && (await compareAndSet(redis, key, sealed!, next)) === 1;
}

/** Re-seals every field of a hash whose values are sealed bound to their field name; returns how many. */
export async function resealHashFields(redis: RedisClient, sealer: Sealer, key: string): Promise<number> {
  let resealed = 0;
  let cursor = "0";
  do {
    const [next, flat] = await redis.hscan(key, cursor, "COUNT", 500);
    cursor = next;
    for (let i = 0; i < flat.length; i += 2) {
      const [field, sealed] = [flat[i]!, flat[i + 1]!];
      const value = sealer.reseal(sealed, field);
      if (value !== undefined) resealed += await compareAndSetField(redis, key, field, sealed, value);
    }
  } while (cursor !== "0");
  return resealed;
}

/** Every key matching a pattern (SCAN, never KEYS); on a Cluster, on every master (SCAN sees one node's keys). */
export async function* scanKeys(redis: RedisClient, pattern: string): AsyncGenerator<string> {
  for (const node of redis instanceof Cluster ? redis.nodes("master") : [redis]) {
    let cursor = "0";
    do {
      const [next, found] = await node.scan(cursor, "MATCH", pattern, "COUNT", 500);
      cursor = next;
      yield* found;
    } while (cursor !== "0");
  }
}
