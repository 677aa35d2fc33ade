/**
 * A deadline firing's Redis work (issue 18): the reminder reaches the traveller, and the firing reads the
 * traveller's records once, inside its script, rather than command by command (trip, person, data key,
 * then the person again and the address index for the message's direction). Watched with MONITOR on a
 * real redis-server: commands a script runs show with source "lua".
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, before, test } from "node:test";
import { Redis } from "ioredis";
import { App } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";
import { RLM } from "../../src/i18n/direction.ts";
import { startRedis, type RedisServerHandle } from "../support/redis-server.ts";

let server: RedisServerHandle;
let planner: App;
let worker: App;

before(async () => {
  server = await startRedis();
  const config = loadConfig({ REDIS_URL: server.url, REDIS_PREFIX: "{fire}", PORT: "0", LOG_LEVEL: "silent", ESCALATION_GRACE: "1h", APP_KEY: randomBytes(32).toString("base64") });
  planner = new App(config, createLogger("silent"), { roles: [] });
  await planner.seedCatalog();
  worker = new App(config, createLogger("silent"), { roles: ["worker"] });
  await worker.start();
});

after(async () => {
  await worker?.stop();
  await planner?.stop();
  await server?.stop();
});

test("a reminder firing reads the traveller's records once, in its script, and the reminder keeps its reader's direction", { timeout: 60_000 }, async () => {
  const { persons, trips } = planner.deps;
  const person = await persons.touch({ channel: "sandbox", chatId: "fire-1" }, "Bench", new Date());
  await persons.setLocale(person.id, "ar");
  await persons.setConsent(person.id, new Date());
  const client = new Redis(server.url);
  const monitor = await client.monitor();
  const direct: string[] = [];
  let watching = true;
  monitor.on("monitor", (_time: string, args: string[], source: string) => {
    if (args[0]?.toLowerCase() === "echo" && args[1] === "end-of-firing") watching = false;
    if (watching && source !== "lua" && args.length > 1) direct.push(`${args[0]!.toLowerCase()} ${args[1]}`);
  });
  try {
    const trip = await trips.create(person.id, "athens-syntagma-square", new Date(Date.now() + 1_000), new Date());
    await planner.lifecycle.scheduleNext(trip);
    const limit = Date.now() + 30_000;
    let reminder;
    while (!reminder && Date.now() < limit) {
      reminder = (await worker.sandboxLog.after("fire-1", 0)).find((e) => e.dir === "out");
      if (!reminder) await new Promise((r) => setTimeout(r, 200));
    }
    assert.ok(reminder, "the reminder reached the sandbox chat");
    assert.ok(reminder.text.startsWith(RLM), "Arabic reader: right-to-left mark, without a lookup of the person");
    // The job completes after the stage advance and the next stage's job; waited for on queue counts only,
    // so that this test reads none of the watched keys itself.
    const until = Date.now() + 10_000;
    while ((await worker.producers.deadlineQueue.getJobCounts("completed")).completed === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    // MONITOR lines arrive behind the commands: everything up to this marker has been seen.
    await planner.redis.echo("end-of-firing");
    const seen = Date.now() + 5_000;
    while (watching && Date.now() < seen) await new Promise((r) => setTimeout(r, 20));
  } finally {
    watching = false;
    monitor.disconnect();
    client.disconnect();
  }
  assert.equal((await trips.get(person.id))?.stage, 1, "stage advanced");
  const p = planner.keys.prefix;
  const watched = [`${p}:person:`, `${p}:addr:`, `${p}:dek:`, `${p}:trip:`];
  const reads = direct.filter((c) => /^(hgetall|hget|hmget|get) /.test(c) && watched.some((w) => c.includes(w)));
  assert.deepEqual(reads, [], "no record read outside the firing script");
});
