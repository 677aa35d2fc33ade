/**
 * The held-out manifests (bench/heldout/*.json) and what the builder and bench/verify.ts derive from them.
 * Pure: no files, no photos, so the layout and the leave-one-out cases can be tested without the data.
 */

export interface ManifestSource { dataset: string; repo: string; commit: string; root: string; licence: string }
interface ManifestLandmark { id: string; en: string; lat: number; lon: number }

/** wxbs-heldout.json: references, and queries labelled by how they differ from those references. */
export interface PairManifest {
  source: ManifestSource;
  landmarks: Array<ManifestLandmark & { ref: string[]; query: Record<string, string> }>;
}

/** conditions-heldout.json: every photo labelled by its own condition, one of PHOTO_CONDITIONS. */
export interface ConditionManifest {
  source: ManifestSource;
  landmarks: Array<ManifestLandmark & { photos: Record<string, string> }>;
}

/**
 * more-heldout.json: held-out photos from other repositories, each source with its own commit: queries of
 * landmarks the other manifests define (labelled like wxbs-heldout.json's queries) and distractors.
 */
export interface MoreHeldoutManifest {
  about: string;
  sources: Array<ManifestSource & {
    queries: Record<string, { landmark: string; condition: string; about: string }>;
    distractors: { about: string; files: string[] };
  }>;
}

/** "day" is what a catalog holds today; "night" and "season" (snow) are also the query labels of wxbs-heldout.json. */
export const PHOTO_CONDITIONS = ["day", "night", "season"] as const;

/** Where the builder puts the built folder's per-condition catalog (every photo a reference) and its labels. */
export const BY_CONDITION_DIR = "by-condition";
export const PHOTO_CONDITIONS_FILE = "photo-conditions.json";

/** Flattens a source path into a file name that still says where it came from (the builder writes JPEGs). */
export const builtName = (rel: string) => `${rel.replace(/\.(png|jpe?g)$/i, "").replaceAll("/", "_")}.jpg`;

/**
 * A per-condition landmark in the main held-out part: its day photos are its references and every other
 * photo is a query labelled with its condition, so the main part measures it as it measures the WxBS
 * pairs (no reference in the query's condition).
 */
export function mainPartLayout(l: ConditionManifest["landmarks"][number]): { ref: string[]; query: Record<string, string> } {
  const entries = Object.entries(l.photos);
  return {
    ref: entries.filter(([, c]) => c === "day").map(([rel]) => rel),
    query: Object.fromEntries(entries.filter(([, c]) => c !== "day")),
  };
}

export interface ConditionCase {
  landmark: string;
  /** The query: a non-day photo, by its built file name. */
  file: string;
  condition: string;
  /** References without one in the query's condition: the landmark's day photos. */
  day: string[];
  /** References with one: every other photo of the landmark (day and non-day; never the query). */
  withRefs: string[];
  /** The other photos of the query's condition alone. */
  sameRefs: string[];
}

/**
 * Leave one out: each non-day photo whose landmark has a day photo and at least one other photo of its
 * condition is a query, and the landmark's other photos are its references. `photoConditions` maps
 * "<landmark>/<built file>" to the photo's condition (the builder's photo-conditions.json).
 */
export function conditionCases(photoConditions: Record<string, string>): ConditionCase[] {
  const byLandmark = new Map<string, Array<{ file: string; condition: string }>>();
  for (const [key, condition] of Object.entries(photoConditions)) {
    const slash = key.indexOf("/");
    const landmark = key.slice(0, slash);
    byLandmark.set(landmark, [...(byLandmark.get(landmark) ?? []), { file: key.slice(slash + 1), condition }]);
  }
  const cases: ConditionCase[] = [];
  for (const [landmark, photos] of [...byLandmark].sort(([a], [b]) => a.localeCompare(b))) {
    const day = photos.filter((p) => p.condition === "day").map((p) => p.file).sort();
    if (day.length === 0) continue;
    for (const q of photos.filter((p) => p.condition !== "day").sort((a, b) => a.file.localeCompare(b.file))) {
      const others = photos.filter((p) => p.file !== q.file);
      const sameRefs = others.filter((p) => p.condition === q.condition).map((p) => p.file).sort();
      if (sameRefs.length === 0) continue;
      cases.push({ landmark, file: q.file, condition: q.condition, day, withRefs: others.map((p) => p.file).sort(), sameRefs });
    }
  }
  return cases;
}

/** calibration-extra.json: lookalike landmarks for the calibration part, from several repositories; a place may have one photo. */
export interface CalibrationExtraManifest {
  /** Coordinates where known; the benchmark matches photos only, so an unknown place gets 0, 0 in its landmark.json. */
  places: Array<{ id: string; en: string; lat?: number; lon?: number }>;
  sources: Array<{ repo: string; commit: string; licence: string; files: Record<string, { place: string; about: string }> }>;
}

/** Each place's photos, as built file names, in manifest order (the landmarks/<place>/ref/ folders the builder writes). */
export function calibrationExtraLayout(m: CalibrationExtraManifest): Map<string, string[]> {
  const out = new Map<string, string[]>(m.places.map((p) => [p.id, []]));
  for (const src of m.sources) {
    for (const [rel, { place }] of Object.entries(src.files)) {
      const photos = out.get(place);
      if (!photos) throw new Error(`calibration-extra.json: ${src.repo} ${rel} names an unknown place ${place}`);
      photos.push(sourcedName(src.repo, rel));
    }
  }
  return out;
}

/**
 * The built file name of a photo from a manifest with several sources (calibration-extra.json,
 * more-heldout.json): the repository owner, then the flattened path (unique across sources).
 */
export const sourcedName = (repo: string, rel: string) => `${repo.replace(/^github:/, "").split("/")[0]}_${builtName(rel)}`;
