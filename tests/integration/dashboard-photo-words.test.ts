/**
 * The dashboard's "test a photo" and reference upload answer in words staff understand: a 60 MB file,
 * an image with too many pixels, a HEIC file, never a raw {"error":"FastifyError"} or "(too_many_pixels)".
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { App } from "../../src/app.ts";
import { pngClaiming } from "../support/photos.ts";
import { startRedis, type RedisServerHandle } from "../support/redis-server.ts";
import { startTestApp } from "../support/test-app.ts";
import { DashClient, addUser, multipart } from "../support/dashboard-client.ts";

describe("dashboard photo test: human words", { timeout: 60_000 }, () => {
  let redis: RedisServerHandle;
  let app: App;
  let c: DashClient;
  let token: string;

  before(async () => {
    redis = await startRedis();
    app = await startTestApp({ redisUrl: redis.url, roles: ["web"], env: { NGO_NAME: "Safe Passage" } });
    await addUser(app, "coord@example.org", "coordinator");
    c = new DashClient(app);
    assert.equal((await c.login("coord@example.org")).status, 303);
    token = await c.token();
  });

  after(async () => {
    await app?.stop();
    await redis?.stop();
  });

  const upload = (path: string, bytes: Buffer, type = "image/jpeg", filename = "p.jpg") => {
    const { body, contentType } = multipart({ _csrf: token }, { name: "photo", filename, type, bytes });
    return c.request("POST", path, { body, contentType });
  };

  test("a 60 MB upload: the page says how big a photo may be", async () => {
    const res = await upload("/landmarks/athens-syntagma-square/test", Buffer.alloc(60 * 1024 * 1024, 0xff));
    assert.equal(res.status, 400);
    assert.doesNotMatch(res.body, /FastifyError/);
    assert.match(res.body.replace(/[\u2068\u2069]/g, ""), /The photo is too large: at most 20 MB/);
  });

  test("too many pixels: human words, not the code", async () => {
    const res = await upload("/landmarks/athens-syntagma-square/test", pngClaiming(20_000, 20_000), "image/png", "huge.png");
    assert.equal(res.status, 200);
    assert.doesNotMatch(res.body, /too_many_pixels/);
    assert.match(res.body, /The image has too many pixels to check/);
  });

  test("the same words in French and Arabic", async () => {
    for (const [lang, words] of [["fr", /trop de pixels/], ["ar", /عدد كبير جدًا من البكسلات/]] as const) {
      const l = new DashClient(app, { "accept-language": lang });
      await l.login("coord@example.org");
      const t = await l.token();
      const { body, contentType } = multipart({ _csrf: t }, { name: "photo", filename: "huge.png", type: "image/png", bytes: pngClaiming(20_000, 20_000) });
      const res = await l.request("POST", "/landmarks/athens-syntagma-square/test", { body, contentType });
      assert.match(res.body, words, lang);
    }
  });
});
