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

function setup(pairingNumber?: string) {
  const keys = new WaKeys(`{p${randomBytes(3).toString("hex")}}`);
  const box = new SealedBox(randomBytes(32).toString("base64"));
  const pairing = new WaPairingStore(client, keys, box);
  const wa = new FakeWhatsApp();
  wa.autoOpen = false;
  const shown: string[] = [];
  const connection = new WhatsAppConnection(
    { auth: new RedisAuthStore(client, keys, box), pairing, factory: wa.factory, log: createLogger("silent"), pairingNumber },
    { messages: () => undefined, updates: () => undefined, open: () => undefined, closed: () => undefined, loggedOut: () => undefined, pairing: (kind, v) => void shown.push(`${kind}:${v}`) },
  );
  return { pairing, wa, connection, shown };
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
