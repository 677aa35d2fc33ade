/**
 * `safe-arrival landmarks import|list|remove|check|hash`: the landmark catalog from the command line.
 * `check` and `hash` read files only (no Redis; `check` reads the configuration for its default folder);
 * import, list and remove work on the store.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config.ts";
import { createLogger } from "../log.ts";
import { importCatalog } from "../landmarks/import.ts";
import { withApp } from "./with-app.ts";

export const LANDMARKS_HELP = `Usage:
  safe-arrival landmarks import <dir>   load a folder of landmark folders (landmark.json + reference photos)
  safe-arrival landmarks list           list the landmarks in the store
  safe-arrival landmarks remove <id>    remove a landmark
  safe-arrival landmarks check [--catalog <dir>] [--json]
                                        report weak reference coverage per landmark (landmarks check --help)
  safe-arrival landmarks hash <photo>...
                                        print PDQ hashes, for a catalog's known-pictures.txt
`;

export interface LandmarksIo {
  out(text: string): void;
  err(text: string): void;
  /** Read only by the commands that need it, so that check and hash run without a valid configuration. */
  config(): Config;
}

/** Returns the exit code (2 for wrong usage). */
export async function runLandmarks(args: string[], io: LandmarksIo): Promise<number> {
  const [sub, arg] = args;
  if (sub === undefined || sub === "--help" || sub === "-h" || sub === "help") {
    io.out(LANDMARKS_HELP);
    return 0;
  }
  if (sub === "check") {
    const { runLandmarksCheck } = await import("./landmarks-check.ts");
    const { DEMO_CATALOG_DIR } = await import("../landmarks/demo-catalog.ts");
    return runLandmarksCheck(args.slice(1), { out: io.out, err: io.err, defaultCatalog: () => io.config().CATALOG_DIR ?? DEMO_CATALOG_DIR });
  }
  if (sub === "hash") {
    const { phashPhoto } = await import("../verification/pdq.ts");
    for (const file of args.slice(1)) io.out(`${await phashPhoto(await readFile(file))}  # ${path.basename(file)}\n`);
    return 0;
  }
  if (!((sub === "import" || sub === "remove") && arg) && sub !== "list") {
    io.out(LANDMARKS_HELP);
    return 2;
  }
  const config = io.config();
  await withApp(config, createLogger(config.LOG_LEVEL), async (app) => {
    const repo = app.deps.landmarks;
    if (sub === "import") {
      const result = await importCatalog(arg!, repo);
      io.out(`imported ${result.imported.length} landmarks: ${result.imported.join(", ")}\n`);
    } else if (sub === "list") {
      for (const l of await repo.list()) io.out(`${l.id}\t${l.names.en ?? ""}\t${l.radiusM} m\t${l.timeZone}\n`);
    } else {
      io.out((await repo.remove(arg!)) ? `removed ${arg}\n` : `no landmark ${arg}\n`);
    }
  });
  return 0;
}
