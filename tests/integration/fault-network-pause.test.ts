/**
 * Network faults between a worker and Redis, through an in-repo TCP proxy (tests/support/tcp-fault-proxy.ts):
 * a pause longer than the job lock loses no job and sends nothing twice; a silent stall (connections open
 * but dead for good) is noticed by the Redis watchdog, which reconnects, and the worker carries on by itself.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import type { App } from "../../src/app.ts";
import { makeUser, startFakeBotApi, type FakeBotApi, type FakeUser } from "../support/fake-bot-api.ts";
import { makeJpeg } from "../support/photos.ts";
import { startRedis, type RedisServerHandle } from "../support/redis-server.ts";
import { startTcpFaultProxy, type TcpFaultProxy } from "../support/tcp-fault-proxy.ts";
import { startTestApp } from "../support/test-app.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const ROME = { latitude: 41.901, longitude: 12.5015 };
const JOB_LOCK_MS = 2_000;
const WATCHDOG_MS = 1_000;

let redis: RedisServerHandle;
let proxy: TcpFaultProxy;
let fake: FakeBotApi;
let app: App;
let worker: ChildProcess | undefined;
let workerLog = "";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A separate `worker` process whose only way to Redis is the proxy. */
function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "worker"], {
    cwd: ROOT,
    env: {
      ...process.env,
      REDIS_URL: proxy.url,
      REDIS_PREFIX: app.config.REDIS_PREFIX,
      APP_KEY: app.config.APP_KEY!,
      PROOF_SIGNING_KEY: app.config.PROOF_SIGNING_KEY!,
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      TELEGRAM_RATE_GLOBAL: "200",
      JOB_LOCK: `${JOB_LOCK_MS / 1000}s`,
      REDIS_WATCHDOG_INTERVAL: `${WATCHDOG_MS / 1000}s`,
      LOG_LEVEL: "warn",
      PORT: "0",
    },
    stdio: ["ignore", "pipe", "ignore"],
  });
  child.stdout!.on("data", (chunk: Buffer) => (workerLog += chunk.toString("utf8")));
  return child;
}

before(async () => {
  redis = await startRedis();
  proxy = await startTcpFaultProxy({ port: redis.port });
  fake = await startFakeBotApi();
  app = await startTestApp({
    redisUrl: redis.url,
    roles: ["bot"],
    telegram: { apiRoot: fake.apiRoot, token: fake.token },
    env: { JOB_LOCK: `${JOB_LOCK_MS / 1000}s`, TELEGRAM_RATE_GLOBAL: "200" },
  });
  worker = startWorker();
});

after(async () => {
  worker?.kill("SIGKILL");
  await app?.stop();
  await proxy?.close();
  await fake?.close();
  await redis?.stop();
});

/** Travellers, contacts and trips straight through the store (the journey itself is tested elsewhere), and a photo each. */
async function prepare(n: number, tag: string) {
  const pairs: { traveller: FakeUser; contacts: FakeUser[] }[] = [];
  const { persons, contacts, trips, lifecycle } = app.deps;
  for (let i = 0; i < n; i++) {
    const traveller = makeUser({ first_name: `${tag}t${i}` });
    const family = [makeUser({ first_name: `${tag}c${i}a` }), makeUser({ first_name: `${tag}c${i}b` })];
    const t = await persons.touch({ channel: "telegram", chatId: String(traveller.id) }, traveller.first_name, new Date());
    await persons.setLocale(t.id, "en");
    await persons.setConsent(t.id, new Date());
    for (const f of family) {
      const c = await persons.touch({ channel: "telegram", chatId: String(f.id) }, f.first_name, new Date());
      await contacts.link(t.id, c.id);
    }
    await lifecycle.scheduleNext(await trips.create(t.id, "rome-termini-station", new Date(Date.now() + 7_200_000), new Date()));
    pairs.push({ traveller, contacts: family });
  }
  const photos = await Promise.all(pairs.map((_, i) => makeJpeg({ width: 640, height: 480, seed: `${tag}-${i}` })));
  return { pairs, photos };
}

