/**
 * Deadline firing delay: 10,000 trips whose deadlines fall in the same second, through real Redis,
 * BullMQ delayed jobs and the worker role; measures due time -> reminder handed to the channel.
 * Run: npx tsx bench/deadlines.ts [count]
 */
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { App } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import { startRedis } from "../tests/support/redis-server.ts";
import { percentile, table } from "./stats.ts";

const count = Number(process.argv[2] ?? 10_000);
const redis = await startRedis({ appendonly: true });
const config = loadConfig({ REDIS_URL: redis.url, REDIS_PREFIX: "{bench}", PORT: "0", LOG_LEVEL: "silent", ESCALATION_GRACE: "1h", APP_KEY: randomBytes(32).toString("base64") });
// Planning and firing run in separate Apps so that scheduling load does not delay the first firings.
const planner = new App(config, createLogger("silent"), { roles: [] });
await planner.seedCatalog();

const dueAt = new Date(Date.now() + 20_000 + count * 2);
const t0 = Date.now();
for (let i = 0; i < count; i += 500) {
  await Promise.all(
    Array.from({ length: Math.min(500, count - i) }, async (_, k) => {
      const person = await planner.deps.persons.touch({ channel: "sandbox", chatId: `b${i + k}` }, "Bench", new Date());
      await planner.deps.persons.setConsent(person.id, new Date());
      const trip = await planner.deps.trips.create(person.id, "athens-syntagma-square", dueAt, new Date());
      await planner.lifecycle.scheduleNext(trip);
    }),
  );
}
const planMs = Date.now() - t0;
console.error(`planned ${count} trips in ${planMs} ms; due in ${dueAt.getTime() - Date.now()} ms`);

const worker = new App(config, createLogger("silent"), { roles: ["worker"] });
await worker.start();
const rssStart = process.memoryUsage().rss;
// Wait on queue counts only, so measuring does not load the Redis being measured.
const limit = Date.now() + 20_000 + count * 20 + 120_000;
const idle = async () => {
  let n = 0;
  for (const q of [worker.producers.deadlineQueue, worker.producers.alertQueue]) {
    const c = await q.getJobCounts("waiting", "active", "prioritized");
    n += c.waiting! + c.active! + c.prioritized!;
  }
  return n === 0 && Date.now() > dueAt.getTime() + 1_000;
};
let idleFor = 0;
while (idleFor < 3 && Date.now() < limit) {
  await new Promise((r) => setTimeout(r, 1_000));
  idleFor = (await idle()) ? idleFor + 1 : 0;
}
const delays: number[] = [];
for (let i = 0; i < count; i++) {
  const reminder = (await worker.sandboxLog.after(`b${i}`, 0)).find((e) => e.dir === "out");
  if (reminder) delays.push(reminder.at - dueAt.getTime());
}
await worker.stop();
await planner.stop();
await redis.stop();

delays.sort((a, b) => a - b);
const rows = [
  ["deadlines due in the same second", String(count)],
  ["fired (reminder handed to the channel)", String(delays.length)],
  ["delay p50 (ms)", String(percentile(delays, 50))],
  ["delay p99 (ms)", String(percentile(delays, 99))],
  ["delay max (ms)", String(delays.at(-1) ?? NaN)],
  ["planning time (ms)", String(planMs)],
  ["worker RSS growth (MB)", ((process.memoryUsage().rss - rssStart) / 1e6).toFixed(0)],
];
const md = `## Deadlines: ${count} due in the same second\n\n${table(["measure", "value"], rows)}\n`;
console.log(md);
writeFileSync(new URL("./deadlines.md", import.meta.url), `${md}\nCommand: \`npx tsx bench/deadlines.ts ${count}\` on ${new Date().toISOString().slice(0, 10)}, 2 cores.\n`);
process.exit(delays.length === count ? 0 : 1);
