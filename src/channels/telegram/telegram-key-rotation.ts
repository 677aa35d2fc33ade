import type { KeyRing } from "../../store/key-ring.ts";
import type { RotationStep } from "../../store/key-rotation.ts";
import type { Keys } from "../../store/keys.ts";
import type { RedisClient } from "../../store/redis.ts";
import { updatesUnderPreviousKey } from "./telegram-inbox-entry.ts";
import { resealTelegramOutbox } from "./telegram-outbox.ts";

/**
 * `keys rotate` for Telegram: replies waiting in the outbox (sealed with the app key), each chat's set of
 * updates waiting their turn (named by a keyed hash of the chat id), and the updates stored in the inbox
 * before the rotation, which can only be waited for (telegram-inbox-entry.ts).
 */
export function telegramRotationSteps(redis: RedisClient, keys: Keys, ring: KeyRing): RotationStep[] {
  return [
    { what: "Telegram replies waiting in the outbox resealed", all: () => resealTelegramOutbox(redis, keys.prefix, ring) },
    {
      what: "Telegram chats' waiting updates re-indexed",
      perAddress: async (address) => {
        if (address.channel !== "telegram") return 0;
        const previous = ring.previousAddressIndex("telegram", address.chatId);
        if (previous === undefined) return 0;
        const from = keys.telegramChatPending(previous);
        const to = keys.telegramChatPending(ring.addressIndex("telegram", address.chatId));
        if (from === to || (await redis.exists(from)) === 0) return 0;
        // A union, not a rename: updates stored since the restart under the new key are already in `to`.
        await redis.multi().zunionstore(to, 2, to, from).del(from).exec();
        return 1;
      },
    },
    {
      what: "Telegram updates received under the previous key, not handled yet",
      waiting: () => updatesUnderPreviousKey(redis, keys.telegramInbox(), (id) => keys.telegramUpdate(id), ring),
    },
  ];
}
