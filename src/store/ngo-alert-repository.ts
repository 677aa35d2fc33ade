import type { RedisClient } from "./redis.ts";
import { DEFAULT_ORG_ID, type NgoAlert, type NgoAlertKind, type NgoAlertStatus, type NgoTimelineEntry } from "../domain/ngo-alert.ts";
import type { Keys } from "./keys.ts";

export class NgoAlertRepository {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly retentionMs: number,
  ) {}

  /** Alerts of one organisation, by creation time. */
  private orgIndex(orgId: string): string {
    return `${this.keys.ngoAlerts()}:org:${orgId}`;
  }

  /** Opens the alert unless it exists; returns whether this call opened it. */
  async open(input: Omit<NgoAlert, "status" | "orgId"> & { orgId?: string }): Promise<boolean> {
    const alert = { ...input, orgId: input.orgId ?? DEFAULT_ORG_ID };
    const key = this.keys.ngoAlert(alert.id);
    const fields: Record<string, string | number> = {
      id: alert.id,
      kind: alert.kind,
      status: "open",
      orgId: alert.orgId,
      landmarkId: alert.landmarkId,
      deadline: alert.deadline.getTime(),
      language: alert.language,
      channel: alert.channel,
      createdAt: alert.createdAt.getTime(),
    };
    if (alert.lastArrival) {
      fields.lastLandmarkId = alert.lastArrival.landmarkId;
      fields.lastAt = alert.lastArrival.at.getTime();
    }
    const created = await this.redis.hsetnx(key, "id", alert.id);
    if (created === 0) return false;
    await this.redis
      .multi()
      .hset(key, fields)
      .pexpire(key, this.retentionMs)
      .zadd(this.keys.ngoAlerts(), alert.createdAt.getTime(), alert.id)
      .zadd(this.orgIndex(alert.orgId), alert.createdAt.getTime(), alert.id)
      .exec();
    await this.addEvent(alert.id, { at: alert.createdAt, event: `opened:${alert.kind}` });
    return true;
  }

  async get(id: string): Promise<NgoAlert | undefined> {
    const h = await this.redis.hgetall(this.keys.ngoAlert(id));
    if (!h.id || !h.kind) return undefined;
    return {
      id: h.id,
      kind: h.kind as NgoAlertKind,
      status: h.status as NgoAlertStatus,
      orgId: h.orgId || DEFAULT_ORG_ID,
      landmarkId: h.landmarkId!,
      deadline: new Date(Number(h.deadline)),
      lastArrival: h.lastLandmarkId ? { landmarkId: h.lastLandmarkId, at: new Date(Number(h.lastAt)) } : undefined,
      language: h.language!,
      channel: h.channel!,
      createdAt: new Date(Number(h.createdAt)),
    };
  }

  async setStatus(id: string, status: NgoAlertStatus, entry: NgoTimelineEntry): Promise<void> {
    await this.redis.hset(this.keys.ngoAlert(id), { status });
    await this.addEvent(id, entry);
  }

  async addEvent(id: string, entry: NgoTimelineEntry): Promise<void> {
    const key = this.keys.ngoAlertTimeline(id);
    await this.redis
      .multi()
      .rpush(key, JSON.stringify({ ...entry, at: entry.at.getTime() }))
      .pexpire(key, this.retentionMs)
      .exec();
  }

  /** Adds to the timeline only of an alert that exists: events about travellers without a case go nowhere. */
  async addEventIfOpen(id: string, entry: NgoTimelineEntry): Promise<void> {
    if ((await this.redis.exists(this.keys.ngoAlert(id))) === 1) await this.addEvent(id, entry);
  }

  async timeline(id: string): Promise<NgoTimelineEntry[]> {
    const raw = await this.redis.lrange(this.keys.ngoAlertTimeline(id), 0, -1);
    return raw.map((r) => {
      const e = JSON.parse(r) as { at: number; event: string; by?: string; note?: string };
      return { ...e, at: new Date(e.at) };
    });
  }

  /** Newest first; all organisations', or one organisation's. */
  async list(limit = 100, orgId?: string): Promise<NgoAlert[]> {
    const ids = await this.redis.zrevrange(orgId ? this.orgIndex(orgId) : this.keys.ngoAlerts(), 0, limit - 1);
    const alerts = await Promise.all(ids.map((id) => this.get(id)));
    return alerts.filter((a): a is NgoAlert => a !== undefined);
  }
}
