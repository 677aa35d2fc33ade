import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { ChildProcess } from "node:child_process";
import type { App } from "../../src/app.ts";
import { configSchema } from "../../src/config.ts";
import { makeUser, startFakeBotApi, type FakeBotApi, type FakeUser } from "../support/fake-bot-api.ts";
import { makeJpeg } from "../support/photos.ts";
import { startRedis, type RedisServerHandle } from "../support/redis-server.ts";
import { startTestApp } from "../support/test-app.ts";
import { killWorkers, spawnWorker } from "../support/worker-process.ts";

const CHECKINS = 200;
const ROME = { latitude: 41.901, longitude: 12.5015 };

let redis: RedisServerHandle;
let fake: FakeBotApi;
let app: App;

function startWorker(): ChildProcess {
  return spawnWorker(app, fake, { redisUrl: redis.url, env: { JOB_LOCK: "5s" } });
}

before(async () => {
  redis = await startRedis();
  fake = await startFakeBotApi();
  app = await startTestApp({ redisUrl: redis.url, roles: ["bot"], telegram: { apiRoot: fake.apiRoot, token: fake.token }, env: { JOB_LOCK: "5s" } });
});

after(async () => {
  killWorkers();
  await app?.stop();
  await fake?.close();
  await redis?.stop();
});

/** Travellers, contacts and trips straight through the store (the journey itself is tested elsewhere), and a photo each. */
async function prepare(n: number, tag: string) {
  const pairs: { traveller: FakeUser; contact: FakeUser }[] = [];
  const { persons, contacts, trips, lifecycle } = app.deps;
  for (let i = 0; i < n; i++) {
    const traveller = makeUser({ first_name: `${tag}t${i}` });
    const contact = makeUser({ first_name: `${tag}c${i}` });
    const t = await persons.touch({ channel: "telegram", chatId: String(traveller.id) }, traveller.first_name, new Date());
    const c = await persons.touch({ channel: "telegram", chatId: String(contact.id) }, contact.first_name, new Date());
    await persons.setLocale(t.id, "en");
    await persons.setConsent(t.id, new Date());
    await contacts.link(t.id, c.id);
    await lifecycle.scheduleNext(await trips.create(t.id, "rome-termini-station", new Date(Date.now() + 7_200_000), new Date()));
    pairs.push({ traveller, contact });
  }
  const photos = await Promise.all(pairs.map((_, i) => makeJpeg({ width: 640, height: 480, seed: `${tag}-${i}` })));
  return { pairs, photos };
}

/**
 * Sends a killed worker may repeat: Telegram has no idempotency key, so a confirmation Telegram accepted in
 * the moment before the worker could mark it sent (store/sent-markers.ts) goes again when its claim lapses.
 * At most one per send in flight when the process died: the notify worker's concurrency (the spawned worker
 * runs with the default).
 */
const IN_FLIGHT_SENDS = configSchema.shape.NOTIFY_CONCURRENCY.parse(undefined);

/**
 * Check-ins in flight, the worker stopped by `signal` mid-way and started again: each contact gets exactly
 * one confirmation, except that after a SIGKILL up to IN_FLIGHT_SENDS of them may get a second one.
 */
async function interrupted(n: number, signal: NodeJS.Signals, tag: string): Promise<{ exitCode: number | null; stopMs: number }> {
  const { pairs, photos } = await prepare(n, tag);
  let worker = startWorker();
  const mark = fake.mark();
  pairs.forEach(({ traveller }, i) => {
    fake.photo(traveller, photos[i]!);
    fake.location(traveller, ROME);
  });
  const confirmations = () => fake.calls("sendPhoto").filter((c) => c.seq > mark && c.outcome === "ok").length;
  const until = async (cond: () => boolean, ms: number) => {
    const end = Date.now() + ms;
    while (!cond() && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
  };
  await until(() => confirmations() >= n / 4, 90_000);
  const stopping = Date.now();
  const exited = new Promise<number | null>((r) => worker.once("exit", (code) => r(code)));
  worker.kill(signal);
  const exitCode = await exited;
  const stopMs = Date.now() - stopping;
  assert.ok(confirmations() < n, "stopped mid-way");
  worker = startWorker();

  await until(() => confirmations() >= n, 120_000);
  await new Promise((r) => setTimeout(r, 4_000)); // room for duplicates to show
  let repeated = 0;
  for (const { contact } of pairs) {
    const sent = fake.calls("sendPhoto").filter((c) => c.seq > mark && c.outcome === "ok" && String(c.params.chat_id) === String(contact.id));
    if (signal === "SIGKILL" && sent.length === 2) repeated++;
    else assert.equal(sent.length, 1, `${contact.first_name}: exactly one confirmation`);
  }
  assert.ok(repeated <= IN_FLIGHT_SENDS, `${repeated} contacts got a second confirmation: more than the ${IN_FLIGHT_SENDS} sends a killed worker can have in flight`);
  const counts = await app.producers.verifyQueue.getJobCounts("waiting", "active", "delayed", "failed");
  assert.deepEqual(counts, { waiting: 0, active: 0, delayed: 0, failed: 0 }, "no verification job lost or stuck");
  worker.kill("SIGTERM");
  await new Promise((r) => worker.once("exit", r));
  return { exitCode, stopMs };
}

test(`a worker killed with SIGKILL while ${CHECKINS} verifications are in flight: after restart each contact gets its confirmation, and at most the sends in flight at the kill go twice`, { timeout: 180_000 }, async () => {
  await interrupted(CHECKINS, "SIGKILL", "kill");
});

test("SIGTERM during load: the worker finishes what it holds, exits 0 within the bound, and nothing is lost", { timeout: 180_000 }, async () => {
  const { exitCode, stopMs } = await interrupted(80, "SIGTERM", "term");
  assert.equal(exitCode, 0);
  assert.ok(stopMs < 20_000, `stopped in ${stopMs} ms`);
});
