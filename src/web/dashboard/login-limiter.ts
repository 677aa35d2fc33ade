import { createHash } from "node:crypto";
import type { RedisClient } from "../../store/redis.ts";
import type { DashboardKeys } from "../../store/dashboard-keys.ts";

export interface LoginLimits {
  /** Failed attempts for one email from one address before HTTP 429, per window. */
  perIpEmail: number;
  /** Failed attempts from one address, any email, per window. */
  perIp: number;
  windowMs: number;
  /** Failed attempts on one account, from anywhere, before it is locked for lockMs. */
  lockAfter: number;
  lockMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = { perIpEmail: 5, perIp: 30, windowMs: 15 * 60_000, lockAfter: 10, lockMs: 30 * 60_000 };

/** Keys name a hash, never an address or an email. */
function subject(...parts: string[]): string {
  return createHash("sha256").update(parts.join("|")).digest("base64url").slice(0, 22);
}

/** Counts failed logins in Redis, so limits hold across web processes. */
export class LoginLimiter {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: DashboardKeys,
    readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
  ) {}

  /** Fixed windows (the window number is part of the key), as the bot's rate limiter does. */
  private keysFor(ip: string, email: string, now = Date.now()) {
    const w = Math.floor(now / this.limits.windowMs);
    const l = Math.floor(now / this.limits.lockMs);
    return {
      ipEmail: this.keys.loginFailures("ip-email", `${subject(ip, email)}:${w}`),
      ip: this.keys.loginFailures("ip", `${subject(ip)}:${w}`),
      account: this.keys.loginFailures("account", `${subject(email)}:${l}`),
    };
  }

  /** "limited" past a per-address limit, "locked" while the account is locked, else undefined. */
  async blocked(ip: string, email: string): Promise<"limited" | "locked" | undefined> {
    const k = this.keysFor(ip, email);
    const [ipEmail, perIp, account] = (await this.redis.mget(k.ipEmail, k.ip, k.account)).map((v) => Number(v ?? 0));
    if (account! >= this.limits.lockAfter) return "locked";
    if (ipEmail! >= this.limits.perIpEmail || perIp! >= this.limits.perIp) return "limited";
    return undefined;
  }

  async fail(ip: string, email: string): Promise<void> {
    const k = this.keysFor(ip, email);
    const tx = this.redis.multi();
    tx.incr(k.ipEmail).pexpire(k.ipEmail, this.limits.windowMs);
    tx.incr(k.ip).pexpire(k.ip, this.limits.windowMs);
    // Locked until the end of the lock window in which the threshold was reached.
    tx.incr(k.account).pexpire(k.account, this.limits.lockMs);
    await tx.exec();
  }

  async succeed(ip: string, email: string): Promise<void> {
    const k = this.keysFor(ip, email);
    await this.redis.del(k.ipEmail, k.account);
  }
}
