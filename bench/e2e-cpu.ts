/**
 * CPU per check-in: the end-to-end bench's lifted-pacing scenario at one rate, measuring what a check-in
 * costs rather than how fast it comes back. Same set-up as bench/end-to-end.ts (private Redis with AOF
 * everysec, fake Bot API in this process, the real App with roles bot+worker in its own process, long
 * polling, TELEGRAM_RATE_GLOBAL/PER_CHAT 100000).
 * Reports: app process CPU seconds (all threads, and split by thread: main, visual matcher threads,
 * other threads) and redis-server CPU seconds, each per check-in, from the first push to the drain.
 * Run: npx tsx bench/e2e-cpu.ts [rate=20] [seconds=10]; BENCH_WARMUP=k sends k check-ins first, unmeasured;
 * BENCH_BY_SECOND=1 prints the median latency of the check-ins pushed in each second (how long a start costs).
 * BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the app process (see processes.ts).
 */
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { Redis } from "ioredis";
import { App } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import { startFakeBotApi } from "../tests/support/fake-bot-api.ts";
import { LANDMARK, makePhotos, onboardTravellers } from "./end-to-end.ts";
import { startAppChild, startBenchRedis } from "./processes.ts";
import { fmt, isMain, quantiles, sleep } from "./stats.ts";

const TICK = 100; // USER_HZ on Linux

/** CPU ticks of every thread of `pid`, by thread id, with the thread's name. */
function threadTicks(pid: number): Map<number, { name: string; ticks: number }> {
  const out = new Map<number, { name: string; ticks: number }>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
      const close = stat.lastIndexOf(")");
      const name = stat.slice(stat.indexOf("(") + 1, close);
      const f = stat.slice(close + 2).split(" ");
      out.set(Number(tid), { name, ticks: Number(f[11]) + Number(f[12]) });
    } catch {
      // thread gone
    }
  }
  return out;
}

/** CPU ticks of the whole process (every thread). */
function processTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return Number(f[11]) + Number(f[12]);
}

/** Calls per Redis command (INFO commandstats). */
function commandCalls(info: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of info.matchAll(/cmdstat_([a-z|_-]+):calls=(\d+)/g)) out.set(m[1]!, Number(m[2]));
  return out;
}

async function redisCpu(r: Redis): Promise<number> {
  const info = await r.info("cpu");
  const get = (k: string) => Number(new RegExp(`${k}:([0-9.]+)`).exec(info)?.[1] ?? NaN);
  return get("used_cpu_sys") + get("used_cpu_user");
}

