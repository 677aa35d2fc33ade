import { randomUUID } from "node:crypto";
import type { RedisClient } from "../../store/redis.ts";
import type { WaKeys } from "./wa-keys.ts";

/** Takes the lock when free, with the next fencing token; returns the lock's value, or nil. */
const ACQUIRE = `
if redis.call('exists', KEYS[1]) == 1 then return nil end
local token = redis.call('incr', KEYS[2])
local value = token .. ':' .. ARGV[1]
redis.call('set', KEYS[1], value, 'PX', ARGV[2])
return value`;

/** Extends the lock only while this holder still has it. */
const RENEW = `
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) end
return 0`;

const RELEASE = `
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end
return 0`;

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
    const value = (await this.redis.eval(ACQUIRE, 2, this.keys.socketLock(), this.keys.socketFence(), this.owner, this.ttlMs)) as string | null;
    this.held = value ?? undefined;
    return value !== null;
  }

  /** False when another process holds the lock now (this one lost it): stop using the socket at once. */
  async renew(): Promise<boolean> {
    if (!this.held) return false;
    const ok = (await this.redis.eval(RENEW, 1, this.keys.socketLock(), this.held, this.ttlMs)) === 1;
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
    if (held) await this.redis.eval(RELEASE, 1, this.keys.socketLock(), held);
  }
}
