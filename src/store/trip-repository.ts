import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { Trip } from "../domain/person.ts";
import type { Keys } from "./keys.ts";

/** One current trip per traveller; it expires RETENTION after its deadline. */
export class TripRepository {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly retentionMs: number,
  ) {}

  async create(travellerId: string, landmarkId: string, deadline: Date, now: Date): Promise<Trip> {
    const trip: Trip = { id: randomUUID(), travellerId, landmarkId, deadline, createdAt: now, status: "active" };
    const key = this.keys.trip(travellerId);
    await this.redis
      .multi()
      .del(key)
      .hset(key, {
        id: trip.id,
        travellerId,
        landmarkId,
        deadline: deadline.getTime(),
        createdAt: now.getTime(),
        status: trip.status,
      })
      .pexpireat(key, deadline.getTime() + this.retentionMs)
      .exec();
    return trip;
  }

  async get(travellerId: string): Promise<Trip | undefined> {
    const h = await this.redis.hgetall(this.keys.trip(travellerId));
    if (!h.id) return undefined;
    return {
      id: h.id,
      travellerId: h.travellerId!,
      landmarkId: h.landmarkId!,
      deadline: new Date(Number(h.deadline)),
      createdAt: new Date(Number(h.createdAt)),
      status: h.status === "arrived" ? "arrived" : "active",
      arrivedAt: h.arrivedAt ? new Date(Number(h.arrivedAt)) : undefined,
    };
  }

  /** Marks the trip arrived only if it is still the same trip (a newer /trip wins). */
  async markArrived(travellerId: string, tripId: string, at: Date): Promise<boolean> {
    const key = this.keys.trip(travellerId);
    const current = await this.redis.hget(key, "id");
    if (current !== tripId) return false;
    await this.redis.hset(key, { status: "arrived", arrivedAt: at.getTime() });
    await this.redis.pexpireat(key, at.getTime() + this.retentionMs);
    return true;
  }

  async delete(travellerId: string): Promise<boolean> {
    return (await this.redis.del(this.keys.trip(travellerId))) === 1;
  }
}
