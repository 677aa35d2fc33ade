import { randomUUID } from "node:crypto";
import { compareAndSetField } from "./atomic-updates.ts";
import type { RedisClient } from "./redis.ts";
import type { DashboardKeys } from "./dashboard-keys.ts";
import type { StaffSecrets } from "./staff-secrets.ts";
import { SealError } from "./sealed-box.ts";

export const STAFF_ROLES = ["caseworker", "coordinator", "admin"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface Staff {
  id: string;
  email: string;
  orgId: string;
  role: StaffRole;
  /** Argon2id PHC string. */
  passwordHash: string;
  disabled: boolean;
  /** Base32 TOTP secret once the second factor is turned on (stored sealed with the app key). */
  totpSecret?: string;
  /** Dashboard language chosen by the user. */
  locale?: string;
  createdAt: Date;
}

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === "string" && (STAFF_ROLES as readonly string[]).includes(value);
}

/** Emails are compared case-insensitively and without surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;

export class StaffExistsError extends Error {
  override name = "StaffExistsError";
}

/** Dashboard users. They hold no traveller data; the email is the login. */
export class StaffRepository {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: DashboardKeys,
    /** Needed to read or write TOTP secrets; a repository without it reads everything else. */
    private readonly secrets?: StaffSecrets,
  ) {}

  private sealer(): StaffSecrets {
    if (!this.secrets) throw new Error("StaffRepository needs the app key (StaffSecrets) for TOTP secrets");
    return this.secrets;
  }

  /** The stored TOTP secret opened; a plain one (from before sealing) or one sealed with the previous app key is re-sealed in place. */
  private async totpSecretOf(id: string, stored: string | undefined): Promise<string | undefined> {
    if (!stored) return undefined;
    const { value, resealed } = this.sealer().open(id, "totpSecret", stored);
    if (resealed) {
      // Only if unchanged meanwhile: a concurrent disable or new secret wins.
      await compareAndSetField(this.redis, this.keys.staff(id), "totpSecret", stored, resealed);
    }
    return value;
  }

  async create(input: { email: string; orgId: string; role: StaffRole; passwordHash: string }, now: Date): Promise<Staff> {
    const email = normaliseEmail(input.email);
    if (!EMAIL.test(email)) throw new Error(`not an email address: ${input.email}`);
    const id = randomUUID();
    const claimed = await this.redis.set(this.keys.staffByEmail(email), id, "NX");
    if (!claimed) throw new StaffExistsError(`a user with this email exists: ${email}`);
    await this.redis
      .multi()
      .hset(this.keys.staff(id), {
        id, email, orgId: input.orgId, role: input.role, passwordHash: input.passwordHash, disabled: "0", createdAt: now.getTime(),
      })
      .sadd(this.keys.staffOfOrg(input.orgId), id)
      .sadd(this.keys.allStaff(), id)
      .exec();
    return (await this.get(id))!;
  }

  async get(id: string): Promise<Staff | undefined> {
    if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
    const h = await this.redis.hgetall(this.keys.staff(id));
    if (!h.id || !isStaffRole(h.role)) return undefined;
    return {
      id: h.id,
      email: h.email!,
      orgId: h.orgId!,
      role: h.role,
      passwordHash: h.passwordHash!,
      disabled: h.disabled === "1",
      totpSecret: await this.totpSecretOf(h.id, h.totpSecret),
      locale: h.locale || undefined,
      createdAt: new Date(Number(h.createdAt)),
    };
  }

  async findByEmail(email: string): Promise<Staff | undefined> {
    const id = await this.redis.get(this.keys.staffByEmail(normaliseEmail(email)));
    return id ? this.get(id) : undefined;
  }

  /** Everyone, or the staff of one organisation; by email. */
  async list(orgId?: string): Promise<Staff[]> {
    const ids = await this.redis.smembers(orgId ? this.keys.staffOfOrg(orgId) : this.keys.allStaff());
    const staff = await Promise.all(ids.map((id) => this.get(id)));
    return staff.filter((s): s is Staff => s !== undefined).sort((a, b) => a.email.localeCompare(b.email));
  }

  async setDisabled(id: string, disabled: boolean): Promise<void> {
    await this.redis.hset(this.keys.staff(id), { disabled: disabled ? "1" : "0" });
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.redis.hset(this.keys.staff(id), { passwordHash });
  }

  async setTotpSecret(id: string, secret: string | undefined): Promise<void> {
    if (secret) await this.redis.hset(this.keys.staff(id), { totpSecret: this.sealer().seal(id, "totpSecret", secret) });
    else await this.redis.hdel(this.keys.staff(id), "totpSecret");
  }

  /** Re-seals every stored secret with the current app key (after a key rotation; reading does it one user at a time). */
  async resealSecrets(): Promise<number> {
    let count = 0;
    for (const id of await this.redis.smembers(this.keys.allStaff())) {
      const h = await this.redis.hgetall(this.keys.staff(id));
      if (!h.totpSecret) continue;
      let resealed: string | undefined;
      try {
        resealed = this.sealer().open(id, "totpSecret", h.totpSecret).resealed;
      } catch (err) {
        // Opens with neither key: left as it is (the user turns TOTP off and on again); the others still move.
        if (err instanceof SealError) continue;
        throw err;
      }
      if (resealed) {
        await this.totpSecretOf(id, h.totpSecret);
        count++;
      }
    }
    return count;
  }

  async setLocale(id: string, locale: string): Promise<void> {
    await this.redis.hset(this.keys.staff(id), { locale });
  }
}
