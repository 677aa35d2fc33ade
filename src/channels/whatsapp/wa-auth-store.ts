import type { AuthenticationCreds, AuthenticationState, SignalDataSet, SignalDataTypeMap } from "@whiskeysockets/baileys";
import { LuaScript } from "../../store/lua/lua-script.ts";
import type { RedisClient } from "../../store/redis.ts";
import { resealHashFields, resealValue } from "../../store/reseal.ts";
import type { Sealer } from "../../store/sealed-box.ts";
import type { WaKeys } from "./wa-keys.ts";

const CREDS_FIELD = "creds";

/** A write to the session by a process that no longer holds the socket lock. */
export class FencedError extends Error {
  override name = "FencedError";
}

/** Sets the credentials only while the caller's socket-lock value is the current one. */
export const SET_FENCED = new LuaScript<[lock: string, creds: string, lockValue: string, sealed: string], "OK">(
  "saWaAuthSetFenced", new URL("./lua/auth-set-fenced.lua", import.meta.url), 2,
);

/** Sets (value) or deletes (empty value) signal-key fields, only under the current socket-lock value. */
export const HSET_FENCED = new LuaScript<[lock: string, keys: string, lockValue: string, ...pairs: string[]], number>(
  "saWaAuthHsetFenced", new URL("./lua/auth-hset-fenced.lua", import.meta.url), 2,
);

/** The socket lock a write must hold: its key, and this process's value of it (undefined when not held). */
export interface AuthFence {
  key: string;
  value(): string | undefined;
}

/**
 * The Baileys auth state (credentials and every signal key) in Redis, each value sealed with the app key.
 * Nothing is written to disk; wiping the two keys (`clear`) forgets the linked device.
 */
export class RedisAuthStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: WaKeys,
    private readonly box: Sealer,
    /** When set, every write checks the socket lock (fencing): a process that lost it cannot write. */
    private readonly fence?: AuthFence,
  ) {}

  private fenceValue(): string {
    const value = this.fence!.value();
    if (!value) throw new FencedError("the WhatsApp socket lock is not held");
    return value;
  }

  private async fenced<T>(write: Promise<T>): Promise<T> {
    try {
      return await write;
    } catch (err) {
      if (/FENCED/.test((err as Error).message)) throw new FencedError("another process holds the WhatsApp socket lock");
      throw err;
    }
  }

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
          const pairs: string[] = [];
          for (const [type, entries] of Object.entries(data)) {
            for (const [id, value] of Object.entries(entries ?? {})) {
              const field = `${type}:${id}`;
              pairs.push(field, value ? encode(value, field) : "");
            }
          }
          if (pairs.length === 0) return;
          if (this.fence) {
            await this.fenced(HSET_FENCED.run(this.redis, this.fence.key, keysKey, this.fenceValue(), ...pairs));
            return;
          }
          const multi = this.redis.multi();
          for (let i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1]) multi.hset(keysKey, pairs[i]!, pairs[i + 1]!);
            else multi.hdel(keysKey, pairs[i]!);
          }
          await multi.exec();
        },
        clear: async () => {
          await this.redis.del(keysKey);
        },
      },
    };
    const saveCreds = async () => {
      const sealed = encode(creds, CREDS_FIELD);
      if (this.fence) await this.fenced(SET_FENCED.run(this.redis, this.fence.key, this.keys.authCreds(), this.fenceValue(), sealed));
      else await this.redis.set(this.keys.authCreds(), sealed);
    };
    return { state, saveCreds };
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
