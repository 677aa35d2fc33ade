import { stripBidiControls } from "../domain/display-text.ts";
import type { RedisClient } from "./redis.ts";
import type { DashboardKeys } from "./dashboard-keys.ts";

export const ORG_ID = /^[a-z0-9][a-z0-9-]{0,31}$/;

export interface Org {
  id: string;
  name: string;
  createdAt: Date;
}

/** NGOs that use the dashboard. Each sees only the alerts of travellers who chose it. */
export class OrgRepository {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: DashboardKeys,
  ) {}

  /** Creates or renames an organisation. Bidi controls are dropped from the name (see stripBidiControls). */
  async put(id: string, rawName: string, now: Date): Promise<Org> {
    if (!ORG_ID.test(id)) throw new Error(`not an organisation id: ${id}`);
    const name = stripBidiControls(rawName).trim() || id;
    const key = this.keys.org(id);
    await this.redis.multi().hsetnx(key, "createdAt", now.getTime()).hset(key, { id, name }).sadd(this.keys.orgs(), id).exec();
    return (await this.get(id))!;
  }

  async get(id: string): Promise<Org | undefined> {
    if (!ORG_ID.test(id)) return undefined;
    const h = await this.redis.hgetall(this.keys.org(id));
    if (!h.id) return undefined;
    return { id: h.id, name: h.name ?? h.id, createdAt: new Date(Number(h.createdAt)) };
  }

  async list(): Promise<Org[]> {
    const ids = (await this.redis.smembers(this.keys.orgs())).sort();
    const orgs = await Promise.all(ids.map((id) => this.get(id)));
    return orgs.filter((o): o is Org => o !== undefined);
  }
}
