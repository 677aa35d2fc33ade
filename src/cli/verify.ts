/**
 * `safe-arrival verify --catalog <dir> [--landmark <id>] [--lat <deg> --lon <deg> [--accuracy <m>]]
 *  [--cache <dir>] [--max-age <minutes>] [--json] <photo>...`
 * The same engine as the worker's verify queue, with no Redis: the catalog is read and fingerprinted in
 * process (optionally cached on disk), replay hashes are kept in memory for the run.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { decideVerdict, type Signals, type VerdictStatus, type VisualDetector, type VisualSignal } from "../domain/verdict.ts";
import { loadCatalogSource, type MemoryReferenceSource } from "../landmarks/reference-source.ts";
import { PhotoRejectedError, type LocationInput } from "../verification/contracts.ts";
import { decodePhoto, DEFAULT_PHOTO_LIMITS } from "../verification/decode.ts";
import { MemorySubmissionIndex } from "../verification/memory-submission-index.ts";
import { PhotoVerifier } from "../verification/photo-verifier.ts";
import { FeatureMatcher } from "../verification/visual/matcher.ts";

export const VERIFY_HELP = `Usage: safe-arrival verify --catalog <dir> [--landmark <id>] [--lat <deg> --lon <deg> [--accuracy <m>]]
                           [--cache <dir>] [--max-age <minutes>] [--json] <photo>...
  Verifies arrival photos against a catalog folder (landmark folders with landmark.json + reference photos),
  without Redis. Without --landmark, the photo is identified among the landmarks near --lat/--lon (or all).
  --cache <dir>     keep reference features on disk between runs
  --max-age <min>   judge the EXIF capture time (off by default: photos on disk are old)
  --json            one JSON object per photo per line
`;

export interface VerifyOutput {
  file: string;
  landmark: string | null;
  verdict: VerdictStatus;
  visual: { match: boolean; status: VisualSignal["status"]; score: number; inliers: number | null; reference: string | null; detector?: VisualDetector };
  identified: { landmark: string; score: number } | null;
  replay: { of: string; distance: number | null; correlation?: number } | null;
  exif: { captureTime?: string; gps?: { lat: number; lon: number }; orientation?: number };
  reasons: string[];
  error?: string;
  ms: number;
}

class UsageError extends Error {}

function num(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new UsageError(`--${name} must be a number from ${min} to ${max}`);
  return n;
}

/** Returns the process exit code. */
export async function runVerify(argv: string[], write: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
  let opts;
  try {
    opts = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        catalog: { type: "string" },
        landmark: { type: "string" },
        lat: { type: "string" },
        lon: { type: "string" },
        accuracy: { type: "string" },
        cache: { type: "string" },
        "max-age": { type: "string" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (err) {
    process.stderr.write(`verify: ${(err as Error).message}\n\n${VERIFY_HELP}`);
    return 2;
  }
  const { values, positionals } = opts;
  if (values.help) {
    write(VERIFY_HELP);
    return 0;
  }
  let lat: number | undefined;
  let lon: number | undefined;
  let accuracy: number | undefined;
  let maxAge: number | undefined;
  try {
    if (!values.catalog) throw new UsageError("--catalog <dir> is required");
    if (positionals.length === 0) throw new UsageError("give at least one photo");
    lat = num(values.lat, "lat", -90, 90);
    lon = num(values.lon, "lon", -180, 180);
    accuracy = num(values.accuracy, "accuracy", 0, 100_000);
    maxAge = num(values["max-age"], "max-age", 0, 10_000_000);
    if ((lat === undefined) !== (lon === undefined)) throw new UsageError("--lat and --lon go together");
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`verify: ${err.message}\n\n${VERIFY_HELP}`);
    return 2;
  }

  const source = await loadCatalogSource(values.catalog!, values.cache ? { cacheDir: values.cache } : {});
  if (values.landmark && !source.stored(values.landmark)) {
    process.stderr.write(`verify: no landmark "${values.landmark}" in ${values.catalog}\n`);
    return 2;
  }
  const matcher = new FeatureMatcher({ source });
  const submissions = new MemorySubmissionIndex();
  const verifier = new PhotoVerifier({
    matcher,
    submissions,
    limits: DEFAULT_PHOTO_LIMITS,
    freshnessMs: maxAge !== undefined ? maxAge * 60_000 : Number.MAX_SAFE_INTEGER,
  });
  const near = lat !== undefined && lon !== undefined ? { lat, lon, accuracyM: accuracy } : undefined;

  for (const file of positionals) {
    const out = await verifyOne(file, { source, matcher, verifier, submissions, near, landmarkId: values.landmark });
    if (values.json) write(`${JSON.stringify(out)}\n`);
    else {
      const v = out.visual;
      write(
        `${out.file}: ${out.verdict}${out.landmark ? ` (${out.landmark})` : ""}` +
          ` visual ${v.status} score ${v.score}${v.inliers !== null ? ` inliers ${v.inliers}` : ""}` +
          `${out.replay ? ` replay of ${out.replay.of}` : ""}${out.error ? ` error ${out.error}` : ""}` +
          ` [${out.reasons.join(", ")}] ${out.ms} ms\n`,
      );
    }
  }
  return 0;
}

interface Ctx {
  source: MemoryReferenceSource;
  matcher: FeatureMatcher;
  verifier: PhotoVerifier;
  submissions: MemorySubmissionIndex;
  near?: { lat: number; lon: number; accuracyM?: number };
  landmarkId?: string;
}

async function verifyOne(file: string, ctx: Ctx): Promise<VerifyOutput> {
  const started = performance.now();
  const base: VerifyOutput = {
    file,
    landmark: ctx.landmarkId ?? null,
    verdict: "not_verified",
    visual: { match: false, status: "not_evaluated", score: 0, inliers: null, reference: null },
    identified: null,
    replay: null,
    exif: {},
    reasons: [],
    ms: 0,
  };
  const done = (o: VerifyOutput) => ({ ...o, ms: Math.round(performance.now() - started) });
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    return done({ ...base, error: `unreadable: ${(err as NodeJS.ErrnoException).code ?? "error"}`, reasons: ["photo_unreadable"] });
  }
  try {
    let landmarkId = ctx.landmarkId;
    let identified: VerifyOutput["identified"] = null;
    if (!landmarkId) {
      const decoded = await decodePhoto(bytes);
      const { best } = await ctx.matcher.identify(decoded, ctx.near);
      if (best) {
        landmarkId = best.landmarkId;
        identified = { landmark: best.landmarkId, score: best.score };
      }
    }
    if (!landmarkId) {
      return done({ ...base, visual: { ...base.visual, status: "no_match" }, reasons: ["visual_no_match"] });
    }
    const stored = ctx.source.stored(landmarkId)!;
    const receivedAt = new Date();
    const location: LocationInput | undefined = ctx.near
      ? { lat: ctx.near.lat, lon: ctx.near.lon, accuracyM: ctx.near.accuracyM, live: true, forwarded: false, venue: false, receivedAt }
      : undefined;
    const outcome = await ctx.verifier.verify({
      photo: { bytes, asFile: true, forwarded: false, receivedAt },
      location,
      landmark: stored.landmark,
      references: stored.references,
    });
    const signals: Signals = { ...outcome.signals };
    const visual = signals.visual;
    let replay: VerifyOutput["replay"] = null;
    if (signals.replay.status === "reference" && signals.replay.correlation !== undefined) {
      // Stage 2 (crop, screenshot): the pixels line up although the hash is too far.
      replay = { of: path.basename(signals.replay.of ?? "reference"), distance: null, correlation: signals.replay.correlation };
    } else if (signals.replay.status !== "original") {
      replay = { of: signals.replay.status === "reference" ? path.basename(signals.replay.of ?? "reference") : "earlier submission", distance: signals.replay.distance };
    }
    const verdict = decideVerdict(signals);
    if (verdict.status === "verified" || verdict.status === "partial") await ctx.submissions.add(outcome.phash);
    if (visual.status === "match") identified = { landmark: landmarkId, score: visual.score };
    else if (visual.status === "other_landmark") identified = { landmark: visual.landmarkId, score: visual.score };
    const v = visual.status === "not_evaluated" ? undefined : visual;
    return done({
      ...base,
      landmark: landmarkId,
      verdict: verdict.status,
      visual: {
        match: visual.status === "match",
        status: visual.status,
        score: v?.score ?? 0,
        inliers: v?.inliers ?? null,
        reference: v && "reference" in v ? (v.reference ?? null) : null,
        ...(visual.status === "match" && visual.detector ? { detector: visual.detector } : {}),
      },
      identified,
      replay,
      exif: {
        ...(outcome.exif.captureTime ? { captureTime: outcome.exif.captureTime.toISOString() } : {}),
        ...(outcome.exif.gps ? { gps: outcome.exif.gps } : {}),
        ...(outcome.exif.orientation !== undefined ? { orientation: outcome.exif.orientation } : {}),
      },
      reasons: verdict.reasons.map((r) => r.code),
    });
  } catch (err) {
    if (err instanceof PhotoRejectedError) return done({ ...base, error: err.code, reasons: [`photo_${err.code}`] });
    return done({ ...base, error: `failed: ${(err as Error).message.slice(0, 200)}`, reasons: ["verification_failed"] });
  }
}


