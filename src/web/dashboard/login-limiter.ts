import { createHash } from "node:crypto";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import type { RedisClient } from "../../store/redis.ts";
import type { DashboardKeys } from "../../store/dashboard-keys.ts";

/** Attempts per window (seconds); past them the key is refused for blockS. */
export interface Limit {
  points: number;
  windowS: number;
  blockS: number;
}

export interface LoginLimits {
  /** One client address, any account: a guesser spraying many accounts. */
  perIp: Limit;
  /** One account from one client address. */
  perIpAccount: Limit;
  /** One account from addresses it has never signed in from: a distributed guesser. Known addresses are exempt. */
  account: Limit;
  /** An address that signed in to an account stays "known" for that account this long after its last sign-in. */
  knownS: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perIp: { points: 30, windowS: 15 * 60, blockS: 15 * 60 },
  perIpAccount: { points: 5, windowS: 15 * 60, blockS: 15 * 60 },
  account: { points: 10, windowS: 15 * 60, blockS: 30 * 60 },
  knownS: 90 * 86_400,
};

/** Keys name a hash, never an address or an email. */
function subject(...parts: string[]): string {
  return createHash("sha256").update(parts.join("|")).digest("base64url").slice(0, 22);
}

export type LoginAttempt =
  | { allowed: true; ip: string; email: string; countedOnAccount: boolean }
  | { allowed: false; reason: "limited" | "locked"; retryAfterS: number };

/**
 * The sign-in policy, on rate-limiter-flexible's Redis limiters (limits hold across web processes). Every
 * attempt is counted before the password is checked (one atomic INCR per limiter), so parallel guesses cannot
 * all slip past a check that has not yet seen the others. A success gives its points back.
 * What an attacker can do to others: a flood from many addresses locks one account for addresses that have
 * never signed in to it; staff signing in from an address they used before are not stopped by it.
 */
export class LoginLimiter {
  private readonly perIp: RateLimiterRedis;
  private readonly perIpAccount: RateLimiterRedis;
  private readonly account: RateLimiterRedis;

  constructor(
    private readonly redis: RedisClient,
    private readonly keys: DashboardKeys,
    readonly limits: LoginLimits = DEFAULT_LOGIN_LIMITS,
  ) {
    const limiter = (kind: string, l: Limit) =>
      new RateLimiterRedis({
        storeClient: redis,
        keyPrefix: keys.loginLimit(kind),
        points: l.points,
        duration: l.windowS,
        blockDuration: l.blockS,
      });
    this.perIp = limiter("ip", limits.perIp);
    this.perIpAccount = limiter("ip-account", limits.perIpAccount);
    this.account = limiter("account", limits.account);
  }

  /** Counts one attempt; refused attempts say why and for how long. */
  async attempt(ip: string, email: string): Promise<LoginAttempt> {
    const known = (await this.redis.sismember(this.keys.loginKnown(subject(email)), subject(email, ip))) === 1;
    try {
      await this.perIp.consume(subject(ip));
      await this.perIpAccount.consume(subject(ip, email));
    } catch (err) {
      return refused(err, "limited");
    }
    if (!known) {
      try {
        await this.account.consume(subject(email));
      } catch (err) {
        return refused(err, "locked");
      }
    }
    return { allowed: true, ip, email, countedOnAccount: !known };
  }

  /** A success: its own attempt no longer counts, this address's failures on the account are forgiven, and the address becomes known. */
  async succeeded(attempt: Extract<LoginAttempt, { allowed: true }>): Promise<void> {
    const { ip, email } = attempt;
    await this.perIp.reward(subject(ip));
    await this.perIpAccount.delete(subject(ip, email));
    if (attempt.countedOnAccount) await this.account.reward(subject(email));
    const known = this.keys.loginKnown(subject(email));
    await this.redis.multi().sadd(known, subject(email, ip)).expire(known, this.limits.knownS).exec();
  }
}

function refused(err: unknown, reason: "limited" | "locked"): LoginAttempt {
  if (!(err instanceof RateLimiterRes)) throw err;
  return { allowed: false, reason, retryAfterS: Math.max(1, Math.ceil(err.msBeforeNext / 1000)) };
}
