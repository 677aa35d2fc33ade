/**
 * Redis memory per active traveller: 10,000 travellers, each with 2 family contacts and an open trip
 * (and its deadline's timer), written through the app's repositories into a private Redis;
 * INFO memory used_memory before and after each step, divided by the number of travellers.
 * Run: npx tsx bench/memory.ts [travellers]
 */
import { randomBytes } from "node:crypto";
import { App } from "../src/app.ts";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import { startRedis } from "../tests/support/redis-server.ts";
import { fmt, isMain, table, type BenchSection } from "./stats.ts";

const BATCH = 250;

async function usedMemory(app: App): Promise<{ bytes: number; keys: number }> {
  const info = await app.redis.info("memory");
  const bytes = Number(/used_memory:(\d+)/.exec(info)?.[1]);
  const keys = Number(await app.redis.dbsize());
  return { bytes, keys };
}

export async function benchMemory(travellers = 10_000): Promise<BenchSection> {
  const redis = await startRedis();
  const config = loadConfig({ REDIS_URL: redis.url, REDIS_PREFIX: "{sa}", PORT: "0", LOG_LEVEL: "silent", APP_KEY: randomBytes(32).toString("base64") });
  const app = new App(config, createLogger("silent"), { roles: [] });
  try {
    await app.seedCatalog();
    const { persons, contacts, trips } = app.deps;
    const now = new Date();
    const deadline = new Date(Date.now() + 6 * 3_600_000);
    const ids: Array<{ t: string; f: [string, string] }> = [];
    const steps: Array<{ step: string; bytes: number; keys: number; ms: number }> = [];
    const measure = async (step: string, started: number) => {
      const m = await usedMemory(app);
      steps.push({ step, ...m, ms: Date.now() - started });
    };
    const inBatches = async (fn: (i: number) => Promise<void>) => {
      for (let i = 0; i < travellers; i += BATCH) await Promise.all(Array.from({ length: Math.min(BATCH, travellers - i) }, (_, k) => fn(i + k)));
    };
    // Baseline: the catalog and BullMQ's queue metadata are there before anyone signs up.
    await app.producers.deadlineQueue.getJobCounts();
    let t = Date.now();
    await measure("empty app (catalog, queues)", t);

    t = Date.now();
    await inBatches(async (i) => {
      const p = await persons.touch({ channel: "telegram", chatId: String(700_000_000 + i) }, `Traveller ${i}`, now);
      await persons.setLocale(p.id, "ar");
      await persons.setConsent(p.id, now);
      ids[i] = { t: p.id, f: ["", ""] };
    });
    await measure("travellers (person record, data key, address index, locale, consent)", t);

    t = Date.now();
    await inBatches(async (i) => {
      for (const j of [0, 1] as const) {
        const f = await persons.touch({ channel: "telegram", chatId: String(800_000_000 + i * 2 + j) }, `Family ${i}-${j}`, now);
        await persons.setLocale(f.id, "en");
        ids[i]!.f[j] = f.id;
      }
    });
    await measure("2 family contacts each (their person records)", t);

    t = Date.now();
    await inBatches(async (i) => {
      for (const f of ids[i]!.f) await contacts.link(ids[i]!.t, f);
    });
    await measure("contact links (both directions, fields of the person hashes)", t);

    t = Date.now();
    const open: Awaited<ReturnType<typeof trips.create>>[] = [];
    await inBatches(async (i) => {
      open[i] = await trips.create(ids[i]!.t, "athens-syntagma-square", deadline, now);
    });
    await measure("open trip (sealed record, active-trips index)", t);

    t = Date.now();
    await inBatches(async (i) => {
      await app.lifecycle.scheduleNext(open[i]!);
    });
    await measure("its deadline timer (an entry of the due-deadlines sorted set)", t);

    const rows: string[][] = [];
    for (let i = 1; i < steps.length; i++) {
      const d = steps[i]!.bytes - steps[i - 1]!.bytes;
      rows.push([steps[i]!.step, fmt(d / 1e6, 1), fmt(d / travellers), fmt((steps[i]!.keys - steps[i - 1]!.keys) / travellers, 1), fmt(steps[i]!.ms / 1000, 1)]);
    }
    const total = steps.at(-1)!.bytes - steps[0]!.bytes;
    const totalKeys = steps.at(-1)!.keys - steps[0]!.keys;
    rows.push(["**total per active traveller**", `**${fmt(total / 1e6, 1)}**`, `**${fmt(total / travellers)}**`, `**${fmt(totalKeys / travellers, 1)}**`, ""]);
    // MEMORY USAGE on one traveller's own keys, as a cross-check of the INFO deltas.
    const sample = ids[0]!;
    let sampled = 0;
    for (const key of [app.keys.person(sample.t), app.keys.trip(sample.t), app.keys.person(sample.f[0]), app.keys.person(sample.f[1])]) {
      sampled += Number((await app.redis.memory("USAGE", key)) ?? 0);
    }
    const markdown = [
      table(["step (for each traveller)", "Redis MB", "bytes per traveller", "keys per traveller", "write time s"], rows),
      "",
      `- ${travellers.toLocaleString("en")} travellers written through the app's repositories (PersonRepository.touch/setLocale/setConsent, ContactRepository.link, TripRepository.create, TripLifecycle.scheduleNext) into a private redis-server; INFO memory used_memory after each step, the difference divided by ${travellers.toLocaleString("en")}. Baseline (empty app): ${fmt(steps[0]!.bytes / 1e6, 1)} MB. A projection: 1 GB of Redis holds about ${fmt(1e9 / (total / travellers) / 1000)} thousand such travellers (before AOF rewrite headroom and fragmentation).`,
      `- Cross-check: MEMORY USAGE of one traveller's person hash (with its links) and trip hash plus its two contacts' person hashes: ${sampled} bytes (without index keys, data keys and the deadline's timer entry).`,
    ].join("\n");
    return {
      title: "5. Memory",
      markdown,
      summary: [[`Redis memory per active traveller (2 contacts, open trip, its deadline timer), ${travellers.toLocaleString("en")} travellers`, `${fmt(total / travellers)} bytes (${fmt(totalKeys / travellers, 1)} keys)`, `empty app ${fmt(steps[0]!.bytes / 1e6, 1)} MB`, ""]],
      facts: { perTraveller: total / travellers, keysPerTraveller: totalKeys / travellers },
    };
  } finally {
    await app.stop();
    await redis.stop();
  }
}

if (isMain(import.meta.url)) {
  const s = await benchMemory(Number(process.argv[2] ?? 10_000));
  console.log(`## ${s.title}\n\n${s.markdown}\n`);
  process.exit(0);
}
