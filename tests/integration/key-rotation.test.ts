/**
 * Rotating the app key end to end, on a real redis-server: data made under the old key (a traveller with
 * a family contact and a trip, the linked WhatsApp device's credentials, an opt-in, a waiting outbox
 * message) survives a restart with APP_KEY=new + APP_KEY_PREVIOUS=old (returning people are found, not
 * created again), `safe-arrival keys rotate` moves everything, and after a restart with the new key alone
 * everything is readable and a scan of the store finds nothing sealed or keyed-hashed under the old key.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { after, before, test } from "node:test";
import { fileURLToPath } from "node:url";
import { App, type Role } from "../../src/app.ts";
import { loadConfig } from "../../src/config.ts";
import type { ChatAddress } from "../../src/domain/identity.ts";
import { createLogger } from "../../src/log.ts";
import { KeyRing } from "../../src/store/key-ring.ts";
import { createRedis, type RedisClient } from "../../src/store/redis.ts";
import { SealedBox } from "../../src/store/sealed-box.ts";
import { DashboardKeys } from "../../src/store/dashboard-keys.ts";
import { StaffRepository } from "../../src/store/staff-repository.ts";
import { StaffSecrets } from "../../src/store/staff-secrets.ts";
import { FakeWhatsApp, makeWaUser, waText } from "../support/fake-whatsapp.ts";
import { startRedis, type RedisServerHandle } from "../support/redis-server.ts";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const OLD_KEY = randomBytes(32).toString("base64");
const NEW_KEY = randomBytes(32).toString("base64");
const PREFIX = `{rot${randomBytes(3).toString("hex")}}`;

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

const PROOF_KEY = randomBytes(32).toString("base64");

function env(keys: { APP_KEY: string; APP_KEY_PREVIOUS?: string }): Record<string, string> {
  return {
    REDIS_URL: redis.url,
    REDIS_PREFIX: PREFIX,
    LOG_LEVEL: "silent",
    WHATSAPP_ENABLED: "true",
    WHATSAPP_NUMBER: "447700900000",
    WHATSAPP_RATE_PER_CHAT: "6000",
    WHATSAPP_RATE_GLOBAL: "6000",
    // Not rotated here (confirmation keys rotate on their own, see tests/e2e/proof-page.test.ts).
    PROOF_SIGNING_KEY: PROOF_KEY,
    ...keys,
  };
}

async function appWith(keys: { APP_KEY: string; APP_KEY_PREVIOUS?: string }, roles: Role[] = [], wa?: FakeWhatsApp): Promise<App> {
  const app = new App(loadConfig(env(keys)), createLogger(process.env.TEST_LOG_LEVEL ?? "silent"), { roles, whatsappSocket: wa?.factory });
  if (roles.length > 0) await app.start();
  return app;
}

async function allKeys(): Promise<string[]> {
  const out: string[] = [];
  let cursor = "0";
  do {
    const [next, found] = await client.scan(cursor, "MATCH", `${PREFIX}*`, "COUNT", 1000);
    cursor = next;
    out.push(...found);
  } while (cursor !== "0");
  return out;
}

/**
 * What in the store is still under the old key: key names holding the old keyed hash of a known chat
 * address, data keys wrapped by it, and values sealed with it (tried bound to their key name, their hash
 * field, and the fixed names the WhatsApp stores use). `checked` counts the sealed values looked at.
 */
async function underOldKey(addresses: ChatAddress[]): Promise<{ findings: string[]; checked: number }> {
  const old = new KeyRing(OLD_KEY);
  const oldBox = new SealedBox(OLD_KEY);
  const oldIndexes = addresses.map((a) => old.addressIndex(a.channel, a.chatId));
  const findings: string[] = [];
  let checked = 0;
  const opensWithOld = (sealed: string, names: string[]) => {
    if (!sealed.startsWith("v1.")) return false;
    checked++;
    return names.some((n) => {
      try {
        oldBox.open(sealed, n);
        return true;
      } catch {
        return false;
      }
    });
  };
  for (const key of await allKeys()) {
    if (oldIndexes.some((i) => key.includes(i))) findings.push(`key named by the old hash: ${key}`);
    const type = await client.type(key);
    if (type === "string") {
      const value = (await client.getBuffer(key))!.toString("utf8");
      if (value.startsWith(`${old.current.id}:`)) findings.push(`data key wrapped by the old key: ${key}`);
      if (opensWithOld(value, [key, "creds", "pairing"])) findings.push(`sealed with the old key: ${key}`);
    } else if (type === "hash") {
      for (const [field, value] of Object.entries(await client.hgetall(key))) {
        if (opensWithOld(value, [field, key])) findings.push(`sealed with the old key: ${key} ${field}`);
      }
    }
  }
  return { findings, checked };
}

