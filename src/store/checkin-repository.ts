import { randomUUID } from "node:crypto";
import { LuaScript } from "./lua/lua-script.ts";
import type { RedisClient } from "./redis.ts";
import type { CheckinStatus } from "../domain/person.ts";
import type { Verdict } from "../domain/verdict.ts";
import type { Checkin, PendingLocation, PendingPhoto, UpgradeOffer } from "../domain/checkin.ts";
import type { Keys } from "./keys.ts";
import type { RecordKeys } from "./record-keys.ts";
import type { AddPartResult } from "../ports/stores.ts";

/** Adds a photo or location to the pending pair, taking the pair out once complete (see the script). */
export const ADD_PART = new LuaScript<[key: string, windowMs: number, field: string, value: string], [string | null] | [string | null, string, string, string | null]>(
  "saAddCheckinPart", new URL("./lua/add-checkin-part.lua", import.meta.url), 1,
);

export const MARK_PENDING_DURESS = new LuaScript<[key: string, windowMs: number], null>(
  "saMarkPendingDuress", new URL("./lua/mark-pending-duress.lua", import.meta.url), 1,
);

function revive<T>(raw: string): T {
  return JSON.parse(raw, (k, v) => (k === "at" ? new Date(v as number) : v)) as T;
}

function freeze(value: PendingPhoto | PendingLocation): string {
  return JSON.stringify({ ...value, at: value.at.getTime() });
}

function freezeOffer(offer: UpgradeOffer): string {
  return JSON.stringify({ ...offer, photo: { ...offer.photo, at: offer.photo.at.getTime() }, location: { ...offer.location, at: offer.location.at.getTime() } });
}

