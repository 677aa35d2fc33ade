/**
 * What the Telegram inbox keeps in Redis for an update, apart from the inbox's reading and handling
 * (telegram-inbox.ts): the two scripts that store and acknowledge entries, their arguments, and the chat and
 * kind of an update by which its chat's order is kept.
 */
import type { Update } from "grammy/types";
import { LuaScript, type LuaArg } from "../../store/lua/lua-script.ts";
import type { RedisClient } from "../../store/redis.ts";
import type { Sealer } from "../../store/sealed-box.ts";

/** One update's part of an INBOX_STORE call: its two keys and five arguments. */
export type InboxStoreItem = { keys: [seen: string, chat: string]; args: [bit: number, updateId: number, sealed: string, kind: "l" | "o" | "", force: "1" | ""] };

/** Stores updates in the inbox (see inbox-store.lua); called through `inboxStoreArgs`. */
export const INBOX_STORE = new LuaScript<[numberOfKeys: number, ...args: LuaArg[]], number[]>("saTgInboxStore", new URL("./inbox-store.lua", import.meta.url));
/** Acknowledges and deletes a handled entry. */
export const INBOX_ACK = new LuaScript<[stream: string, group: string, entryId: string], number>("saTgInboxAck", new URL("./inbox-ack.lua", import.meta.url), 1);

/** INBOX_STORE's arguments for these updates (the key count first: the script takes any number). */
export function inboxStoreArgs(stream: string, ttlMs: number, items: readonly InboxStoreItem[]): [number, ...LuaArg[]] {
  const keys: LuaArg[] = [stream];
  const args: LuaArg[] = [ttlMs];
  for (const item of items) {
    keys.push(...item.keys);
    args.push(...item.args);
  }
  return [keys.length, ...keys, ...args];
}

/** An update reached its turn while an earlier one of its chat is still stored: it must wait. */
export class OutOfOrderError extends Error {
  override name = "OutOfOrderError";
}

/** The chat an update belongs to (for the updates the bot asks for), as Telegram numbers it. */
export function chatOfUpdate(update: Update): number | undefined {
  return (update.message ?? update.edited_message ?? update.callback_query?.message)?.chat.id;
}

/** `l` for a location (the check-in's second half), `o` for anything else. */
export function kindOf(update: Update): "l" | "o" {
  const m = update.message;
  return m?.location || m?.venue ? "l" : "o";
}

/**
 * Key rotation: how many stored updates are still sealed with the previous app key. They cannot be sealed anew:
 * a stream entry is immutable and one being handled must keep its id. Each is deleted once handled, so the
 * rotation waits for them instead (`boundTo`: the name an update's seal is bound to, by update id).
 */
export async function updatesUnderPreviousKey(redis: RedisClient, stream: string, boundTo: (updateId: number) => string, sealer: Sealer): Promise<number> {
  const page = 500;
  let stale = 0;
  let start = "-";
  for (;;) {
    const entries = await redis.xrange(stream, start, "+", "COUNT", page);
    for (const [, fields] of entries) {
      const value = (name: string) => fields[fields.indexOf(name) + 1];
      const updateId = Number(value("u"));
      const sealed = value("s");
      if (sealed !== undefined && Number.isSafeInteger(updateId) && sealer.reseal(sealed, boundTo(updateId)) !== undefined) stale++;
    }
    if (entries.length < page) return stale;
    start = `(${entries.at(-1)![0]}`;
  }
}
