import assert from "node:assert/strict";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import sharp from "sharp";
import { SUPPORTED_LOCALES } from "../../../src/domain/locale.ts";
import { readCatalogDir } from "../../../src/landmarks/catalog-dir.ts";
import { DEMO_CATALOG_DIR } from "../../../src/landmarks/demo-catalog.ts";
import { DRAWINGS, renderJpeg } from "../../../scripts/generate-demo-catalog.ts";

describe("demo catalog", () => {
  it("lives in the repo next to its module", () => {
    assert.ok(path.isAbsolute(DEMO_CATALOG_DIR));
    assert.equal(path.basename(DEMO_CATALOG_DIR), "demo-catalog");
  });

  it("reads as 3 landmarks with 2 references each and derived time zones", async () => {
    const entries = await readCatalogDir(DEMO_CATALOG_DIR);
    assert.deepEqual(
      entries.map((e) => [e.landmark.id, e.landmark.timeZone, e.landmark.radiusM, e.referenceFiles.length]),
      [
        ["athens-syntagma-square", "Europe/Athens", 150, 2],
        ["paris-gare-du-nord", "Europe/Paris", 150, 2],
        ["rome-termini-station", "Europe/Rome", 150, 2],
      ],
    );
    for (const { landmark } of entries) {
      const raw = JSON.parse(await readFile(path.join(DEMO_CATALOG_DIR, landmark.id, "landmark.json"), "utf8"));
      // The zone must come from the coordinates, so the reader's derivation is what the demo exercises.
      assert.equal(raw.timeZone, undefined);
      for (const locale of SUPPORTED_LOCALES) {
        assert.ok(landmark.names[locale]?.trim(), `${landmark.id} needs a ${locale} name`);
      }
    }
  });

  it("ships 1280x960 JPEG references under 150 KB", async () => {
    for (const { referenceFiles } of await readCatalogDir(DEMO_CATALOG_DIR)) {
      for (const file of referenceFiles) {
        const meta = await sharp(file).metadata();
        assert.equal(meta.format, "jpeg", file);
        assert.equal(meta.width, 1280, file);
        assert.equal(meta.height, 960, file);
        assert.ok((await stat(file)).size < 150 * 1024, `${file} is too large`);
      }
    }
  });

  it("has exactly the images scripts/generate-demo-catalog.ts renders, so the shipped files cannot drift from the drawings", async () => {
    const entries = await readCatalogDir(DEMO_CATALOG_DIR);
    assert.deepEqual(entries.map((e) => e.landmark.id).sort(), Object.keys(DRAWINGS).sort());
    for (const { landmark, referenceFiles } of entries) {
      const drawing = DRAWINGS[landmark.id];
      assert.ok(drawing);
      assert.equal(referenceFiles.length, drawing.views.length);
      for (const [i, view] of drawing.views.entries()) {
        const shipped = await sharp(referenceFiles[i] ?? "").raw().toBuffer();
        const fresh = await sharp(await renderJpeg(drawing.draw, view)).raw().toBuffer();
        // Pixel comparison with a tolerance, because another libvips/mozjpeg build may round differently.
        let diff = 0;
        for (let p = 0; p < shipped.length; p++) diff += Math.abs((shipped[p] ?? 0) - (fresh[p] ?? 0));
        assert.ok(diff / shipped.length < 2, `${referenceFiles[i]} differs from scripts/generate-demo-catalog.ts output; re-run it`);
      }
    }
  });
});
