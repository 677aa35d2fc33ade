import type { AuthenticationCreds, AuthenticationState, SignalDataSet, SignalDataTypeMap } from "@whiskeysockets/baileys";
import type { RedisClient } from "../../store/redis.ts";
import { resealHashFields, resealValue } from "../../store/reseal.ts";
import type { Sealer } from "../../store/sealed-box.ts";
import type { WaKeys } from "./wa-keys.ts";

const CREDS_FIELD = "creds";

/**
 * The Baileys auth state (credentials and every signal key) in Redis, each value sealed with the app key.
 * Nothing is written to disk; wiping the two keys (`clear`) forgets the linked device.
 */
export class RedisAuthStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: WaKeys,
    private readonly box: Sealer,
  ) {}

  async hasCreds(): Promise<boolean> {
    return (await this.redis.exists(this.keys.authCreds())) === 1;
  }

  /** Loads (or, on first use, creates) the auth state; `saveCreds` must run on every `creds.update`. */
  async load(): Promise<{ state: AuthenticationState; saveCreds: () => Promise<void> }> {
    const { BufferJSON, initAuthCreds, proto } = await import("@whiskeysockets/baileys");
    const encode = (value: unknown, field: string) => this.box.seal(JSON.stringify(value, BufferJSON.replacer), field);
    const decode = (sealed: string, field: string): unknown => JSON.parse(this.box.open(sealed, field).toString("utf8"), BufferJSON.reviver);

    const stored = await this.redis.get(this.keys.authCreds());
    const creds: AuthenticationCreds = stored ? (decode(stored, CREDS_FIELD) as AuthenticationCreds) : initAuthCreds();
    const keysKey = this.keys.authKeys();
    const state: AuthenticationState = {
      creds,
      keys: {
        get: async <T extends keyof SignalDataTypeMap>(type: T, ids: string[]) => {
          const out: { [id: string]: SignalDataTypeMap[T] } = {};
          if (ids.length === 0) return out;
          const values = await this.redis.hmget(keysKey, ...ids.map((id) => `${type}:${id}`));
          ids.forEach((id, i) => {
            const sealed = values[i];
            if (!sealed) return;
            let value = decode(sealed, `${type}:${id}`);
            if (type === "app-state-sync-key" && value) value = proto.Message.AppStateSyncKeyData.fromObject(value as object);
            out[id] = value as SignalDataTypeMap[T];
          });
          return out;
        },
        set: async (data: SignalDataSet) => {
          const multi = this.redis.multi();
          let ops = 0;
          for (const [type, entries] of Object.entries(data)) {
            for (const [id, value] of Object.entries(entries ?? {})) {
              const field = `${type}:${id}`;
              if (value) multi.hset(keysKey, field, encode(value, field));
              else multi.hdel(keysKey, field);
              ops++;
            }
          }
          if (ops > 0) await multi.exec();
        },
        clear: async () => {
          await this.redis.del(keysKey);
        },
      },
    };
    return { state, saveCreds: async () => void (await this.redis.set(this.keys.authCreds(), encode(creds, CREDS_FIELD))) };
  }

  /** Key rotation: the credentials and every signal key sealed anew with the current app key. */
  async reseal(): Promise<number> {
    const creds = await resealValue(this.redis, this.box, this.keys.authCreds(), CREDS_FIELD);
    return Number(creds) + (await resealHashFields(this.redis, this.box, this.keys.authKeys()));
  }

  /** Forgets the linked device (after WhatsApp logged it out): the next start pairs anew. */
  async clear(): Promise<void> {
    await this.redis.del(this.keys.authCreds(), this.keys.authKeys());
  }
}
