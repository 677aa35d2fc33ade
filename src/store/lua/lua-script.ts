import { readFileSync } from "node:fs";
import type { ChainableCommander } from "ioredis";
import type { RedisClient } from "../redis.ts";

/** What a script's arguments may be: ioredis sends each as a bulk string. */
export type LuaArg = string | number | Buffer;

/** Names taken, so two scripts never overwrite each other's command on a shared client. */
const byName = new Map<string, string>();
/** The commands defined on each client (a pipeline or MULTI copies them from its client when it is made). */
const definedOn = new WeakMap<RedisClient, Set<string>>();

/**
 * A Lua script kept in its own .lua file and run as an ioredis command (defineCommand): the first call on a
 * connection sends the source (EVAL), later ones its SHA1 (EVALSHA), and after a NOSCRIPT (a restarted or
 * failed-over Redis) ioredis sends the source again. The file is read once, when the module that declares
 * the script loads, from next to that module: in src/ under tsx and in dist/ after the build (which copies
 * every non-TypeScript file), and a missing file fails at start rather than at the first call.
 *
 * Every key a script touches must be passed to it as a key and carry the app prefix's hash tag ({sa}): on
 * Redis Cluster a script runs on the node of its keys' slot, which refuses keys of any other (CROSSSLOT).
 * `numberOfKeys` omitted: each call gives it first (scripts over a variable number of keys).
 */
export class LuaScript<Args extends readonly LuaArg[], Reply> {
  readonly lua: string;

  constructor(
    /** The command's name on the client; starts with "sa" so it cannot shadow a Redis or BullMQ command. */
    readonly name: string,
    file: URL,
    readonly numberOfKeys?: number,
  ) {
    if (!/^sa[A-Z]\w*$/.test(name)) throw new Error(`Lua command names start with "sa" and a capital: ${name}`);
    const taken = byName.get(name);
    if (taken !== undefined && taken !== file.href) throw new Error(`two Lua scripts named ${name}: ${taken} and ${file.href}`);
    byName.set(name, file.href);
    this.lua = readFileSync(file, "utf8");
  }

  /** Defines the command on the client, once. */
  define(redis: RedisClient): void {
    let names = definedOn.get(redis);
    if (!names) definedOn.set(redis, (names = new Set()));
    if (names.has(this.name)) return;
    redis.defineCommand(this.name, this.numberOfKeys === undefined ? { lua: this.lua } : { numberOfKeys: this.numberOfKeys, lua: this.lua });
    names.add(this.name);
  }

  /**
   * Runs the script (defining it on the client first if needed); string replies come back as strings. On an
   * auto-pipelined client call define() when the connection is made instead: a call joining a pipeline that
   * was started before the define throws outside any promise (telegram-inbox.ts does so).
   */
  run(redis: RedisClient, ...args: Args): Promise<Reply> {
    this.define(redis);
    return (redis as unknown as Record<string, (...a: LuaArg[]) => Promise<Reply>>)[this.name]!(...args);
  }

  /** As run, with every string in the reply as a Buffer (ioredis's `<name>Buffer` command): for raw bytes. */
  runBuffer<BufferReply>(redis: RedisClient, ...args: Args): Promise<BufferReply> {
    this.define(redis);
    return (redis as unknown as Record<string, (...a: LuaArg[]) => Promise<BufferReply>>)[`${this.name}Buffer`]!(...args);
  }

  /**
   * Adds the script to a MULTI, as EVAL with its source: inside a transaction ioredis does not recover from a
   * NOSCRIPT (after SCRIPT FLUSH, or a MULTI discarded after its first EVAL marked the script as loaded on that
   * connection), the EVALSHA would fail inside EXEC on every later MULTI, unnoticed.
   */
  queue<T extends ChainableCommander>(tx: T, ...args: Args): T {
    const evalIn = tx.eval.bind(tx) as unknown as (...a: LuaArg[]) => T;
    return this.numberOfKeys === undefined ? evalIn(this.lua, ...args) : evalIn(this.lua, this.numberOfKeys, ...args);
  }
}
