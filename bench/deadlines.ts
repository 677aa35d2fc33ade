/**
 * Deadline firing delay: 10,000 trips whose deadlines fall in the same second, through real Redis, the
 * deadline timers and the worker role; measures due time -> reminder handed to the channel, next to the same
 * number of bare BullMQ delayed no-op jobs.
 * Run: npx tsx bench/deadlines.ts [count]   (also part of `npm run bench`)
 */
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import os from "node:os";
import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import { App } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import { DEADLINE_CONCURRENCY, DEADLINE_FIRINGS } from "../src/workers/workers.ts";
import { startRedis } from "../tests/support/redis-server.ts";
import { fmt, isMain, percentile, ratio, table, type BenchSection } from "./stats.ts";

export interface DeadlineResult {
  count: number;
  fired: number;
  /** Ascending, ms from the due time to the reminder handed to the channel. */
  delays: number[];
  planMs: number;
  rssGrowthMb: number;
  rows: string[][];
  /** The same number of bare BullMQ delayed no-op jobs due at one instant, on the same Redis (ascending delays). */
  bare?: number[];
  /** CPU while the jobs fired: redis-server's and this process's (the worker's), ms per firing. */
  cpu: FiringCpu;
  bareCpu?: FiringCpu;
}

/** CPU time per firing (ms), and Redis's own time by command (INFO commandstats, µs per firing). */
export interface FiringCpu {
  redisMs: number;
  nodeMs: number;
  commands: Record<string, number>;
}

/**
 * CPU spent between start() and stop(), from /proc-free sources (INFO cpu for redis-server, process.cpuUsage
 * for this process): the machine is shared, so wall-clock delays alone are noisy; CPU per firing is not.
 */
async function cpuMeter(redisUrl: string): Promise<{ stop(count: number): Promise<FiringCpu> }> {
  const client = new Redis(redisUrl);
  const read = async () => {
    const info = await client.info("all");
    const num = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, "m").exec(info)?.[1] ?? 0);
    const commands: Record<string, number> = {};
    for (const m of info.matchAll(/^cmdstat_([^:]+):calls=(\d+),usec=(\d+)/gm)) {
      commands[m[1]!] = Number(m[3]);
      commands[`${m[1]!}#`] = Number(m[2]);
    }
    return { redis: num("used_cpu_user") + num("used_cpu_sys"), commands };
  };
  const before = await read();
  const node = process.cpuUsage();
  return {
    async stop(count) {
      const used = process.cpuUsage(node);
      const after = await read();
      await client.quit();
      const commands: Record<string, number> = {};
      // µs per firing, and calls per firing (name#); inside a script a command counts both alone and in the script's time.
      for (const [name, n] of Object.entries(after.commands)) {
        if (name.endsWith("#")) continue;
        const us = (n - (before.commands[name] ?? 0)) / count;
        const calls = ((after.commands[`${name}#`] ?? 0) - (before.commands[`${name}#`] ?? 0)) / count;
        if (us >= 0.5 || calls >= 0.05) commands[`${name} x${calls.toFixed(2)}`] = Math.round(us);
      }
      return { redisMs: ((after.redis - before.redis) * 1000) / count, nodeMs: (used.user + used.system) / 1000 / count, commands };
    },
  };
}

/** Baseline: `count` no-op delayed jobs due at the same instant, a worker of the deadline job worker's concurrency. */
async function bareDelayedJobs(redisUrl: string, count: number): Promise<{ delays: number[]; cpu: FiringCpu }> {
  const connection = { url: redisUrl, maxRetriesPerRequest: null };
  const prefix = "{bare}";
  const queue = new Queue("bare", { connection, prefix, defaultJobOptions: { removeOnComplete: { age: 3_600, count: 10_000 } } });
  const dueAt = Date.now() + 5_000 + count / 2;
  for (let i = 0; i < count; i += 1_000) {
    const jobs = Array.from({ length: Math.min(1_000, count - i) }, (_, k) => ({ name: "bare", data: { i: i + k }, opts: { delay: dueAt - Date.now(), jobId: `b${i + k}` } }));
    await queue.addBulk(jobs);
  }
  const delays: number[] = [];
  while (Date.now() < dueAt - 1_000) await new Promise((r) => setTimeout(r, 100));
  const meter = await cpuMeter(redisUrl);
  const worker = new Worker("bare", async () => void delays.push(Date.now() - dueAt), { connection, prefix, concurrency: DEADLINE_CONCURRENCY });
  const limit = dueAt + 120_000;
  while (delays.length < count && Date.now() < limit) await new Promise((r) => setTimeout(r, 200));
  const cpu = await meter.stop(count);
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  return { delays: delays.sort((a, b) => a - b), cpu };
}

