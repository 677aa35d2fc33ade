/**
 * `safe-arrival landmarks check [--catalog <dir>] [--min-references <n>] [--cache <dir>] [--json]`
 * Tells a catalog's curators what its landmarks' references miss (src/landmarks/coverage.ts): each
 * reference matched against the others, leave one out, with the shipped matcher. Needs no Redis. Weak
 * coverage is a finding, not a failure: the exit code is 0 unless the catalog cannot be read (1) or
 * the options are wrong (2).
 */
import { parseArgs } from "node:util";
import { landmarkName, type CoverageIssue, type LandmarkCoverage } from "../domain/landmark.ts";
import { landmarkCoverage, MIN_REFERENCES } from "../landmarks/coverage.ts";
import { loadCatalogSource } from "../landmarks/reference-source.ts";

export const CHECK_HELP = `Usage: safe-arrival landmarks check [--catalog <dir>] [--min-references <n>] [--cache <dir>] [--json]
  Matches each landmark's reference photos against each other (leave one out) and reports weak coverage:
  fewer than --min-references references (default ${MIN_REFERENCES}), a reference no other one confirms (a
  viewpoint only one photo covers), no night view. The catalog is --catalog, else CATALOG_DIR, else the
  demo catalog.
  --cache <dir>   keep reference features on disk between runs
  --json          one JSON document
`;

export interface CheckedLandmark {
  id: string;
  name: string;
  references: number;
  weak: boolean;
  coverage: LandmarkCoverage;
}

export interface CheckIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** The configured catalog folder, asked only when --catalog is not given. */
  defaultCatalog: () => string;
}

/** Returns the process exit code. */
export async function runLandmarksCheck(argv: string[], io: CheckIo): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        catalog: { type: "string" },
        "min-references": { type: "string" },
        cache: { type: "string" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (err) {
    io.err(`landmarks check: ${(err as Error).message}\n\n${CHECK_HELP}`);
    return 2;
  }
  if (values.help) {
    io.out(CHECK_HELP);
    return 0;
  }
  let minReferences: number | undefined;
  if (values["min-references"] !== undefined) {
    minReferences = Number(values["min-references"]);
    if (!Number.isInteger(minReferences) || minReferences < 1 || minReferences > 100) {
      io.err(`landmarks check: --min-references must be a whole number from 1 to 100\n\n${CHECK_HELP}`);
      return 2;
    }
  }
  const dir = values.catalog ?? io.defaultCatalog();
  const source = await loadCatalogSource(dir, values.cache ? { cacheDir: values.cache } : {});
  const checked: CheckedLandmark[] = [];
  for (const stored of source.all().sort((a, b) => a.landmark.id.localeCompare(b.landmark.id))) {
    // Import computed it with the default minimum; another minimum only changes the count check.
    const coverage = stored.coverage && minReferences === undefined ? stored.coverage : await landmarkCoverage(stored, { minReferences });
    checked.push({ id: stored.landmark.id, name: landmarkName(stored.landmark, "en"), references: stored.references.length, weak: coverage.issues.length > 0, coverage });
  }
  if (values.json) {
    io.out(`${JSON.stringify({ catalog: dir, landmarks: checked, weak: checked.filter((c) => c.weak).length })}\n`);
    return 0;
  }
  for (const c of checked) io.out(formatLandmark(c));
  io.out(`${checked.length} landmarks, ${checked.filter((c) => c.weak).length} with weak coverage\n`);
  return 0;
}

export function issueText(issue: CoverageIssue): string {
  switch (issue.code) {
    case "no_references":
      return "no reference photos: nothing to match an arrival photo against";
    case "few_references":
      return `only ${issue.count} reference photo${issue.count === 1 ? "" : "s"} (at least ${issue.min} advised): add photos from the other approaches`;
    case "lone_viewpoint":
      return `${issue.file}: no other reference confirms it, a viewpoint only this photo covers: add another photo from there`;
    case "no_night_view":
      return "no night view (all references look like daytime): add a photo taken after dark";
  }
}

function formatLandmark(c: CheckedLandmark): string {
  const { coverage } = c;
  const lines = [
    `${c.id} (${c.name}): ${c.references} reference${c.references === 1 ? "" : "s"}, ${coverage.viewpoints.length} viewpoint group${coverage.viewpoints.length === 1 ? "" : "s"}: ${c.weak ? "WEAK" : "ok"}`,
  ];
  for (const r of coverage.references) {
    const light = `${r.light}${r.capturedHour !== undefined ? `, taken at ${String(r.capturedHour).padStart(2, "0")}h` : ""}${r.brightness !== undefined ? `, brightness ${r.brightness}` : ""}`;
    const by = r.confirmedBy.length ? `confirmed by ${r.confirmedBy.map((b) => `${b.file} (${b.inliers}${b.detector === "orb" ? "" : ` ${b.detector}`})`).join(", ")}` : "confirmed by none";
    // Matching is not symmetric: a reference that confirms another one shares its viewpoint all the same.
    const confirms = coverage.references.filter((o) => o.confirmedBy.some((b) => b.file === r.file)).map((o) => o.file);
    const also = r.confirmedBy.length === 0 && confirms.length ? ` (but confirms ${confirms.join(", ")})` : "";
    lines.push(`  ${r.file}: ${light}; ${by}${also}`);
  }
  for (const issue of coverage.issues) lines.push(`  weak: ${issueText(issue)}`);
  return `${lines.join("\n")}\n`;
}