function runRotate(): Promise<{ code: number | null; out: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts", "keys", "rotate"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env({ APP_KEY: NEW_KEY, APP_KEY_PREVIOUS: OLD_KEY }) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, out })));
}

async function until(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

test("key rotation: restart with APP_KEY_PREVIOUS finds returning people; `keys rotate` moves everything; the old key can go", async () => {
  const wa = new FakeWhatsApp();
  wa.autoOpen = false; // until the last start, nothing is sent: the outbox message waits, sealed
  const family1 = makeWaUser("Yusuf"); // writes again during the rotation (carried over on sight)
  const family2 = makeWaUser("Leila"); // silent until `keys rotate` moved their keys
  const travellerAddress: ChatAddress = { channel: "sandbox", chatId: "traveller-1" };
  const addresses: ChatAddress[] = [travellerAddress, { channel: "whatsapp", chatId: family1.lid }, { channel: "whatsapp", chatId: family2.lid }];
  const deadline = new Date(Date.now() + 6 * 3_600_000);

  // 1. Everything made under the old key.
  const first = await appWith({ APP_KEY: OLD_KEY });
  const { persons, contacts, trips } = first.deps;
  const traveller = await persons.touch(travellerAddress, "Amina", new Date());
  await persons.setConsent(traveller.id, new Date());
  await persons.setLocale(traveller.id, "en");
  const f1 = await persons.touch(addresses[1]!, "Yusuf", new Date());
  const f2 = await persons.touch(addresses[2]!, "Leila", new Date());
  await contacts.link(traveller.id, f1.id);
  await contacts.link(traveller.id, f2.id);
  const trip = await trips.create(traveller.id, "paris-gare-du-nord", deadline, new Date());
  const whatsapp = first.whatsapp!;
  // Session writes are fenced by the socket lock: this process plays the one that holds it.
  assert.ok(await whatsapp.lock.acquire());
  const { state, saveCreds } = await whatsapp.auth.load();
  state.creds.me = { id: "447700900000:12@s.whatsapp.net", lid: "209000000000001:12@lid" };
  await saveCreds();
  const session = randomBytes(48);
  await state.keys.set({ session: { "209000000000001.0": session } });
  await whatsapp.optIn.markSeen(family1.lid);
  await whatsapp.optIn.markSeen(family2.lid);
  await whatsapp.choices.remember(family2.lid, ["contacts:leave"]);
  await whatsapp.sender.send(family2.lid, { text: "Amina arrived at Gare du Nord (a message waiting in the outbox)" });
  await whatsapp.pairing.publish("code", "ABCD1234");
  await whatsapp.lock.release();
  const staffKeys = new DashboardKeys(PREFIX);
  const staff = await new StaffRepository(client, staffKeys).create({ email: "cw@ngo.example", orgId: "default", role: "caseworker", passwordHash: "x" }, new Date());
  await new StaffRepository(client, staffKeys, new StaffSecrets(first.keyRing)).setTotpSecret(staff.id, "JBSWY3DPEHPK3PXP");
  await first.stop();
  const before = await underOldKey(addresses);
  assert.ok(before.findings.length >= 10, `the scan sees what the old key made:\n${before.findings.join("\n")}`);

  // 2. Restart with the new key and the old one as APP_KEY_PREVIOUS; returning people are found.
  const during = await appWith({ APP_KEY: NEW_KEY, APP_KEY_PREVIOUS: OLD_KEY }, ["bot"], wa);
  try {
    assert.equal(wa.socket.opts.auth.creds.me?.id, "447700900000:12@s.whatsapp.net", "the WhatsApp credentials open");
    await during.conversation.handle({ kind: "text", from: travellerAddress, name: "Amina", at: new Date(), text: "/status" });
    const replies = await during.sandboxLog.after(travellerAddress.chatId, 0);
    assert.match(replies.map((r) => r.text).join("\n").replace(/[\u2068\u2069]/g, ""), /Trip: paris-gare-du-nord[^]*Family contacts: 2/, "the returning traveller's trip and contacts are read");
    const outboxBefore = (await allKeys()).filter((k) => k.includes(":wa:out:")).length;
    // A returning family member writes on WhatsApp. The socket is kept from opening in this phase (so the
    // waiting outbox message stays sealed under the old key), so the message is handed to it directly.
    wa.socket.emit("messages.upsert", { messages: [wa.build(family1, { conversation: "/help" })], type: "notify" });
    await until("the reply to the returning WhatsApp contact", async () => (await allKeys()).filter((k) => k.includes(":wa:out:")).length > outboxBefore);
    assert.equal((await during.deps.persons.findByAddress(travellerAddress))?.id, traveller.id);
    assert.equal((await during.deps.persons.findByAddress(addresses[1]!))?.id, f1.id);
    assert.equal((await allKeys()).filter((k) => k.startsWith(`${PREFIX}:person:`)).length, 3, "nobody was created twice");
    assert.equal(await during.whatsapp!.optIn.hasMessaged(family1.lid), true);
  } finally {
    await during.stop();
  }

  // 3. Rotate (the CLI, as an operator runs it).
  const rotated = await runRotate();
  assert.equal(rotated.code, 0, rotated.out);
  assert.match(rotated.out, /data keys re-wrapped: 3\n/);
  assert.match(rotated.out, /chat addresses re-indexed: 1\n/, "family2's address (the others moved on sight)");
  assert.match(rotated.out, /WhatsApp values re-sealed: [4-9]\n/, "creds, signal key, pairing code, outbox messages");
  assert.match(rotated.out, /WhatsApp chat keys re-indexed: 2\n/, "family2's opt-in and numbered choices");
  assert.match(rotated.out, /staff TOTP secrets re-sealed: 1\n/);
  const totpStored = (await client.hget(staffKeys.staff(staff.id), "totpSecret"))!;
  assert.equal(new StaffSecrets(NEW_KEY).open(staff.id, "totpSecret", totpStored).value, "JBSWY3DPEHPK3PXP", "the TOTP secret opens with the new key alone");
  assert.throws(() => new StaffSecrets(OLD_KEY).open(staff.id, "totpSecret", totpStored));
  const afterRotate = await underOldKey(addresses);
  assert.deepEqual(afterRotate.findings, [], "nothing left under the old key");
  assert.ok(afterRotate.checked >= 8, `sealed values checked: ${afterRotate.checked}`);
  const pairing = (await client.get(`${PREFIX}:wa:pairing`))!;
  assert.match(new SealedBox(NEW_KEY).open(pairing, "pairing").toString(), /ABCD1234/, "the pairing code shown (cleared once connected)");
  assert.match((await runRotate()).out, /data keys re-wrapped: 0\n[^]*WhatsApp values re-sealed: 0\n/, "running it again changes nothing");

  // 4. The new key alone: everything readable, the waiting message delivered to the opted-in contact.
  wa.autoOpen = true;
  const mark = wa.mark();
  const last = await appWith({ APP_KEY: NEW_KEY }, ["bot", "worker"], wa);
  try {
    assert.equal(wa.socket.opts.auth.creds.me?.id, "447700900000:12@s.whatsapp.net");
    assert.deepEqual(Buffer.from((await wa.socket.opts.auth.keys.get("session", ["209000000000001.0"]))["209000000000001.0"]!), session);
    const delivered = await wa.expect(family2, /Amina arrived at Gare du Nord/, mark);
    assert.ok(waText(delivered));
    const p = last.deps.persons;
    assert.equal((await p.findByAddress(travellerAddress))?.displayName, "Amina");
    assert.equal((await p.findByAddress(addresses[1]!))?.id, f1.id);
    assert.equal((await p.findByAddress(addresses[2]!))?.displayName, "Leila");
    assert.equal((await last.deps.trips.get(traveller.id))?.id, trip.id);
    assert.equal((await last.deps.trips.get(traveller.id))?.landmarkId, "paris-gare-du-nord");
    assert.equal(await last.deps.contacts.isLinked(traveller.id, f2.id), true);
    assert.equal(await last.whatsapp!.optIn.hasMessaged(family2.lid), true);
    assert.equal(await last.whatsapp!.choices.resolve(family2.lid, 1), "contacts:leave");
    assert.equal((await allKeys()).filter((k) => k.startsWith(`${PREFIX}:person:`)).length, 3);
  } finally {
    await last.stop();
  }
});
