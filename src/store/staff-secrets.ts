import { SealedBox } from "./sealed-box.ts";

/** A plain base32 TOTP secret, as stored before secrets were sealed. */
const LEGACY_PLAIN = /^[A-Z2-7]+=*$/;

/**
 * Seals staff secrets (the TOTP secret) with the app key, as every other secret in Redis is: a copy of Redis
 * or of its AOF does not give anyone a second factor. Each value is bound to its user and field. Reading
 * accepts what the previous app key sealed (during a rotation) and plain secrets from before sealing; both
 * are handed back re-sealed with the current key, for the caller to store.
 */
export class StaffSecrets {
  private readonly current: SealedBox;
  private readonly previous?: SealedBox;

  constructor(appKey: string, previousAppKey?: string) {
    this.current = new SealedBox(appKey);
    if (previousAppKey) this.previous = new SealedBox(previousAppKey);
  }

  private static bound(staffId: string, field: string): string {
    return `dash-staff:${staffId}|${field}`;
  }

  seal(staffId: string, field: string, value: string): string {
    return this.current.seal(value, StaffSecrets.bound(staffId, field));
  }

  /** The secret, and its re-sealed form when what is stored is plain or sealed with the previous key. */
  open(staffId: string, field: string, stored: string): { value: string; resealed?: string } {
    if (LEGACY_PLAIN.test(stored)) return { value: stored, resealed: this.seal(staffId, field, stored) };
    const bound = StaffSecrets.bound(staffId, field);
    try {
      return { value: this.current.open(stored, bound).toString("utf8") };
    } catch (err) {
      if (!this.previous) throw err;
      const value = this.previous.open(stored, bound).toString("utf8");
      return { value, resealed: this.seal(staffId, field, value) };
    }
  }
}
