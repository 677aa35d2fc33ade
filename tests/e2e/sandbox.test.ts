/**
 * The sandbox chat page in a real (headless) Chromium: the whole journey a newcomer walks —
 * onboarding, inviting family, planning a trip, checking in with a photo and a location, and the
 * family seeing the verified, EXIF-free photo.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import exifr from "exifr";
import { type Browser, type Locator, type Page } from "playwright-core";
import { launchChromium } from "../support/browser.ts";
import type { App } from "../../src/app.ts";
import { baseUrlOf, startTestApp } from "../support/test-app.ts";
import { makeJpeg } from "../support/photos.ts";
import { DEMO_CATALOG_DIR } from "../../src/landmarks/demo-catalog.ts";
import { startRedis, type RedisServerHandle } from "../support/redis-server.ts";

const WAIT = { timeout: 15_000 };
/** The browser globals these page functions use; the project compiles without the DOM lib. */
interface BrowserGlobals {
  document: { documentElement: { scrollWidth: number; clientWidth: number } };
  getComputedStyle(el: unknown): { direction: string };
}
const XSS_NAME = "<b>x</b><img src=x onerror=alert(1)>";

describe("sandbox chat page (headless Chromium)", { timeout: 90_000 }, () => {
  let redis: RedisServerHandle;
  let app: App;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;
  let tmpDir: string;
  let traveller: Locator;
  let family: Locator;
  let tripLandmark = "";
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  before(async () => {
    redis = await startRedis();
    // The walk sends more than the default 30 messages a minute from one traveller; limits are tested in abuse-and-webhook.
    app = await startTestApp({ redisUrl: redis.url, roles: ["web", "worker"], env: { MESSAGE_RATE_PER_MINUTE: "1000" } });
    baseUrl = baseUrlOf(app);
    tmpDir = await mkdtemp(path.join(os.tmpdir(), "sandbox-e2e-"));
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on("pageerror", (err) => pageErrors.push(err.message));
    // Chromium reports what the Content-Security-Policy blocked on the console: none of it may happen.
    page.on("console", (msg) => {
      if (/Content Security Policy/i.test(msg.text())) pageErrors.push(msg.text());
    });
    await page.goto(`${baseUrl}/sandbox`);
    traveller = page.locator("#pane-traveller");
    family = page.locator("#pane-family");
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
    await redis?.stop();
    if (tmpDir) await rm(tmpDir, { recursive: true, force: true });
  });

  const quick = (pane: Locator, cmd: string) => pane.locator(".quick button", { hasText: new RegExp(`^${cmd}$`) }).click();
  const botMessage = (pane: Locator, text: string | RegExp) => pane.locator(".msg.out", { hasText: text }).last();
  const waitBot = (pane: Locator, text: string | RegExp) => botMessage(pane, text).waitFor(WAIT);
  const choose = async (pane: Locator, messageText: string | RegExp, label: string) => {
    const message = botMessage(pane, messageText);
    await message.waitFor(WAIT);
    await message.locator(".actions button", { hasText: label }).first().click();
  };

  it("onboards the traveller and links the family pane through the invite link", async () => {
    const name = traveller.getByLabel("Display name");
    assert.equal(await name.inputValue(), "Amina");
    assert.equal(await family.getByLabel("Display name").inputValue(), "Yusuf");

    await quick(traveller, "/start");
    await choose(traveller, "Choose your language", "English");
    await choose(traveller, "Before you start", "I agree");
    await waitBot(traveller, "Thank you. Next step");

    await quick(traveller, "/contact");
    const invite = botMessage(traveller, "Send this link to one family member");
    await invite.waitFor(WAIT);
    assert.match((await invite.locator("a").first().getAttribute("href")) ?? "", /\/sandbox\?start=[A-Za-z0-9_-]+$/);
    await invite.getByRole("button", { name: "Open in family pane" }).click();

    const preview = botMessage(family, "wants you as a family contact");
    await preview.waitFor(WAIT);
    assert.match((await preview.locator(".bubble").textContent()) ?? "", /Amina/);
    await preview.getByRole("button", { name: "Accept" }).click();
    await waitBot(family, "You will now get arrival messages");
    await waitBot(traveller, "is now your family contact");
  });

  it("plans a trip to the first landmark, arriving in one hour", async () => {
    await quick(traveller, "/trip");
    const question = botMessage(traveller, "Where do you plan to arrive");
    await question.waitFor(WAIT);
    const first = question.locator(".actions button").first();
    tripLandmark = ((await first.textContent()) ?? "").trim();
    assert.ok(tripLandmark);
    await first.click();
    await choose(traveller, "When do you plan to arrive", "In 1 hour");
    await waitBot(traveller, "Trip saved");
  });

  it("checks in with a photo file and a location; the family gets the cleaned photo", async () => {
    const landmarks = (await (await fetch(`${baseUrl}/sandbox/api/landmarks`)).json()) as {
      name: string; lat: number; lon: number;
    }[];
    const landmark = landmarks.find((l) => l.name === tripLandmark);
    assert.ok(landmark, `landmark ${tripLandmark} in the API list`);
    const jpeg = await makeJpeg({
      width: 1280,
      height: 960,
      seed: `sandbox-e2e-${Date.now()}`,
      exif: {
        dateTimeOriginal: new Date(Date.now() - 60_000),
        offset: "+00:00",
        gps: { lat: landmark.lat + 0.0002, lon: landmark.lon },
        make: "SandboxCam",
        model: "E2E",
      },
    });
    const original = (await exifr.parse(jpeg)) as { Make?: string } | undefined;
    assert.equal(original?.Make, "SandboxCam", "the test photo itself carries EXIF");
    const file = path.join(tmpDir, "arrival.jpg");
    await writeFile(file, jpeg);

    await traveller.getByLabel("Photo file").setInputFiles(file);
    await traveller.getByRole("button", { name: "Send as file (keeps EXIF)" }).click();
    const needLocation = botMessage(traveller, "Now send your location");
    await needLocation.waitFor(WAIT);
    await needLocation.locator("button.request-location").click();

    await traveller.getByLabel("Near a landmark").selectOption({ label: tripLandmark });
    const lat = Number(await traveller.getByLabel("Latitude").inputValue());
    const lon = Number(await traveller.getByLabel("Longitude").inputValue());
    const metres = Math.hypot((lat - landmark.lat) * 111_320, (lon - landmark.lon) * 111_320 * Math.cos((landmark.lat * Math.PI) / 180));
    assert.ok(metres > 20 && metres < 40, `the filled point is ~30 m away (${metres.toFixed(1)} m)`);
    await traveller.getByRole("button", { name: "Send location", exact: true }).click();

    await waitBot(traveller, "I am checking");
    await waitBot(traveller, /Check-in (verified|accepted)|not verified|could not check/);
    assert.equal(await botMessage(traveller, /not verified|could not check/).count(), 0, "the check-in was accepted");

    const notice = botMessage(family, /Not fully confirmed|arrived at/);
    await notice.waitFor(WAIT);
    const img = notice.locator("img.photo");
    await img.waitFor(WAIT);
    const src = await img.getAttribute("src");
    assert.match(src ?? "", /^\/sandbox\/media\/[A-Za-z0-9-]+$/);
    await page.waitForFunction((el) => {
      const image = el as unknown as { complete: boolean; naturalWidth: number } | null;
      return Boolean(image?.complete && image.naturalWidth > 0);
    }, await img.elementHandle(), WAIT);

    const res = await fetch(`${baseUrl}${src}`);
    assert.equal(res.status, 200);
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.equal(bytes[0], 0xff);
    assert.equal(bytes[1], 0xd8, "a JPEG");
    const exif = (await exifr.parse(bytes)) as { Make?: string; latitude?: number } | undefined;
    assert.equal(exif?.Make, undefined, "no camera make");
    assert.equal(exif?.latitude, undefined, "no GPS");
    const gps = await exifr.gps(bytes).catch(() => undefined);
    assert.equal(gps?.latitude, undefined, "no GPS");
  });

  it("README walk: the family's code checks on the public page; /checkphoto names a reference as a known picture", async () => {
    const notice = botMessage(family, /reports being at|arrived at/);
    const signed = /Confirmation code \(proof that this message is genuine\): \u2068?([A-Za-z0-9_-]+)/.exec(await notice.innerText());
    assert.ok(signed, "the family's confirmation carries a code");
    const checkPage = await page.context().newPage();
    await checkPage.goto(`${baseUrl}/c/${signed[1]}`);
    assert.match(await checkPage.locator("main").innerText(), new RegExp(`This confirmation is genuine[\\s\\S]*${tripLandmark}`));
    await checkPage.close();

    await family.getByLabel("Family message", { exact: true }).fill("/checkphoto");
    await family.getByRole("button", { name: "Send", exact: true }).click();
    await waitBot(family, "Send me the photo you were sent");
    const reference = path.join(DEMO_CATALOG_DIR, "athens-syntagma-square", "ref", "view-1.jpg");
    await family.locator(".photo-tool summary").click();
    await family.getByLabel("Photo file").setInputFiles(reference);
    await family.getByRole("button", { name: "Send as file (keeps EXIF)" }).click();
    const answer = botMessage(family, "What I can say about this photo");
    await answer.waitFor({ timeout: 60_000 });
    const text = await answer.innerText();
    assert.match(text, /It shows .*Syntagma/);
    assert.match(text, /known picture of .*Syntagma/);
  });

  it("leaves a readable final state (screenshot)", async () => {
    await page.screenshot({ path: "/tmp/sandbox-journey.png", fullPage: true });
    await page.setViewportSize({ width: 360, height: 780 });
    const overflow = await page.evaluate(() => {
      const root = (globalThis as unknown as BrowserGlobals).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    assert.ok(overflow <= 0, `no horizontal scrolling at 360 px (overflow ${overflow} px)`);
    await page.screenshot({ path: "/tmp/sandbox-journey-360.png", fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it("shows a hostile display name as literal text", async () => {
    const name = traveller.getByLabel("Display name");
    await name.fill(XSS_NAME);
    const invites = traveller.locator("button.open-invite");
    const before = await invites.count();
    await quick(traveller, "/contact");
    await invites.nth(before).waitFor(WAIT);
    await invites.nth(before).click();

    const preview = family.locator(".msg.out", { hasText: XSS_NAME }).last();
    await preview.waitFor(WAIT);
    assert.ok(((await preview.locator(".bubble").textContent()) ?? "").includes(`${XSS_NAME}`));
    assert.equal(await page.locator("#panes b").count(), 0, "no <b> element was created");
    assert.equal(await page.locator('#panes img[src="x"]').count(), 0, "no injected <img>");
    await page.waitForTimeout(300);
    assert.deepEqual(dialogs, [], "no dialog opened");
    assert.deepEqual(pageErrors, [], "no script errors on the page");
  });

  it("renders right-to-left text right-to-left, keeping line breaks", async () => {
    await traveller.getByLabel("Traveller message", { exact: true }).fill("مرحبا، وصلت");
    await traveller.getByRole("button", { name: "Send", exact: true }).click();
    const bubble = traveller.locator(".msg.in .bubble", { hasText: "مرحبا" }).last();
    await bubble.waitFor(WAIT);
    assert.equal(await bubble.evaluate((el) => (globalThis as unknown as BrowserGlobals).getComputedStyle(el).direction), "rtl");
    // A new answer, not the /help answer of an earlier step. A string hasText matches case-insensitively, and
    // the bot's late "I did not understand. Send /help to see what I can do." to the Arabic text would match it
    // (CI saw that one-line reply taken for the help); the case-sensitive heading is the help's alone.
    const helps = traveller.locator(".msg.out", { hasText: /What I can do:/ });
    const before = await helps.count();
    await quick(traveller, "/help");
    await helps.nth(before).waitFor(WAIT);
    const bubbleHelp = helps.nth(before).locator(".bubble");
    assert.equal(await bubbleHelp.evaluate((el) => (globalThis as unknown as BrowserGlobals).getComputedStyle(el).direction), "ltr");
    assert.ok(((await bubbleHelp.innerText()).split("\n").length) >= 8, "line breaks are kept");
  });

  it("resets a pane's visible log", async () => {
    await family.getByRole("button", { name: "Reset" }).click();
    await family.locator(".log .empty").waitFor(WAIT);
    assert.equal(await family.locator(".msg").count(), 0);
    await page.waitForTimeout(900);
    assert.equal(await family.locator(".msg").count(), 0, "cleared messages do not come back");
  });
});
