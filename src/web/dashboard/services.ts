/** The dashboard's own stores and limiter, built once over the web role's services, and the bootstrap organisation. */
import type { WebDeps } from "../deps.ts";
import { DashboardKeys } from "../../store/dashboard-keys.ts";
import { OrgRepository } from "../../store/org-repository.ts";
import { DEFAULT_ORG_ID } from "../../domain/ngo-alert.ts";
import { StaffRepository } from "../../store/staff-repository.ts";
import { StaffSecrets } from "../../store/staff-secrets.ts";
import { SessionRepository } from "../../store/session-repository.ts";
import { AuditRepository } from "../../store/audit-repository.ts";
import { LoginLimiter } from "./login-limiter.ts";

export interface DashboardServices {
  deps: WebDeps;
  keys: DashboardKeys;
  orgs: OrgRepository;
  staff: StaffRepository;
  sessions: SessionRepository;
  audit: AuditRepository;
  limiter: LoginLimiter;
}

export function dashboardServices(deps: WebDeps): DashboardServices {
  const keys = new DashboardKeys(deps.config.REDIS_PREFIX);
  return {
    deps,
    keys,
    orgs: new OrgRepository(deps.redis, keys),
    staff: new StaffRepository(deps.redis, keys, staffSecrets(deps)),
    sessions: new SessionRepository(deps.redis, keys, deps.config.DASHBOARD_SESSION_IDLE, deps.config.DASHBOARD_SESSION_MAX_AGE),
    audit: new AuditRepository(deps.redis, keys),
    limiter: new LoginLimiter(deps.redis, keys),
  };
}

/** TOTP secrets are sealed with the app's key ring (APP_KEY, or the development key file; APP_KEY_PREVIOUS while rotating). */
export function staffSecrets(deps: Pick<WebDeps, "keyRing">): StaffSecrets {
  return new StaffSecrets(deps.keyRing);
}

/** The organisation behind NGO_NAME exists from the first start, under a fixed id. */
export async function ensureDefaultOrg(orgs: OrgRepository, ngoName: string | undefined, now: Date): Promise<void> {
  const existing = await orgs.get(DEFAULT_ORG_ID);
  if (ngoName && existing?.name !== ngoName) await orgs.put(DEFAULT_ORG_ID, ngoName, now);
  else if (!existing) await orgs.put(DEFAULT_ORG_ID, "Default organisation", now);
}
