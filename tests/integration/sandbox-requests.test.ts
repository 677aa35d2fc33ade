/**
 * Bad requests to the sandbox API: a clear message in the sender's language (in the chat and in the
 * response), never a bare 400 "ZodError", and never a location made up from empty coordinates.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { App } from "../../src/app.ts";
import { startRedis, type RedisServerHandle } from "../support/redis-server.ts";
import { baseUrlOf, startTestApp } from "../support/test-app.ts";

describe("sandbox API bad input", { timeout: 60_000 }, () => {
  let redis: RedisServerHandle;
  let app: App;
  let base: string;

  before(async () => {
    redis = await startRedis();
    app = await startTestApp({ redisUrl: redis.url, roles: ["web", "bot"] });
    base = baseUrlOf(app);
    const traveller = await app.deps.persons.touch({ channel: "sandbox", chatId: "bad-in" }, "Amina", new Date());
    await app.deps.persons.setLocale(traveller.id, "fr");
    await app.deps.persons.setConsent(traveller.id, new Date());
  });

  after(async () => {
    await app?.stop();
    await redis?.stop();
  });

  const post = (chat: string, what: string, body: unknown) =>
    fetch(`${base}/sandbox/api/${chat}/${what}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const chatText = async (chat: string) => (await app.sandboxLog.after(chat, 0)).filter((e) => e.dir === "out").map((e) => e.text);

  test("text over 4096 characters: the limit, in the person's language (French), in the chat and the response", async () => {
    const res = await post("bad-in", "text", { name: "Amina", language: "en", text: "x".repeat(4097) });
    assert.equal(res.status, 400);
    const body = (await res.json()) as { ok: boolean; error: string };
    assert.equal(body.ok, false);
    assert.match(body.error, /Ce message est trop long/);
    assert.match(body.error, /4\s?096/);
    assert.doesNotMatch(body.error, /ZodError/);
    assert.ok((await chatText("bad-in")).some((t) => /trop long/.test(t)), "the chat shows it too");
  });

  test("null or empty coordinates are refused as bad input, not placed at 0,0", async () => {
    await post("bad-in", "text", { name: "Amina", text: "/trip paris-gare-du-nord 1h" });
    for (const coords of [{ lat: null, lon: null }, { lat: "", lon: "" }, {}]) {
      const res = await post("bad-in", "location", { name: "Amina", ...coords });
      assert.equal(res.status, 400, JSON.stringify(coords));
      assert.match(((await res.json()) as { error: string }).error, /pas de coordonnées utilisables/);
    }
    assert.equal((await app.deps.checkins.pending((await app.conversation.person({ from: { channel: "sandbox", chatId: "bad-in" } }))!.id)).location, undefined);
    assert.ok(!(await chatText("bad-in")).some((t) => /Position reçue|Location received/.test(t)), "no location reached the check-in");
  });

  test("a newcomer with no stored language gets the language the pane asked for", async () => {
    const res = await post("newcomer", "text", { name: "Y", language: "ar", text: "y".repeat(5000) });
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { error: string }).error, /طويلة جدًا/);
  });

  test("a HEIC photo sent as a file: send it as a photo instead (or as JPEG/PNG/WebP)", async () => {
    // An ISO-BMFF header with the HEIF brand, as an iPhone writes it.
    const heic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from("ftypheic\0\0\0\0mif1heic", "latin1"), Buffer.alloc(2048, 7)]);
    const form = new FormData();
    form.append("name", "Amina");
    form.append("asFile", "true");
    form.append("photo", new Blob([heic], { type: "image/heic" }), "IMG_0001.HEIC");
    const res = await fetch(`${base}/sandbox/api/bad-in/photo`, { method: "POST", body: form });
    assert.equal(res.status, 200);
    const texts = await chatText("bad-in");
    assert.match(texts.at(-1)!, /Envoyez-la plutôt comme photo .*WebP/);
  });
});
