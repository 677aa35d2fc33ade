import { randomUUID } from "node:crypto";
import { deleteIfEqual } from "../../store/atomic-updates.ts";
import { LuaScript } from "../../store/lua/lua-script.ts";
import type { RedisClient } from "../../store/redis.ts";
import type { WaKeys } from "./wa-keys.ts";

/** Takes the lock when free, with the next fencing token; returns the lock's value, or null. */
export const SOCKET_LOCK_ACQUIRE = new LuaScript<[lock: string, fence: string, owner: string, ttlMs: number], string | null>(
  "saWaSocketLockAcquire", new URL("./lua/socket-lock-acquire.lua", import.meta.url), 2,
);

/** Extends the lock only while this holder still has it. */
export const SOCKET_LOCK_RENEW = new LuaScript<[lock: string, value: string, ttlMs: number], number>(
  "saWaSocketLockRenew", new URL("./lua/socket-lock-renew.lua", import.meta.url), 1,
);

/**
 * Which process holds the WhatsApp socket. WhatsApp allows one connection per linked device: a second one
 * replaces the first (stream error `conflict`, DisconnectReason 440, lib/Utils/generics.js), and two
 * processes reconnecting in turn would knock each other off for ever. So the socket is opened only
 * under this lock (SET NX PX, renewed every third of its life). Its value starts with a fencing token
 * that grows with each new holder: writes to the shared session (credentials, signal keys) check it, so
 * a holder that paused past its lease cannot overwrite what the next one wrote.
 */
export class WaSocketLock {
  private readonly owner = randomUUID();
  private held?: string;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: WaKeys,
    readonly ttlMs: number,
  ) {}

  /** The lock's value ("<token>:<owner>") while this process holds it. */
  get value(): string | undefined {
    return this.held;
  }

  get token(): number | undefined {
    return this.held ? Number(this.held.split(":")[0]) : undefined;
  }

  async acquire(): Promise<boolean> {
    const value = await SOCKET_LOCK_ACQUIRE.run(this.redis, this.keys.socketLock(), this.keys.socketFence(), this.owner, this.ttlMs);
    this.held = value ?? undefined;
    return value !== null;
  }

  /** False when another process holds the lock now (this one lost it): stop using the socket at once. */
  async renew(): Promise<boolean> {
    if (!this.held) return false;
    const ok = (await SOCKET_LOCK_RENEW.run(this.redis, this.keys.socketLock(), this.held, this.ttlMs)) === 1;
    if (!ok) this.held = undefined;
    return ok;
  }

  /** Counts the lock as lost without asking Redis (its lease ran out while Redis was unreachable). */
  drop(): void {
    this.held = undefined;
  }

  async release(): Promise<void> {
    const held = this.held;
    this.held = undefined;
    // Only its own lock: one that lapsed and was taken by another process stays.
    if (held) await deleteIfEqual(this.redis, this.keys.socketLock(), held);
  }
}
