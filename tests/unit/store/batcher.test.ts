/**
 * The Batcher (src/store/batcher.ts): the calls of one event-loop turn go as one run, up to its maximum; each
 * caller gets its own answer or error, and a failed run fails every call of its batch.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { Batcher } from "../../../src/store/batcher.ts";

test("the calls of one turn go as one run, each answered by its index", async () => {
  const runs: number[][] = [];
  const b = new Batcher<number, number>(async (reqs) => {
    runs.push(reqs);
    return reqs.map((r) => r * 10);
  });
  assert.deepEqual(await Promise.all([b.add(1), b.add(2), b.add(3)]), [10, 20, 30]);
  assert.deepEqual(await b.add(4), 40);
  assert.deepEqual(runs, [[1, 2, 3], [4]]);
});

test("calls made as earlier ones are answered join the next run; no run is larger than the maximum", async () => {
  const runs: number[][] = [];
  const b = new Batcher<number, number>(async (reqs) => {
    runs.push(reqs);
    return reqs;
  }, 2);
  await Promise.all([1, 2, 3, 4, 5].map((n) => b.add(n).then((v) => b.add(v + 10))));
  assert.ok(runs.every((r) => r.length <= 2), JSON.stringify(runs));
  assert.deepEqual(runs.flat().sort((x, y) => x - y), [1, 2, 3, 4, 5, 11, 12, 13, 14, 15]);
});

test("an Error answers its own call only; a run that fails fails its whole batch, and the next batch runs", async () => {
  let fail = false;
  const b = new Batcher<number, number>(async (reqs) => {
    if (fail) throw new Error("connection lost");
    return reqs.map((r) => (r < 0 ? new Error(`bad ${r}`) : r));
  });
  const [ok, bad] = await Promise.allSettled([b.add(1), b.add(-1)]);
  assert.deepEqual(ok, { status: "fulfilled", value: 1 });
  assert.equal(bad.status === "rejected" && (bad.reason as Error).message, "bad -1");
  fail = true;
  const failed = await Promise.allSettled([b.add(2), b.add(3)]);
  assert.deepEqual(failed.map((r) => r.status), ["rejected", "rejected"]);
  fail = false;
  assert.equal(await b.add(4), 4);
});

test("a run that answers fewer requests than it was given fails the unanswered ones", async () => {
  const b = new Batcher<number, number>(async (reqs) => reqs.slice(0, 1));
  const results = await Promise.allSettled([b.add(1), b.add(2)]);
  assert.deepEqual(results.map((r) => r.status), ["fulfilled", "rejected"]);
});
