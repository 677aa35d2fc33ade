import type { Keys } from "./keys.ts";
import type { PersonRepository } from "./person-repository.ts";
import type { RecordKeys } from "./record-keys.ts";
import type { RedisClient } from "./redis.ts";

export interface RotationReport {
  rewrapped: number;
  reindexed: number;
}

/**
 * Moves every record to the current master key: data keys are re-wrapped (the sealed fields
 * themselves do not change) and chat-address index entries are re-hashed. Safe to run again.
 */
export async function rotateKeys(redis: RedisClient, keys: Keys, recordKeys: RecordKeys, persons: PersonRepository): Promise<RotationReport> {
  let rewrapped = 0;
  let cursor = "0";
  do {
    const [next, found] = await redis.scan(cursor, "MATCH", keys.dataKey("*"), "COUNT", 500);
    cursor = next;
    for (const key of found) if (await recordKeys.rewrap(key)) rewrapped++;
  } while (cursor !== "0");
  const reindexed = await persons.reindexAddresses();
  return { rewrapped, reindexed };
}
