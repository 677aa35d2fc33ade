/**
 * A worker with MATCHER_WARM_START=on loads its matcher threads when it starts; until they are loaded its
 * /readyz answers 503 ("matcher": "loading"), so that an orchestrator routes traffic to it once it verifies at
 * speed, and 200 after.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import type { App } from "../../src/app.ts";
import { startRedis, type RedisServerHandle } from "../support/redis-server.ts";
import { startTestApp } from "../support/test-app.ts";

let redis: RedisServerHandle;
let app: App;

before(async () => {
  redis = await startRedis();
});

after(async () => {
  await app?.stop();
  await redis?.stop();
});

test("/readyz says 503 while the matcher threads load, 200 once they are loaded", async () => {
  app = await startTestApp({ redisUrl: redis.url, roles: ["worker", "web"], env: { MATCHER_WARM_START: "on" } });
  const ready = () => app.web!.fastify.inject({ method: "GET", url: "/readyz" });
  const seen: Array<{ status: number; matcher?: string }> = [];
  let warmed: boolean = false;
  void app.matcherWarmed().then(() => (warmed = true));
  for (;;) {
    const wasWarmed: boolean = warmed;
    const res = await ready();
    seen.push({ status: res.statusCode, matcher: res.json().matcher });
    if (res.statusCode === 200) break;
    assert.equal(res.statusCode, 503);
    assert.equal(res.json().matcher, "loading");
    assert.equal(wasWarmed, false, "not ready only while loading");
    await new Promise((r) => setTimeout(r, 20));
  }
  await app.matcherWarmed();
  assert.equal((await ready()).statusCode, 200);
  // Loading OpenCV.js's WebAssembly takes hundreds of milliseconds: the first answer came while it did.
  assert.deepEqual(seen[0], { status: 503, matcher: "loading" }, JSON.stringify(seen.slice(0, 3)));
});
