/** ConversationStateStore (src/store/conversation-state.ts): what a dialogue waits for next, for an hour at most. */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, afterEach, before, test } from "node:test";
import { ConversationStateStore } from "../../../src/store/conversation-state.ts";
import { StoreRedis } from "../../support/store-redis.ts";

let s: StoreRedis;
before(async () => (s = await StoreRedis.start()));
afterEach(() => s.cleanup());
after(() => s.stop());

test("a state is kept per person, replaced by the next, and cleared", async () => {
  const states = new ConversationStateStore(s.redis, s.keys());
  const [a, b] = [randomUUID(), randomUUID()];
  assert.equal(await states.get(a), undefined);
  await states.set(a, { step: "trip_deadline", landmarkId: "paris-gare-du-nord" });
  await states.set(b, { step: "consent" });
  assert.deepEqual(await states.get(a), { step: "trip_deadline", landmarkId: "paris-gare-du-nord" });
  await states.set(a, { step: "photo_check", until: 1234 });
  assert.deepEqual(await states.get(a), { step: "photo_check", until: 1234 });
  await states.clear(a);
  assert.equal(await states.get(a), undefined);
  assert.deepEqual(await states.get(b), { step: "consent" });
});

test("an abandoned dialogue expires within the hour", async () => {
  const keys = s.keys();
  const id = randomUUID();
  await new ConversationStateStore(s.redis, keys).set(id, { step: "forget_confirm" });
  const ttl = await s.redis.pttl(keys.state(id));
  assert.ok(ttl > 0 && ttl <= 3_600_000, String(ttl));
});
