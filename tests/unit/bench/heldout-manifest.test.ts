import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { builtName, calibrationExtraLayout, conditionCases, mainPartLayout, PHOTO_CONDITIONS, sourcedName, type CalibrationExtraManifest, type ConditionManifest, type MoreHeldoutManifest, type PairManifest } from "../../../bench/heldout/manifest.ts";
import { wilson } from "../../../bench/stats.ts";

const HELDOUT = path.resolve(import.meta.dirname, "../../../bench/heldout");
const pairs = JSON.parse(await readFile(path.join(HELDOUT, "wxbs-heldout.json"), "utf8")) as PairManifest;
const byCondition = JSON.parse(await readFile(path.join(HELDOUT, "conditions-heldout.json"), "utf8")) as ConditionManifest;
const calibrationExtra = JSON.parse(await readFile(path.join(HELDOUT, "calibration-extra.json"), "utf8")) as CalibrationExtraManifest;
const more = JSON.parse(await readFile(path.join(HELDOUT, "more-heldout.json"), "utf8")) as MoreHeldoutManifest;

describe("held-out leave-one-out cases by condition", () => {
  const labels = {
    "a/day1.jpg": "day",
    "a/night1.jpg": "night",
    "a/night2.jpg": "night",
    "a/snow1.jpg": "season",
    "b/day1.jpg": "day",
    "b/night1.jpg": "night",
    "c/night1.jpg": "night",
    "c/night2.jpg": "night",
  };
  const cases = conditionCases(labels);

  it("makes a query of each non-day photo that has another photo of its condition and a day photo", () => {
    assert.deepEqual(cases.map((c) => `${c.landmark}/${c.file}`), ["a/night1.jpg", "a/night2.jpg"]);
  });

  it("never gives a query itself as a reference, and gives the day photos as the references without", () => {
    const [first] = cases;
    assert.deepEqual(first, {
      landmark: "a",
      file: "night1.jpg",
      condition: "night",
      day: ["day1.jpg"],
      withRefs: ["day1.jpg", "night2.jpg", "snow1.jpg"],
      sameRefs: ["night2.jpg"],
    });
    for (const c of cases) assert.ok(!c.withRefs.includes(c.file) && !c.sameRefs.includes(c.file));
  });
});

describe("held-out manifests", () => {
  it("name one photo in one landmark only, across both manifests (a photo under two landmarks would count a true match as a false accept)", () => {
    const seen = new Map<string, string>();
    const add = (id: string, rel: string) => {
      assert.ok(!seen.has(rel), `${rel} is in ${seen.get(rel)} and ${id}`);
      seen.set(rel, id);
    };
    for (const l of pairs.landmarks) for (const rel of [...l.ref, ...Object.keys(l.query)]) add(l.id, rel);
    for (const l of byCondition.landmarks) for (const rel of Object.keys(l.photos)) add(l.id, rel);
  });

  it("label every per-condition photo with a known condition, with a day photo per landmark, on a pinned commit", () => {
    assert.match(byCondition.source.commit, /^[0-9a-f]{40}$/);
    for (const l of byCondition.landmarks) {
      for (const [rel, c] of Object.entries(l.photos)) assert.ok((PHOTO_CONDITIONS as readonly string[]).includes(c), `${l.id} ${rel}: ${c}`);
      assert.ok(mainPartLayout(l).ref.length > 0, `${l.id} has no day photo`);
    }
  });

  it("give at least one query with a reference in its condition", () => {
    const labels = Object.fromEntries(byCondition.landmarks.flatMap((l) => Object.entries(l.photos).map(([rel, c]) => [`${l.id}/${builtName(rel)}`, c])));
    assert.ok(conditionCases(labels).length > 0);
  });
});

