import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { LEARNED_MAX_CPU_PRESSURE, LEARNED_OPINION_INTERVAL_MS, LearnedOpinionBudget } from "../../../src/workers/learned-opinion-budget.ts";

/**
 * A budget on a hand-moved clock, with `load` check-ins being verified or waiting (the job itself counts) and
 * the machine's CPU pressure as `pressure` says (never the real machine's: the suite's own load would leak in).
 */
function budget(maxWaitMs: number, load: () => Promise<number> = async () => 1, pressure: () => Promise<number | undefined> = async () => 0) {
  const clock = { t: 1_000_000 };
  let asked = 0;
  const b = new LearnedOpinionBudget({ verifyLoad: () => (asked++, load()) }, maxWaitMs, () => clock.t, pressure);
  return { b, clock, asked: () => asked };
}

describe("LearnedOpinionBudget", () => {
  test("0 (the default) never asks, even for a check-in taken the millisecond it was queued, and never counts the queue", async () => {
    const { b, clock, asked } = budget(0);
    assert.equal(await b.mayAsk(clock.t), false);
    assert.equal(asked(), 0);
  });

  test("a check-in that waited no longer than the limit, alone in the queue, may ask; one that waited longer may not", async () => {
    const { b, clock } = budget(200);
    assert.equal(await b.mayAsk(clock.t - 201), false);
    assert.equal(await b.mayAsk(clock.t - 200), true);
  });

  test("another check-in being verified or waiting: no opinion", async () => {
    const { b, clock } = budget(200, async () => 2);
    assert.equal(await b.mayAsk(clock.t), false);
  });

  test("Redis unreachable while counting: treated as busy, the check-in goes on without the opinion", async () => {
    const { b, clock } = budget(200, () => Promise.reject(new Error("connection closed")));
    assert.equal(await b.mayAsk(clock.t), false);
  });

  test("at most one opinion per interval per process, whatever the queue says", async () => {
    const { b, clock } = budget(200);
    assert.equal(await b.mayAsk(clock.t), true);
    clock.t += LEARNED_OPINION_INTERVAL_MS - 1;
    assert.equal(await b.mayAsk(clock.t), false);
    clock.t += 1;
    assert.equal(await b.mayAsk(clock.t), true);
  });

  test("a refusal for load does not use up the interval", async () => {
    let load = 3;
    const { b, clock } = budget(200, async () => load);
    assert.equal(await b.mayAsk(clock.t), false);
    load = 1;
    clock.t += 10;
    assert.equal(await b.mayAsk(clock.t), true);
  });

  test("a machine whose tasks waited for a CPU more than the limit sheds it, even with the queue empty", async () => {
    let pressure: number | undefined = LEARNED_MAX_CPU_PRESSURE + 0.5;
    const { b, clock } = budget(200, async () => 1, async () => pressure);
    assert.equal(await b.mayAsk(clock.t), false);
    pressure = LEARNED_MAX_CPU_PRESSURE;
    assert.equal(await b.mayAsk(clock.t), true);
  });

  test("where the kernel reports no pressure (or reading it fails), the queue alone decides", async () => {
    assert.equal(await budget(200, async () => 1, async () => undefined).b.mayAsk(1_000_000), true);
    assert.equal(await budget(200, async () => 1, () => Promise.reject(new Error("EACCES"))).b.mayAsk(1_000_000), true);
  });
});
