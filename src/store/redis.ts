import { Cluster, Redis, type ClusterNode, type RedisOptions } from "ioredis";
import type { Config } from "../config.ts";

/** What the repositories and queues talk to: one Redis (direct or found through Sentinel), or a Redis Cluster. */
export type RedisClient = Redis | Cluster;

/** The settings that say where Redis is and how to reach it. */
export type RedisSettings = Pick<
  Config,
  | "REDIS_URL"
  | "REDIS_PREFIX"
  | "REDIS_PASSWORD"
  | "REDIS_TLS"
  | "REDIS_SENTINELS"
  | "REDIS_SENTINEL_NAME"
  | "REDIS_SENTINEL_PASSWORD"
  | "REDIS_CLUSTER_NODES"
>;

/** Parses "host:port,host:port" (validated by the config schema) into ioredis nodes. */
export function parseHostList(list: string, defaultPort: number): { host: string; port: number }[] {
  return list
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => {
      const at = part.lastIndexOf(":");
      return at < 0 ? { host: part, port: defaultPort } : { host: part.slice(0, at), port: Number(part.slice(at + 1)) };
    });
}

/** Which of the three topologies the settings describe. */
export function redisMode(settings: Partial<RedisSettings>): "standalone" | "sentinel" | "cluster" {
  if (settings.REDIS_CLUSTER_NODES) return "cluster";
  if (settings.REDIS_SENTINELS) return "sentinel";
  return "standalone";
}

/**
 * Connects to Redis the way the settings say: standalone (REDIS_URL), Sentinel (REDIS_SENTINELS) or Cluster
 * (REDIS_CLUSTER_NODES). BullMQ workers need `maxRetriesPerRequest: null` so blocking commands survive
 * reconnects; the same connection settings serve the repositories. A plain URL is accepted too.
 */
export function createRedis(settings: string | Partial<RedisSettings>, name: string): RedisClient {
  const s: Partial<RedisSettings> = typeof settings === "string" ? { REDIS_URL: settings } : settings;
  const connectionName = `safe-arrival:${name}`;
  const tls = s.REDIS_TLS === "on" ? {} : undefined;
  const password = s.REDIS_PASSWORD;
  const common: RedisOptions = {
    maxRetriesPerRequest: null,
    connectionName,
    lazyConnect: false,
    ...(password ? { password } : {}),
    ...(tls ? { tls } : {}),
  };
  if (s.REDIS_CLUSTER_NODES && s.REDIS_SENTINELS) {
    throw new Error("set either REDIS_SENTINELS or REDIS_CLUSTER_NODES, not both");
  }
  switch (redisMode(s)) {
    case "cluster": {
      const prefix = s.REDIS_PREFIX ?? "{sa}";
      // Every key and queue of the app must hash to one slot, or MULTI and Lua scripts fail with CROSSSLOT.
      if (!/\{[^}]+\}/.test(prefix)) throw new Error(`REDIS_PREFIX must carry a hash tag like {sa} on Redis Cluster: ${prefix}`);
      const nodes: ClusterNode[] = parseHostList(s.REDIS_CLUSTER_NODES!, 6379);
      return new Cluster(nodes, {
        redisOptions: common,
        // Managed clusters behind TLS present certificates for their host names, not for the IPs they announce.
        ...(tls ? { dnsLookup: (address: string, callback: (err: null, address: string) => void) => callback(null, address) } : {}),
      });
    }
    case "sentinel":
      return new Redis({
        ...common,
        sentinels: parseHostList(s.REDIS_SENTINELS!, 26379),
        name: s.REDIS_SENTINEL_NAME ?? "mymaster",
        ...(s.REDIS_SENTINEL_PASSWORD ? { sentinelPassword: s.REDIS_SENTINEL_PASSWORD } : {}),
        ...(tls ? { enableTLSForSentinelMode: true, sentinelTLS: tls } : {}),
      });
    default:
      return new Redis(s.REDIS_URL ?? "redis://127.0.0.1:6379", common);
  }
}
