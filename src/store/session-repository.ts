import { createHash, randomBytes } from "node:crypto";
import { LuaScript } from "./lua/lua-script.ts";
import type { RedisClient } from "./redis.ts";
import type { DashboardKeys } from "./dashboard-keys.ts";

export interface Session {
  staffId: string;
  /** Per-session CSRF token, sent back in every form. */
  csrf: string;
  createdAt: Date;
}

/** Only a hash of the session id is stored: a copy of Redis does not hold usable cookies. */
function hashId(id: string): string {
  return createHash("sha256").update(id).digest("base64url");
}

/** PEXPIRE that only ever lengthens (a key without expiry gets one); Redis 7's PEXPIRE GT leaves such a key without. */
export const EXTEND_EXPIRY = new LuaScript<[key: string, atLeastMs: number], number>(
  "saExtendExpiry", new URL("./lua/extend-expiry.lua", import.meta.url), 1,
);

/**
 * Dashboard sessions: a random 256-bit id in the cookie, an idle expiry and an absolute lifetime, revocable per
 * user. The per-user index of sessions always lives at least as long as the longest of them (it is lengthened
 * on every touch, not only at sign-in), so revoking a user's sessions finds every live one.
 */
export class SessionRepository {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: DashboardKeys,
    private readonly idleMs: number,
    /** A session ends this long after sign-in however active it is. */
    private readonly maxAgeMs: number,
  ) {}

  async create(staffId: string, now: Date): Promise<{ id: string; session: Session }> {
    const id = randomBytes(32).toString("base64url");
    const csrf = randomBytes(32).toString("base64url");
    const hashed = hashId(id);
    const tx = this.redis
      .multi()
      .hset(this.keys.session(hashed), { staffId, csrf, createdAt: now.getTime() })
      .pexpire(this.keys.session(hashed), Math.min(this.idleMs, this.maxAgeMs))
      .sadd(this.keys.sessionsOf(staffId), hashed);
    await EXTEND_EXPIRY.queue(tx, this.keys.sessionsOf(staffId), this.maxAgeMs).exec();
    return { id, session: { staffId, csrf, createdAt: now } };
  }

  /** The session behind a cookie value, refreshing its idle expiry (never past its absolute end). */
  async get(id: string | undefined, now = new Date()): Promise<Session | undefined> {
    if (!id || !/^[A-Za-z0-9_-]{43}$/.test(id)) return undefined;
    const hashed = hashId(id);
    const key = this.keys.session(hashed);
    const h = await this.redis.hgetall(key);
    if (!h.staffId || !h.csrf) return undefined;
    const createdAt = new Date(Number(h.createdAt));
    const left = createdAt.getTime() + this.maxAgeMs - now.getTime();
    if (!(left > 0)) {
      await this.destroy(id);
      return undefined;
    }
    const tx = this.redis.multi().pexpire(key, Math.min(this.idleMs, left)).sadd(this.keys.sessionsOf(h.staffId), hashed);
    await EXTEND_EXPIRY.queue(tx, this.keys.sessionsOf(h.staffId), left).exec();
    return { staffId: h.staffId, csrf: h.csrf, createdAt };
  }

  async destroy(id: string | undefined): Promise<void> {
    if (!id || !/^[A-Za-z0-9_-]{43}$/.test(id)) return;
    const hashed = hashId(id);
    const key = this.keys.session(hashed);
    const staffId = await this.redis.hget(key, "staffId");
    const tx = this.redis.multi().del(key);
    if (staffId) tx.srem(this.keys.sessionsOf(staffId), hashed);
    await tx.exec();
  }

  /** Ends every session of a user (disabled, password changed). */
  async revokeAll(staffId: string): Promise<number> {
    const hashed = await this.redis.smembers(this.keys.sessionsOf(staffId));
    const tx = this.redis.multi();
    for (const h of hashed) tx.del(this.keys.session(h));
    tx.del(this.keys.sessionsOf(staffId));
    await tx.exec();
    return hashed.length;
  }
}
