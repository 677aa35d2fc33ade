/**
 * What the Telegram inbox keeps in Redis for an update, apart from the inbox's reading and handling
 * (telegram-inbox.ts): the two scripts that store and acknowledge entries, their arguments, and the chat and
 * kind of an update by which its chat's order is kept.
 */
import type { Update } from "grammy/types";
import { LuaScript, type LuaArg } from "../../store/lua/lua-script.ts";

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
