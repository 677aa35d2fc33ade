/**
 * The fake Bot API behaves as the real one where the bot's behaviour depends on it (sources in the comment at
 * the top of tests/support/fake-bot-api.ts): long polls held for the asked timeout, 409 for a poll ended by a
 * newer one, webhook re-sends per chat with backoff, the real error codes and limits.
 */
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "node:test";
import { makeUser, startFakeBotApi, type FakeBotApi } from "../../support/fake-bot-api.ts";

async function withFake(fn: (fake: FakeBotApi) => Promise<void>, opts: Parameters<typeof startFakeBotApi>[0] = {}): Promise<void> {
  const fake = await startFakeBotApi(opts);
  try {
    await fn(fake);
  } finally {
    await fake.close();
  }
}

async function call(fake: FakeBotApi, method: string, params: Record<string, unknown>, token = fake.token): Promise<{ status: number; body: any }> {
  const res = await fetch(`${fake.apiRoot}/bot${token}/${method}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(params),
  });
  return { status: res.status, body: await res.json() };
}

test("getUpdates is held for the whole timeout asked, and answered at once when an update arrives", () =>
  withFake(async (fake) => {
    let t0 = Date.now();
    const empty = await call(fake, "getUpdates", { timeout: 2 });
    const held = Date.now() - t0;
    assert.deepEqual(empty.body, { ok: true, result: [] });
    // The upper bound only tells "answered at the timeout" from "held for a second timeout" (4 s); event-loop
    // delay on a loaded machine adds a few hundred ms, which is not the fake's doing.
    assert.ok(held >= 1_950 && held < 3_500, `held ${held} ms for timeout=2`);

    const user = makeUser();
    t0 = Date.now();
    const waiting = call(fake, "getUpdates", { timeout: 10 });
    await fake.waitForCall((c) => c.method === "getUpdates" && c.params.timeout === 10);
    fake.text(user, "hi");
    const got = await waiting;
    assert.equal(got.body.result.length, 1);
    assert.ok(Date.now() - t0 < 1_000, "answered as soon as the update came");
  }));

test("a second waiting getUpdates ends the first with 409 Conflict; the second keeps waiting", () =>
  withFake(async (fake) => {
    const first = call(fake, "getUpdates", { timeout: 5 });
    await fake.waitForCall((c) => c.method === "getUpdates");
    const t0 = Date.now();
    const second = call(fake, "getUpdates", { timeout: 1 });
    const ended = await first;
    assert.equal(ended.status, 409);
    assert.deepEqual(ended.body, {
      ok: false,
      error_code: 409,
      description: "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    });
    assert.ok(Date.now() - t0 < 500);
    assert.deepEqual((await second).body, { ok: true, result: [] });
    assert.ok(Date.now() - t0 >= 950, "the newer poll was held for its own timeout");
  }));

test("the Bot API's own error codes and descriptions", () =>
  withFake(
    async (fake) => {
      const user = makeUser();
      fake.registerUser(user);
      assert.deepEqual((await call(fake, "sendMessage", { chat_id: user.id, text: "x".repeat(4097) })).body, {
        ok: false,
        error_code: 400,
        description: "Bad Request: message is too long",
      });
      assert.equal((await call(fake, "sendMessage", { chat_id: user.id, text: "x".repeat(4096) })).status, 200);
      assert.deepEqual((await call(fake, "sendPhoto", { chat_id: user.id, photo: "https://example.org/x.jpg", caption: "y".repeat(1025) })).body, {
        ok: false,
        error_code: 400,
        description: "Bad Request: message caption is too long",
      });
      fake.block(user.id);
      assert.deepEqual((await call(fake, "sendMessage", { chat_id: user.id, text: "hi" })).body, {
        ok: false,
        error_code: 403,
        description: "Forbidden: bot was blocked by the user",
      });
      assert.deepEqual((await call(fake, "sendMessage", { chat_id: 1, text: "hi" }, "123:wrong")).body, { ok: false, error_code: 401, description: "Unauthorized" });
      assert.deepEqual((await call(fake, "noSuchMethod", {})).body, { ok: false, error_code: 404, description: "Not Found" });
      fake.failNext("sendMessage", { status: 429, body: { ok: false, error_code: 429, description: "Too Many Requests: retry after 7", parameters: { retry_after: 7 } } });
      const limited = await call(fake, "sendMessage", { chat_id: 1, text: "hi" });
      assert.equal(limited.status, 429);
      assert.equal(limited.body.parameters.retry_after, 7);
    },
    { acceptedTokens: ["1234567890:AAFakeTokenForSafeArrivalTests_012345"] },
  ));

test("webhook: a failed update is re-sent with growing delays, holding back its chat but not others", async () => {
  let failing = true;
  const seen: Array<{ id: number; at: number }> = [];
  const server = http.createServer((req, res) => {
    let data = "";
    req.on("data", (d: Buffer) => (data += d.toString()));
    req.on("end", () => {
      const update = JSON.parse(data);
      seen.push({ id: update.update_id, at: Date.now() });
      const chat = update.message.chat.id;
      res.statusCode = failing && chat === stuck.id ? 500 : 200;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  const stuck = makeUser();
  const other = makeUser();
  await withFake(
    async (fake) => {
      await call(fake, "setWebhook", { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook` });
      const first = fake.text(stuck, "one");
      const second = fake.text(stuck, "two");
      const free = fake.text(other, "free");
      await new Promise((r) => setTimeout(r, 800));
      const tries = seen.filter((s) => s.id === first.update_id);
      // 100 ms units: re-sent at once, then after 2, 4 and 8 units.
      assert.ok(tries.length >= 3 && tries.length <= 5, `${tries.length} tries in 800 ms`);
      const gaps = tries.slice(1).map((t, i) => t.at - tries[i]!.at);
      assert.ok(gaps[0]! < 100 && gaps[1]! >= 180 && (gaps[2] === undefined || gaps[2] >= 380), `gaps ${gaps.join(", ")}`);
      assert.equal(seen.filter((s) => s.id === second.update_id).length, 0, "the chat's later update waits behind the failed one");
      assert.equal(seen.filter((s) => s.id === free.update_id).length, 1, "another chat is delivered meanwhile");
      failing = false;
      await fake.waitForCall(() => false, 1_700).catch(() => undefined);
      assert.equal(seen.filter((s) => s.id === second.update_id).length, 1, "then delivered once the first went through");
      assert.equal(fake.pendingUpdates(), 0);
      assert.deepEqual(
        fake.webhookDeliveries.filter((d) => d.update_id === first.update_id).map((d) => d.status).slice(-1),
        [200],
      );
    },
    { webhookDelayUnitMs: 100 },
  );
  await new Promise<void>((r) => server.close(() => r()));
});
