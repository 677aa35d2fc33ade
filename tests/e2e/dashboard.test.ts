/**
 * The NGO dashboard in a real (headless) Chromium: a coordinator signs in, sees an alert raised by a missed
 * deadline through the real path (a sandbox traveller consents to the NGO, plans a 2 s trip, the deadline
 * and a 1 s grace pass), acknowledges and resolves it; uploads a landmark reference and tests a photo; and
 * the Arabic pages render right to left at phone width. The alert list is screenshotted (into docs/dashboard-alerts.png with UPDATE_SCREENSHOT=1).
 */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { type Browser, type Page } from "playwright-core";
import { launchChromium } from "../support/browser.ts";
import type { App } from "../../src/app.ts";
import { baseUrlOf, startTestApp } from "../support/test-app.ts";
import { makeJpeg } from "../support/photos.ts";
import { startRedis, type RedisServerHandle } from "../support/redis-server.ts";
import { PASSWORD, addUser } from "../support/dashboard-client.ts";

const WAIT = { timeout: 20_000 };
// The README's screenshot is refreshed only on request (UPDATE_SCREENSHOT=1), so a test run leaves the checkout clean.
const SCREENSHOT = process.env.UPDATE_SCREENSHOT
  ? path.resolve(import.meta.dirname, "../../docs/dashboard-alerts.png")
  : path.join(os.tmpdir(), `dashboard-alerts-${process.pid}.png`);
interface BrowserGlobals {
  document: { documentElement: { scrollWidth: number; clientWidth: number; dir: string; lang: string } };
  getComputedStyle(el: unknown): { direction: string };
}

