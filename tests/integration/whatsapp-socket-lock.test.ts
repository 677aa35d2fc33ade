/**
 * Two `bot` processes on one Redis and one WhatsApp session: one holds the socket (a Redis lock with a
 * fencing token), the other stands by and sends through the holder's outbox, and takes over when the
 * holder stops. WhatsApp replaces the older of two connections (440, see tests/support/fake-whatsapp.ts);
 * here no 440 may ever happen.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { App } from "../../src/app.ts";
import { FencedError } from "../../src/channels/whatsapp/wa-auth-store.ts";
import { loadConfig, type Config } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";
import { FakeWhatsApp, makeWaUser } from "../support/fake-whatsapp.ts";
import { startRedis, type RedisServerHandle } from "../support/redis-server.ts";

let redis: RedisServerHandle;
let config: Config;
const apps: App[] = [];

before(async () => {
  redis = await startRedis();
  config = loadConfig({
    REDIS_URL: redis.url,
    REDIS_PREFIX: `{t${randomBytes(4).toString("hex")}}`,
    LOG_LEVEL: "silent",
    WHATSAPP_ENABLED: "true",
    WHATSAPP_NUMBER: "447700900000",
    APP_KEY: randomBytes(32).toString("base64"),
    WHATSAPP_RATE_PER_CHAT: "6000",
    WHATSAPP_RATE_GLOBAL: "60000",
    WHATSAPP_SOCKET_LOCK: "1s",
  });
});

after(async () => {
  for (const app of apps) await app.stop().catch(() => undefined);
  await redis?.stop();
});

async function startBot(wa: FakeWhatsApp): Promise<App> {
  const app = new App(config, createLogger(process.env.TEST_LOG_LEVEL ?? "silent"), { roles: ["bot", "worker"], whatsappSocket: wa.factory });
  apps.push(app);
  await app.start();
  return app;
}

async function until(check: () => boolean, what: string, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test("one process holds the WhatsApp socket; the other sends through its outbox and takes over when it stops", { timeout: 60_000 }, async () => {
  const wa = new FakeWhatsApp();
  const first = await startBot(wa);
  await until(() => first.whatsapp!.connection.state === "open", "the first bot connected");
  const second = await startBot(wa);
  // Two lease periods: the standby must not open a second connection on the session.
  await new Promise((r) => setTimeout(r, 2_000));
  assert.equal(wa.sockets.length, 1, "one socket for the session");
  assert.deepEqual(wa.sockets.flatMap((s) => s.closedWith), [], "no 440 (connection replaced)");
  assert.equal(first.whatsapp!.holdsSocket, true);
  assert.equal(second.whatsapp!.holdsSocket, false);

  // The standby's message goes out through the holder's socket.
  const user = makeWaUser("Standby");
  await wa.ask(user, () => wa.text(user, "/help"), /./);
  const mark = wa.mark();
  await second.deps.messenger.send({ channel: "whatsapp", chatId: user.lid }, { text: "sent from the standby" });
  await wa.expect(user, /sent from the standby/, mark);

  // The holder stops: the standby takes the socket, with a larger fencing token.
  const fence = first.whatsapp!.lock.token!;
  await first.stop();
  await until(() => second.whatsapp!.connection.state === "open", "the standby took over", 5_000);
  assert.ok(second.whatsapp!.lock.token! > fence, "a larger fencing token");
  assert.equal(wa.sockets.length, 2);
  assert.deepEqual(wa.sockets.flatMap((s) => s.closedWith), [], "still no 440");
  const after = wa.mark();
  await second.deps.messenger.send({ channel: "whatsapp", chatId: user.lid }, { text: "after the handover" });
  await wa.expect(user, /after the handover/, after);
  await second.stop();
});

test("a renewal that finds another owner closes the socket at once, and the old holder's writes are fenced off", { timeout: 30_000 }, async () => {
  const wa = new FakeWhatsApp();
  const app = await startBot(wa);
  await until(() => app.whatsapp!.connection.state === "open", "connected");
  const { saveCreds } = await app.whatsapp!.auth.load();
  await saveCreds();

  // Another process took the lock (this one paused past its lease, say).
  await app.redis.set(`${config.REDIS_PREFIX}:wa:socket:lock`, "999:another-process", "PX", 60_000);
  await until(() => wa.socket.ended, "the socket closed", 1_000);
  assert.equal(app.whatsapp!.holdsSocket, false);
  await assert.rejects(saveCreds(), FencedError, "a write to the session from the old holder is refused");
  await app.stop();
});
