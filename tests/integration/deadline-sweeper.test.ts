/**
 * The deadline sweeper (src/workers/deadline-sweeper.ts) on real timers in a real redis-server, with a
 * processor that records what it is given: due deadlines are fired once each, never more at a time than the
 * concurrency, by one of several workers, a slow one kept by its worker as long as it fires (its lease
 * renewed); a failing one retries with a growing wait and operators hear of it once; stopping waits for the
 * firings under way.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, test } from "node:test";
import { pino } from "pino";
import type { DeadlineJob } from "../../src/ports/jobs.ts";
import { DeadlineTimers } from "../../src/store/deadline-timers.ts";
import type { Keys } from "../../src/store/keys.ts";
import type { Handover } from "../../src/workers/deadline-processor.ts";
import { DeadlineSweeper, type SweeperOptions } from "../../src/workers/deadline-sweeper.ts";
import { StoreRedis } from "../support/store-redis.ts";

let store: StoreRedis;
before(async () => {
  store = await StoreRedis.start();
});
after(() => store?.stop());

const log = pino({ level: "silent" });
const deadline = (at: number): DeadlineJob => ({ travellerId: randomUUID(), tripId: randomUUID(), deadline: at });

/** A processor that takes `ms` per firing and then moves the deadline on, as the real one's advance does. */
class RecordingProcessor {
  fired: string[] = [];
  inFlight = 0;
  maxInFlight = 0;
  fail = new Set<string>();
  constructor(
    private readonly timers: DeadlineTimers,
    private readonly ms = 5,
  ) {}

  async process(job: DeadlineJob, handover?: Handover): Promise<undefined> {
    const member = handover && "timer" in handover ? handover.timer : "";
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await new Promise((r) => setTimeout(r, this.ms));
      if (this.fail.has(member)) throw new TypeError("test: this one fails");
      this.fired.push(member);
      await this.timers.reschedule(member, new Date(job.deadline + 3_600_000));
      return undefined;
    } finally {
      this.inFlight--;
    }
  }
}

function sweeper(keys: Keys, processor: RecordingProcessor, opts: Partial<SweeperOptions> = {}) {
  const told: string[] = [];
  const s = new DeadlineSweeper(new DeadlineTimers(store.redis, keys), processor, {
    concurrency: 10,
    leaseMs: 30_000,
    pollMs: 100,
    retry: { firstMs: 100, maxMs: 400, tellOperatorsAt: 3 },
    tellOperators: (text) => void told.push(text),
    ...opts,
  }, log);
  return { s, told };
}

