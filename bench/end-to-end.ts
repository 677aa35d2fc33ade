/**
 * End to end: a check-in received (photo + location pushed to the fake Bot API's getUpdates) to the
 * family's confirmation handed to the channel (sendPhoto arriving at the fake Bot API), at steady
 * offered rates, through a private Redis and the real App (roles bot+worker, its own process, long
 * polling). Next to it, bare BullMQ no-op jobs through the same Redis: the ceiling.
 * Run: npx tsx bench/end-to-end.ts [seconds per level]
 */
import { randomBytes } from "node:crypto";
import { Queue, Worker } from "bullmq";
import sharp from "sharp";
import { App } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import { makeUser, startFakeBotApi, type FakeBotApi, type FakeUser, type RecordedCall } from "../tests/support/fake-bot-api.ts";
import { renderScene } from "../tests/support/photos.ts";
import { startAppChild, startBenchRedis } from "./processes.ts";
import { fmt, isMain, quantiles, ratio, sleep, table, type BenchSection } from "./stats.ts";

export const LANDMARK = "athens-syntagma-square";
/** The issue's scenarios: shipped pacing at 8/s for a minute and a 50/s burst; the pipeline's own capacity at 20/s and 50/s. */
const PACED_LEVELS = [{ rate: 8, seconds: 60 }, { rate: 50, seconds: 10 }];
const LIFTED_LEVELS = [{ rate: 20, seconds: 10 }, { rate: 50, seconds: 10 }];
const RATES = [8, 20, 50];
const DRAIN_LIMIT_MS = 30_000;

/** N distinct, valid 640x480 photos: a small seeded scene, upscaled (rendering 640x480 in JS is slower). */
export async function makePhotos(n: number): Promise<Buffer[]> {
  const out: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    const raw = renderScene(160, 120, `e2e-${i}`);
    out.push(await sharp(raw, { raw: { width: 160, height: 120, channels: 3 } }).resize(640, 480).jpeg({ quality: 85 }).toBuffer());
  }
  return out;
}

export interface Traveller { user: FakeUser; family: FakeUser; photo: Buffer }
type Level = { rate: number; seconds: number };

/** Delivery times of confirmations, read incrementally from the fake Bot API's call log. */
class Deliveries {
  readonly at = new Map<string, number>();
  #scanned = 0;
  constructor(private readonly fake: FakeBotApi, private readonly families: Set<string>) {}
  scan(): number {
    const calls: RecordedCall[] = this.fake.calls();
    for (let i = this.#scanned; i < calls.length; i++) {
      const c = calls[i]!;
      const chat = String(c.params.chat_id);
      if (c.method === "sendPhoto" && c.outcome === "ok" && this.families.has(chat) && !this.at.has(chat)) this.at.set(chat, c.at);
    }
    this.#scanned = calls.length;
    return this.at.size;
  }
}

interface LevelResult {
  rate: number;
  pushed: number;
  pushRate: number;
  delivered: number;
  throughput: number;
  backlogAtEnd: number;
  drainMs: number;
  /** In push order; NaN for a check-in not delivered. */
  latencies: number[];
  /** Median latency of the second and of the last quarter of the check-ins (push order): a growing queue shows here. */
  trend: [number, number];
  /** Messages to this level's travellers sent from the first push to the end of the drain. */
  travellerMsgs: number;
  /** Of those, sent before the level's last family confirmation went out: chatter served ahead of reassurance. */
  travellerBeforeLastFamily: number;
  /** When half and all of the delivered family confirmations were out, ms after the first push. */
  familyHalfMs: number;
  familyLastMs: number;
  /** When the last traveller message of the level went out, ms after the first push. */
  travellerLastMs: number;
}

/** Every check-in delivered, latency not growing by a second or more across the level, backlog <= 3 s of arrivals. */
function keptUp(l: LevelResult): boolean {
  return l.delivered === l.pushed && l.trend[1] - l.trend[0] < 1_000 && l.backlogAtEnd <= l.rate * 3;
}