export class CheckinRepository {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly pairWindowMs: number,
    private readonly retentionMs: number,
    private readonly recordKeys: RecordKeys,
  ) {}

  async addPart(travellerId: string, part: { photo: PendingPhoto } | { location: PendingLocation }): Promise<AddPartResult> {
    const cipher = await this.recordKeys.forPerson(travellerId);
    const [field, value] =
      "photo" in part ? ["photo", freeze(part.photo)] : ["location", cipher.seal("pending.location", freeze(part.location))];
    const reply = await ADD_PART.run(this.redis, this.keys.pending(travellerId), this.pairWindowMs, field, value);
    const replacedPhoto = reply[0] ? revive<PendingPhoto>(reply[0]) : undefined;
    if (reply.length === 4) {
      const location = revive<PendingLocation>(cipher.open("pending.location", reply[2])!);
      return { complete: true, photo: revive(reply[1]), location, duress: reply[3] === "duress", replacedPhoto };
    }
    return { complete: false, replacedPhoto };
  }

  /**
   * Remembers that the pending check-in carries the duress word; the pair window starts here if this
   * is the first part. Only the fact is kept, never the word.
   */
  async markPendingDuress(travellerId: string): Promise<void> {
    await MARK_PENDING_DURESS.run(this.redis, this.keys.pending(travellerId), this.pairWindowMs);
  }

  async pending(travellerId: string): Promise<{ photo?: PendingPhoto; location?: PendingLocation }> {
    const h = await this.redis.hgetall(this.keys.pending(travellerId));
    const location = h.location ? (await this.recordKeys.forPerson(travellerId)).open("pending.location", h.location) : undefined;
    return {
      photo: h.photo ? revive<PendingPhoto>(h.photo) : undefined,
      location: location ? revive<PendingLocation>(location) : undefined,
    };
  }

  /** Keeps a partial check-in's parts for the pairing window (sealed: the location is in it). Replaces an earlier offer. */
  async offerUpgrade(travellerId: string, offer: UpgradeOffer): Promise<void> {
    const cipher = await this.recordKeys.forPerson(travellerId);
    await this.redis.set(this.keys.upgrade(travellerId), cipher.seal("upgrade", freezeOffer(offer)), "PX", this.pairWindowMs);
  }

  async hasUpgrade(travellerId: string): Promise<boolean> {
    return (await this.redis.exists(this.keys.upgrade(travellerId))) === 1;
  }

  /** Takes the offer out, so that one further photo or live location makes exactly one upgrade. */
  async takeUpgrade(travellerId: string): Promise<UpgradeOffer | undefined> {
    const key = this.keys.upgrade(travellerId);
    const [[, raw] = [null, null]] = ((await this.redis.multi().get(key).del(key).exec()) ?? []) as [Error | null, string | null][];
    if (!raw) return undefined;
    const opened = (await this.recordKeys.forPerson(travellerId)).open("upgrade", raw);
    return opened ? revive<UpgradeOffer>(opened) : undefined;
  }

  async clearPending(travellerId: string): Promise<PendingPhoto | undefined> {
    const raw = await this.redis.hget(this.keys.pending(travellerId), "photo");
    await this.redis.del(this.keys.pending(travellerId));
    return raw ? revive<PendingPhoto>(raw) : undefined;
  }

  async create(input: Omit<Checkin, "id" | "status" | "createdAt">, now: Date): Promise<Checkin> {
    const checkin: Checkin = { ...input, id: randomUUID(), status: "queued", createdAt: now };
    const key = this.keys.checkin(checkin.id);
    const cipher = await this.recordKeys.forPerson(checkin.travellerId);
    await this.redis
      .multi()
      .hset(key, {
        id: checkin.id,
        travellerId: checkin.travellerId,
        tripId: checkin.tripId,
        landmarkId: cipher.seal("checkin.landmarkId", checkin.landmarkId),
        status: checkin.status,
        photo: freeze(checkin.photo),
        ...(checkin.location ? { location: cipher.seal("checkin.location", freeze(checkin.location)) } : {}),
        ...(checkin.duress ? { duress: "1" } : {}),
        ...(checkin.upgradeOf ? { upgradeOf: checkin.upgradeOf, baseline: checkin.baseline ?? 0 } : {}),
        ...(checkin.replayChecked ? { replayChecked: "1" } : {}),
        createdAt: now.getTime(),
      })
      .pexpire(key, this.retentionMs)
      .sadd(this.keys.checkinsOf(checkin.travellerId), checkin.id)
      .pexpire(this.keys.checkinsOf(checkin.travellerId), this.retentionMs)
      .exec();
    return checkin;
  }

  async get(id: string): Promise<Checkin | undefined> {
    const h = await this.redis.hgetall(this.keys.checkin(id));
    if (!h.id) return undefined;
    const cipher = await this.recordKeys.forPerson(h.travellerId!);
    const location = cipher.open("checkin.location", h.location);
    return {
      id: h.id,
      travellerId: h.travellerId!,
      tripId: h.tripId!,
      landmarkId: cipher.open("checkin.landmarkId", h.landmarkId)!,
      status: h.status as CheckinStatus,
      photo: revive<PendingPhoto>(h.photo!),
      location: location ? revive<PendingLocation>(location) : undefined,
      createdAt: new Date(Number(h.createdAt)),
      verdict: h.verdict ? (JSON.parse(h.verdict) as Verdict) : undefined,
      rejection: h.rejection,
      cleanMediaId: h.cleanMediaId,
      phash: h.phash,
      duress: h.duress === "1",
      ...(h.upgradeOf ? { upgradeOf: h.upgradeOf, baseline: Number(h.baseline ?? 0) } : {}),
      ...(h.replayChecked === "1" ? { replayChecked: true } : {}),
    };
  }

  /** Records the outcome and drops the location: after verification only the verdict is kept. */
  async recordVerdict(id: string, verdict: Verdict, cleanMediaId: string | undefined, phash: string): Promise<void> {
    const key = this.keys.checkin(id);
    await this.redis
      .multi()
      .hset(key, { status: verdict.status, verdict: JSON.stringify(verdict), phash, ...(cleanMediaId ? { cleanMediaId } : {}) })
      .hdel(key, "location")
      .exec();
  }

  async recordRejection(id: string, code: string): Promise<void> {
    const key = this.keys.checkin(id);
    await this.redis.multi().hset(key, { status: "rejected", rejection: code }).hdel(key, "location").exec();
  }

  /** True for the first caller only: makes "tell the traveller the result" happen once across retries. */
  async claimOnce(id: string, what: string): Promise<boolean> {
    return (await this.redis.hsetnx(this.keys.checkin(id), `once:${what}`, "1")) === 1;
  }

  idsOf(travellerId: string): Promise<string[]> {
    return this.redis.smembers(this.keys.checkinsOf(travellerId));
  }

  async deleteAllOf(travellerId: string): Promise<string[]> {
    const ids = await this.idsOf(travellerId);
    const media: string[] = [];
    for (const id of ids) {
      const c = await this.get(id);
      if (c) media.push(c.photo.mediaId, ...(c.cleanMediaId ? [c.cleanMediaId] : []));
    }
    const pending = await this.clearPending(travellerId);
    if (pending) media.push(pending.mediaId);
    const offer = await this.takeUpgrade(travellerId);
    if (offer) media.push(offer.photo.mediaId);
    await this.redis.del(...ids.map((id) => this.keys.checkin(id)), this.keys.checkinsOf(travellerId));
    return media;
  }
}
