import { Redis } from "ioredis";

/**
 * BullMQ workers need `maxRetriesPerRequest: null` so blocking commands survive reconnects;
 * the same connection settings serve the repositories.
 */
export function createRedis(url: string, name: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, connectionName: `safe-arrival:${name}`, lazyConnect: false });
}
