/** The catalog's known-pictures.txt: hashes with an optional landmark id; mistakes name the line. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { readKnownPictureList } from "../../../src/landmarks/known-pictures.ts";
import { CatalogError } from "../../../src/landmarks/catalog-dir.ts";

const HASH = "f4ab38993ad0bb71db7a41af4dcf2a48100997392bac6926edb7f42450151a7d";

test("known-pictures.txt: hashes, optional landmark ids, comments; absent file is no list; a bad line is named", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "known-list-"));
  try {
    assert.equal(await readKnownPictureList(dir), undefined);
    await writeFile(path.join(dir, "known-pictures.txt"), `# shared list\n\n${HASH.toUpperCase()}  paris-gare-du-nord # the station\r\n${HASH}\n`);
    assert.deepEqual(await readKnownPictureList(dir), [{ phash: HASH, landmarkId: "paris-gare-du-nord" }, { phash: HASH }]);
    await writeFile(path.join(dir, "known-pictures.txt"), `${HASH}\nnot-a-hash\n`);
    await assert.rejects(readKnownPictureList(dir), (err: unknown) => err instanceof CatalogError && err.field === "line 2");
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
