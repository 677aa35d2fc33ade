/** Pairing: the QR a fresh socket hands out reaches the admin route (bearer-protected) as a PNG or text. */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import Fastify from "fastify";
import { SealedBox } from "../../src/store/sealed-box.ts";
import { RedisAuthStore } from "../../src/channels/whatsapp/wa-auth-store.ts";
import { WhatsAppConnection } from "../../src/channels/whatsapp/wa-connection.ts";
import { WaKeys } from "../../src/channels/whatsapp/wa-keys.ts";
import { PAIR_PATH, registerPairRoute, WaPairingStore } from "../../src/channels/whatsapp/wa-pairing.ts";
import { parseVersion } from "../../src/channels/whatsapp/wa-channel.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";
import { createRedis, type RedisClient } from "../../src/store/redis.ts";
import { FakeWhatsApp } from "../support/fake-whatsapp.ts";
import { startRedis, type RedisServerHandle } from "../support/redis-server.ts";

const TOKEN = "admin-token-0123456789";
let redis: RedisServerHandle;
let client: RedisClient;

before(async () => {
  redis = await startRedis();
  client = createRedis(redis.url, "test");
});
after(async () => {
  client?.disconnect();
  await redis?.stop();
});

function setup(
  pairingNumber?: string,
  extra: { log?: ReturnType<typeof createLogger>; version?: [number, number, number]; backoff?: { baseMs: number; maxMs: number } } = {},
) {
  const keys = new WaKeys(`{p${randomBytes(3).toString("hex")}}`);
  const box = new SealedBox(randomBytes(32).toString("base64"));
  const pairing = new WaPairingStore(client, keys, box);
  const wa = new FakeWhatsApp();
  wa.autoOpen = false;
  const shown: string[] = [];
  const connection = new WhatsAppConnection(
    {
      auth: new RedisAuthStore(client, keys, box),
      pairing,
      factory: wa.factory,
      log: extra.log ?? createLogger("silent"),
      pairingNumber,
      backoff: extra.backoff ?? { baseMs: 50, maxMs: 200 },
      ...(extra.version ? { version: extra.version } : {}),
    },
    { messages: () => undefined, updates: () => undefined, open: () => undefined, closed: () => undefined, loggedOut: () => undefined, pairing: (kind, v) => void shown.push(`${kind}:${v}`) },
  );
  return { pairing, wa, connection, shown, auth: new RedisAuthStore(client, keys, box) };
}

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test("a QR from the socket is shown in the terminal hook and on /admin/whatsapp/pair, only with the admin token", async () => {
  const { pairing, wa, connection, shown } = setup();
  await connection.start();
  wa.socket.emit("connection.update", { qr: "2@AbCdEf==,noise==,identity==,adv==" });
  await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(shown, ["qr:2@AbCdEf==,noise==,identity==,adv=="]);

  const web = Fastify();
  registerPairRoute(web, pairing, TOKEN);
  assert.equal((await web.inject({ url: PAIR_PATH })).statusCode, 401);
  assert.equal((await web.inject({ url: PAIR_PATH, headers: { authorization: "Bearer wrong-token-0123456789" } })).statusCode, 401);
  const png = await web.inject({ url: PAIR_PATH, headers: { authorization: `Bearer ${TOKEN}` } });
  assert.equal(png.statusCode, 200);
  assert.equal(png.headers["content-type"], "image/png");
  assert.equal(png.rawPayload.subarray(1, 4).toString(), "PNG");
  assert.equal(png.headers["cache-control"], "no-store");
  const text = await web.inject({ url: `${PAIR_PATH}?format=text`, headers: { authorization: `Bearer ${TOKEN}` } });
  assert.match(text.payload, /█|▀|▄/);

  // Once linked, there is nothing to scan.
  wa.socket.emit("connection.update", { connection: "open" });
  await new Promise((r) => setTimeout(r, 50));
  const done = await web.inject({ url: PAIR_PATH, headers: { authorization: `Bearer ${TOKEN}` } });
  assert.equal(done.statusCode, 404);
  assert.equal(done.json().status.state, "open");
  await connection.stop();
  await web.close();
});