function checkIn(pairs: { traveller: FakeUser }[], photos: Buffer[]): void {
  pairs.forEach(({ traveller }, i) => {
    fake.photo(traveller, photos[i]!);
    fake.location(traveller, ROME);
  });
}

const confirmationsTo = (chatId: number, mark: number) =>
  fake.calls("sendPhoto").filter((c) => c.seq > mark && c.outcome === "ok" && String(c.params.chat_id) === String(chatId));

async function until(cond: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) return false;
    await sleep(50);
  }
  return true;
}

/** Every contact got exactly one confirmation, and the queues hold nothing waiting, running or failed. */
async function assertExactlyOnceAndDrained(pairs: { contacts: FakeUser[] }[], mark: number): Promise<void> {
  await sleep(JOB_LOCK_MS * 2); // room for a duplicate to show up
  for (const { contacts } of pairs) {
    for (const c of contacts) assert.equal(confirmationsTo(c.id, mark).length, 1, `${c.first_name}: exactly one confirmation`);
  }
  const { verifyQueue, notifyQueue } = app.producers;
  for (const queue of [verifyQueue, notifyQueue]) {
    const counts = await queue.getJobCounts("waiting", "prioritized", "active", "delayed", "failed");
    assert.deepEqual(counts, { waiting: 0, prioritized: 0, active: 0, delayed: 0, failed: 0 }, `${queue.name}: no job lost, stuck or failed`);
  }
}

test("a network pause longer than the job lock, mid-flight: no duplicate message, no lost job", { timeout: 60_000 }, async () => {
  const n = 30;
  const { pairs, photos } = await prepare(n, "pause");
  const mark = fake.mark();
  const total = () => pairs.reduce((sum, p) => sum + p.contacts.filter((c) => confirmationsTo(c.id, mark).length > 0).length, 0);
  checkIn(pairs, photos);
  assert.ok(await until(() => total() >= 6, 30_000), "confirmations started");

  proxy.pause();
  const pausedAt = total();
  await sleep(JOB_LOCK_MS * 2.5);
  const duringPause = total() - pausedAt;
  proxy.resume();
  assert.ok(total() < n * 2, `the pause landed mid-flight (${total()} of ${n * 2} sent)`);
  // A send already past its Redis steps may finish during the pause; nothing that needs Redis can.
  assert.ok(duringPause <= 10, `almost nothing moved while Redis was out of reach (${duringPause})`);

  assert.ok(await until(() => total() >= n * 2, 30_000), `all confirmations after the pause (${total()} of ${n * 2})`);
  await assertExactlyOnceAndDrained(pairs, mark);
});

test("a silent stall (connections open but dead for good): the watchdog reconnects and the worker carries on by itself", { timeout: 60_000 }, async () => {
  const n = 5;
  const { pairs, photos } = await prepare(n, "stall");
  const acceptedBefore = proxy.accepted;
  workerLog = "";
  // No FIN, no RST: ioredis cannot tell. New connections would work, but nothing asks for one.
  proxy.stall();
  const stalledAt = Date.now();
  const mark = fake.mark();
  checkIn(pairs, photos);
  const total = () => pairs.reduce((sum, p) => sum + p.contacts.filter((c) => confirmationsTo(c.id, mark).length > 0).length, 0);
  // Detection takes 3 missed PINGs (3 × 1 s), then the reconnect and the queued work.
  const bound = WATCHDOG_MS * 3 + 10_000;
  assert.ok(await until(() => total() >= n * 2, bound), `the worker recovered within ${bound} ms (${total()} of ${n * 2} sent)`);
  const recovered = Date.now() - stalledAt;
  assert.ok(recovered >= WATCHDOG_MS * 2, `it did wait for the watchdog (${recovered} ms)`);
  assert.match(workerLog, /redis connection stalled: reconnecting/);
  assert.ok(proxy.accepted > acceptedBefore, "the worker opened new connections");
  await assertExactlyOnceAndDrained(pairs, mark);
});
