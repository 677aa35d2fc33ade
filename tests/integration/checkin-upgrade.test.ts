/**
 * Upgrading a partial check-in inside the pairing window, end to end on a real redis-server, the real
 * visual matcher and the sandbox API: a further photo that shows the place, or a live location after a
 * dropped pin, gives the family ONE update ("now confirmed"), never a second check-in message.
 */
import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { App } from "../../src/app.ts";
import { startRedis, type RedisServerHandle } from "../support/redis-server.ts";
import { baseUrlOf, startTestApp } from "../support/test-app.ts";

const EVAL = path.resolve(import.meta.dirname, "../../../shared/eval");
const SACRE_COEUR = path.join(EVAL, "landmarks", "sacre-coeur");
/** Recognised as Sacré-Cœur by the shipped matcher (tests/integration/verify-cli.test.ts). */
const POSITIVE = path.join(SACRE_COEUR, "query", "17295357_9106075285.jpg");
/** Other buildings: not recognised, so a check-in with one is partial. One per traveller (a photo sent twice is a replay). */
const OTHER = ["st_pauls_cathedral_30776973_2635313996.jpg", "united_states_capitol_26757027_6717084061.jpg", "st_pauls_cathedral_37347628_10902811376.jpg"]
  .map((f) => path.join(EVAL, "distractors", f));
const AT = { lat: 48.8866, lon: 2.3432 };

