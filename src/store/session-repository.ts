import { createHash, randomBytes } from "node:crypto";
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

/** Dashboard sessions: a random 256-bit id in the cookie, idle expiry, revocable per user. */
export class SessionRepository {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: DashboardKeys,
    private readonly ttlMs: number,
  ) {}

  async create(staffId: string, now: Date): Promise<{ id: string; session: Session }> {
    const id = randomBytes(32).toString("base64url");
    const csrf = randomBytes(32).toString("base64url");
    const hashed = hashId(id);
    await this.redis
      .multi()
      .hset(this.keys.session(hashed), { staffId, csrf, createdAt: now.getTime() })
      .pexpire(this.keys.session(hashed), this.ttlMs)
      .sadd(this.keys.sessionsOf(staffId), hashed)
      .pexpire(this.keys.sessionsOf(staffId), this.ttlMs)
      .exec();
    return { id, session: { staffId, csrf, createdAt: now } };
  }

  /** The session behind a cookie value, refreshing its idle expiry. */
  async get(id: string | undefined): Promise<Session | undefined> {
    if (!id || !/^[A-Za-z0-9_-]{43}$/.test(id)) return undefined;
    const key = this.keys.session(hashId(id));
    const h = await this.redis.hgetall(key);
    if (!h.staffId || !h.csrf) return undefined;
    await this.redis.pexpire(key, this.ttlMs);
    return { staffId: h.staffId, csrf: h.csrf, createdAt: new Date(Number(h.createdAt)) };
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