test("pairing-code login: the code is requested once for the configured number", async () => {
  const { pairing, wa, connection, shown } = setup("447700900000");
  await connection.start();
  wa.socket.emit("connection.update", { qr: "2@first" });
  wa.socket.emit("connection.update", { qr: "2@second" });
  await new Promise((r) => setTimeout(r, 50));
  assert.deepEqual(shown, ["code:ABCD1234"]);
  assert.equal((await pairing.current())?.value, "ABCD1234");
  await connection.stop();
});

test("a pairing code not entered in time (408): the saved credentials stay, a fresh code is shown; only a logout (401) wipes them", async () => {
  const { pairing, wa, connection, shown, auth } = setup("447700900000");
  wa.pairingCodes.push("CODE0001", "CODE0002");
  await connection.start();
  wa.socket.emit("connection.update", { qr: "2@first" });
  await until(() => shown.length === 1, "the first code");
  await until(() => auth.hasCreds(), "the credentials saved on creds.update");
  const noiseKey = (await auth.load()).state.creds.noiseKey.public;

  // Nobody typed the code: Baileys ends the socket with DisconnectReason.timedOut (408).
  const sockets = wa.sockets.length;
  wa.socket.expirePairing();
  await until(() => wa.sockets.length > sockets, "a new socket");
  assert.equal(await auth.hasCreds(), true, "408 never wipes the saved credentials");
  assert.deepEqual((await auth.load()).state.creds.noiseKey.public, noiseKey, "the same device keys");
  wa.socket.emit("connection.update", { qr: "2@again" });
  await until(() => shown.length === 2, "a fresh pairing code after the 408");
  assert.deepEqual(shown, ["code:CODE0001", "code:CODE0002"]);
  assert.equal((await pairing.current())?.value, "CODE0002");

  // Linked, then the phone removes the device: 401 loggedOut is the one code that forgets the credentials.
  wa.socket.emit("connection.update", { connection: "open" });
  await until(() => connection.state === "open", "open");
  const linked = wa.sockets.length;
  wa.socket.close(401);
  await until(() => connection.state === "logged_out", "logged out");
  assert.equal(await auth.hasCreds(), false);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(wa.sockets.length, linked, "no reconnect after a logout");
  await connection.stop();
});

test("WHATSAPP_WEB_VERSION reaches the socket, and a refused version (405) is logged plainly", async () => {
  const lines: string[] = [];
  const log = createLogger("info", { write: (line: string) => void lines.push(line) });
  assert.deepEqual(parseVersion("2.3000.1023456789"), [2, 3000, 1023456789]);
  assert.throws(() => loadConfig({ WHATSAPP_WEB_VERSION: "latest" }), /WHATSAPP_WEB_VERSION/);
  const { wa, connection } = setup(undefined, { log, version: parseVersion("2.3000.1023456789") });
  await connection.start();
  assert.deepEqual(wa.socket.opts.version, [2, 3000, 1023456789]);
  wa.socket.close(405);
  await until(() => lines.some((l) => /405/.test(l)), "the log line");
  const line = JSON.parse(lines.find((l) => /405/.test(l))!) as { msg: string; version: string; code: number };
  assert.equal(line.code, 405);
  assert.equal(line.version, "2.3000.1023456789");
  assert.match(line.msg, /refused this WhatsApp Web version.*WHATSAPP_WEB_VERSION/);
  await connection.stop();
});

test("replaced by another connection on the session (440): no quick reconnect that would knock it off in turn", async () => {
  const { wa, connection } = setup(undefined, { backoff: { baseMs: 20, maxMs: 1_500 } });
  wa.autoOpen = true;
  await connection.start();
  await until(() => connection.state === "open", "open");
  wa.socket.close(428);
  await until(() => wa.sockets.length === 2 && connection.state === "open", "a quick reconnect after an ordinary drop");
  wa.socket.close(440);
  await new Promise((r) => setTimeout(r, 600));
  assert.equal(wa.sockets.length, 2, "no reconnect within the ordinary backoff after a 440");
  await until(() => wa.sockets.length === 3, "a slow retry, at the longest backoff", 3_000);
  await connection.stop();
});
