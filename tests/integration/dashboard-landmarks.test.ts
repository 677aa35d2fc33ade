/**
 * The dashboard's landmark pages, through Fastify's inject: a coordinator creates a landmark (its time zone
 * derived from the coordinates), uploads reference photos (near-duplicates flagged, coverage stored) and tests
 * a photo against them; a caseworker only reads. The world (orgs, staff) is tests/support/dashboard-world.ts.
 */
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { App } from "../../src/app.ts";
import { makeJpeg } from "../support/photos.ts";
import { multipart } from "../support/dashboard-client.ts";
import { startDashboardWorld, type DashboardWorld } from "../support/dashboard-world.ts";

let world: DashboardWorld;
let app: App;

before(async () => {
  world = await startDashboardWorld();
  ({ app } = world);
});

after(() => world?.stop());

const signedIn = (email: string) => world.signedIn(email);

describe("landmarks", () => {
  test("a coordinator creates a landmark, uploads references (near-duplicates flagged) and tests a photo; caseworkers only read", async () => {
    const c = await signedIn("coord-a@example.org");
    const token = await c.token();
    const created = await c.post("/landmarks", {
      _csrf: token, id: "test-square", name_en: "Test Square", name_ar: "ساحة الاختبار", lat: "37.9755", lon: "23.7355", radiusM: "150", timeZone: "",
    });
    assert.equal(created.status, 303);
    const stored = await app.deps.landmarks.get("test-square");
    assert.equal(stored?.landmark.timeZone, "Europe/Athens", "zone derived from coordinates");
    const bad = await c.post("/landmarks", { _csrf: token, id: "bad-one", name_en: "Bad", lat: "99", lon: "0", radiusM: "150" });
    assert.equal(bad.status, 400);
    assert.match(bad.body, /lat: must be a number of degrees/);

    const photo = await makeJpeg({ width: 1200, height: 900, seed: "ref-1" });
    for (const name of ["view.jpg", "view.jpg"]) {
      const { body, contentType } = multipart({ _csrf: token }, { name: "photo", filename: name, type: "image/jpeg", bytes: photo });
      assert.equal((await c.request("POST", "/landmarks/test-square/references", { body, contentType })).status, 200);
    }
    const refs = (await app.deps.landmarks.get("test-square"))!.references;
    assert.deepEqual(refs.map((r) => r.file), ["view.jpg", "view-2.jpg"]);
    const page = await c.get("/landmarks/test-square");
    assert.match(page.body, /near-duplicate of .*view\.jpg/);
    // Coverage was computed at upload and stored; the page only shows it: a near-duplicate confirms nothing.
    const coverage = (await app.deps.landmarks.get("test-square"))!.coverage!;
    // (The synthetic photo is dark: whether it reads as a night view is not this test's business.)
    assert.deepEqual(coverage.issues.map((i) => i.code).filter((c) => c !== "no_night_view").sort(), ["few_references", "lone_viewpoint", "lone_viewpoint"]);
    assert.match(page.body, /id="coverage"/);
    assert.match(page.body, /Only \u2068?2\u2069? reference photos/);
    assert.match(page.body, /\u2068?view-2\.jpg\u2069?: no other reference confirms it/);
    assert.match(page.body, /(day|night) · confirmed by \u2068?0/);
    await c.post("/landmarks/test-square/references/delete", { _csrf: token, file: "view-2.jpg" });
    const after = (await app.deps.landmarks.get("test-square"))!.coverage!;
    assert.deepEqual(after.references.map((r) => r.file), ["view.jpg"], "removing a reference updates the stored coverage");
    assert.deepEqual(after.issues.map((i) => i.code).filter((c) => c !== "no_night_view"), ["few_references"]);
    const { body: again, contentType: ct } = multipart({ _csrf: token }, { name: "photo", filename: "view.jpg", type: "image/jpeg", bytes: photo });
    assert.equal((await c.request("POST", "/landmarks/test-square/references", { body: again, contentType: ct })).status, 200);

    const { body, contentType } = multipart({ _csrf: token, lat: "37.9755", lon: "23.7355" }, { name: "photo", filename: "q.jpg", type: "image/jpeg", bytes: photo });
    const tested = await c.request("POST", "/landmarks/test-square/test", { body, contentType });
    assert.equal(tested.status, 200);
    assert.match(tested.body, /id="test-result"/);
    assert.match(tested.body, /Not verified|Partly verified/);
    assert.match(tested.body, /known picture of the place/, "a reference photo sent back is a replay");
    assert.match(tested.body, /Photo is a copy of the reference \u2068?view(-2)?\.jpg/, "the curator sees which reference it copies");

    const cw = await signedIn("case-a@example.org");
    assert.equal((await cw.get("/landmarks")).status, 200);
    assert.equal((await cw.get("/landmarks/new")).status, 403);
    assert.equal((await cw.post("/landmarks/test-square", { _csrf: await cw.token(), name_en: "Renamed", lat: "1", lon: "1", radiusM: "100" })).status, 403);
  });
});
