/**
 * The WhatsApp channel's Redis-backed parts against a private redis-server, with a fake socket standing
 * in for the network: auth state sealed at rest, the opt-in rule, the outbox with pacing and retries,
 * unreachable contacts, reconnects and a logged-out device.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { App } from "../../src/app.ts";
import { SealedBox } from "../../src/store/sealed-box.ts";
import { RedisAuthStore } from "../../src/channels/whatsapp/wa-auth-store.ts";
import { WaKeys } from "../../src/channels/whatsapp/wa-keys.ts";
import { SendPacer } from "../../src/store/send-pacer.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/log.ts";
import { createRedis, type RedisClient } from "../../src/store/redis.ts";
import { FakeWhatsApp, makeWaUser, waText } from "../support/fake-whatsapp.ts";
import { startRedis, type RedisServerHandle } from "../support/redis-server.ts";
import { linkWa, onboardWa } from "../support/whatsapp-harness.ts";
import { seedCatalog } from "../support/seed-catalog.ts";

const CHAT_GAP_MS = 200; // WHATSAPP_RATE_PER_CHAT=300 a minute

let redis: RedisServerHandle;
let client: RedisClient;
let wa: FakeWhatsApp;
let app: App;

before(async () => {
  redis = await startRedis();
  client = createRedis(redis.url, "test");
  wa = new FakeWhatsApp();
  const config = loadConfig({
    REDIS_URL: redis.url,
    REDIS_PREFIX: `{t${randomBytes(4).toString("hex")}}`,
    LOG_LEVEL: "silent",
    WHATSAPP_ENABLED: "true",
    WHATSAPP_NUMBER: "447700900000",
    APP_KEY: randomBytes(32).toString("base64"),
    PROOF_SIGNING_KEY: randomBytes(32).toString("base64"),
    WHATSAPP_RATE_PER_CHAT: String(60_000 / CHAT_GAP_MS),
    WHATSAPP_RATE_GLOBAL: "6000",
    OPERATOR_CHAT: "sandbox:ops",
  });
  app = new App(config, createLogger(process.env.TEST_LOG_LEVEL ?? "silent"), { roles: ["bot", "worker"], whatsappSocket: wa.factory });
  await seedCatalog(app);
  await app.start();
});

after(async () => {
  await app?.stop();
  client?.disconnect();
  await redis?.stop();
});

const prefix = () => app.config.REDIS_PREFIX;

test("auth state: credentials and signal keys round-trip through Redis, sealed (no plaintext at rest)", async () => {
  const keys = new WaKeys(`{auth${randomBytes(3).toString("hex")}}`);
  const store = new RedisAuthStore(client, keys, new SealedBox(randomBytes(32).toString("base64")));
  assert.equal(await store.hasCreds(), false);
  const { state, saveCreds } = await store.load();
  state.creds.me = { id: "447700900000:3@s.whatsapp.net", lid: "209000000000001:3@lid" };
  await saveCreds();
  const session = Buffer.from("a signal session record");
  await state.keys.set({ session: { "209000000000001.0": session }, "pre-key": { "1": state.creds.signedIdentityKey }, "sender-key-memory": { g: { a: true } } });

  const rawCreds = (await client.get(keys.authCreds()))!;
  assert.ok(rawCreds.startsWith("v1."));
  assert.ok(!rawCreds.includes("447700900000") && !rawCreds.includes("noiseKey"), "credentials are not readable at rest");
  const rawKeys = await client.hgetall(keys.authKeys());
  assert.deepEqual(Object.keys(rawKeys).sort(), ["pre-key:1", "sender-key-memory:g", "session:209000000000001.0"]);
  assert.ok(Object.values(rawKeys).every((v) => v.startsWith("v1.") && !v.includes(session.toString("base64"))));

  const again = await new RedisAuthStore(client, keys, (store as unknown as { box: SealedBox }).box).load();
  assert.equal(again.state.creds.me?.id, "447700900000:3@s.whatsapp.net");
  assert.deepEqual(Buffer.from(again.state.creds.noiseKey.private), Buffer.from(state.creds.noiseKey.private));
  const got = await again.state.keys.get("session", ["209000000000001.0", "missing"]);
  assert.deepEqual(Buffer.from(got["209000000000001.0"]!), session);
  assert.equal(got.missing, undefined);
  await again.state.keys.set({ session: { "209000000000001.0": null } });
  assert.deepEqual(await again.state.keys.get("session", ["209000000000001.0"]), {});

  // Another key cannot open them; a value moved to another field does not open either.
  const wrong = new RedisAuthStore(client, keys, new SealedBox(randomBytes(32).toString("base64")));
  await assert.rejects(wrong.load(), /does not open/);
  await client.hset(keys.authKeys(), "pre-key:2", rawKeys["pre-key:1"]!);
  await assert.rejects(Promise.resolve(again.state.keys.get("pre-key", ["2"])), /does not open/);

  await store.clear();
  assert.equal(await store.hasCreds(), false);
  assert.equal(await client.exists(keys.authKeys()), 0);
});

test("pacing: WhatsApp uses the shared pacer: per-chat and global gaps hold across instances, priority orders the line", async () => {
  const prefix = `{pace${randomBytes(3).toString("hex")}}`;
  // WhatsApp's rates are per minute: 600/min per chat (100 ms apart), 1200/min overall (50 ms apart).
  const pacer = () => new SendPacer(client, { prefix, name: "wa", perChatPerSecond: 600 / 60, globalPerSecond: 1200 / 60 });
  const a = pacer();
  const b = pacer(); // a second process
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  assert.equal(await a.take("1@lid", "m1", "normal", Date.now()), 0);
  assert.ok((await a.take("2@lid", "m0", "normal", Date.now())) > 0, "the global gap holds");
  await sleep(55);
  assert.ok((await b.take("1@lid", "m2", "normal", Date.now())) > 0, "same chat: the per-chat gap, even from another process");
  assert.equal(await a.take("2@lid", "m0", "normal", Date.now()), 0, "another chat goes once the global gap passed");
  // Both ask while the global slot is taken; once free, the high-priority one goes first.
  assert.ok((await b.take("3@lid", "m4", "high", Date.now())) > 0);
  assert.ok((await a.take("4@lid", "m5", "low", Date.now())) > 0);
  await sleep(55);
  assert.notEqual(await a.take("4@lid", "m5", "low", Date.now()), 0, "the low one waits behind the high one");
  assert.equal(await b.take("3@lid", "m4", "high", Date.now()), 0);
});

test("the outbox never cold-messages: a chat that never wrote is refused, before and after queuing", async () => {
  const stranger = makeWaUser("Stranger");
  await assert.rejects(app.deps.messenger.send({ channel: "whatsapp", chatId: stranger.lid }, { text: "hi" }), { name: "UnreachableError" });
  // Even a message that reaches the queue directly (a bug, an old job) is not sent.
  const id = crypto.randomUUID();
  const key = `${prefix()}:wa:out:${id}`;
  await client.set(key, new SealedBox(app.config.APP_KEY!).seal(JSON.stringify({ chatId: stranger.lid, text: "hi", createdAt: Date.now() }), key));
  await app.producers.whatsappOutbox({ messageId: id });
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(wa.sentTo(stranger).length, 0);
  // Key names hold a keyed hash of the chat id, never the id (or a phone number) itself.
  assert.equal(await client.get(`${prefix()}:wa:unreachable:${stranger.lid}`), null);
  assert.equal(await client.get(`${prefix()}:wa:unreachable:${app.keyRing.addressIndex("whatsapp", stranger.lid)}`), "never_messaged");
});

test("outbox: handed over by id, paced per chat, in order, retried after a network error", async () => {
  const user = makeWaUser("Pace");
  await wa.ask(user, () => wa.text(user, "/help"), /./);
  const mark = wa.mark();
  const to = { channel: "whatsapp" as const, chatId: user.lid };
  for (const n of [1, 2, 3]) await app.deps.messenger.send(to, { text: `message ${n}` });
  await wa.expect(user, /message 3/, mark);
  const sent = wa.sentTo(user, mark);
  assert.deepEqual(sent.map(waText), ["message 1", "message 2", "message 3"]);
  for (let i = 1; i < sent.length; i++) assert.ok(sent[i]!.at - sent[i - 1]!.at >= CHAT_GAP_MS - 20, `paced: ${sent[i]!.at - sent[i - 1]!.at} ms`);

  // The job carries only an id; the message waits in Redis and is gone once sent.
  const [job] = await app.producers.whatsappOutboxQueue.getJobs(["completed"], 0, 0);
  assert.deepEqual(Object.keys(job!.data), ["messageId"]);
  assert.equal(await client.exists(`${prefix()}:wa:out:${job!.data.messageId}`), 0);

  // A network error: the job is retried with backoff and the message still arrives, once.
  wa.faults.push(new Error("Connection Closed"));
  const retryMark = wa.mark();
  await app.deps.messenger.send(to, { text: "after a hiccup" });
  await wa.expect(user, /after a hiccup/, retryMark, 15_000);
  assert.equal(wa.sentTo(user, retryMark).length, 1);
});

test("an unreachable family contact is marked, the traveller is told, and writing again clears it", { timeout: 60_000 }, async () => {
  const traveller = makeWaUser("Amina");
  const family = makeWaUser("Yusuf");
  await onboardWa(wa, traveller);
  await linkWa(wa, traveller, family);

  const mark = wa.mark();
  wa.faults.push(Object.assign(new Error("forbidden"), { output: { statusCode: 403 } }));
  await app.deps.messenger.send({ channel: "whatsapp", chatId: family.lid }, { text: "Amina arrived" });
  const notice = await wa.expect(traveller, /could not reach .*Yusuf.* on WhatsApp/, mark);
  assert.match(waText(notice), /\/contact/);
  assert.equal(wa.sentTo(family, mark).length, 0);
  await assert.rejects(app.deps.messenger.send({ channel: "whatsapp", chatId: family.lid }, { text: "again" }), { name: "UnreachableError" });

  // Told once, not per message.
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(wa.sentTo(traveller, mark).filter((s) => /could not reach/.test(waText(s))).length, 1);

  await wa.ask(family, () => wa.text(family, "/help"), /./);
  const back = wa.mark();
  await app.deps.messenger.send({ channel: "whatsapp", chatId: family.lid }, { text: "welcome back" });
  await wa.expect(family, /welcome back/, back);
});

test("a disconnect reconnects with backoff and the outbox resumes", { timeout: 30_000 }, async () => {
  const user = makeWaUser("Reconnect");
  await wa.ask(user, () => wa.text(user, "/help"), /./);
  const sockets = wa.sockets.length;
  wa.socket.close(428);
  const mark = wa.mark();
  await app.deps.messenger.send({ channel: "whatsapp", chatId: user.lid }, { text: "queued while down" });
  await wa.expect(user, /queued while down/, mark, 15_000);
  assert.equal(wa.sockets.length, sockets + 1, "a new socket");
});

test("logged out: no reconnect, credentials forgotten, sending stops, operators are alerted", { timeout: 30_000 }, async () => {
  const user = makeWaUser("Last");
  await wa.ask(user, () => wa.text(user, "/help"), /./);
  await app.whatsapp!.auth.load().then(({ saveCreds }) => saveCreds());
  assert.equal(await app.whatsapp!.auth.hasCreds(), true);
  const sockets = wa.sockets.length;
  wa.socket.close(401);
  const deadline = Date.now() + 5_000;
  let ops: { text: string }[] = [];
  while (Date.now() < deadline && ops.length === 0) {
    ops = await app.sandboxLog.after("ops", 0);
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.match(ops[0]?.text ?? "", /WhatsApp logged the bot's device out/);
  assert.equal(app.whatsapp!.connection.state, "logged_out");
  assert.equal(await app.whatsapp!.auth.hasCreds(), false, "the void credentials are gone: a restart pairs anew");
  assert.equal((await app.whatsapp!.pairing.status())?.state, "logged_out");

  const mark = wa.mark();
  await app.deps.messenger.send({ channel: "whatsapp", chatId: user.lid }, { text: "not sent" });
  await new Promise((r) => setTimeout(r, 2_500));
  assert.equal(wa.sentTo(user, mark).length, 0, "nothing is sent while logged out");
  assert.equal(wa.sockets.length, sockets, "no reconnect after loggedOut");
});