async function runLevel(fake: FakeBotApi, deliveries: Deliveries, travellers: Traveller[], rate: number, seconds: number, where: { lat: number; lon: number }): Promise<LevelResult> {
  const n = rate * seconds;
  const pushedAt = new Map<string, number>();
  const start = Date.now() + 200;
  for (let i = 0; i < n; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - Date.now();
    if (wait > 0) await sleep(wait);
    const t = travellers[i]!;
    fake.photo(t.user, t.photo);
    fake.location(t.user, { latitude: where.lat + 0.0002, longitude: where.lon, horizontal_accuracy: 15 });
    pushedAt.set(String(t.family.id), Date.now());
  }
  const lastPush = Date.now();
  const inLevel = () => [...pushedAt.keys()].filter((k) => deliveries.at.has(k)).length;
  deliveries.scan();
  const backlogAtEnd = n - inLevel();
  const drainLimit = Date.now() + DRAIN_LIMIT_MS;
  while (Date.now() < drainLimit) {
    deliveries.scan();
    if (inLevel() === n) break;
    await sleep(100);
  }
  const drainMs = Date.now() - lastPush;
  const latencies: number[] = [];
  let lastDelivery = 0;
  let firstDelivery = Infinity;
  for (const [chat, at] of pushedAt) {
    const done = deliveries.at.get(chat);
    latencies.push(done === undefined ? NaN : done - at);
    if (done === undefined) continue;
    lastDelivery = Math.max(lastDelivery, done);
    firstDelivery = Math.min(firstDelivery, done);
  }
  const delivered = latencies.filter(Number.isFinite).length;
  const firstPush = Math.min(...pushedAt.values());
  const travellerChats = new Set(travellers.slice(0, n).map((t) => String(t.user.id)));
  const toTravellers = fake.calls().filter((c) => c.outcome === "ok" && c.at >= firstPush && /^send/.test(c.method) && travellerChats.has(String(c.params.chat_id))).map((c) => c.at);
  const familyTimes = [...pushedAt.keys()].map((k) => deliveries.at.get(k)).filter((x): x is number => x !== undefined).sort((a, b) => a - b);
  const quarter = (k: number) => {
    const part = latencies.slice(Math.floor((k * n) / 4), Math.floor(((k + 1) * n) / 4));
    // An undelivered check-in counts as infinitely late.
    return quantiles(part.map((x) => (Number.isFinite(x) ? x : Infinity))).p50;
  };
  return {
    rate,
    pushed: n,
    pushRate: ((n - 1) / Math.max(1, lastPush - firstPush)) * 1000,
    delivered,
    throughput: delivered > 1 ? ((delivered - 1) / Math.max(1, lastDelivery - firstDelivery)) * 1000 : NaN,
    backlogAtEnd,
    drainMs,
    latencies,
    trend: [quarter(1), quarter(3)],
    travellerMsgs: toTravellers.length,
    travellerBeforeLastFamily: toTravellers.filter((at) => at < lastDelivery).length,
    familyHalfMs: familyTimes.length ? familyTimes[Math.floor((familyTimes.length - 1) / 2)]! - firstPush : NaN,
    familyLastMs: familyTimes.length ? familyTimes.at(-1)! - firstPush : NaN,
    travellerLastMs: toTravellers.length ? Math.max(...toTravellers) - firstPush : NaN,
  };
}

/** Bare BullMQ: no-op jobs added at a steady rate to a worker on the same Redis; add -> processed. */
async function noopCeiling(redisUrl: string, seconds: number): Promise<{ levels: Array<{ rate: number; latencies: number[] }>; capacity: number }> {
  const connection = { url: redisUrl, maxRetriesPerRequest: null };
  const prefix = "{noop}";
  const queue = new Queue("noop", { connection, prefix, defaultJobOptions: { removeOnComplete: { age: 3_600, count: 10_000 } } });
  let onDone: (() => void) | undefined;
  let latencies: number[] = [];
  let processed = 0;
  const worker = new Worker(
    "noop",
    async (job) => {
      latencies.push(Date.now() - (job.data as { t: number }).t);
      processed++;
      onDone?.();
    },
    { connection, prefix, concurrency: 2 },
  );
  await worker.waitUntilReady();
  const levels: Array<{ rate: number; latencies: number[] }> = [];
  for (const rate of RATES) {
    latencies = [];
    const n = rate * seconds;
    const start = Date.now() + 100;
    for (let i = 0; i < n; i++) {
      const wait = start + (i * 1000) / rate - Date.now();
      if (wait > 0) await sleep(wait);
      await queue.add("noop", { t: Date.now() });
    }
    const limit = Date.now() + 10_000;
    while (latencies.length < n && Date.now() < limit) await sleep(20);
    levels.push({ rate, latencies });
  }
  // Capacity: a burst, as fast as the worker drains it.
  const burst = 3_000;
  latencies = [];
  processed = 0;
  const started = Date.now();
  const done = new Promise<void>((resolve) => (onDone = () => processed >= burst && resolve()));
  for (let i = 0; i < burst; i += 500) {
    await queue.addBulk(Array.from({ length: Math.min(500, burst - i) }, () => ({ name: "noop", data: { t: Date.now() } })));
  }
  await Promise.race([done, sleep(60_000)]);
  const capacity = (processed / (Date.now() - started)) * 1000;
  await worker.close();
  await queue.close();
  return { levels, capacity };
}

