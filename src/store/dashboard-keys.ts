/** Redis keys of the NGO dashboard (organisations, staff, sessions, audit), under the app's prefix and hash tag. */
export class DashboardKeys {
  constructor(readonly prefix: string) {}

  org(id: string) { return `${this.prefix}:dash:org:${id}`; }
  orgs() { return `${this.prefix}:dash:orgs`; }
  staff(id: string) { return `${this.prefix}:dash:staff:${id}`; }
  staffByEmail(email: string) { return `${this.prefix}:dash:staff-email:${email}`; }
  staffOfOrg(orgId: string) { return `${this.prefix}:dash:staff-of:${orgId}`; }
  allStaff() { return `${this.prefix}:dash:staff-all`; }
  session(hashedId: string) { return `${this.prefix}:dash:session:${hashedId}`; }
  sessionsOf(staffId: string) { return `${this.prefix}:dash:sessions-of:${staffId}`; }
  /** Prefix of a rate-limiter-flexible limiter's keys (it appends ":<subject>"). */
  loginLimit(kind: string) { return `${this.prefix}:dash:login-limit:${kind}`; }
  loginKnown(accountSubject: string) { return `${this.prefix}:dash:login-known:${accountSubject}`; }
  totpUsed(staffId: string, step: number) { return `${this.prefix}:dash:totp-used:${staffId}:${step}`; }
  audit(orgId: string) { return `${this.prefix}:dash:audit:${orgId}`; }
  auditAll() { return `${this.prefix}:dash:audit-all`; }
}
