/**
 * Small atomic steps, each one Lua script (src/store/lua/): a live process may write the same key meanwhile
 * (key rotation re-sealing and renaming, a lock or claim given back).
 */
import { LuaScript } from "./lua/lua-script.ts";
import type { RedisClient } from "./redis.ts";

export const COMPARE_AND_SET = new LuaScript<[key: string, expected: string, next: string], number>(
  "saCompareAndSet", new URL("./lua/compare-and-set.lua", import.meta.url), 1,
);

export const COMPARE_AND_SET_FIELD = new LuaScript<[key: string, field: string, expected: string, next: string], number>(
  "saCompareAndSetField", new URL("./lua/compare-and-set-field.lua", import.meta.url), 1,
);

export const DELETE_IF_EQUAL = new LuaScript<[key: string, value: string], number>(
  "saDeleteIfEqual", new URL("./lua/delete-if-equal.lua", import.meta.url), 1,
);

export const HSET_IF_EXISTS = new LuaScript<[key: string, ...fieldsAndValues: Array<string | number>], number>(
  "saHsetIfExists", new URL("./lua/hset-if-exists.lua", import.meta.url), 1,
);

/** The number of keys is given per call: [n, ...sources and targets]. */
export const MOVE_KEYS = new LuaScript<[numberOfKeys: number, ...pairs: string[]], number>(
  "saMoveKeys", new URL("./lua/move-keys.lua", import.meta.url),
);

/** 1 when `next` replaced `expected`, 0 when the value had changed meanwhile. */
export async function compareAndSet(redis: RedisClient, key: string, expected: string, next: string): Promise<number> {
  return Number(await COMPARE_AND_SET.run(redis, key, expected, next));
}

export async function compareAndSetField(redis: RedisClient, key: string, field: string, expected: string, next: string): Promise<number> {
  return Number(await COMPARE_AND_SET_FIELD.run(redis, key, field, expected, next));
}

/**
 * Sets fields of an existing hash (its TTL stays); true when set, false when the hash has expired or was
 * deleted: a record that is gone is not brought back with a few fields and no expiry.
 */
export async function hsetIfExists(redis: RedisClient, key: string, fields: Record<string, string | number>): Promise<boolean> {
  return Number(await HSET_IF_EXISTS.run(redis, key, ...Object.entries(fields).flat())) === 1;
}

/** Deletes `key` only while it holds `value`: 1 when deleted, 0 when it holds something else (or nothing). */
export async function deleteIfEqual(redis: RedisClient, key: string, value: string): Promise<number> {
  return Number(await DELETE_IF_EQUAL.run(redis, key, value));
}

/**
 * Moves keys to new names (from[i] to to[i]); a target that already exists wins and its source is deleted.
 * Returns how many sources existed. All keys must share a hash slot (the app prefix's hash tag).
 */
export async function moveKeys(redis: RedisClient, from: readonly string[], to: readonly string[]): Promise<number> {
  const pairs = from.flatMap((source, i) => (source === to[i] ? [] : [source, to[i]!]));
  if (pairs.length === 0) return 0;
  return Number(await MOVE_KEYS.run(redis, pairs.length, ...pairs));
}
