/** SentMarkers (src/store/sent-markers.ts): one attempt at a time sends a message, and a sent one is never sent again. */
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { after, afterEach, before, test } from "node:test";
import { SentMarkers } from "../../../src/store/sent-markers.ts";
import { StoreRedis } from "../../support/store-redis.ts";

let s: StoreRedis;
before(async () => (s = await StoreRedis.start()));
afterEach(() => s.cleanup());
after(() => s.stop());

const markers = (claimMs = 60_000) => new SentMarkers(s.redis, s.keys(), 3_600_000, claimMs);

test("claimed, then busy for others, then sent for good once marked", async () => {
  const sent = markers();
  assert.equal(await sent.claim("job-1"), "claimed");
  assert.equal(await sent.claim("job-1"), "busy");
  assert.equal(await sent.was("job-1"), false);
  await sent.mark("job-1");
  assert.equal(await sent.claim("job-1"), "sent");
  assert.equal(await sent.was("job-1"), true);
  assert.equal(await sent.claim("job-2"), "claimed", "per job");
});

test("parallel claims: exactly one goes ahead", async () => {
  const sent = markers();
  const claims = await Promise.all(Array.from({ length: 8 }, () => sent.claim("job-p")));
  assert.equal(claims.filter((c) => c === "claimed").length, 1);
});

test("a released claim can be taken again at once; release never undoes a sent mark", async () => {
  const sent = markers();
  await sent.claim("job-1");
  await sent.release("job-1");
  assert.equal(await sent.claim("job-1"), "claimed");
  await sent.mark("job-1");
  await sent.release("job-1");
  assert.equal(await sent.was("job-1"), true);
});

test("a dead attempt's claim lapses after the claim time", async () => {
  const sent = markers(100);
  await sent.claim("job-1");
  await sleep(300);
  assert.equal(await sent.claim("job-1"), "claimed");
});
