/**
 * RedisWatchdog (src/store/redis-watchdog.ts): a connection whose server stops answering without closing the
 * socket is torn down and opened again, and the commands waiting on it complete once the server answers. The
 * stall is a real one: the redis-server process is stopped (SIGSTOP) with its sockets open.
 */
import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, test } from "node:test";
import { Redis } from "ioredis";
import { pino } from "pino";
import { RedisWatchdog } from "../../../src/store/redis-watchdog.ts";
import { startRedis, type RedisServerHandle } from "../../support/redis-server.ts";

const log = pino({ level: "silent" });
let server: RedisServerHandle;
before(async () => (server = await startRedis()));
after(() => server.stop());

async function until(what: string, ok: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

test("a healthy connection is left alone", async () => {
  const client = new Redis(server.url, { maxRetriesPerRequest: null });
  const watchdog = new RedisWatchdog(() => [{ name: "app", client }], { intervalMs: 300 }, log);
  try {
    watchdog.start();
    await sleep(1_500);
    assert.equal(watchdog.reconnects, 0);
  } finally {
    watchdog.stop();
    client.disconnect();
  }
});

test("a silent stall is noticed after the misses, the connection renewed, and the waiting command completes", async () => {
  const client = new Redis(server.url, { maxRetriesPerRequest: null });
  const watchdog = new RedisWatchdog(() => [{ name: "app", client }], { intervalMs: 200, misses: 3 }, log);
  await client.set("k", "v");
  const before = await client.client("ID");
  let closed = 0;
  client.on("close", () => closed++);
  const pid = server.pid!;
  try {
    watchdog.start();
    process.kill(pid, "SIGSTOP");
    const waiting = client.get("k");
    await until("the stalled socket to be closed", () => closed > 0);
    assert.ok(watchdog.reconnects > 0);
    process.kill(pid, "SIGCONT");
    assert.equal(await waiting, "v", "sent again on the new connection");
    assert.notEqual(await client.client("ID"), before, "a new connection");
  } finally {
    process.kill(pid, "SIGCONT");
    watchdog.stop();
    client.disconnect();
  }
});

test("stopped, it pings no more", async () => {
  const client = new Redis(server.url, { maxRetriesPerRequest: null });
  const watchdog = new RedisWatchdog(() => [{ name: "app", client }], { intervalMs: 100, misses: 1 }, log);
  const pid = server.pid!;
  try {
    watchdog.start();
    watchdog.stop();
    process.kill(pid, "SIGSTOP");
    await sleep(600);
    assert.equal(watchdog.reconnects, 0);
  } finally {
    process.kill(pid, "SIGCONT");
    client.disconnect();
  }
});
