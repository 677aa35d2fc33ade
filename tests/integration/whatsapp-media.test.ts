/**
 * Photos that arrive as several WhatsApp messages: an HD photo (a standard upload, then the HD one as an
 * associated child message) and an album (an albumMessage, then its images). The best image is the one
 * verified, once; nothing is answered "unsupported".
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import type { App } from "../../src/app.ts";
import { type FakeWhatsApp, makeWaUser, waText, type FakeWaUser } from "../support/fake-whatsapp.ts";
import { makeJpeg } from "../support/photos.ts";
import type { RedisServerHandle } from "../support/redis-server.ts";
import { onboardWa, startWhatsAppHarness, stopWhatsAppHarness } from "../support/whatsapp-harness.ts";

let redis: RedisServerHandle;
let wa: FakeWhatsApp;
let app: App;

before(async () => {
  ({ redis, wa, app } = await startWhatsAppHarness());
});

after(() => stopWhatsAppHarness({ app, redis }));

async function onTrip(user: FakeWaUser): Promise<void> {
  await onboardWa(wa, user);
  await wa.ask(user, () => wa.text(user, "/trip athens-syntagma-square 2h"), /Trip saved/);
}

const jpeg = async (width: number, height: number, seed: string) => ({ bytes: await makeJpeg({ width, height, seed }), width, height });

async function settle(user: FakeWaUser, mark: number): Promise<string[]> {
  await wa.expect(user, /send your location/i, mark, 15_000);
  await new Promise((r) => setTimeout(r, 500));
  return wa.sentTo(user, mark).map(waText);
}

test("an HD photo: the HD upload is verified, not the standard one, and nothing is 'unsupported'", { timeout: 60_000 }, async () => {
  const user = makeWaUser("Hd");
  await onTrip(user);
  const mark = wa.mark();
  const [sd, hd] = wa.hdImage(user, await jpeg(400, 300, "hd-sd"), await jpeg(1600, 1200, "hd-hd"));
  const said = await settle(user, mark);
  assert.ok(!said.some((s) => /I can only read/.test(s)), `no "unsupported" answer:\n${said.join("\n---\n")}`);
  assert.equal(said.filter((s) => /send your location/i.test(s)).length, 1, "one photo taken");
  assert.ok(wa.downloads.includes(hd.key.id!), "the HD image was downloaded");
  assert.ok(!wa.downloads.includes(sd.key.id!), "the standard one was not");
});

test("an album: its largest image is verified, once, and the album is not 'unsupported'", { timeout: 60_000 }, async () => {
  const user = makeWaUser("Album");
  await onTrip(user);
  const mark = wa.mark();
  const images = wa.album(user, [await jpeg(640, 480, "al-1"), await jpeg(1600, 1200, "al-2"), await jpeg(800, 600, "al-3")]);
  const said = await settle(user, mark);
  assert.ok(!said.some((s) => /I can only read/.test(s)), `no "unsupported" answer:\n${said.join("\n---\n")}`);
  assert.equal(said.filter((s) => /send your location/i.test(s)).length, 1, "one photo taken");
  const downloaded = images.filter((m) => wa.downloads.includes(m.key.id!));
  assert.deepEqual(downloaded.map((m) => m.key.id), [images[1]!.key.id], "only the largest image");
});
