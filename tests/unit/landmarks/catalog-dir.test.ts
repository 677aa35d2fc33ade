import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { CatalogError, readCatalogDir, readLandmarkDir } from "../../../src/landmarks/catalog-dir.ts";

const EVAL_LANDMARKS = path.resolve(import.meta.dirname, "../../../../shared/eval/landmarks");

const validJson = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id, names: { en: "Somewhere", fr: "Quelque part" }, lat: 37.9755, lon: 23.7355, radiusM: 150, ...extra });

// Content does not matter to the reader: it lists files, decoding is the matcher's job.
const FAKE_JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);

let work: string;
before(async () => {
  work = await mkdtemp(path.join(tmpdir(), "catalog-dir-"));
});
after(async () => {
  await rm(work, { recursive: true, force: true });
});

let counter = 0;
/** A fresh catalog folder holding one landmark folder `name` with the given files (path -> content). */
async function catalogWith(name: string, files: Record<string, string | Buffer>): Promise<{ root: string; folder: string }> {
  const root = path.join(work, `catalog-${++counter}`);
  const folder = path.join(root, name);
  await mkdir(folder, { recursive: true });
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(folder, rel)), { recursive: true });
    await writeFile(path.join(folder, rel), content);
  }
  return { root, folder };
}

async function assertCatalogError(
  promise: Promise<unknown>,
  folder: string,
  field: string | RegExp,
): Promise<CatalogError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof CatalogError, `expected a CatalogError, got ${String(caught)}`);
  assert.equal(caught.folder, folder);
  if (typeof field === "string") assert.equal(caught.field, field);
  else assert.match(caught.field, field);
  assert.ok(caught.message.includes(folder), `message should name the folder: ${caught.message}`);
  assert.ok(caught.message.includes(caught.field), `message should name the field: ${caught.message}`);
  return caught;
}

describe("readCatalogDir on the evaluation set", () => {
  it("reads the 5 landmarks with their ref/ photos and none of query/", async () => {
    const entries = await readCatalogDir(EVAL_LANDMARKS);
    assert.deepEqual(
      entries.map((e) => [e.landmark.id, e.referenceFiles.length]),
      [
        ["chateau-de-sceaux", 3],
        ["nle-tower", 3],
        ["piazza-san-marco", 3],
        ["sacre-coeur", 3],
        ["tower-bridge", 3],
      ],
    );
    for (const { landmark, referenceFiles } of entries) {
      for (const file of referenceFiles) {
        assert.ok(path.isAbsolute(file));
        assert.equal(path.basename(path.dirname(file)), "ref");
        assert.equal(path.basename(path.dirname(path.dirname(file))), landmark.id);
      }
      assert.deepEqual(referenceFiles, [...referenceFiles].sort());
    }
    const byId = new Map(entries.map((e) => [e.landmark.id, e.landmark]));
    assert.equal(byId.get("tower-bridge")?.timeZone, "Europe/London");
    assert.equal(byId.get("piazza-san-marco")?.timeZone, "Europe/Rome");
    assert.equal(byId.get("sacre-coeur")?.names.fr, "Basilique du Sacré-Cœur");
    // Upper-case extensions (the Sceaux camera's .JPG) count as images.
    assert.ok(entries[0]?.referenceFiles.every((f) => f.endsWith(".JPG")));
  });
});

describe("readLandmarkDir", () => {
  it("takes photos from ref/ and the folder itself, ignoring query/, dotfiles and other extensions", async () => {
    const { folder } = await catalogWith("mixed", {
      "landmark.json": validJson("mixed"),
      "b.PNG": FAKE_JPEG,
      "notes.txt": "not a photo",
      "._b.jpg": "macOS resource fork",
      "ref/a.jpeg": FAKE_JPEG,
      "ref/c.WebP": FAKE_JPEG,
      "ref/d.gif": FAKE_JPEG,
      "query/q.jpg": FAKE_JPEG,
    });
    const entry = await readLandmarkDir(folder);
    assert.deepEqual(entry.referenceFiles, [
      path.join(folder, "b.PNG"),
      path.join(folder, "ref", "a.jpeg"),
      path.join(folder, "ref", "c.WebP"),
    ]);
    assert.equal(entry.landmark.timeZone, "Europe/Athens");
  });

  it("keeps an explicit timeZone", async () => {
    const { folder } = await catalogWith("tz", {
      "landmark.json": validJson("tz", { timeZone: "Europe/Istanbul" }),
      "ref/a.jpg": FAKE_JPEG,
    });
    assert.equal((await readLandmarkDir(folder)).landmark.timeZone, "Europe/Istanbul");
  });

  it("accepts a BOM at the start of landmark.json", async () => {
    const { folder } = await catalogWith("bom", { "landmark.json": `\uFEFF${validJson("bom")}`, "a.jpg": FAKE_JPEG });
    assert.equal((await readLandmarkDir(folder)).landmark.id, "bom");
  });
});

