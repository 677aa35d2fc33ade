/**
 * `keys rotate` and the Telegram inbox, on a real redis-server: updates stored under the old app key before a
 * restart cannot be sealed anew (stream entries are immutable), so the rotation counts them and the command
 * says the old key must stay (exit 3) until they are handled; each chat's set of waiting updates, named by a
 * keyed hash of the chat id, is merged into the set named under the new key.
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { telegramRotationSteps } from "../../src/channels/telegram/telegram-key-rotation.ts";
import { INBOX_ACK, INBOX_STORE, inboxStoreArgs, type InboxStoreItem } from "../../src/channels/telegram/telegram-inbox-entry.ts";
import { runKeys } from "../../src/cli/keys.ts";
import { loadConfig } from "../../src/config.ts";
import { KeyRing } from "../../src/store/key-ring.ts";
import { stillUnderPreviousKey } from "../../src/store/key-rotation.ts";
import { Keys } from "../../src/store/keys.ts";
import { StoreRedis } from "../support/store-redis.ts";

let store: StoreRedis;

before(async () => {
  store = await StoreRedis.start();
});

after(() => store?.stop());

const OLD_KEY = randomBytes(32).toString("base64");
const NEW_KEY = randomBytes(32).toString("base64");
const GROUP = "rotation-test";

/** Stores updates the way the inbox does (its script, its seal bound to the update's name, its chat index). */
async function storeUpdates(keys: Keys, ring: KeyRing, updates: Array<{ id: number; chatId?: string }>): Promise<void> {
  const items: InboxStoreItem[] = updates.map(({ id, chatId }) => ({
    keys: [keys.telegramSeen(0), chatId ? keys.telegramChatPending(ring.addressIndex("telegram", chatId)) : keys.telegramInbox()],
    args: [id, id, ring.seal(JSON.stringify({ update_id: id }), keys.telegramUpdate(id)), chatId ? "o" : "", ""],
  }));
  await INBOX_STORE.run(store.redis, ...inboxStoreArgs(keys.telegramInbox(), 60_000, items));
}

/** Reads and acknowledges every entry, as the inbox does once an update was handled. */
async function handleAll(keys: Keys): Promise<void> {
  const stream = keys.telegramInbox();
  await store.redis.xgroup("CREATE", stream, GROUP, "0", "MKSTREAM").catch(() => undefined);
  const read = (await store.redis.xreadgroup("GROUP", GROUP, "c", "COUNT", 100, "STREAMS", stream, ">")) as [string, [string, string[]][]][] | null;
  for (const [id] of read?.[0]?.[1] ?? []) await INBOX_ACK.run(store.redis, stream, GROUP, id);
}

test("telegram rotation steps: old-key updates are counted until handled; a chat's waiting set moves to its new name", async () => {
  const keys = store.keys();
  const oldRing = new KeyRing(OLD_KEY);
  const during = new KeyRing(NEW_KEY, OLD_KEY);
  await storeUpdates(keys, oldRing, [{ id: 1, chatId: "42" }, { id: 2, chatId: "42" }, { id: 3 }]);
  await storeUpdates(keys, during, [{ id: 4, chatId: "42" }]);
  const steps = telegramRotationSteps(store.redis, keys, during);

  assert.deepEqual(await stillUnderPreviousKey(steps), { "Telegram updates received under the previous key, not handled yet": 3 });

  const reindex = steps.find((s) => s.perAddress)!;
  const oldName = keys.telegramChatPending(oldRing.addressIndex("telegram", "42"));
  const newName = keys.telegramChatPending(during.addressIndex("telegram", "42"));
  assert.equal(await reindex.perAddress!({ channel: "telegram", chatId: "42" }), 1);
  assert.equal(await store.redis.exists(oldName), 0);
  assert.deepEqual((await store.redis.zrange(newName, 0, -1)).map((m) => m.split(".")[0]), ["1", "2", "4"], "old and new members, in update order");
  assert.equal(await reindex.perAddress!({ channel: "telegram", chatId: "42" }), 0, "running it again moves nothing");
  assert.equal(await reindex.perAddress!({ channel: "whatsapp", chatId: "42" }), 0);

  await handleAll(keys);
  assert.deepEqual(await stillUnderPreviousKey(steps), { "Telegram updates received under the previous key, not handled yet": 0 });
});

test("keys rotate exits 3 and keeps the old key while an old-key update waits in the inbox; 0 once it was handled", async () => {
  const prefix = store.prefix();
  const keys = new Keys(prefix);
  await storeUpdates(keys, new KeyRing(OLD_KEY), [{ id: 10, chatId: "7" }]);
  const config = loadConfig({ REDIS_URL: store.server.url, REDIS_PREFIX: prefix, LOG_LEVEL: "silent", APP_KEY: NEW_KEY, APP_KEY_PREVIOUS: OLD_KEY });
  const run = async () => {
    let out = "";
    const code = await runKeys(["rotate"], config, (t) => (out += t), (t) => (out += t));
    return { code, out };
  };

  const first = await run();
  assert.equal(first.code, 3, first.out);
  assert.match(first.out, /Telegram updates received under the previous key, not handled yet: 1/);
  assert.match(first.out, /not done: keep APP_KEY_PREVIOUS/);
  assert.doesNotMatch(first.out, /remove APP_KEY_PREVIOUS/);

  await handleAll(keys);
  const second = await run();
  assert.equal(second.code, 0, second.out);
  assert.match(second.out, /done: every process can now run with APP_KEY alone/);
});