describe("NGO dashboard (headless Chromium)", { timeout: 120_000 }, () => {
  let redis: RedisServerHandle;
  let app: App;
  let browser: Browser;
  let page: Page;
  let baseUrl: string;
  let tmpDir: string;
  const pageErrors: string[] = [];

  before(async () => {
    redis = await startRedis();
    app = await startTestApp({
      redisUrl: redis.url,
      roles: ["web", "worker"],
      env: { NGO_NAME: "Safe Passage", ESCALATION_GRACE: "1s", RECONCILE_INTERVAL: "1h" },
    });
    baseUrl = baseUrlOf(app);
    await addUser(app, "coordinator@safe-passage.example", "coordinator");
    tmpDir = await mkdtemp(path.join(os.tmpdir(), "dashboard-e2e-"));
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1100, height: 760 }, locale: "en-GB" });
    page = await context.newPage();
    page.on("pageerror", (err) => pageErrors.push(err.message));
    // Chromium reports what the Content-Security-Policy blocked on the console: none of it may happen.
    page.on("console", (msg) => {
      if (/Content Security Policy/i.test(msg.text())) pageErrors.push(msg.text());
    });
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
    await redis?.stop();
    if (tmpDir) await rm(tmpDir, { recursive: true, force: true });
  });

  /** The traveller, through the sandbox chat's HTTP API (the same conversation core as Telegram). */
  async function traveller(chat: string, action: "text" | "choice", value: string): Promise<void> {
    const body = action === "text" ? { name: "Amina", text: value } : { name: "Amina", data: value };
    const res = await fetch(`${baseUrl}/sandbox/api/${chat}/${action}`, {
      method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body),
    });
    assert.equal(res.status, 200, `${action} ${value}`);
  }

  it("redirects to the login form, signs in, and shows a missed deadline live, without a reload", async () => {
    await page.goto(`${baseUrl}/`);
    assert.equal(new URL(page.url()).pathname, "/login");
    await page.getByLabel("Email").fill("coordinator@safe-passage.example");
    await page.getByLabel("Password").fill("wrong password, twice over");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByText("Wrong email, password or code.").waitFor(WAIT);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Alerts", exact: true }).waitFor(WAIT);
    await page.getByText("No open alerts.").waitFor(WAIT);

    const chat = `amina-${randomBytes(3).toString("hex")}`;
    await traveller(chat, "text", "/start");
    await traveller(chat, "choice", "lang:en");
    await traveller(chat, "choice", "consent:y");
    await traveller(chat, "choice", "ngo:y");
    await traveller(chat, "text", "/trip athens-syntagma-square 2s");

    // The list refreshes itself (progressive enhancement): the alert appears on the open page.
    const alert = page.locator("li.alert.missed.open").first();
    await alert.waitFor({ timeout: 30_000 });
    assert.match((await alert.textContent()) ?? "", /Missed check-in · Syntagma/);
    assert.match((await alert.textContent()) ?? "", /Channel\s*sandbox/);
    assert.doesNotMatch((await page.content()) ?? "", /Amina/, "no traveller name on the dashboard");
    await page.locator("#live-status").waitFor(WAIT);
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
  });

  it("acknowledges and resolves the alert; the timeline says who did what", async () => {
    const open = page.locator("li.alert.missed.open").first();
    await open.getByRole("button", { name: "Acknowledge" }).click();
    const acknowledged = page.locator("li.alert.missed.acknowledged").first();
    await acknowledged.waitFor(WAIT);
    await acknowledged.getByRole("textbox").fill("Called the shelter in Athens");
    await acknowledged.getByRole("button", { name: "Add note" }).click();
    await page.locator("li.alert.missed.acknowledged").first().getByRole("button", { name: "Resolve" }).click();
    await page.getByText("No open alerts.").waitFor(WAIT);
    const resolved = page.locator("li.alert.missed.resolved").first();
    await resolved.getByRole("link", { name: "Timeline" }).click();
    const timeline = page.locator("ol.timeline");
    await timeline.waitFor(WAIT);
    const text = (await timeline.textContent()) ?? "";
    assert.match(text, /Alert opened: the traveller did not check in by the deadline/);
    assert.match(text, /Acknowledged by .*coordinator@safe-passage\.example/);
    assert.match(text, /Called the shelter in Athens/);
    assert.match(text, /Resolved by .*coordinator@safe-passage\.example/);
  });

  it("uploads a landmark reference, sees its quality, and tests a photo against the landmark", async () => {
    const reference = path.join(tmpDir, "syntagma-east.jpg");
    await writeFile(reference, await makeJpeg({ width: 1400, height: 1000, seed: "syntagma-east" }));
    const query = path.join(tmpDir, "arrival.jpg");
    await writeFile(query, await makeJpeg({ width: 1024, height: 768, seed: "arrival-photo" }));

    await page.goto(`${baseUrl}/landmarks`);
    await page.getByRole("link", { name: /Syntagma/ }).first().click();
    await page.getByRole("heading", { name: "Upload a reference photo" }).waitFor(WAIT);
    await page.locator('form[action$="/references"] input[type="file"]').setInputFiles(reference);
    await page.locator('form[action$="/references"]').getByRole("button", { name: "Upload a reference photo" }).click();
    await page.getByText(/Reference .*syntagma-east\.jpg.* added\./).waitFor(WAIT);
    const row = page.locator("tr", { hasText: "syntagma-east.jpg" });
    assert.match((await row.textContent()) ?? "", /1,400 × 1,000|1400 × 1000/);
    // The matcher's quality report for this reference (a synthetic scene may well have few features).
    assert.match((await row.textContent()) ?? "", /good|few details to match|blurred|small/);

    await page.locator('form[action$="/test"] input[name="lat"]').fill("37.9755");
    await page.locator('form[action$="/test"] input[name="lon"]').fill("23.7355");
    await page.locator('form[action$="/test"] input[type="file"]').setInputFiles(query);
    await page.getByRole("button", { name: "Test", exact: true }).click();
    const result = page.locator("#test-result");
    await result.waitFor(WAIT);
    const verdict = (await result.textContent()) ?? "";
    assert.match(verdict, /Verified|Partly verified|Not verified/);
    assert.match(verdict, /pin dropped on the map .* from the place/, "the location reason is shown, named as a typed pin");
    // A synthetic scene against a synthetic reference: what the matcher saw, in numbers the curator can act on.
    // (Fluent wraps each value in Unicode isolation marks.)
    assert.match(verdict.replace(/[\u2068\u2069]/g, ""), /Photo (not recognised: the best reference, .+, had \d+ matching points \(12 needed\)|matched the reference .+ \(\d+ matching points)/);
  });

  it("renders the admins' queue board (bull-board) under the Content-Security-Policy", async () => {
    await addUser(app, "admin@safe-passage.example", "admin");
    const context = await browser.newContext({ viewport: { width: 1100, height: 760 } });
    const board = await context.newPage();
    const blocked: string[] = [];
    board.on("console", (msg) => {
      // bull-board links a Google font; no page of ours may load from another site, so that one is refused on purpose.
      if (/Content Security Policy/i.test(msg.text()) && !msg.text().includes("fonts.googleapis.com")) blocked.push(msg.text());
    });
    board.on("pageerror", (err) => blocked.push(err.message));
    await board.goto(`${baseUrl}/login`);
    await board.getByLabel("Email").fill("admin@safe-passage.example");
    await board.getByLabel("Password").fill(PASSWORD);
    await board.getByRole("button", { name: "Sign in" }).click();
    await board.getByRole("heading", { name: "Alerts", exact: true }).waitFor(WAIT);
    await board.goto(`${baseUrl}/admin/queues`);
    // Rendered by bull-board's React bundle: its scripts ran.
    await board.getByText("verify", { exact: true }).first().waitFor(WAIT);
    await context.close();
    assert.deepEqual(blocked, []);
  });

  it("renders the Arabic dashboard right to left, usable at 360 px", async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${baseUrl}/`);
    await page.getByRole("link", { name: "العربية" }).click();
    await page.getByRole("heading", { name: "التنبيهات", exact: true }).waitFor(WAIT);
    const facts = await page.evaluate(() => {
      const g = globalThis as unknown as BrowserGlobals;
      const root = g.document.documentElement;
      return { dir: root.dir, lang: root.lang, direction: g.getComputedStyle(root).direction, overflow: root.scrollWidth - root.clientWidth };
    });
    assert.deepEqual({ dir: facts.dir, lang: facts.lang, direction: facts.direction }, { dir: "rtl", lang: "ar", direction: "rtl" });
    assert.ok(facts.overflow <= 1, `no horizontal scrolling at 360 px (${facts.overflow} px)`);
    await page.goto(`${baseUrl}/landmarks`);
    const overflow = await page.evaluate(() => {
      const root = (globalThis as unknown as BrowserGlobals).document.documentElement;
      return root.scrollWidth - root.clientWidth;
    });
    assert.ok(overflow <= 1, `landmarks page fits at 360 px (${overflow} px)`);
    assert.deepEqual(pageErrors, []);
  });
});
