import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ReferenceFingerprint } from "../domain/landmark.ts";
import type { KnownPicture, LandmarkRepository, StoredLandmark } from "../store/landmark-repository.ts";
import type { DecodedPhoto, PhotoLimits } from "../verification/contracts.ts";
import { decodePhoto } from "../verification/decode.ts";
import { captureWallClockHour } from "../verification/exif.ts";
import { pdqHash } from "../verification/pdq.ts";
import { landmarkCoverage } from "./coverage.ts";
import { readCatalogDir, type CatalogEntry } from "./catalog-dir.ts";
import { readKnownPictureList } from "./known-pictures.ts";
import { qualityReports, referenceVisualData, type ReferenceVisualData } from "./reference-features.ts";

/** References come from the catalog's curators, not travellers: allow small but not absurd ones. */
const REFERENCE_LIMITS: PhotoLimits = { maxBytes: 50 * 1024 * 1024, maxPixels: 150_000_000, minSide: 200 };

/**
 * Computes what the service needs of each reference photo, once, at import: the perceptual hash, the
 * visual features and replay thumbnail, and a quality report.
 */
export async function fingerprintEntry(entry: CatalogEntry): Promise<StoredLandmark> {
  const references: ReferenceFingerprint[] = [];
  const visual: ReferenceVisualData[] = [];
  const hours: Array<number | undefined> = [];
  for (const file of entry.referenceFiles) {
    const bytes = await readFile(file);
    const decoded = await decodePhoto(bytes, REFERENCE_LIMITS);
    const { fingerprint, data } = await fingerprintReference(path.basename(file), decoded);
    visual.push(data);
    references.push(fingerprint);
    hours.push(await captureWallClockHour(bytes));
  }
  qualityReports(references, visual).forEach((quality, i) => {
    const hour = hours[i];
    references[i]!.quality = hour === undefined ? quality : { ...quality, capturedHour: hour };
  });
  const known: KnownPicture[] = [];
  for (const file of entry.knownFiles ?? []) {
    known.push({ file: path.basename(file), phash: pdqHash(await decodePhoto(await readFile(file), REFERENCE_LIMITS)) });
  }
  return { landmark: entry.landmark, references, known, coverage: await landmarkCoverage({ references }) };
}

/** One reference photo's fingerprint (hash, both feature sets, thumbnail), without its quality report. */
export async function fingerprintReference(file: string, decoded: DecodedPhoto): Promise<{ fingerprint: ReferenceFingerprint; data: ReferenceVisualData }> {
  const data = await referenceVisualData(decoded);
  return {
    data,
    fingerprint: {
      file,
      phash: pdqHash(decoded),
      width: decoded.originalWidth,
      height: decoded.originalHeight,
      features: data.features,
      akaze: data.akaze,
      thumb: data.thumb,
      ...(data.learned ? { learned: data.learned } : {}),
    },
  };
}

export interface ImportResult {
  imported: string[];
  skipped: string[];
  /** Entries of the catalog's known-pictures.txt, when it has one (the stored list is then replaced). */
  knownPictures?: number;
}

/** Loads a catalog folder into the store; `onlyMissing` leaves landmarks already there untouched. */
export async function importCatalog(
  dir: string,
  repo: LandmarkRepository,
  opts: { onlyMissing?: boolean } = {},
): Promise<ImportResult> {
  const entries = await readCatalogDir(dir);
  const result: ImportResult = { imported: [], skipped: [] };
  const known = await readKnownPictureList(dir);
  if (known) {
    await repo.putKnownPictures(known);
    result.knownPictures = known.length;
  }
  for (const entry of entries) {
    if (opts.onlyMissing && (await repo.get(entry.landmark.id))) {
      result.skipped.push(entry.landmark.id);
      continue;
    }
    await repo.put(await fingerprintEntry(entry));
    result.imported.push(entry.landmark.id);
  }
  return result;
}