describe("upgrading a partial check-in", { timeout: 120_000 }, () => {
  let redis: RedisServerHandle;
  let app: App;
  let base: string;
  let catalog: string;

  before(async () => {
    catalog = mkdtempSync(path.join(os.tmpdir(), "upgrade-catalog-"));
    const dir = path.join(catalog, "sacre-coeur");
    mkdirSync(path.join(dir, "ref"), { recursive: true });
    const entry = JSON.parse(readFileSync(path.join(SACRE_COEUR, "landmark.json"), "utf8")) as object;
    writeFileSync(path.join(dir, "landmark.json"), JSON.stringify({ ...entry, timeZone: "Europe/Paris" }));
    for (const f of readdirSync(path.join(SACRE_COEUR, "ref"))) copyFileSync(path.join(SACRE_COEUR, "ref", f), path.join(dir, "ref", f));
    redis = await startRedis();
    app = await startTestApp({ redisUrl: redis.url, roles: ["web", "bot", "worker"], env: { CATALOG_DIR: catalog, CHECKIN_PAIR_WINDOW: "10m" } });
    base = baseUrlOf(app);
  });

  after(async () => {
    await app?.stop();
    await redis?.stop();
    if (catalog) rmSync(catalog, { recursive: true, force: true });
  });

  async function pair(name: string): Promise<{ t: string; f: string }> {
    const t = `${name.toLowerCase()}-t`;
    const f = `${name.toLowerCase()}-f`;
    names.set(t, name).set(f, "Yusuf");
    const traveller = await app.deps.persons.touch({ channel: "sandbox", chatId: t }, name, new Date());
    const family = await app.deps.persons.touch({ channel: "sandbox", chatId: f }, "Yusuf", new Date());
    for (const p of [traveller, family]) await app.deps.persons.setLocale(p.id, "en");
    await app.deps.persons.setConsent(traveller.id, new Date());
    await app.deps.contacts.link(traveller.id, family.id);
    return { t, f };
  }

  /** The display name each chat sends (the sandbox updates the stored name from every message). */
  const names = new Map<string, string>();
  const json = (chat: string, what: string, body: object) =>
    fetch(`${base}/sandbox/api/${chat}/${what}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: names.get(chat), ...body }),
    });
  const photo = (chat: string, file: string) => {
    const form = new FormData();
    form.append("name", names.get(chat)!);
    form.append("asFile", "false");
    form.append("photo", new Blob([readFileSync(file)], { type: "image/jpeg" }), path.basename(file));
    return fetch(`${base}/sandbox/api/${chat}/photo`, { method: "POST", body: form });
  };
  const outTexts = async (chat: string) =>
    (await app.sandboxLog.after(chat, 0)).filter((e) => e.dir === "out").map((e) => e.text.replace(/[\u2068\u2069\u200e\u200f]/g, ""));
  async function waitFor(chat: string, pattern: RegExp, count = 1): Promise<string[]> {
    const until = Date.now() + 60_000;
    for (;;) {
      const texts = await outTexts(chat);
      if (texts.filter((t) => pattern.test(t)).length >= count) return texts;
      if (Date.now() > until) throw new Error(`no ${pattern} in ${chat}:\n${texts.join("\n---\n")}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  let partials = 0;
  async function partialWithPin(p: { t: string; f: string }): Promise<void> {
    await json(p.t, "text", { text: "/trip sacre-coeur 1h" });
    await waitFor(p.t, /Trip saved/);
    assert.equal((await photo(p.t, OTHER[partials++]!)).status, 200);
    await json(p.t, "location", { lat: AT.lat, lon: AT.lon });
    const texts = await waitFor(p.t, /Check-in accepted, not fully verified/);
    assert.match(texts.at(-1)!, /within 10 min send another photo of the place, or share your live location/);
    const family = await waitFor(p.f, /Not fully confirmed/);
    assert.equal(family.length, 1);
  }

  test("a further photo that shows the place: verified, and the family gets one 'now confirmed' update", async () => {
    const p = await pair("Amina");
    await partialWithPin(p);
    assert.equal((await photo(p.t, POSITIVE)).status, 200);
    await waitFor(p.t, /Check-in now verified/);
    const family = await waitFor(p.f, /Update: Amina's arrival at Sacré-Cœur Basilica is now confirmed/);
    assert.equal(family.length, 2, `one update, no second check-in message:\n${family.join("\n---\n")}`);
    assert.doesNotMatch(family[1]!, /Not fully confirmed|Needs attention/);
    assert.match(family[1]!, /photo matches the place/);
    const photos = (await app.sandboxLog.after(p.f, 0)).filter((e) => e.photoId);
    assert.equal(photos.length, 2, "the recognised photo goes with the update");
    assert.equal((await app.deps.checkins.hasUpgrade((await app.conversation.person({ from: { channel: "sandbox", chatId: p.t } }))!.id)), false);
  });

  test("a live location after a dropped pin: one update; a further live location that proves nothing more: no message", async () => {
    const p = await pair("Leila");
    await partialWithPin(p);
    await json(p.t, "location", { lat: AT.lat, lon: AT.lon, accuracy: 12, live: true });
    const told = await waitFor(p.t, /Your live location is confirmed/);
    assert.match(told.at(-1)!, /send another photo of the place, or share your live location/, "still partial: it can be upgraded again");
    const family = await waitFor(p.f, /Update: Leila's position at Sacré-Cœur Basilica is now confirmed by a live location/);
    assert.equal(family.length, 2);
    assert.match(family[1]!, /✔ live location \d+ m from the place/);
    assert.match(family[1]!, /✘ photo not recognised as the place/);
    assert.equal((await app.sandboxLog.after(p.f, 0)).filter((e) => e.photoId).length, 1, "the same photo is not sent twice");

    // Still partial (photo unrecognised), so a new offer stands; another live location proves no more.
    await json(p.t, "location", { lat: AT.lat, lon: AT.lon, accuracy: 8, live: true });
    await waitFor(p.t, /did not confirm more than your earlier check-in/);
    await new Promise((r) => setTimeout(r, 500));
    assert.equal((await outTexts(p.f)).length, 2, "the family is not told again");
  });

  test("a dropped pin after a partial check-in is not an upgrade", async () => {
    const p = await pair("Omar");
    await partialWithPin(p);
    await json(p.t, "location", { lat: AT.lat, lon: AT.lon });
    await waitFor(p.t, /You have no trip yet/);
    assert.equal((await outTexts(p.f)).length, 1);
  });
});