export async function benchCpu(rate = 20, seconds = 10) {
  const n = rate * seconds;
  const redis = await startBenchRedis();
  const fake = await startFakeBotApi();
  const appKey = randomBytes(32).toString("base64");
  const prefix = "{e2e-unpaced}";
  let child: Awaited<ReturnType<typeof startAppChild>> | undefined;
  try {
    // BENCH_WARMUP=k: k check-ins at 2/s before the measured window (the app process warmed by traffic).
    const warm = Number(process.env.BENCH_WARMUP ?? 0);
    const photos = await makePhotos(n + warm);
    const config = loadConfig({ REDIS_URL: redis.url, REDIS_PREFIX: prefix, PORT: "0", LOG_LEVEL: "silent", APP_KEY: appKey });
    const store = new App(config, createLogger("silent"), { roles: [] });
    await store.seedCatalog();
    const landmark = (await store.deps.landmarks.get(LANDMARK))!.landmark;
    const travellers = await onboardTravellers(store, fake, photos);
    await store.stop();
    const admin = new Redis(redis.url);
    await admin.config("SET", "auto-aof-rewrite-percentage", "0"); // no AOF rewrite fork inside the window
    child = await startAppChild(["bot,worker"], {
      REDIS_URL: redis.url,
      REDIS_PREFIX: prefix,
      APP_KEY: appKey,
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      PORT: "0",
      TELEGRAM_RATE_GLOBAL: "100000",
      TELEGRAM_RATE_PER_CHAT: "100000",
    });
    const pid = child.child.pid!;
    await sleep(1_000); // start-up settles (catalog load, threads spawned)
    const families = new Set(travellers.slice(0, n).map((t) => String(t.family.id)));
    const doneAt = new Map<string, number>();
    const pushedAt = new Map<string, number>();
    let scanned = 0;
    const scan = () => {
      const calls = fake.calls();
      for (let i = scanned; i < calls.length; i++) {
        const c = calls[i]!;
        const chat = String(c.params.chat_id);
        if (c.method === "sendPhoto" && c.outcome === "ok" && families.has(chat) && !doneAt.has(chat)) doneAt.set(chat, c.at);
      }
      scanned = calls.length;
    };
    for (let i = 0; i < warm; i++) {
      const t = travellers[n + i]!;
      fake.photo(t.user, t.photo);
      fake.location(t.user, { latitude: landmark.lat + 0.0002, longitude: landmark.lon, horizontal_accuracy: 15 });
      await sleep(500);
    }
    if (warm > 0) await sleep(2_000);
    const idleTicks0 = processTicks(pid);
    await sleep(2_000);
    const idlePerSec = (processTicks(pid) - idleTicks0) / TICK / 2;
    const t0 = threadTicks(pid);
    const p0 = processTicks(pid);
    const r0 = await redisCpu(admin);
    const c0 = commandCalls(await admin.info("commandstats"));
    const wall0 = Date.now();
    const calls0 = fake.calls().length;
    const start = Date.now() + 100;
    for (let i = 0; i < n; i++) {
      const wait = start + (i * 1000) / rate - Date.now();
      if (wait > 0) await sleep(wait);
      const t = travellers[i]!;
      fake.photo(t.user, t.photo);
      fake.location(t.user, { latitude: landmark.lat + 0.0002, longitude: landmark.lon, horizontal_accuracy: 15 });
      pushedAt.set(String(t.family.id), Date.now());
    }
    const limit = Date.now() + 60_000;
    while (Date.now() < limit) {
      scan();
      if (doneAt.size >= n) break;
      await sleep(50);
    }
    // Traveller replies trail the family's confirmation a little: let the outbox drain.
    await sleep(500);
    const wall = (Date.now() - wall0) / 1000;
    const botApi = new Map<string, number>();
    for (const c of fake.calls().slice(calls0)) botApi.set(c.method, (botApi.get(c.method) ?? 0) + 1 / n);
    const t1 = threadTicks(pid);
    const p1 = processTicks(pid);
    const r1 = await redisCpu(admin);
    const c1 = commandCalls(await admin.info("commandstats"));
    const commands = [...c1].map(([k, v]) => [k, (v - (c0.get(k) ?? 0)) / n] as const).filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]);
    const lat = [...pushedAt].map(([k, at]) => (doneAt.has(k) ? doneAt.get(k)! - at : NaN)).filter(Number.isFinite);
    const q = quantiles(lat);
    if (process.env.BENCH_BY_SECOND) {
      const pushed = [...pushedAt.values()];
      const t0p = Math.min(...pushed);
      const bySec = new Map<number, number[]>();
      for (const [k, at] of pushedAt) if (doneAt.has(k)) bySec.set(Math.floor((at - t0p) / 1000), [...(bySec.get(Math.floor((at - t0p) / 1000)) ?? []), doneAt.get(k)! - at]);
      console.log("median latency by push second:", [...bySec].sort((a, b) => a[0] - b[0]).map(([s2, l]) => `${s2}s:${quantiles(l).p50}`).join(" "));
    }
    // Per thread. Node names its worker threads "node", as V8's platform threads: the visual matcher's threads
    // are the busiest "node" threads after the main one (the thread ids started after libvips' workers).
    const byThread: Array<{ tid: number; name: string; s: number }> = [];
    for (const [tid, v] of t1) byThread.push({ tid, name: v.name, s: (v.ticks - (t0.get(tid)?.ticks ?? 0)) / TICK });
    byThread.sort((a, b) => b.s - a.s);
    const appS = (p1 - p0) / TICK;
    const redisS = r1 - r0;
    const mainS = byThread.find((t) => t.tid === pid)?.s ?? NaN;
    admin.disconnect();
    return { botApi, commands, rate, n, delivered: lat.length, wall, appS, redisS, mainS, idlePerSec, byThread, q };
  } finally {
    await child?.stop();
    await fake.close();
    await redis.stop();
  }
}

if (isMain(import.meta.url)) {
  const r = await benchCpu(Number(process.argv[2] ?? 20), Number(process.argv[3] ?? 10));
  const per = (s: number) => fmt((s / r.n) * 1000, 1);
  console.log(`rate ${r.rate}/s x ${r.n / r.rate} s: delivered ${r.delivered}/${r.n}; window ${fmt(r.wall, 1)} s; latency p50 ${fmt(r.q.p50)} p99 ${fmt(r.q.p99)} max ${fmt(r.q.max)} ms`);
  console.log(`app CPU ${fmt(r.appS, 2)} s = ${per(r.appS)} ms/check-in (main thread ${per(r.mainS)} ms); idle app ${fmt(r.idlePerSec * 1000, 0)} ms/s; redis CPU ${fmt(r.redisS, 2)} s = ${per(r.redisS)} ms/check-in`);
  console.log("threads (ms per check-in): " + r.byThread.filter((t) => t.s > 0).map((t) => `${t.name}#${t.tid}=${per(t.s)}`).join(" "));
  console.log(`Bot API calls per check-in: ${[...r.botApi].map(([k, v]) => `${k} ${fmt(v, 2)}`).join(", ")}`);
  console.log(`redis commands per check-in: ${fmt(r.commands.reduce((a, [, v]) => a + v, 0), 1)}: ${r.commands.map(([k, v]) => `${k} ${fmt(v, 1)}`).join(", ")}`);
  console.log(`JSON ${JSON.stringify({ rate: r.rate, n: r.n, delivered: r.delivered, appMs: (r.appS / r.n) * 1000, mainMs: (r.mainS / r.n) * 1000, redisMs: (r.redisS / r.n) * 1000, p50: r.q.p50, p99: r.q.p99, redisCommands: r.commands.reduce((a, [, v]) => a + v, 0), evalsha: r.commands.find(([k]) => k === "evalsha")?.[1] ?? 0, multi: r.commands.find(([k]) => k === "multi")?.[1] ?? 0 })}`);
  process.exit(0);
}
