/**
 * The catalog's list of known pictures, `known-pictures.txt` at the catalog's root: PDQ hashes of pictures
 * known to be passed around (shared between NGOs as hashes, without the pictures), each optionally with the
 * catalog landmark it shows. One per line: `<64 hex digits> [landmark-id]`; `#` starts a comment.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { KnownHash } from "../store/landmark-repository.ts";
import { isPdqHex } from "../verification/pdq.ts";
import { CatalogError } from "./catalog-dir.ts";

export const KNOWN_PICTURES_FILE = "known-pictures.txt";
const LANDMARK_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

/** The list, or undefined when the catalog has no such file. */
export async function readKnownPictureList(dir: string): Promise<KnownHash[] | undefined> {
  const file = path.join(path.resolve(dir), KNOWN_PICTURES_FILE);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new CatalogError(file, KNOWN_PICTURES_FILE, `unreadable (${(err as NodeJS.ErrnoException).code ?? "error"})`);
  }
  const list: KnownHash[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, "").trim();
    if (!line) return;
    const [hash = "", landmarkId, ...rest] = line.split(/\s+/);
    if (!isPdqHex(hash) || rest.length > 0 || (landmarkId !== undefined && !LANDMARK_ID.test(landmarkId))) {
      throw new CatalogError(file, `line ${i + 1}`, "expected a PDQ hash (64 hex digits), optionally followed by a landmark id");
    }
    list.push(landmarkId ? { phash: hash.toLowerCase(), landmarkId } : { phash: hash.toLowerCase() });
  });
  return list;
}