interface ConfigRun { label: string; levels: LevelResult[]; appRssMb: number; notVerified: number; onboardMs: number }

/**
 * A traveller per photo, each with one family contact and an open trip to LANDMARK, onboarded through the store
 * (what /start, consent, /contact and /trip would leave behind), 200 at a time.
 */
export async function onboardTravellers(store: App, fake: FakeBotApi, photos: readonly Buffer[]): Promise<Traveller[]> {
  const travellers: Traveller[] = [];
  const now = new Date();
  const deadline = new Date(Date.now() + 2 * 3_600_000);
  for (let i = 0; i < photos.length; i += 200) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(200, photos.length - i) }, async (_, k): Promise<Traveller> => {
        const user = makeUser({ first_name: `Traveller${i + k}` });
        const family = makeUser({ first_name: `Family${i + k}` });
        const tp = await store.deps.persons.touch({ channel: "telegram", chatId: String(user.id) }, user.first_name, now);
        await store.deps.persons.setLocale(tp.id, "en");
        await store.deps.persons.setConsent(tp.id, now);
        const fp = await store.deps.persons.touch({ channel: "telegram", chatId: String(family.id) }, family.first_name, now);
        await store.deps.persons.setLocale(fp.id, "en");
        await store.deps.contacts.link(tp.id, fp.id);
        await store.deps.trips.create(tp.id, LANDMARK, deadline, now);
        fake.registerUser(user);
        fake.registerUser(family);
        return { user, family, photo: photos[i + k]! };
      }),
    );
    travellers.push(...batch);
  }
  return travellers;
}

/** One configuration of the app: its own Redis prefix, fake Bot API, travellers and app process; the three levels. */
async function runConfig(redisUrl: string, photos: Buffer[], plan: Level[], label: string, prefix: string, env: Record<string, string>): Promise<ConfigRun> {
  const fake = await startFakeBotApi();
  const appKey = randomBytes(32).toString("base64");
  let child: Awaited<ReturnType<typeof startAppChild>> | undefined;
  try {
    const config = loadConfig({ REDIS_URL: redisUrl, REDIS_PREFIX: prefix, PORT: "0", LOG_LEVEL: "silent", APP_KEY: appKey });
    const store = new App(config, createLogger("silent"), { roles: [] });
    await store.seedCatalog();
    const landmark = (await store.deps.landmarks.get(LANDMARK))!.landmark;
    // Onboarding through the store (what /start, consent, /contact and /trip would leave behind).
    const t = Date.now();
    const travellers = await onboardTravellers(store, fake, photos);
    const onboardMs = Date.now() - t;
    await store.stop();

    child = await startAppChild(["bot,worker"], {
      REDIS_URL: redisUrl,
      REDIS_PREFIX: prefix,
      APP_KEY: appKey,
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      PORT: "0",
      ...env,
    });
    const deliveries = new Deliveries(fake, new Set(travellers.map((x) => String(x.family.id))));
    const levels: LevelResult[] = [];
    let offset = 0;
    for (const { rate, seconds } of plan) {
      const slice = travellers.slice(offset, offset + rate * seconds);
      offset += slice.length;
      levels.push(await runLevel(fake, deliveries, slice, rate, seconds, landmark));
    }
    const appRssMb = await child.stop();
    child = undefined;
    const notVerified = fake.calls("sendMessage").filter((c) => /not verified/i.test(String(c.params.text))).length;
    return { label, levels, appRssMb, notVerified, onboardMs };
  } finally {
    await child?.stop();
    await fake.close();
  }
}

