/**
 * The photos of the three evaluation folders as the single-opinion experiments read them
 * (bench/learned-variants.ts, bench/zoom-variants.ts): every reference, query and distractor, and the
 * calibration lookalikes, each of which is a reference of its place and also a query (leave one out).
 */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

export interface ExperimentPhoto {
  key: string;
  file: string;
  /** Which folder it came from: "eval", "held-out folder" or "lookalikes". */
  folder: string;
  landmark?: string;
  isRef: boolean;
  leaveOneOut: boolean;
}

const listDir = (dir: string) => readdir(dir).catch(() => [] as string[]);

async function folderPhotos(folder: string, root: string, leaveOneOut: boolean): Promise<ExperimentPhoto[]> {
  const photos: ExperimentPhoto[] = [];
  for (const lm of await listDir(path.join(root, "landmarks"))) {
    for (const kind of ["ref", "query"]) {
      for (const f of await listDir(path.join(root, "landmarks", lm, kind))) {
        photos.push({ key: `${lm}/${f}`, file: path.join(root, "landmarks", lm, kind, f), folder, landmark: lm, isRef: kind === "ref", leaveOneOut });
      }
    }
  }
  for (const f of await listDir(path.join(root, "distractors"))) photos.push({ key: `distractors/${f}`, file: path.join(root, "distractors", f), folder, isRef: false, leaveOneOut: false });
  return photos;
}

export async function experimentPhotos(dirs: { eval: string; heldout?: string; calibrationExtra?: string }): Promise<ExperimentPhoto[]> {
  return [
    ...(await folderPhotos("eval", dirs.eval, false)),
    ...(dirs.heldout ? await folderPhotos("held-out folder", dirs.heldout, false) : []),
    ...(dirs.calibrationExtra ? await folderPhotos("lookalikes", dirs.calibrationExtra, true) : []),
  ];
}

/** Each query's condition ("<landmark>/<file>" -> same, night, season, light): ../shared/eval's and the held-out folder's. */
export async function experimentConditions(heldout?: string): Promise<Record<string, string>> {
  return {
    ...(JSON.parse(await readFile(path.join(import.meta.dirname, "eval-conditions.json"), "utf8")) as { conditions: Record<string, string> }).conditions,
    ...(heldout ? (JSON.parse(await readFile(path.join(heldout, "conditions.json"), "utf8")) as Record<string, string>) : {}),
  };
}
