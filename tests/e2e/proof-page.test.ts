/**
 * The public confirmation check page in headless Chromium: a genuine code shows the landmark, the time with
 * its zone, the verdict and reasons (in the reader's language, no script, styles from a file); an edited,
 * forged, expired or unknown-key code says "not valid"; after a key rotation the old key's codes still check
 * until they expire. Also the offline CLI against the published keys.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { after, before, describe, it } from "node:test";
import type { Browser, BrowserContext } from "playwright-core";
import { launchChromium } from "../support/browser.ts";
import type { App } from "../../src/app.ts";
import { ProofKeys } from "../../src/proof/proof-keys.ts";
import type { Confirmation } from "../../src/proof/confirmation-code.ts";
import { baseUrlOf, startTestApp } from "../support/test-app.ts";
import { startRedis, type RedisServerHandle } from "../support/redis-server.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);
const DAY = 86_400_000;

function confirmation(overrides: Partial<Confirmation> = {}): Confirmation {
  const at = new Date(Math.floor(Date.now() / 60_000) * 60_000 - 3_600_000);
  return {
    landmarkId: "paris-gare-du-nord",
    at,
    expiresAt: new Date(at.getTime() + 30 * DAY),
    status: "verified",
    reasons: [
      { code: "visual_match", ok: true },
      { code: "location_within", ok: true, vars: { distance: 42, source: "live" } },
      { code: "capture_time_fresh", ok: true, vars: { minutes: 3 } },
      { code: "photo_original", ok: true },
    ],
    ...overrides,
  };
}

/** Flips one bit in the middle of the signed part: the verdict byte. */
function edited(code: string): string {
  const bytes = Buffer.from(code, "base64url");
  bytes[13] = bytes[13]! ^ 0x01;
  return bytes.toString("base64url");
}

