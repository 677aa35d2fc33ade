/**
 * Reads a landmark catalog from disk: a folder of landmark folders, each with a landmark.json and its
 * reference photos. The catalog is written by hand (by an NGO or by us), so every mistake must come back
 * as one readable error that names the folder and the field to fix, never as a zod dump or a stack trace.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import tzlookup from "@photostructure/tz-lookup";
import { z } from "zod";
import { stripBidiControls } from "../domain/display-text.ts";
import type { Landmark } from "../domain/landmark.ts";

export interface CatalogEntry {
  landmark: Landmark;
  /** Absolute paths, sorted by code unit so every machine sees the same order. */
  referenceFiles: string[];
  /**
   * Pictures of the landmark known to circulate (in `known/`): never references, only hashed, so that the
   * families' photo check can say "a known picture, not a new photo". Sorted like referenceFiles.
   */
  knownFiles?: string[];
}

/** A catalog problem, with enough context for the person editing the catalog to fix it. */
export class CatalogError extends Error {
  constructor(
    /** Absolute path of the offending landmark folder (or of the catalog folder itself). */
    readonly folder: string,
    /** The landmark.json field or catalog part at fault, e.g. "lat", "names.en", "landmark.json", "ref". */
    readonly field: string,
    readonly problem: string,
  ) {
    super(`landmark catalog: ${folder}: ${field}: ${problem}`);
    this.name = "CatalogError";
  }
}

export const LANDMARK_FILE = "landmark.json";
const REFERENCE_DIR = "ref";
/** Arrival photos kept next to the references in evaluation sets; they must never become references. */
const QUERY_DIR = "query";
const KNOWN_DIR = "known";
const IMAGE_EXTENSIONS = new Set([".jpg", ".jpeg", ".png", ".webp"]);

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;
/** Loose BCP 47 shape: enough to catch a typo such as "EN " or "english" without a tag registry. */
const LANGUAGE_TAG_PATTERN = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

function isIanaZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** One message for both bounds, so the error tells the fix rather than which side was crossed. */
function between(min: number, max: number, unit: string) {
  const error = `must be a number of ${unit} from ${min} to ${max}`;
  return z.number({ error }).min(min, { error }).max(max, { error });
}

const landmarkFileSchema = z.strictObject({
  id: z.string().regex(ID_PATTERN, {
    error: "must be 2-63 characters of a-z, 0-9 and '-', starting with a letter or digit",
  }),
  names: z
    .record(
      z.string().regex(LANGUAGE_TAG_PATTERN),
      // Bidi controls could make a name display as another one (see stripBidiControls).
      z.string().transform(stripBidiControls).pipe(z.string().trim().min(1, { error: "must not be empty" })),
    )
    .refine((names) => typeof names.en === "string", { error: "an English name is required", path: ["en"] }),
  lat: between(-90, 90, "degrees"),
  lon: between(-180, 180, "degrees"),
  radiusM: between(10, 5000, "metres"),
  timeZone: z.string().refine(isIanaZone, { error: "must be an IANA time zone such as 'Europe/Athens'" }).optional(),
});

function fieldOf(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") return issue.keys.join(", ");
  return issue.path.length > 0 ? issue.path.map(String).join(".") : LANDMARK_FILE;
}

function problemOf(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.code === "unrecognized_keys") {
    return `unknown field${issue.keys.length > 1 ? "s" : ""} (expected id, names, lat, lon, radiusM, timeZone)`;
  }
  if (issue.code === "invalid_key") {
    return `language tags look like "en", "fr" or "pt-BR" (got ${JSON.stringify(issue.path.at(-1))})`;
  }
  let value: unknown = input;
  for (const key of issue.path) {
    value = value !== null && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  }
  if (value === undefined) {
    return issue.code === "invalid_type" ? "required but missing" : issue.message;
  }
  return `${issue.message} (got ${JSON.stringify(value)})`;
}

