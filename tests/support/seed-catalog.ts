/**
 * Seeds a test app's store with the demo catalog, fingerprinted once per test run instead of once per
 * app. Each test file runs in its own process, and fingerprinting (ORB, AKAZE and XFeat features for every
 * reference, then leave-one-out coverage with all three opinions) cost ~2.5 s of CPU in each. The first
 * process computes it with the product's own fingerprintEntry and leaves it in the temp folder; the others
 * read it. The key covers the demo catalog's files and every source file under src/, so a change to how
 * references are fingerprinted is never tested against an old result. Importing itself is tested on its own
 * (landmarks CLI, catalog import, the Telegram journey's own catalog).
 */
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { App } from "../../src/app.ts";
import { readCatalogDir } from "../../src/landmarks/catalog-dir.ts";
import { DEMO_CATALOG_DIR } from "../../src/landmarks/demo-catalog.ts";
import { fingerprintEntry } from "../../src/landmarks/import.ts";
import type { StoredLandmark } from "../../src/store/landmark-repository.ts";

const SRC = path.resolve(import.meta.dirname, "../../src");
const CACHE_DIR = path.join(os.tmpdir(), "safe-arrival-test-catalog");

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
  const key = await sourceKey();
  const file = path.join(CACHE_DIR, `${key}.json`);
  try {
    return JSON.parse(await readFile(file, "utf8")) as StoredLandmark[];
  } catch {
    /* not computed yet in this run (or unreadable): compute it */
  }
  const stored: StoredLandmark[] = [];
  for (const entry of await readCatalogDir(DEMO_CATALOG_DIR)) stored.push(await fingerprintEntry(entry));
  await mkdir(CACHE_DIR, { recursive: true });
  // Two processes may compute it at once: each writes its own file and renames it into place whole.
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(stored));
  await rename(tmp, file);
  await dropStale(file);
  return stored;
}

/** Every edit of src/ makes a new key: results an hour old are another version's (or another checkout's, recomputed if it needs them). */
async function dropStale(keep: string): Promise<void> {
  for (const name of await readdir(CACHE_DIR)) {
    const f = path.join(CACHE_DIR, name);
    if (f === keep) continue;
    const { mtimeMs } = await stat(f).catch(() => ({ mtimeMs: Infinity }));
    if (Date.now() - mtimeMs > 3_600_000) await rm(f, { force: true });
  }
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