describe("confirmation check page (headless Chromium)", { timeout: 90_000 }, () => {
  let redis: RedisServerHandle;
  let app: App;
  let browser: Browser;
  let baseUrl: string;
  let tmpDir: string;
  const oldSeed = randomBytes(32).toString("base64");
  const newSeed = randomBytes(32).toString("base64");
  const oldKeys = ProofKeys.fromText(oldSeed);

  before(async () => {
    redis = await startRedis();
    // Rotated: PROOF_SIGNING_KEY is the new key, the old one is kept as PROOF_SIGNING_KEY_PREVIOUS.
    app = await startTestApp({ redisUrl: redis.url, roles: ["web"], env: { PROOF_SIGNING_KEY: newSeed, PROOF_SIGNING_KEY_PREVIOUS: oldSeed } });
    baseUrl = baseUrlOf(app);
    browser = await launchChromium();
    tmpDir = await mkdtemp(path.join(os.tmpdir(), "proof-e2e-"));
  });

  after(async () => {
    await browser?.close();
    await app?.stop();
    await redis?.stop();
    if (tmpDir) await rm(tmpDir, { recursive: true, force: true });
  });

  async function open(code: string, locale = "en-GB"): Promise<{ text: string; context: BrowserContext; scripts: number; status: number; dir: string; border: string }> {
    const context = await browser.newContext({ locale, javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(`${baseUrl}/c/${code}`);
    const text = await page.locator("main").innerText();
    const scripts = await page.locator("script").count();
    const dir = (await page.locator("html").getAttribute("dir")) ?? "";
    const border = await page.locator("section").evaluate((el) => (globalThis as unknown as { getComputedStyle(e: unknown): { borderTopColor: string } }).getComputedStyle(el).borderTopColor);
    return { text, context, scripts, status: response!.status(), dir, border };
  }

  it("a genuine code shows landmark, time with zone, verdict and reasons, and nothing about the person", async () => {
    const code = app.proofKeys.sign(confirmation());
    const page = await open(code);
    assert.equal(page.status, 200);
    assert.match(page.text, /This confirmation is genuine/);
    assert.match(page.text, /Gare du Nord/);
    // The zone by its name in the reader's language, never the raw IANA id.
    assert.match(page.text.replace(/[\u2068\u2069]/g, ""), /\(Central European (Standard )?Time\)/);
    assert.match(page.text, /arrival verified/);
    assert.match(page.text.replace(/[\u2068\u2069]/g, ""), /live location 42 m from the place/);
    assert.match(page.text, /photo matches the place/);
    assert.doesNotMatch(page.text, /48\.88|2\.35/, "no coordinates");
    assert.equal(page.scripts, 0, "no script at all");
    assert.equal(page.border, "rgb(46, 125, 50)", "styled by the stylesheet file (green border of a valid code)");
    await page.context.close();
  });

  it("an edited, a forged, an expired and a garbage code are not valid", async () => {
    const genuine = app.proofKeys.sign(confirmation({ status: "partial" }));
    const forged = ProofKeys.fromText(randomBytes(32).toString("base64")).sign(confirmation());
    const expired = app.proofKeys.sign(confirmation({ at: new Date(Date.now() - 40 * DAY), expiresAt: new Date(Date.now() - DAY) }));
    for (const [what, code] of [["edited", edited(genuine)], ["forged", forged], ["expired", expired], ["garbage", "AAAAAAAAAAAAAAAAAAAAAAAA"]] as const) {
      const page = await open(code);
      assert.match(page.text, /Not valid/, what);
      assert.doesNotMatch(page.text, /genuine|Gare du Nord/, what);
      assert.equal(page.border, "rgb(183, 28, 28)", what);
      await page.context.close();
    }
  });

  it("after a key rotation the old key's codes still check until they expire", async () => {
    const old = await open(oldKeys.sign(confirmation()));
    assert.match(old.text, /This confirmation is genuine/);
    await old.context.close();
    const oldExpired = await open(oldKeys.sign(confirmation({ expiresAt: new Date(Date.now() - 60_000) })));
    assert.match(oldExpired.text, /Not valid/);
    await oldExpired.context.close();
    const keys = (await (await fetch(`${baseUrl}/.well-known/safe-arrival-proof-keys`)).json()) as { keys: { kid: string; status: string }[] };
    assert.deepEqual(keys.keys.map((k) => k.status), ["current", "previous"]);
    assert.equal(keys.keys[1]!.kid, oldKeys.publicKeys().keys[0]!.kid);
  });

  it("speaks the reader's language (Accept-Language), right to left for Arabic", async () => {
    const code = app.proofKeys.sign(confirmation());
    const ar = await open(code, "ar-SY");
    assert.equal(ar.dir, "rtl");
    assert.match(ar.text, /[\u0600-\u06FF]/);
    assert.doesNotMatch(ar.text, /genuine/);
    await ar.context.close();
    const fr = await open(code, "fr-FR");
    assert.equal(fr.dir, "ltr");
    assert.doesNotMatch(fr.text, /This confirmation is genuine/);
    await fr.context.close();
  });

  it("the CLI checks a code offline with the published keys", async () => {
    const file = path.join(tmpDir, "keys.json");
    await writeFile(file, await (await fetch(`${baseUrl}/.well-known/safe-arrival-proof-keys`)).text());
    const code = app.proofKeys.sign(confirmation());
    // No Redis, no configuration: an empty environment apart from PATH.
    const env = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" };
    const cli = (args: string[]) => run(process.execPath, ["--import", "tsx", "src/main.ts", "proof", "verify", ...args], { cwd: ROOT, env }).then(
      (r) => ({ code: 0, out: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
    );
    const ok = await cli([`https://safe.example.org/c/${code}`, "--public-key", file]);
    assert.equal(ok.code, 0, ok.out);
    assert.match(ok.out, /^valid: signed by key/m);
    assert.match(ok.out, /landmark: paris-gare-du-nord/);
    assert.match(ok.out, /verdict: verified/);
    const old = await cli([oldKeys.sign(confirmation()), "--public-key", file]);
    assert.equal(old.code, 0, "the previous key is in the published document");
    const bad = await cli([edited(code), "--public-key", file]);
    assert.equal(bad.code, 1);
    assert.match(bad.out, /not valid \(bad signature\)/);
    const expired = await cli([app.proofKeys.sign(confirmation({ expiresAt: new Date(Date.now() - 60_000) })), "--public-key", file]);
    assert.match(expired.out, /not valid \(expired\)/);
  });
});