/** Parses and validates one landmark.json; `folder` is only used to name the culprit in errors. */
export function parseLandmarkJson(text: string, folder: string): Landmark {
  let raw: unknown;
  try {
    // Editors on Windows like to prepend a BOM, which JSON.parse rejects.
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new CatalogError(folder, LANDMARK_FILE, `not valid JSON: ${(error as Error).message}`);
  }
  const parsed = landmarkFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (!issue) throw new CatalogError(folder, LANDMARK_FILE, "invalid");
    throw new CatalogError(folder, fieldOf(issue), problemOf(issue, raw));
  }
  const { id, names, lat, lon, radiusM } = parsed.data;
  let timeZone = parsed.data.timeZone;
  if (timeZone === undefined) {
    try {
      timeZone = tzlookup(lat, lon);
    } catch (error) {
      throw new CatalogError(folder, "timeZone", `cannot derive one from lat/lon, set it: ${(error as Error).message}`);
    }
  }
  return { id, names: { ...names }, lat, lon, radiusM, timeZone };
}

function isImageName(name: string): boolean {
  // Dotfiles include macOS "._photo.jpg" resource forks, which carry an image extension but no image.
  return !name.startsWith(".") && IMAGE_EXTENSIONS.has(path.extname(name).toLowerCase());
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

async function isDirectory(dir: string): Promise<boolean> {
  try {
    return (await stat(dir)).isDirectory();
  } catch {
    return false;
  }
}

async function imagesIn(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  const files: string[] = [];
  for (const name of names) {
    if (!isImageName(name)) continue;
    const file = path.join(dir, name);
    // stat, not the dirent type, so that symlinked photos count.
    if (await isFile(file)) files.push(file);
  }
  return files;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Reads one landmark folder: its landmark.json and its reference photos (in ref/ and/or the folder itself). */
export async function readLandmarkDir(dir: string): Promise<CatalogEntry> {
  const folder = path.resolve(dir);
  if (!(await isDirectory(folder))) throw new CatalogError(folder, "folder", "not found or not a folder");

  let text: string;
  try {
    text = await readFile(path.join(folder, LANDMARK_FILE), "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CatalogError(folder, LANDMARK_FILE, code === "ENOENT" ? "missing" : `unreadable (${code ?? "error"})`);
  }
  const landmark = parseLandmarkJson(text, folder);

  const referenceFiles = await imagesIn(folder);
  const refDir = path.join(folder, REFERENCE_DIR);
  if (await isDirectory(refDir)) referenceFiles.push(...(await imagesIn(refDir)));
  if (referenceFiles.length === 0) {
    throw new CatalogError(
      folder,
      REFERENCE_DIR,
      `no reference photos (${[...IMAGE_EXTENSIONS].join(", ")}) in ${REFERENCE_DIR}/ or the folder itself; ` +
        `${QUERY_DIR}/ is not read`,
    );
  }
  referenceFiles.sort(byCodeUnit);
  const knownDir = path.join(folder, KNOWN_DIR);
  const knownFiles = (await isDirectory(knownDir)) ? (await imagesIn(knownDir)).sort(byCodeUnit) : [];
  return knownFiles.length > 0 ? { landmark, referenceFiles, knownFiles } : { landmark, referenceFiles };
}

/**
 * Reads a catalog folder: every sub-folder is a landmark folder (hidden ones are skipped); loose files such
 * as a README are ignored. Entries come back sorted by id. An empty catalog is an error because a bot with
 * no landmarks can verify nothing, and that is better found at start-up than at the first check-in.
 */
export async function readCatalogDir(dir: string): Promise<CatalogEntry[]> {
  const root = path.resolve(dir);
  if (!(await isDirectory(root))) throw new CatalogError(root, "catalog", "not found or not a folder");

  const names = (await readdir(root)).filter((name) => !name.startsWith(".")).sort(byCodeUnit);
  const entries: CatalogEntry[] = [];
  const folderById = new Map<string, string>();
  for (const name of names) {
    const folder = path.join(root, name);
    if (!(await isDirectory(folder))) continue;
    const entry = await readLandmarkDir(folder);
    const previous = folderById.get(entry.landmark.id);
    if (previous !== undefined) {
      throw new CatalogError(folder, "id", `"${entry.landmark.id}" is already used by ${previous}`);
    }
    folderById.set(entry.landmark.id, folder);
    entries.push(entry);
  }
  if (entries.length === 0) throw new CatalogError(root, "catalog", "no landmark folders");
  return entries.sort((a, b) => byCodeUnit(a.landmark.id, b.landmark.id));
}