async function until(what: string, probe: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const limit = Date.now() + ms;
  while (!(await probe())) {
    assert.ok(Date.now() < limit, `timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test("fires every due deadline once, no more at a time than its concurrency; one not due yet waits", async () => {
  const keys = store.keys();
  const timers = new DeadlineTimers(store.redis, keys);
  const now = Date.now();
  const due = Array.from({ length: 95 }, (_, i) => deadline(now - i));
  const later = deadline(now + 600);
  for (const d of [...due, later]) await timers.schedule(d, new Date(d.deadline));
  const processor = new RecordingProcessor(timers);
  const { s } = sweeper(keys, processor);
  s.start();
  try {
    await until("the due ones fired", () => processor.fired.length >= due.length);
    assert.ok(processor.maxInFlight <= 10, `at most 10 at once, saw ${processor.maxInFlight}`);
    assert.ok(!processor.fired.includes(DeadlineTimers.memberOf(later)), "not before it is due");
    await until("the later one, once due", () => processor.fired.includes(DeadlineTimers.memberOf(later)), 5_000);
    assert.ok(Date.now() >= later.deadline);
    assert.deepEqual([...processor.fired].sort(), [...due, later].map(DeadlineTimers.memberOf).sort(), "each once");
  } finally {
    await s.stop();
  }
});

test("two workers on the same timers: each deadline fired by one of them, once", async () => {
  const keys = store.keys();
  const timers = new DeadlineTimers(store.redis, keys);
  const now = Date.now();
  const due = Array.from({ length: 200 }, (_, i) => deadline(now - i));
  for (const d of due) await timers.schedule(d, new Date(d.deadline));
  const [a, b] = [new RecordingProcessor(timers, 2), new RecordingProcessor(timers, 2)];
  const workers = [sweeper(keys, a).s, sweeper(keys, b).s];
  for (const w of workers) w.start();
  try {
    await until("all fired", () => a.fired.length + b.fired.length >= due.length);
    await new Promise((r) => setTimeout(r, 200));
    const all = [...a.fired, ...b.fired].sort();
    assert.deepEqual(all, due.map(DeadlineTimers.memberOf).sort(), "once each, between them");
    assert.ok(a.fired.length > 0 && b.fired.length > 0, `shared: ${a.fired.length} / ${b.fired.length}`);
  } finally {
    await Promise.all(workers.map((w) => w.stop()));
  }
});

test("a firing slower than its lease keeps it (renewed): another worker does not fire it meanwhile", async () => {
  const keys = store.keys();
  const timers = new DeadlineTimers(store.redis, keys);
  const job = deadline(Date.now() - 10);
  await timers.schedule(job, new Date(job.deadline));
  const [slow, other] = [new RecordingProcessor(timers, 1_500), new RecordingProcessor(timers, 0)];
  const first = sweeper(keys, slow, { leaseMs: 300 }).s;
  first.start();
  await until("taken by the first", () => slow.inFlight === 1);
  const second = sweeper(keys, other, { leaseMs: 300 }).s;
  second.start();
  try {
    await until("fired by the first", () => slow.fired.length === 1, 5_000);
    assert.deepEqual(other.fired, [], "five lease periods on, still the first worker's");
    assert.equal(Number(await store.redis.zscore(keys.deadlinesDue(), DeadlineTimers.memberOf(job))), job.deadline + 3_600_000, "moved on by the firing, not by a renewal");
  } finally {
    await Promise.all([first.stop(), second.stop()]);
  }
});

test("a failing deadline retries with a growing wait, never dropped; operators are told once, at the set count", async () => {
  const keys = store.keys();
  const timers = new DeadlineTimers(store.redis, keys);
  const job = deadline(Date.now() - 10);
  const member = DeadlineTimers.memberOf(job);
  await timers.schedule(job, new Date(job.deadline));
  const processor = new RecordingProcessor(timers, 0);
  processor.fail.add(member);
  const { s, told } = sweeper(keys, processor);
  const attempts: number[] = [];
  const original = processor.process.bind(processor);
  processor.process = async (j, h) => {
    attempts.push(Date.now());
    return original(j, h);
  };
  s.start();
  try {
    await until("five attempts", () => attempts.length >= 5, 10_000);
    const gaps = attempts.slice(1).map((t, i) => t - attempts[i]!);
    // 100, 200, 400, 400 ms (the cap), give or take the poll.
    assert.ok(gaps[0]! >= 90 && gaps[1]! >= 190 && gaps[2]! >= 390 && gaps[3]! >= 390, `gaps ${gaps.join(", ")}`);
    assert.ok(gaps[3]! < 1_000, `capped: ${gaps[3]}`);
    assert.equal(told.length, 1, told.join("\n"));
    assert.match(told[0]!, /failed 3 times in a row \(TypeError\)/);
    assert.doesNotMatch(told[0]!, new RegExp(job.travellerId), "no person id to the operators' chat");
    processor.fail.clear();
    await until("fired once it can", () => processor.fired.includes(member), 5_000);
    assert.equal(await store.redis.hget(keys.deadlineFailures(), member), null, "count cleared");
  } finally {
    await s.stop();
  }
});

test("stop waits for the firings under way and takes no more; what it did not take stays due", async () => {
  const keys = store.keys();
  const timers = new DeadlineTimers(store.redis, keys);
  const now = Date.now();
  const due = Array.from({ length: 30 }, (_, i) => deadline(now - i));
  for (const d of due) await timers.schedule(d, new Date(d.deadline));
  const processor = new RecordingProcessor(timers, 300);
  const { s } = sweeper(keys, processor);
  s.start();
  await until("some under way", () => processor.inFlight > 0);
  await s.stop();
  assert.equal(processor.inFlight, 0, "none left under way");
  assert.equal(processor.fired.length, 10, "the first batch finished");
  await new Promise((r) => setTimeout(r, 400));
  assert.equal(processor.fired.length, 10, "none taken after stop");
  assert.equal(await timers.dueBy(Date.now()), 20, "the rest still due");
});

test("an entry that is not a deadline is dropped", async () => {
  const keys = store.keys();
  const timers = new DeadlineTimers(store.redis, keys);
  await store.redis.zadd(keys.deadlinesDue(), Date.now() - 10, "junk");
  const processor = new RecordingProcessor(timers);
  const { s } = sweeper(keys, processor);
  s.start();
  try {
    await until("dropped", async () => (await store.redis.zscore(keys.deadlinesDue(), "junk")) === null, 5_000);
    assert.deepEqual(processor.fired, []);
  } finally {
    await s.stop();
  }
});
