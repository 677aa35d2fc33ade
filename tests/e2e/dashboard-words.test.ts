/**
 * What staff see in the dashboard (headless Chromium): a 60 MB upload and an image with too many pixels in
 * "test a photo" get human words; a right-to-left override typed into a landmark name is gone, so "evil"
 * cannot show as "live".
 */
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import type { Browser, Page } from "playwright-core";
import type { App } from "../../src/app.ts";
import { launchChromium } from "../support/browser.ts";
import { addUser, PASSWORD } from "../support/dashboard-client.ts";
import { pngClaiming } from "../support/photos.ts";
import { startRedis, type RedisServerHandle } from "../support/redis-server.ts";
import { baseUrlOf, startTestApp } from "../support/test-app.ts";

const WAIT = { timeout: 15_000 };

describe("dashboard words for staff (headless Chromium)", { timeout: 90_000 }, () => {
  let redis: RedisServerHandle;
  let app: App;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;
  let tmpDir: string;

  before(async () => {
    redis = await startRedis();
    app = await startTestApp({ redisUrl: redis.url, roles: ["web"], env: { NGO_NAME: "Safe Passage" } });
    baseUrl = baseUrlOf(app);
    await addUser(app, "coordinator@safe-passage.example", "coordinator");
    tmpDir = await mkdtemp(path.join(os.tmpdir(), "dashboard-words-"));
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1100, height: 760 }, locale: "en-GB" })).newPage();
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel("Email").fill("coordinator@safe-passage.example");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((u) => u.pathname !== "/login", WAIT);
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
    await redis?.stop();
    if (tmpDir) await rm(tmpDir, { recursive: true, force: true });
  });

  const testPhoto = async (file: string) => {
    await page.goto(`${baseUrl}/landmarks/athens-syntagma-square`);
    await page.locator('form[action$="/test"] input[type="file"]').setInputFiles(file);
    await page.getByRole("button", { name: "Test", exact: true }).click();
    await page.waitForLoadState("load");
    return (await page.locator("body").innerText()).replace(/[\u2068\u2069]/g, "");
  };

  it("a 60 MB photo: 'too large: at most 20 MB', not a raw FastifyError", async () => {
    const big = path.join(tmpDir, "big.jpg");
    await writeFile(big, Buffer.alloc(60 * 1024 * 1024, 0xff));
    const text = await testPhoto(big);
    assert.doesNotMatch(text, /FastifyError|"error"/);
    assert.match(text, /The photo is too large: at most 20 MB\. Send a smaller photo\./);
  });

  it("too many pixels: words, not the code", async () => {
    const huge = path.join(tmpDir, "huge.png");
    await writeFile(huge, pngClaiming(20_000, 20_000));
    const text = await testPhoto(huge);
    assert.doesNotMatch(text, /too_many_pixels/);
    assert.match(text, /The image has too many pixels to check/);
  });

  it("a landmark name typed with a right-to-left override shows as typed, without the override", async () => {
    await page.goto(`${baseUrl}/landmarks/new`);
    await page.locator('input[name="id"]').fill("rlo-test");
    await page.locator('input[name="name_en"]').fill("\u202elive\u202c Square");
    await page.locator('input[name="lat"]').fill("37.9755");
    await page.locator('input[name="lon"]').fill("23.7355");
    await page.locator('input[name="radiusM"]').fill("150");
    await page.getByRole("button", { name: "Create landmark" }).click();
    await page.goto(`${baseUrl}/landmarks`);
    const row = page.locator("tr", { hasText: "rlo-test" });
    await row.waitFor(WAIT);
    const html = await row.innerHTML();
    assert.doesNotMatch(html, /[\u202a-\u202e\u2066\u2067]/, "no override or embedding in the page");
    assert.match((await row.innerText()).replace(/[\u2068\u2069]/g, ""), /live Square/);
  });
});