export async function benchEndToEnd(seconds = 10): Promise<BenchSection> {
  const redis = await startBenchRedis();
  try {
    const defaults = loadConfig({});
    const scale = seconds / 10;
    const paced = PACED_LEVELS.map((l) => ({ rate: l.rate, seconds: Math.max(1, Math.round(l.seconds * scale)) }));
    const lifted = LIFTED_LEVELS.map((l) => ({ rate: l.rate, seconds: Math.max(1, Math.round(l.seconds * scale)) }));
    const perCheckin = Math.max(...[paced, lifted].map((plan) => plan.reduce((n, l) => n + l.rate * l.seconds, 0)));
    const t = Date.now();
    // The same photos serve both configurations: replay detection is per key prefix.
    const photos = await makePhotos(perCheckin);
    const photoMs = Date.now() - t;
    // The ceiling first, on the fresh server: later the AOF holds the check-ins' photos and rewrites of it
    // (a fork and a large write) would be measured as queue latency.
    const noopSeconds = Math.max(3, Math.round(seconds / 2));
    const ceiling = await noopCeiling(redis.url, noopSeconds);
    const runs: ConfigRun[] = [];
    const isPaced = "TELEGRAM_RATE_GLOBAL" in defaults && "TELEGRAM_RATE_PER_CHAT" in defaults;
    const pacing = isPaced ? `outbound pacing as shipped: TELEGRAM_RATE_GLOBAL ${String((defaults as Record<string, unknown>).TELEGRAM_RATE_GLOBAL)}/s, TELEGRAM_RATE_PER_CHAT ${String((defaults as Record<string, unknown>).TELEGRAM_RATE_PER_CHAT)}/s` : "defaults";
    runs.push(await runConfig(redis.url, photos, paced, `app defaults (${pacing})`, "{e2e}", {}));
    if (isPaced) {
      runs.push(await runConfig(redis.url, photos, lifted, "outbound pacing lifted (TELEGRAM_RATE_GLOBAL and TELEGRAM_RATE_PER_CHAT 100000): the pipeline's own capacity", "{e2e-unpaced}", { TELEGRAM_RATE_GLOBAL: "100000", TELEGRAM_RATE_PER_CHAT: "100000" }));
    }
    const rows: string[][] = [];
    const summary: string[][] = [];
    const facts: Record<string, number> = { capacity: ceiling.capacity, paced: isPaced ? 1 : 0, globalRate: isPaced ? Number((defaults as Record<string, unknown>).TELEGRAM_RATE_GLOBAL) : NaN };
    for (const [ri, run] of runs.entries()) {
      const tag = ri === 0 ? "default" : "unpaced";
      for (const l of run.levels) {
        const q = quantiles(l.latencies.filter(Number.isFinite));
        const c = quantiles(ceiling.levels.find((x) => x.rate === l.rate)?.latencies ?? []);
        const ok = keptUp(l);
        rows.push([
          ri === 0 ? "defaults" : "pacing lifted", `${l.rate} x ${Math.round(l.pushed / l.rate)} s`, fmt(l.pushRate, 1), `${l.delivered}/${l.pushed}`, fmt(l.throughput, 1), String(l.backlogAtEnd), fmt(l.drainMs / 1000, 1),
          l.trend.map((x) => (Number.isFinite(x) ? fmt(x) : "undelivered")).join(" -> "), ok ? "yes" : "**no**", fmt(q.p50), fmt(q.p95), fmt(q.p99), fmt(c.p50, 1), fmt(c.p99, 1), ratio(q.p50, c.p50, 0), ratio(q.p99, c.p99, 0),
          `${l.travellerMsgs} (${l.travellerBeforeLastFamily} before the last family one)`, `${fmt(l.familyHalfMs / 1000, 1)} / ${fmt(l.familyLastMs / 1000, 1)}`, fmt(l.travellerLastMs / 1000, 1),
        ]);
        const partial = l.delivered < l.pushed ? ` (${l.delivered} of ${l.pushed} delivered)` : "";
        const lat = l.delivered ? `p50 ${fmt(q.p50)} / p95 ${fmt(q.p95)} / p99 ${fmt(q.p99)} ms${partial}` : `none of ${l.pushed} delivered within ${DRAIN_LIMIT_MS / 1000} s of the last push`;
        summary.push([`end-to-end check-in -> family message at ${l.rate}/s for ${Math.round(l.pushed / l.rate)} s, ${ri === 0 ? "app defaults" : "outbound pacing lifted"}`, `${lat}; ${ok ? "kept up" : `**did not keep up** (${l.delivered > 1 ? `${fmt(l.throughput, 1)}/s` : l.delivered} delivered)`}`, `BullMQ no-op job p50 ${fmt(c.p50, 1)} / p99 ${fmt(c.p99, 1)} ms`, l.delivered ? `${ratio(q.p50, c.p50, 0)} (p50)` : "n/a"]);
        Object.assign(facts, { [`${tag}.r${l.rate}.familyLastMs`]: l.familyLastMs, [`${tag}.r${l.rate}.travellerMsgs`]: l.travellerMsgs, [`${tag}.r${l.rate}.travellerBeforeLastFamily`]: l.travellerBeforeLastFamily, [`${tag}.r${l.rate}.p50`]: q.p50, [`${tag}.r${l.rate}.p99`]: q.p99, [`${tag}.r${l.rate}.throughput`]: l.throughput, [`${tag}.r${l.rate}.keptUp`]: ok ? 1 : 0, [`${tag}.r${l.rate}.backlog`]: l.backlogAtEnd, [`${tag}.r${l.rate}.delivered`]: l.delivered, [`${tag}.r${l.rate}.pushed`]: l.pushed, [`r${l.rate}.noopP50`]: c.p50 });
      }
      const rates = run.levels.map((l) => l.throughput).filter(Number.isFinite);
      facts[`${tag}.maxThroughput`] = rates.length ? Math.max(...rates) : NaN;
      const kept = run.levels.filter(keptUp).map((l) => l.rate);
      facts[`${tag}.maxKeptUp`] = kept.length ? Math.max(...kept) : 0;
    }
    summary.push(["BullMQ no-op burst capacity (same Redis)", `${fmt(ceiling.capacity)} jobs/s`, "", ""]);
    const markdown = [
      table(["app", "offered /s", "pushed /s", "delivered", "delivered /s", "backlog at end of push", "drain s", "p50 ms 2nd -> 4th quarter", "kept up", "p50 ms", "p95 ms", "p99 ms", "no-op p50 ms", "no-op p99 ms", "ratio p50", "ratio p99", "messages to travellers", "family confirmations: half / all out (s after first push)", "last traveller message (s)"], rows),
      "",
      ...runs.map((r) => `- ${r.label === runs[0]!.label ? "defaults" : "pacing lifted"}: ${r.label}; app process peak RSS ${fmt(r.appRssMb)} MB; check-ins answered "not verified": ${r.notVerified}; ${photos.length} travellers + ${photos.length} contacts onboarded in ${fmt(r.onboardMs / 1000, 1)} s.`),
      `- Levels (rate x seconds): with the defaults ${paced.map((l) => `${l.rate}/s x ${l.seconds} s`).join(", ")}; with pacing lifted ${lifted.map((l) => `${l.rate}/s x ${l.seconds} s`).join(", ")}. Each level pushes check-ins: a 640x480 JPEG chat photo (each distinct: ${photos.length} seeded scenes made in ${fmt(photoMs / 1000, 1)} s, so no replay) and then a location at the landmark, from its own traveller (onboarded through the store: person, locale, consent, one family contact, an open trip to ${LANDMARK}). Latency: location pushed to getUpdates -> sendPhoto to that traveller's family contact received by the fake Bot API; percentiles over the check-ins delivered. "delivered /s" = (delivered - 1) / (last confirmation - first confirmation), which reads low when the first check-ins of a level are answered faster than the rest; "backlog" = check-ins whose confirmation was not out when the level's last check-in was pushed; "drain" = from then until the last confirmation (limit ${DRAIN_LIMIT_MS / 1000} s, then the next level starts and what is left is counted as not delivered); "2nd -> 4th quarter" = median latency of the check-ins pushed in the second and in the last quarter of the level; "messages to travellers" = sends to the level's travellers from its first push to the end of the drain, and how many of them went out before the level's last family confirmation (traveller chatter served ahead of the reassurance). Kept up: all delivered, latency not growing by 1 s or more from the 2nd to the 4th quarter, backlog <= 3 s of arrivals.`,
      `- The app: bench/app-process.ts with roles bot+worker in one Node process (grammY runner long polling into the Telegram inbox stream, INBOUND_CONCURRENCY ${defaults.INBOUND_CONCURRENCY}, VERIFY_CONCURRENCY ${defaults.VERIFY_CONCURRENCY}, NOTIFY_CONCURRENCY ${defaults.NOTIFY_CONCURRENCY}, default matcher). A check-in sends 3 Telegram messages: 2 to the traveller ("checking" and the result, both at low priority through the outbox; no "now send your location" since the location is already stored when the photo is handled) and 1 to the family (normal priority). The fake Bot API and this driver share the bench process; redis-server (AOF, appendfsync everysec) is a third; all on the same 2 cores.`,
      `- Ceiling: BullMQ Queue.add of a no-op job -> Worker (concurrency 2) on the same Redis, at the same rates for ${noopSeconds} s each, measured first while the Redis was fresh; "ratio" = check-in latency / no-op job latency. A check-in costs at least two such hops (verify, notify) plus getUpdates, two file downloads and the uploads. No-op burst capacity (3,000 jobs added in bulk): ${fmt(ceiling.capacity)} jobs/s.`,
    ].join("\n");
    return { title: "2. End to end", markdown, summary, facts };
  } finally {
    await redis.stop();
  }
}

if (isMain(import.meta.url)) {
  const s = await benchEndToEnd(Number(process.argv[2] ?? 10));
  console.log(`## ${s.title}\n\n${s.markdown}\n`);
  process.exit(0);
}
