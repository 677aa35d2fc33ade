/**
 * The Lua loader (src/store/lua/lua-script.ts) on a real redis-server: a script is read from its .lua file,
 * defined once per client, sent by SHA after the first call, and survives a SCRIPT FLUSH (run: ioredis resends
 * the source; queue in a MULTI: always the source).
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { Redis } from "ioredis";
import { COMPARE_AND_SET } from "../../../../src/store/atomic-updates.ts";
import { LuaScript } from "../../../../src/store/lua/lua-script.ts";
import { EXTEND_EXPIRY } from "../../../../src/store/session-repository.ts";
import { startRedis, type RedisServerHandle } from "../../../support/redis-server.ts";

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../../src");

let server: RedisServerHandle;
let redis: Redis;
let prefix: string;

before(async () => {
  server = await startRedis();
  redis = new Redis(server.url);
  prefix = `{t${randomBytes(4).toString("hex")}}`;
});

after(async () => {
  redis?.disconnect();
  await server?.stop();
});

async function calls(name: "eval" | "evalsha"): Promise<number> {
  const info = await redis.info("commandstats");
  return Number(new RegExp(`cmdstat_${name}:calls=(\\d+)`).exec(info)?.[1] ?? 0);
}

test("a script's source is its .lua file; run defines it once and sends it by SHA after the first call", async () => {
  assert.equal(COMPARE_AND_SET.lua, readFileSync(path.join(SRC, "store/lua/compare-and-set.lua"), "utf8"));
  const key = `${prefix}:cas`;
  await redis.set(key, "a");
  const evalBefore = await calls("eval");
  const shaBefore = await calls("evalsha");
  assert.equal(await COMPARE_AND_SET.run(redis, key, "a", "b"), 1);
  assert.equal(await COMPARE_AND_SET.run(redis, key, "b", "c"), 1);
  assert.equal(await COMPARE_AND_SET.run(redis, key, "c", "d"), 1);
  assert.equal(await redis.get(key), "d");
  assert.equal((await calls("eval")) - evalBefore, 1, "the source once, on this connection");
  assert.equal((await calls("evalsha")) - shaBefore, 2, "then by SHA");
  assert.equal(typeof (redis as unknown as Record<string, unknown>).saCompareAndSet, "function");
});

test("after SCRIPT FLUSH: run resends the source; queue (in a MULTI) still runs the script", async () => {
  const key = `${prefix}:flush`;
  await redis.set(key, "x");
  assert.equal(await COMPARE_AND_SET.run(redis, key, "x", "y"), 1);
  await redis.script("FLUSH");
  assert.equal(await COMPARE_AND_SET.run(redis, key, "y", "z"), 1);
  assert.equal(await redis.get(key), "z");

  const index = `${prefix}:idx`;
  await redis.sadd(index, "s");
  const tx = () => EXTEND_EXPIRY.queue(redis.multi().sadd(index, "s"), index, 60_000).exec();
  await tx();
  await redis.script("FLUSH");
  await redis.persist(index);
  const replies = (await tx())!;
  assert.equal(replies[1]![0], null, "no NOSCRIPT inside EXEC");
  assert.ok((await redis.pttl(index)) > 0, "the expiry was set");
});

test("command names are checked: an 'sa' prefix, and one file per name", () => {
  const file = new URL("../../../../src/store/lua/compare-and-set.lua", import.meta.url);
  assert.throws(() => new LuaScript("get", file, 1), /start with "sa"/);
  assert.throws(() => new LuaScript("saCompareAndSet", new URL("../../../../src/store/lua/move-keys.lua", import.meta.url), 1), /two Lua scripts/);
  assert.throws(() => new LuaScript("saMissing", new URL("./missing.lua", file), 1), /ENOENT/);
});

test("no Lua inline in src/: every script is a .lua file run through LuaScript", () => {
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ts$/.test(e.name) && /\.eval(sha)?\(|redis\.call\(/.test(readFileSync(p, "utf8")) && p !== path.join(SRC, "store/lua/lua-script.ts")) {
        offenders.push(path.relative(SRC, p));
      }
    }
  };
  walk(SRC);
  assert.deepEqual(offenders, []);
});
