/**
 * Messages that reach WhatsApp while the bot's socket is down: on the next connection Baileys hands them
 * over as `messages.upsert` of type `append` (see tests/support/fake-whatsapp.ts). Every check-in among
 * them must arrive, once, also when the server delivers the same batch again.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { App } from "../../src/app.ts";
import { type FakeWhatsApp, makeWaUser, waText, type FakeWaUser } from "../support/fake-whatsapp.ts";
import { makeJpeg } from "../support/photos.ts";
import type { RedisServerHandle } from "../support/redis-server.ts";
import { onboardWa, startWhatsAppHarness, stopWhatsAppHarness } from "../support/whatsapp-harness.ts";

const SYNTAGMA = { lat: 37.9755, lon: 23.7355 };
let redis: RedisServerHandle;
let wa: FakeWhatsApp;
let app: App;

before(async () => {
  ({ redis, wa, app } = await startWhatsAppHarness());
});

after(() => stopWhatsAppHarness({ app, redis }));

async function readyToCheckIn(user: FakeWaUser, i: number): Promise<void> {
  await onboardWa(wa, user);
  await wa.ask(user, () => wa.text(user, "/trip athens-syntagma-square 2h"), /Trip saved/);
  const photo = await makeJpeg({
    width: 800,
    height: 600,
    seed: `offline-${i}`,
    exif: { dateTimeOriginal: new Date(Date.now() - 5 * 60_000), offset: "+00:00", make: "PhoneCo", gps: SYNTAGMA },
  });
  await wa.ask(user, () => wa.document(user, photo, { fileName: "arrival.jpg", mimetype: "image/jpeg" }), /Now send your location/);
}

/** Lets the bot reconnect: waits for its next socket and opens it (the server then delivers the offline batch). */
async function reconnect(closeWith: number): Promise<void> {
  const before = wa.sockets.length;
  wa.autoOpen = false;
  wa.socket.close(closeWith);
  const deadline = Date.now() + 15_000;
  while (wa.sockets.length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  assert.ok(wa.sockets.length > before, "the bot reconnected");
  wa.socket.emit("connection.update", { connection: "open" });
}

test("a reconnect with 10 check-ins waiting delivers all 10, exactly once, also when the batch comes twice", { timeout: 90_000 }, async () => {
  const travellers = Array.from({ length: 10 }, (_, i) => makeWaUser(`Offline${i}`));
  await Promise.all(travellers.map((t, i) => readyToCheckIn(t, i)));

  // The socket drops; while it is down each traveller sends their location (it waits on the server).
  wa.autoOpen = false;
  const down = wa.sockets.length;
  wa.socket.close(428);
  const mark = wa.mark();
  for (const t of travellers) wa.liveLocation(t, SYNTAGMA.lat + 0.0003, SYNTAGMA.lon, 20);
  assert.equal(wa.offline.length, 10);
  // The device dies before acking: the server keeps them and delivers them on the next connection too.
  wa.ackOffline = false;
  const deadline = Date.now() + 15_000;
  while (wa.sockets.length === down && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  wa.socket.emit("connection.update", { connection: "open" });
  await Promise.all(travellers.map((t) => wa.expect(t, /checking your photo and location/, mark, 20_000)));

  // The same 10 again (append), after another reconnect.
  wa.ackOffline = true;
  await reconnect(428);
  await Promise.all(travellers.map((t) => wa.expect(t, /Check-in accepted/, mark, 30_000)));
  await new Promise((r) => setTimeout(r, 1_000));
  for (const t of travellers) {
    const said = wa.sentTo(t, mark).map(waText);
    assert.equal(said.filter((s) => /checking your photo and location/.test(s)).length, 1, `${t.name}: one check-in, got:\n${said.join("\n---\n")}`);
    assert.equal(said.filter((s) => /Check-in accepted/.test(s)).length, 1, `${t.name}: one result`);
    // A second handling of the same location would be answered too ("You have no trip yet").
    assert.equal(said.length, 2, `${t.name}: nothing but the check-in and its result, got:\n${said.join("\n---\n")}`);
  }
  assert.equal(wa.offline.length, 0);
});
