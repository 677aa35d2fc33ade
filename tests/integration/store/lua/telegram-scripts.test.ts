/** The Telegram inbox's update claim (src/channels/telegram/lua/update-claim.lua) on a real redis-server. */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { Redis } from "ioredis";
import { CLAIM } from "../../../../src/channels/telegram/telegram-inbox.ts";
import { startRedis, type RedisServerHandle } from "../../../support/redis-server.ts";

let server: RedisServerHandle;
let redis: Redis;

before(async () => {
  server = await startRedis();
  redis = new Redis(server.url);
});

after(async () => {
  redis?.disconnect();
  await server?.stop();
});

test("update-claim: the first job takes the update, a retry of that job keeps it, a redelivered one is refused", async () => {
  const marker = `{t${randomBytes(4).toString("hex")}}:tg-update:42`;
  const jobs = await Promise.all(["1000", "2000", "3000"].map((stamp) => CLAIM.run(redis, marker, stamp, 60_000)));
  assert.equal(jobs.filter((r) => r === 1).length, 1, "one of racing jobs");
  const winner = await redis.get(marker);
  assert.equal(await CLAIM.run(redis, marker, winner!, 60_000), 1, "the same job again");
  assert.equal(await CLAIM.run(redis, marker, "9999", 60_000), 0, "another job for the id");
  assert.ok((await redis.pttl(marker)) > 50_000);
});
