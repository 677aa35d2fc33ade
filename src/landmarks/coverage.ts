/**
 * What a landmark's references cover, for its curators: each reference is matched against the others
 * (leave one out) with the shipped pair matcher and thresholds, so a reference no other confirms shows a
 * viewpoint only it covers (an arrival photo from there has one chance, not several), and the references'
 * light (EXIF hour, else a brightness estimate) shows whether a night arrival has anything to match.
 * Computed once where references are fingerprinted (catalog import, dashboard edits), never per request:
 * it costs about n x (n - 1) pair matches.
 */
import type { CoverageIssue, LandmarkCoverage, ReferenceCoverage, ReferenceFingerprint } from "../domain/landmark.ts";
import { lightOf, meanBrightness } from "../domain/light.ts";
import { DEFAULT_CALIBRATION, isMatch, type Calibration } from "../verification/visual/calibration.ts";
import { decodeFeatures, type Features } from "../verification/visual/features.ts";
import { decodeLearnedFeatures, type LearnedFeatures } from "../verification/visual/learned/learned-features.ts";
import { loadLearnedOpinion } from "../verification/visual/learned/learned-opinion.ts";
import { DEFAULT_PAIR_CONFIG, matchPair } from "../verification/visual/pair.ts";
import { decodeThumbnail } from "../verification/visual/replay-check.ts";
import { loadVision } from "../verification/visual/vision.ts";

/** Fewer references than this and a landmark is reported as thinly covered. */
export const MIN_REFERENCES = 3;

export interface CoverageInput {
  references: ReadonlyArray<Pick<ReferenceFingerprint, "file" | "features" | "akaze" | "learned" | "thumb" | "quality">>;
}

/**
 * Leave-one-out coverage of one landmark's references; `minReferences` defaults to MIN_REFERENCES. With
 * `previous` (the report before a reference was added or removed; file names are unique per landmark),
 * pairs of references it already judged are not matched again: an edit costs O(n) pair matches, not O(n^2).
 */
export async function landmarkCoverage(
  input: CoverageInput,
  opts: { minReferences?: number; calibration?: Calibration; previous?: LandmarkCoverage } = {},
): Promise<LandmarkCoverage> {
  const cal = opts.calibration ?? DEFAULT_CALIBRATION;
  const min = opts.minReferences ?? MIN_REFERENCES;
  const vision = await loadVision();
  const refs = input.references.map((r) => ({
    file: r.file,
    orb: r.features ? decodeFeatures(r.features) : undefined,
    akaze: r.akaze ? decodeFeatures(r.akaze) : undefined,
    learned: r.learned ? decodeLearnedFeatures(r.learned) : undefined,
    brightness: r.thumb ? meanBrightness(decodeThumbnail(r.thumb).grey) : undefined,
    capturedHour: r.quality?.capturedHour,
    duplicateOf: r.quality?.duplicateOf?.file,
  }));
  const pair = (a: Features | undefined, b: Features | undefined) => (a && b ? matchPair(vision, a, b, DEFAULT_PAIR_CONFIG).inliers : 0);
  const before = new Map((opts.previous?.references ?? []).map((r) => [r.file, r]));
  const learnedPair = async (a: LearnedFeatures | undefined, b: LearnedFeatures | undefined) => {
    const opinion = a && b ? await loadLearnedOpinion() : undefined;
    return opinion ? opinion.inliers(vision.cv, a!, b!, cal.learned.cut) : 0;
  };
  const references: ReferenceCoverage[] = [];
  for (const [i, r] of refs.entries()) {
    const confirmedBy: ReferenceCoverage["confirmedBy"] = [];
    for (const [j, other] of refs.entries()) {
      // A near-duplicate of the same picture confirms nothing about another viewpoint.
      if (j === i || r.duplicateOf === other.file || other.duplicateOf === r.file) continue;
      const known = before.get(r.file);
      if (known && before.has(other.file)) {
        const was = known.confirmedBy.find((c) => c.file === other.file);
        if (was) confirmedBy.push(was);
        continue;
      }
      // As the matcher decides: ORB, then the AKAZE second opinion, then the learned third.
      const orb = pair(r.orb, other.orb);
      if (isMatch(orb, cal)) {
        confirmedBy.push({ file: other.file, inliers: orb, detector: "orb" });
        continue;
      }
      const akaze = pair(r.akaze, other.akaze);
      if (isMatch(akaze, cal.secondOpinion)) {
        confirmedBy.push({ file: other.file, inliers: akaze, detector: "akaze" });
        continue;
      }
      const learned = await learnedPair(r.learned, other.learned);
      if (isMatch(learned, cal.learned)) confirmedBy.push({ file: other.file, inliers: learned, detector: "xfeat" });
    }
    confirmedBy.sort((a, b) => b.inliers - a.inliers);
    references.push({
      file: r.file,
      confirmedBy,
      light: lightOf(r.brightness, r.capturedHour),
      ...(r.brightness !== undefined ? { brightness: r.brightness } : {}),
      ...(r.capturedHour !== undefined ? { capturedHour: r.capturedHour } : {}),
    });
  }
  const viewpoints = groups(references);
  const issues: CoverageIssue[] = [];
  if (references.length === 0) issues.push({ code: "no_references" });
  else if (references.length < min) issues.push({ code: "few_references", count: references.length, min });
  if (references.length >= 2) for (const r of references) if (isLone(r, references)) issues.push({ code: "lone_viewpoint", file: r.file });
  if (references.length > 0 && references.every((r) => r.light === "day")) issues.push({ code: "no_night_view" });
  return { references, viewpoints, issues };
}

/** Confirmation in either direction: pair matching is not quite symmetric (ratio test, one-to-one). */
function isLone(r: ReferenceCoverage, all: ReferenceCoverage[]): boolean {
  return r.confirmedBy.length === 0 && !all.some((o) => o.confirmedBy.some((c) => c.file === r.file));
}

function groups(refs: ReferenceCoverage[]): string[][] {
  const parent = new Map(refs.map((r) => [r.file, r.file]));
  const find = (f: string): string => {
    const p = parent.get(f)!;
    return p === f ? f : find(p);
  };
  for (const r of refs) for (const c of r.confirmedBy) parent.set(find(r.file), find(c.file));
  const byRoot = new Map<string, string[]>();
  for (const r of refs) byRoot.set(find(r.file), [...(byRoot.get(find(r.file)) ?? []), r.file]);
  return [...byRoot.values()];
}
