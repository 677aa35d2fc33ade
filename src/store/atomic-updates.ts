/** Small atomic moves for key rotation, each one Lua script: a live process may write the same key meanwhile. */
import type { RedisClient } from "./redis.ts";

// Replaces a value only if nobody changed it since it was read; the key keeps its TTL.
const SET_IF_UNCHANGED = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[1], ARGV[2], 'KEEPTTL')
return 1`;

const HSET_IF_UNCHANGED = `
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1`;

// KEYS: source, target pairs. Renames each source (with its TTL) unless its target exists: then the target is
// the newer one and the source is dropped. Returns how many sources there were.
const MOVE = `
local found = 0
for i = 1, #KEYS, 2 do
  if redis.call('EXISTS', KEYS[i]) == 1 then
    found = found + 1
    if redis.call('EXISTS', KEYS[i + 1]) == 1 then redis.call('DEL', KEYS[i]) else redis.call('RENAME', KEYS[i], KEYS[i + 1]) end
  end
end
return found`;

/** 1 when `next` replaced `expected`, 0 when the value had changed meanwhile. */
export async function compareAndSet(redis: RedisClient, key: string, expected: string, next: string): Promise<number> {
  return Number(await redis.eval(SET_IF_UNCHANGED, 1, key, expected, next));
}

export async function compareAndSetField(redis: RedisClient, key: string, field: string, expected: string, next: string): Promise<number> {
  return Number(await redis.eval(HSET_IF_UNCHANGED, 1, key, field, expected, next));
}

/**
 * Moves keys to new names (from[i] to to[i]); a target that already exists wins and its source is deleted.
 * Returns how many sources existed. All keys must share a hash slot (the app prefix's hash tag).
 */
export async function moveKeys(redis: RedisClient, from: readonly string[], to: readonly string[]): Promise<number> {
  const pairs = from.flatMap((source, i) => (source === to[i] ? [] : [source, to[i]!]));
  if (pairs.length === 0) return 0;
  return Number(await redis.eval(MOVE, pairs.length, ...pairs));
}