describe("invalid catalogs give a CatalogError naming the folder and field", () => {
  const cases: Array<[string, Record<string, string | Buffer>, string | RegExp]> = [
    ["missing landmark.json", { "ref/a.jpg": FAKE_JPEG }, "landmark.json"],
    ["malformed JSON", { "landmark.json": "{ id: nope", "ref/a.jpg": FAKE_JPEG }, "landmark.json"],
    ["lat out of range", { "landmark.json": validJson("bad-lat", { lat: 123 }), "ref/a.jpg": FAKE_JPEG }, "lat"],
    ["lat as a string", { "landmark.json": validJson("bad-lat", { lat: "37.9" }), "ref/a.jpg": FAKE_JPEG }, "lat"],
    ["lon out of range", { "landmark.json": validJson("bad-lon", { lon: -181 }), "ref/a.jpg": FAKE_JPEG }, "lon"],
    ["radius too small", { "landmark.json": validJson("bad-r", { radiusM: 5 }), "ref/a.jpg": FAKE_JPEG }, "radiusM"],
    ["radius too large", { "landmark.json": validJson("bad-r", { radiusM: 5001 }), "ref/a.jpg": FAKE_JPEG }, "radiusM"],
    [
      "missing en name",
      { "landmark.json": validJson("no-en", { names: { fr: "Quelque part" } }), "ref/a.jpg": FAKE_JPEG },
      "names.en",
    ],
    ["empty names", { "landmark.json": validJson("no-names", { names: {} }), "ref/a.jpg": FAKE_JPEG }, "names.en"],
    [
      "blank name",
      { "landmark.json": validJson("blank", { names: { en: "Here", fr: "  " } }), "ref/a.jpg": FAKE_JPEG },
      "names.fr",
    ],
    [
      "bad language tag",
      { "landmark.json": validJson("tag", { names: { en: "Here", English: "Here" } }), "ref/a.jpg": FAKE_JPEG },
      "names.English",
    ],
    ["missing id", { "landmark.json": JSON.stringify({ names: { en: "Here" }, lat: 1, lon: 1, radiusM: 100 }), "a.jpg": FAKE_JPEG }, "id"],
    ["bad id (upper case)", { "landmark.json": validJson("Bad_Id"), "ref/a.jpg": FAKE_JPEG }, "id"],
    ["bad id (too short)", { "landmark.json": validJson("a"), "ref/a.jpg": FAKE_JPEG }, "id"],
    ["bad id (leading dash)", { "landmark.json": validJson("-dash"), "ref/a.jpg": FAKE_JPEG }, "id"],
    ["unknown time zone", { "landmark.json": validJson("tz", { timeZone: "Mars/Olympus" }), "ref/a.jpg": FAKE_JPEG }, "timeZone"],
    ["misspelt field", { "landmark.json": validJson("typo", { radius: 100 }), "ref/a.jpg": FAKE_JPEG }, "radius"],
    ["no reference photos", { "landmark.json": validJson("empty"), "query/q.jpg": FAKE_JPEG }, "ref"],
  ];
  for (const [label, files, field] of cases) {
    it(label, async () => {
      const { root, folder } = await catalogWith("place", files);
      await assertCatalogError(readCatalogDir(root), folder, field);
      await assertCatalogError(readLandmarkDir(folder), folder, field);
    });
  }

  it("says what was wrong with the value", async () => {
    const { folder } = await catalogWith("place", { "landmark.json": validJson("bad-lat", { lat: 123 }), "a.jpg": FAKE_JPEG });
    const error = await assertCatalogError(readLandmarkDir(folder), folder, "lat");
    assert.match(error.message, /123/);
  });

  it("rejects two folders with the same id", async () => {
    const { root } = await catalogWith("one", { "landmark.json": validJson("same"), "a.jpg": FAKE_JPEG });
    const two = path.join(root, "two");
    await mkdir(two);
    await writeFile(path.join(two, "landmark.json"), validJson("same"));
    await writeFile(path.join(two, "a.jpg"), FAKE_JPEG);
    const error = await assertCatalogError(readCatalogDir(root), two, "id");
    assert.ok(error.message.includes(path.join(root, "one")));
  });

  it("rejects a missing or empty catalog folder", async () => {
    const missing = path.join(work, "does-not-exist");
    await assertCatalogError(readCatalogDir(missing), missing, "catalog");
    const empty = await mkdtemp(path.join(work, "empty-"));
    await writeFile(path.join(empty, "README.md"), "loose files are not landmarks");
    await assertCatalogError(readCatalogDir(empty), empty, "catalog");
  });
});