export async function runDeadlines(count = 10_000, opts: { baseline?: boolean } = {}): Promise<DeadlineResult> {
  const redis = await startRedis({ appendonly: true });
  try {
    const baseline = opts.baseline ? await bareDelayedJobs(redis.url, count) : undefined;
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
    console.error(`deadlines: planned ${count} trips in ${planMs} ms; due in ${dueAt.getTime() - Date.now()} ms`);

    const worker = new App(config, createLogger("silent"), { roles: ["worker"] });
    await worker.start();
    while (Date.now() < dueAt.getTime() - 1_000) await new Promise((r) => setTimeout(r, 100));
    const meter = await cpuMeter(redis.url);
    const rssStart = process.memoryUsage().rss;
    // Wait on queue counts only, so measuring does not load the Redis being measured.
    const limit = Date.now() + 20_000 + count * 20 + 120_000;
    const idle = async () => {
      // Deadlines whose reminder stage is due, leased or retrying (a fired one waits for the next stage, an hour on).
      let n = await worker.timers.dueBy(dueAt.getTime() + 1_800_000);
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
    const rssGrowthMb = (process.memoryUsage().rss - rssStart) / 1e6;
    // Includes the 3 s of idle polling above (a few queue-count reads), negligible against 10,000 firings.
    const cpu = await meter.stop(count);
    const delays: number[] = [];
    for (let i = 0; i < count; i++) {
      const reminder = (await worker.sandboxLog.after(`b${i}`, 0)).find((e) => e.dir === "out");
      if (reminder) delays.push(reminder.at - dueAt.getTime());
    }
    await worker.stop();
    await planner.stop();

    delays.sort((a, b) => a - b);
    const rows = [
      ["deadlines due in the same second", String(count)],
      ["fired (reminder handed to the channel)", String(delays.length)],
      ["delay p50 (ms)", String(percentile(delays, 50))],
      ["delay p99 (ms)", String(percentile(delays, 99))],
      ["delay max (ms)", String(delays.at(-1) ?? NaN)],
      ["planning time (ms)", String(planMs)],
      ["worker RSS growth (MB)", rssGrowthMb.toFixed(0)],
    ];
    rows.push(["CPU per firing: redis-server / worker process (ms)", `${cpu.redisMs.toFixed(3)} / ${cpu.nodeMs.toFixed(3)}`]);
    return { count, fired: delays.length, delays, planMs, rssGrowthMb, rows, bare: baseline?.delays, cpu, bareCpu: baseline?.cpu };
  } finally {
    await redis.stop();
  }
}

const commandList = (commands: Record<string, number>) =>
  Object.entries(commands).sort(([, a], [, b]) => b - a).map(([name, us]) => `${name} ${us}`).join(", ");

/** The deadline benchmark as a section of `npm run bench`, next to bare BullMQ delayed jobs. */
export async function benchDeadlines(count = 10_000): Promise<BenchSection> {
  const r = await runDeadlines(count, { baseline: true });
  const bare = r.bare ?? [];
  const p = (xs: number[], q: number) => percentile(xs, q);
  const max = r.delays.at(-1) ?? NaN;
  const bareMax = bare.at(-1) ?? NaN;
  const rows = [
    ["fired", `${r.fired}/${r.count}`, `${bare.length}/${r.count}`, ""],
    ["delay p50 (ms)", fmt(p(r.delays, 50)), fmt(p(bare, 50)), ratio(p(r.delays, 50), p(bare, 50))],
    ["delay p99 (ms)", fmt(p(r.delays, 99)), fmt(p(bare, 99)), ratio(p(r.delays, 99), p(bare, 99))],
    ["delay max (ms)", fmt(max), fmt(bareMax), ratio(max, bareMax)],
    ["drain rate (fired / max delay, per s)", fmt(r.fired / (max / 1000)), fmt(bare.length / (bareMax / 1000)), ratio(bare.length / bareMax, r.fired / max)],
    ["redis-server CPU per firing (ms)", fmt(r.cpu.redisMs, 3), fmt(r.bareCpu?.redisMs ?? NaN, 3), ratio(r.cpu.redisMs, r.bareCpu?.redisMs ?? NaN)],
    ["worker process CPU per firing (ms)", fmt(r.cpu.nodeMs, 3), fmt(r.bareCpu?.nodeMs ?? NaN, 3), ratio(r.cpu.nodeMs, r.bareCpu?.nodeMs ?? NaN)],
    ["Redis time by command (µs per firing)", commandList(r.cpu.commands), commandList(r.bareCpu?.commands ?? {}), ""],
    ["planning time (ms)", String(r.planMs), "", ""],
    ["worker RSS growth (MB)", fmt(r.rssGrowthMb), "", ""],
  ];
  const markdown = [
    table(["measure", "app (deadline job -> reminder)", "bare BullMQ delayed no-op jobs", "ratio"], rows),
    "",
    `- bench/deadlines.ts: ${r.count} trips planned through the store and TripLifecycle.scheduleNext (a deadline timer each: an entry of one sorted set), all due at the same instant; a separate worker App (sandbox channel) fires them; delay = the reminder's time in the sandbox chat log - due time. Each firing: its worker's sweeper takes the due deadlines in leased batches (one claim script for up to ${DEADLINE_FIRINGS}, the worker's firings at once) -> one script reads the trips and the travellers and claims their reminders -> each reminder to its traveller sent by the firing itself (an append to the sandbox chat log, one script per reminder) -> one script marks them sent, advances the stages and moves the timers to the alert stage's time. The load and advance scripts are shared by the firings of one event-loop turn (before: a BullMQ delayed job per deadline, fetched, loaded, advanced and moved one firing at a time).`,
    `- Baseline, same run and Redis (measured first): ${r.count} no-op delayed jobs due at one instant, a BullMQ worker of concurrency ${DEADLINE_CONCURRENCY} (the deadline worker's for jobs stored before the timers). redis-server with AOF fsync on every write (the test helper's mode, stricter than production's everysec): a firing waits for an fsync at each of its sequential Redis writes (for the app: the batch's claim, load and advance, shared, and its own reminder; for a bare job: its completion, which fetches the next), so on a loaded disk the delays follow the number of round trips more than CPU.`,
    `- CPU per firing: redis-server's (INFO used_cpu_user + used_cpu_sys) and the worker process's (process.cpuUsage) from just before the due time until the queues are idle, divided by the firings; Redis time by command from INFO commandstats (xN: calls per firing; a command inside a script counts both alone and in the script's evalsha time).`,
  ].join("\n");
  return {
    title: "4. Deadlines",
    markdown,
    summary: [[`deadlines: ${r.count} due in the same second`, `delay p50 ${fmt(p(r.delays, 50))} / p99 ${fmt(p(r.delays, 99))} / max ${fmt(max)} ms; ${r.fired} fired`, `bare BullMQ delayed jobs: p50 ${fmt(p(bare, 50))} / p99 ${fmt(p(bare, 99))} / max ${fmt(bareMax)} ms`, `${ratio(max, bareMax)} (max)`]],
    facts: {
      p50: p(r.delays, 50), p99: p(r.delays, 99), max, fired: r.fired, count: r.count, rate: r.fired / (max / 1000), bareMax, bareRate: bare.length / (bareMax / 1000),
      redisMs: r.cpu.redisMs, nodeMs: r.cpu.nodeMs, bareRedisMs: r.bareCpu?.redisMs ?? NaN, bareNodeMs: r.bareCpu?.nodeMs ?? NaN,
    },
  };
}

if (isMain(import.meta.url)) {
  const count = Number(process.argv[2] ?? 10_000);
  const section = await benchDeadlines(count);
  const load = os.loadavg().map((l) => l.toFixed(2)).join(", ");
  const md = `## Deadlines: ${count} due in the same second\n\n${section.markdown}\n`;
  console.log(md);
  writeFileSync(
    new URL("./deadlines.md", import.meta.url),
    `${md}\nCommand: \`npx tsx bench/deadlines.ts ${count}\` on ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, load average at the end ${load} (a shared machine: compare the ratios, and the CPU per firing, rather than the delays).\n`,
  );
  process.exit(section.facts.fired === count ? 0 : 1);
}
