import type { RedisClient } from "./redis.ts";
import type { DashboardKeys } from "./dashboard-keys.ts";

export interface AuditEntry {
  at: Date;
  staffId: string;
  email: string;
  orgId: string;
  /** What was done: view-alert, acknowledge, resolve, note, add-staff, disable-staff, landmark-*, ... */
  action: string;
  /** What it was done to: an alert id, a staff email, a landmark id. */
  target: string;
}

/**
 * Who viewed or changed which case, append-only: Redis streams (XADD only; nothing in the app edits or
 * deletes an entry). One stream per organisation for its coordinators, one for admins.
 */
export class AuditRepository {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: DashboardKeys,
  ) {}

  async append(entry: AuditEntry): Promise<void> {
    const fields = [
      "at", String(entry.at.getTime()), "staffId", entry.staffId, "email", entry.email,
      "orgId", entry.orgId, "action", entry.action, "target", entry.target,
    ];
    await this.redis.multi().xadd(this.keys.audit(entry.orgId), "*", ...fields).xadd(this.keys.auditAll(), "*", ...fields).exec();
  }

  /** Newest first: one organisation's log, or everyone's. */
  async list(orgId: string | undefined, limit = 200): Promise<AuditEntry[]> {
    const key = orgId ? this.keys.audit(orgId) : this.keys.auditAll();
    const rows = await this.redis.xrevrange(key, "+", "-", "COUNT", limit);
    return rows.map(([, flat]) => {
      const f: Record<string, string> = {};
      for (let i = 0; i + 1 < flat.length; i += 2) f[flat[i]!] = flat[i + 1]!;
      return {
        at: new Date(Number(f.at)),
        staffId: f.staffId ?? "",
        email: f.email ?? "",
        orgId: f.orgId ?? "",
        action: f.action ?? "",
        target: f.target ?? "",
      };
    });
  }
}