describe("the held-out photos from other repositories (more-heldout.json)", () => {
  const heldIds = new Set([...pairs.landmarks, ...byCondition.landmarks].map((l) => l.id));
  const wxbsNames = new Set([...pairs.landmarks.flatMap((l) => [...l.ref, ...Object.keys(l.query)]), ...byCondition.landmarks.flatMap((l) => Object.keys(l.photos))].map(builtName));

  it("name each source at a pinned commit with its licence, and each query's landmark, condition and view", () => {
    for (const src of more.sources) {
      assert.match(src.commit, /^[0-9a-f]{40}$/);
      assert.ok(src.licence.length > 0, `${src.repo}: no licence`);
      for (const [rel, q] of Object.entries(src.queries)) {
        assert.ok(heldIds.has(q.landmark), `${rel}: ${q.landmark} is no held-out landmark (it would be built into a folder nothing reads)`);
        assert.ok(q.condition === "same" || (PHOTO_CONDITIONS as readonly string[]).includes(q.condition), `${rel}: ${q.condition}`);
        assert.ok(q.about.length > 0, `${rel}: says nothing`);
      }
      assert.ok(src.distractors.about.length > 0);
    }
  });

  it("build to distinct names that no other held-out or calibration photo uses, and no photo is both a query and a distractor", () => {
    const names = more.sources.flatMap((s) => [...Object.keys(s.queries), ...s.distractors.files].map((rel) => sourcedName(s.repo, rel)));
    assert.equal(new Set(names).size, names.length);
    assert.equal(sourcedName("github:mapillary/OpenSfM", "berlin/images/01.jpg"), "mapillary_berlin_images_01.jpg");
    const calNames = new Set(calibrationExtra.sources.flatMap((src) => Object.keys(src.files).map((rel) => sourcedName(src.repo, rel))));
    for (const n of names) assert.ok(!wxbsNames.has(n) && !calNames.has(n), n);
  });
});

describe("the calibration part's lookalike distractors (calibration-extra.json)", () => {
  it("name each photo's repository at a pinned commit, with its licence and what it shows", () => {
    for (const src of calibrationExtra.sources) {
      assert.match(src.repo, /^[\w.-]+\/[\w.-]+$/);
      assert.match(src.commit, /^[0-9a-f]{40}$/);
      assert.ok(src.licence.length > 0, `${src.repo}: no licence`);
      for (const [rel, { about }] of Object.entries(src.files)) assert.ok(about.length > 0, `${src.repo} ${rel}: says nothing`);
    }
  });

  it("build to distinct file names that the held-out folder's photos do not use", () => {
    const names = calibrationExtra.sources.flatMap((src) => Object.keys(src.files).map((rel) => sourcedName(src.repo, rel)));
    assert.equal(new Set(names).size, names.length);
    assert.deepEqual(sourcedName("naver/croco", "assets/Chateau1.png"), "naver_assets_Chateau1.jpg");
    const heldNames = new Set(pairs.landmarks.flatMap((l) => [...l.ref, ...Object.keys(l.query)].map(builtName)));
    for (const n of names) assert.ok(!heldNames.has(n), n);
  });
});

describe("the calibration lookalikes as landmarks (calibrationExtraLayout)", () => {
  it("puts every photo under exactly one declared place, and every place has a photo", () => {
    const layout = calibrationExtraLayout(calibrationExtra);
    const all = [...layout.values()].flat();
    assert.equal(all.length, calibrationExtra.sources.reduce((n, s) => n + Object.keys(s.files).length, 0));
    assert.equal(new Set(all).size, all.length);
    for (const [place, photos] of layout) assert.ok(photos.length > 0, `${place} has no photo`);
  });

  it("refuses a photo of an undeclared place (it would be built nowhere and counted as nothing)", () => {
    const m: CalibrationExtraManifest = { places: [{ id: "a", en: "A" }], sources: [{ repo: "o/r", commit: "0".repeat(40), licence: "MIT", files: { "x.jpg": { place: "b", about: "B" } } }] };
    assert.throws(() => calibrationExtraLayout(m), /unknown place b/);
  });

  it("keeps places with one photo (a reference for the others' negatives, never a positive)", () => {
    const m: CalibrationExtraManifest = { places: [{ id: "a", en: "A" }, { id: "b", en: "B" }], sources: [{ repo: "o/r", commit: "0".repeat(40), licence: "MIT", files: { "x.jpg": { place: "a", about: "" }, "y.jpg": { place: "a", about: "" }, "z.jpg": { place: "b", about: "" } } }] };
    assert.deepEqual([...calibrationExtraLayout(m)], [["a", ["o_x.jpg", "o_y.jpg"]], ["b", ["o_z.jpg"]]]);
  });
});

describe("wilson", () => {
  it("bounds a proportion from few samples", () => {
    const { low, high } = wilson(3, 5);
    assert.ok(Math.abs(low - 0.231) < 0.001 && Math.abs(high - 0.882) < 0.001, `${low} ${high}`);
    assert.equal(wilson(0, 4).low, 0);
    assert.equal(wilson(4, 4).high, 1);
    assert.ok(Number.isNaN(wilson(0, 0).low));
  });
});
