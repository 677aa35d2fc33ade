import type { RedisClient } from "../../store/redis.ts";
import type { RotationStep } from "../../store/key-rotation.ts";
import type { Sealer } from "../../store/sealed-box.ts";
import { RedisAuthStore } from "./wa-auth-store.ts";
import type { WaKeys } from "./wa-keys.ts";
import { WaOptIn } from "./wa-opt-in.ts";
import { resealOutbox } from "./wa-outbox.ts";
import { WaPairingStore } from "./wa-pairing.ts";

/**
 * `keys rotate` for WhatsApp: the linked device's credentials and signal keys, a pairing code, the messages
 * waiting in the outbox (all sealed with the app key), and the per-chat keys named by a keyed hash of the
 * chat id (opt-in, unreachable mark, numbered choices, pacing). Runs whether or not WHATSAPP_ENABLED is on
 * now: the data may be left from when it was.
 */
export function whatsappRotationSteps(redis: RedisClient, keys: WaKeys, sealer: Sealer): RotationStep[] {
  const optIn = new WaOptIn(redis, keys, 0);
  return [
    {
      what: "WhatsApp values re-sealed",
      all: async () =>
        (await new RedisAuthStore(redis, keys, sealer).reseal()) +
        (await new WaPairingStore(redis, keys, sealer).reseal()) +
        (await resealOutbox(redis, keys, sealer)),
    },
    {
      what: "WhatsApp chat keys re-indexed",
      perAddress: async (address) => (address.channel === "whatsapp" ? optIn.carryOver(address.chatId) : 0),
    },
  ];
}
