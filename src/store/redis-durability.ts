import type { Logger } from "pino";
import { ConfigError } from "../config.ts";
import type { RedisClient } from "./redis.ts";

/**
 * In production a Redis that forgets (no AOF) or evicts (any policy but noeviction) would silently
 * drop deadlines and alerts: refuse to start on one, with a message that says what to change.
 */
export async function assertDurableRedis(redis: RedisClient, log: Logger): Promise<void> {
  let settings: Record<string, string>;
  try {
    const [aof, policy] = await Promise.all([redis.config("GET", "appendonly"), redis.config("GET", "maxmemory-policy")]);
    const pairs = [...(aof as string[]), ...(policy as string[])];
    settings = Object.fromEntries(pairs.flatMap((v, i, a) => (i % 2 === 0 ? [[v, a[i + 1]!]] : [])));
  } catch {
    // Managed services often disable CONFIG; their persistence has to be checked by the operator.
    log.warn("could not read Redis persistence settings (CONFIG disabled?): make sure AOF and noeviction are on");
    return;
  }
  const problems: string[] = [];
  if (settings.appendonly !== "yes") problems.push("appendonly is not yes (set `appendonly yes`, `appendfsync everysec`)");
  if (settings["maxmemory-policy"] !== "noeviction") problems.push(`maxmemory-policy is ${settings["maxmemory-policy"]} (set \`maxmemory-policy noeviction\`)`);
  if (problems.length) throw new ConfigError(`Redis is not safe for production: ${problems.join("; ")}. See docker/redis.conf.`);
}
