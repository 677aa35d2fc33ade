/**
 * Seeds a test app's store with the demo catalog, fingerprinted once per test run instead of once per
 * app. Each test file runs in its own process, and fingerprinting (ORB, AKAZE and XFeat features for every
 * reference, then leave-one-out coverage with all three opinions) cost ~2.5 s of CPU in each. The first
 * process computes it with the product's own import, through loadCatalogSource's on-disk cache, in a folder
 * keyed by every file under src/: a change to how references are fingerprinted is never tested against an
 * old result (the cache's own key, file names, sizes and mtimes, would not see a code change). Importing
 * itself is tested on its own (landmarks CLI, catalog import, the Telegram journey's own catalog).
 */
import { createHash } from "node:crypto";
import { readdir, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { App } from "../../src/app.ts";
import { DEMO_CATALOG_DIR } from "../../src/landmarks/demo-catalog.ts";
import { loadCatalogSource } from "../../src/landmarks/reference-source.ts";
import type { StoredLandmark } from "../../src/store/landmark-repository.ts";

const SRC = path.resolve(import.meta.dirname, "../../src");
const CACHE_ROOT = path.join(os.tmpdir(), "safe-arrival-test-catalog");

let fingerprinted: Promise<StoredLandmark[]> | undefined;

/** What app.seedCatalog() would store for the demo catalog, then app.seedCatalog() for the rest (known pictures). */
export async function seedCatalog(app: App): Promise<void> {
  if (app.config.CATALOG_DIR === undefined) {
    fingerprinted ??= demoCatalogFingerprints();
    for (const stored of await fingerprinted) await app.deps.landmarks.put(stored);
  }
  await app.seedCatalog();
}

async function demoCatalogFingerprints(): Promise<StoredLandmark[]> {
  const cacheDir = path.join(CACHE_ROOT, await sourceKey());
  const stored = (await loadCatalogSource(DEMO_CATALOG_DIR, { cacheDir })).all();
  await dropStale(cacheDir);
  return stored;
}

/** sha256 over every file under src/ (code, the demo catalog's photos, the models), by path and content. */
async function sourceKey(): Promise<string> {
  const h = createHash("sha256");
  const files = (await readdir(SRC, { recursive: true, withFileTypes: true }))
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
  for (const f of files) h.update(path.relative(SRC, f)).update("\0").update(await readFile(f)).update("\0");
  return h.digest("hex").slice(0, 32);
}

/** Every edit of src/ makes a new key: folders an hour old under another key are another version's (or another checkout's, recomputed if it needs them). */
async function dropStale(keep: string): Promise<void> {
  for (const name of await readdir(CACHE_ROOT)) {
    const dir = path.join(CACHE_ROOT, name);
    if (dir === keep) continue;
    const { mtimeMs } = await stat(dir).catch(() => ({ mtimeMs: Infinity }));
    if (Date.now() - mtimeMs > 3_600_000) await rm(dir, { recursive: true, force: true });
  }
}
