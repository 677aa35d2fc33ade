import { KeyRing } from "./key-ring.ts";

/** A plain base32 TOTP secret, as stored before secrets were sealed. */
const LEGACY_PLAIN = /^[A-Z2-7]+=*$/;

/**
 * Seals staff secrets (the TOTP secret) with the app key ring, as every other secret in Redis is: a copy of
 * Redis or of its AOF does not give anyone a second factor. Each value is bound to its user and field. Reading
 * accepts what the previous app key sealed (during a rotation) and plain secrets from before sealing; both
 * are handed back re-sealed with the current key, for the caller to store.
 */
export class StaffSecrets {
  private readonly ring: KeyRing;

  /** The app's key ring, or (in tests and tools) the app key itself. */
  constructor(ring: KeyRing | string) {
    this.ring = typeof ring === "string" ? new KeyRing(ring) : ring;
  }

  private static bound(staffId: string, field: string): string {
    return `dash-staff:${staffId}|${field}`;
  }

  seal(staffId: string, field: string, value: string): string {
    return this.ring.seal(value, StaffSecrets.bound(staffId, field));
  }

  /** The secret, and its re-sealed form when what is stored is plain or sealed with the previous key. */
  open(staffId: string, field: string, stored: string): { value: string; resealed?: string } {
    if (LEGACY_PLAIN.test(stored)) return { value: stored, resealed: this.seal(staffId, field, stored) };
    const bound = StaffSecrets.bound(staffId, field);
    const value = this.ring.open(stored, bound).toString("utf8");
    return { value, resealed: this.ring.reseal(stored, bound) };
  }
}
