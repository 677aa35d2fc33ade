import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { readdirSync, readFileSync } from "node:fs";
import sharp from "sharp";
import exifr from "exifr";
import { computeDestinationPoint } from "geolib";
import type { ReferenceFingerprint } from "../../../src/domain/landmark.ts";
import type { ReasonCode } from "../../../src/domain/verdict.ts";
import {
  DEFAULT_FRESHNESS_MS,
  MemorySubmissionIndex,
  NotEvaluatedMatcher,
  PhotoRejectedError,
  PhotoVerifier,
  decodePhoto,
  phashPhoto,
  type LocationInput,
  type VerificationInput,
} from "../../../src/verification/index.ts";
import { encodeThumbnail } from "../../../src/verification/visual/replay-check.ts";
import { BRIDGE_MODS_DIR, EVAL_DIR, LIMITS, TOWER_BRIDGE, exifDateTime, exifGps, pngClaiming, syntheticJpeg } from "./fixtures.ts";

const RECEIVED = new Date("2025-03-01T12:00:00Z");
const REF_DIR = path.join(EVAL_DIR, "landmarks/tower-bridge/ref");

function near(metres: number, extra: Partial<LocationInput> = {}): LocationInput {
  const p = computeDestinationPoint({ latitude: TOWER_BRIDGE.lat, longitude: TOWER_BRIDGE.lon }, metres, 45);
  return { lat: p.latitude, lon: p.longitude, accuracyM: 15, live: true, forwarded: false, venue: false, receivedAt: RECEIVED, ...extra };
}

function codes(reasons: { code: ReasonCode }[]): ReasonCode[] {
  return reasons.map((r) => r.code).sort();
}

describe("PhotoVerifier", () => {
  let references: ReferenceFingerprint[];
  let submissions: MemorySubmissionIndex;
  let verifier: PhotoVerifier;

  before(async () => {
    references = await Promise.all(
      readdirSync(REF_DIR).map(async (file) => {
        const photo = await decodePhoto(readFileSync(path.join(REF_DIR, file)), LIMITS);
        return { file, phash: await phashPhoto(photo), width: photo.originalWidth, height: photo.originalHeight };
      }),
    );
  });

  function fresh(): PhotoVerifier {
    submissions = new MemorySubmissionIndex();
    verifier = new PhotoVerifier({ matcher: new NotEvaluatedMatcher(), submissions, limits: LIMITS, freshnessMs: DEFAULT_FRESHNESS_MS });
    return verifier;
  }

  function input(bytes: Buffer, extra: Partial<VerificationInput> & { asFile?: boolean; forwarded?: boolean } = {}): VerificationInput {
    const { asFile = false, forwarded = false, ...rest } = extra;
    return {
      photo: { bytes, asFile, forwarded, receivedAt: RECEIVED },
      location: near(100),
      landmark: TOWER_BRIDGE,
      references,
      ...rest,
    };
  }

  async function rejected(bytes: Buffer, code: string): Promise<void> {
    await assert.rejects(fresh().verify(input(bytes)), (err: unknown) => err instanceof PhotoRejectedError && err.code === code);
  }

  test("unusable bytes are rejected with a reason", async () => {
    await rejected(Buffer.from("%PDF-1.7 not a photo"), "not_an_image");
    const jpeg = readFileSync(path.join(BRIDGE_MODS_DIR, "aaa-orig.jpg"));
    await rejected(jpeg.subarray(0, jpeg.length >> 1), "truncated");
    await rejected(pngClaiming(20_000, 20_000), "too_many_pixels");
    await rejected(Buffer.concat([jpeg, Buffer.alloc(LIMITS.maxBytes)]), "too_large");
    await rejected(await syntheticJpeg(30, 180, 120), "too_small");
  });

  test("a fresh original photo file taken at the landmark is partial: visual not evaluated", async () => {
    const bytes = await sharp(await syntheticJpeg(31))
      .withExif({ IFD2: { DateTimeOriginal: exifDateTime(new Date(RECEIVED.getTime() - 30 * 60_000)), OffsetTimeOriginal: "+00:00" } })
      .jpeg()
      .toBuffer();
    const outcome = await fresh().verify(input(bytes, { asFile: true }));
    assert.equal(outcome.verdict.status, "partial");
    assert.deepEqual(codes(outcome.verdict.reasons), ["capture_time_fresh", "location_within", "photo_original", "visual_not_evaluated"]);
    assert.deepEqual(outcome.signals.captureTime, { status: "fresh", ageMs: 30 * 60_000 });
    assert.match(outcome.phash, /^[0-9a-f]{64}$/);
    assert.equal(await exifr.parse(outcome.cleanJpeg, true), undefined);
    assert.equal(submissions.size, 0, "verify must not record the hash itself");
  });

  test("a compressed chat photo has no capture time and is still partial", async () => {
    const outcome = await fresh().verify(input(await syntheticJpeg(32)));
    assert.equal(outcome.verdict.status, "partial");
    assert.deepEqual(outcome.signals.captureTime, { status: "missing" });
    assert.deepEqual(outcome.exif, {});
  });

  test("a re-encoded, shrunk reference photo is a replay of the reference", async () => {
    const ref = readFileSync(path.join(REF_DIR, references[0]!.file));
    const copy = await sharp(ref).resize(500).webp({ quality: 70 }).toBuffer();
    const outcome = await fresh().verify(input(copy));
    assert.equal(outcome.verdict.status, "not_verified");
    assert.equal(outcome.signals.replay.status, "reference");
    assert.ok(codes(outcome.verdict.reasons).includes("photo_replay_reference"));
  });

  test("a mirrored reference is caught through the dihedral variants", async () => {
    const ref = readFileSync(path.join(REF_DIR, references[1]!.file));
    const outcome = await fresh().verify(input(await sharp(ref).flop().jpeg().toBuffer()));
    assert.equal(outcome.signals.replay.status, "reference");
  });

  test("a photo recorded earlier is a replay of an earlier submission; a new photo is not", async () => {
    const v = fresh();
    const first = await v.verify(input(await syntheticJpeg(33)));
    assert.equal(first.signals.replay.status, "original");
    await submissions.add(first.phash);

    const resent = await sharp(await syntheticJpeg(33)).resize(640).jpeg({ quality: 60 }).toBuffer();
    const again = await v.verify(input(resent));
    assert.equal(again.verdict.status, "not_verified");
    assert.equal(again.signals.replay.status, "earlier_submission");
    assert.ok(codes(again.verdict.reasons).includes("photo_replay_earlier"));

    const other = await v.verify(input(await syntheticJpeg(34)));
    assert.equal(other.signals.replay.status, "original");
  });

  test("location outside or missing is not verified; forwarded, venue or via a bot needs attention", async () => {
    const bytes = await syntheticJpeg(35);
    const cases: [Partial<VerificationInput>, ReasonCode, string][] = [
      [{ location: near(2000) }, "location_outside", "not_verified"],
      [{ location: undefined }, "location_missing", "not_verified"],
      [{ location: near(0, { forwarded: true }) }, "location_forwarded", "needs_attention"],
      [{ location: near(0, { venue: true }) }, "location_venue", "needs_attention"],
      [{ location: near(0, { viaBot: true }) }, "location_via_bot", "needs_attention"],
    ];
    for (const [extra, code, status] of cases) {
      const outcome = await fresh().verify(input(bytes, extra));
      assert.equal(outcome.verdict.status, status, code);
      assert.ok(codes(outcome.verdict.reasons).includes(code), `${code}: ${codes(outcome.verdict.reasons).join(",")}`);
    }
  });

  test("a forwarded photo is not verified", async () => {
    const outcome = await fresh().verify(input(await syntheticJpeg(36), { forwarded: true }));
    assert.equal(outcome.verdict.status, "not_verified");
    assert.ok(codes(outcome.verdict.reasons).includes("photo_forwarded"));
  });

  test("a photo file with EXIF GPS and no location message is located by EXIF; a stale one is not verified", async () => {
    const withGps = (taken: Date) =>
      syntheticJpeg(37).then((b) =>
        sharp(b)
          .withExif({ IFD2: { DateTimeOriginal: exifDateTime(taken), OffsetTimeOriginal: "+00:00" }, IFD3: exifGps(TOWER_BRIDGE.lat, TOWER_BRIDGE.lon) })
          .jpeg()
          .toBuffer(),
      );
    const ok = await fresh().verify(input(await withGps(new Date(RECEIVED.getTime() - 10 * 60_000)), { asFile: true, location: undefined }));
    assert.ok(ok.signals.location.status === "within" && ok.signals.location.source === "exif");
    assert.equal(ok.verdict.status, "partial");

    const stale = await fresh().verify(input(await withGps(new Date(RECEIVED.getTime() - 26 * 3600_000)), { asFile: true, location: undefined }));
    assert.equal(stale.signals.captureTime.status, "stale");
    assert.equal(stale.verdict.status, "needs_attention");

    // The same bytes as a compressed photo: EXIF is not consulted.
    const compressed = await fresh().verify(input(await withGps(new Date(RECEIVED.getTime() - 10 * 60_000)), { location: undefined }));
    assert.deepEqual(compressed.signals.location, { status: "missing" });
  });

  test("a photo file whose GPS is far from the location sent needs attention, with the distance", async () => {
    const berlin = { lat: 52.5251, lon: 13.3694 };
    const taken = new Date(RECEIVED.getTime() - 5 * 60_000);
    const bytes = await sharp(await syntheticJpeg(38))
      .withExif({ IFD2: { DateTimeOriginal: exifDateTime(taken), OffsetTimeOriginal: "+00:00" }, IFD3: exifGps(berlin.lat, berlin.lon) })
      .jpeg()
      .toBuffer();
    const pin = near(30, { live: false, accuracyM: undefined });
    const far = await fresh().verify(input(bytes, { asFile: true, location: pin }));
    assert.equal(far.signals.location.status, "within", "the pin alone is at the landmark");
    assert.equal(far.signals.photoGps?.status, "contradicts");
    assert.equal(far.verdict.status, "needs_attention");
    assert.equal(far.verdict.reasons[0]!.code, "photo_gps_contradicts");
    assert.ok(Number(far.verdict.reasons[0]!.vars!.distance) > 900_000);

    // The same photo as a compressed chat photo carries no EXIF: nothing to compare.
    const compressed = await fresh().verify(input(bytes, { location: pin }));
    assert.equal(compressed.signals.photoGps?.status, "not_compared");
    assert.equal(compressed.verdict.status, "partial");
  });

  test("the earlier-submission lookup runs while the photo is being matched, not after it", async () => {
    // The matcher answers only once the submission index has been asked: a verifier that waited for the
    // match before looking up earlier submissions would never finish (the guard fails it after 20 s).
    let asked!: () => void;
    const lookedUp = new Promise<void>((resolve) => (asked = resolve));
    const index = new MemorySubmissionIndex();
    const submissionsSpy = { findNear: (h: readonly string[], d: number) => (asked(), index.findNear(h, d)), add: (h: string) => index.add(h) };
    const matcher = { name: "waits-for-lookup", match: async () => (await lookedUp, { status: "not_evaluated" as const }) };
    const overlapped = new PhotoVerifier({ matcher, submissions: submissionsSpy, limits: LIMITS, freshnessMs: DEFAULT_FRESHNESS_MS });
    let guard: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      overlapped.verify(input(await syntheticJpeg(39))),
      new Promise<never>((_, reject) => (guard = setTimeout(() => reject(new Error("verify waited for the match before the lookup")), 20_000))),
    ]).finally(() => clearTimeout(guard));
    assert.equal(outcome.verdict.status, "partial");
    assert.ok(outcome.cleanJpeg.length > 0);
  });

  describe("a photo not recognised in the dark", () => {
    const SACRE_COEUR = path.join(EVAL_DIR, "landmarks/sacre-coeur");
    /** As the matcher answers for these photos (ORB and AKAZE below threshold), without running it. */
    const neverRecognises = { name: "no-match", match: async () => ({ status: "no_match" as const, score: 0.05, inliers: 4 }) };
    const fingerprint = async (file: string, darken = false): Promise<ReferenceFingerprint> => {
      const bytes = readFileSync(path.join(SACRE_COEUR, "ref", file));
      const { data, info } = await sharp(bytes).rotate().greyscale().resize(96, 96, { fit: "inside" }).linear(darken ? 0.3 : 1, 0).raw().toBuffer({ resolveWithObject: true });
      const photo = await decodePhoto(bytes, LIMITS);
      return { file, phash: await phashPhoto(photo), width: photo.originalWidth, height: photo.originalHeight, thumb: encodeThumbnail({ width: info.width, height: info.height, grey: new Uint8Array(data) }) };
    };
    const sacreCoeur = { ...TOWER_BRIDGE, id: "sacre-coeur", names: { en: "Sacré-Cœur" } };
    const verifyWith = async (query: string, refs: ReferenceFingerprint[]) => {
      const v = new PhotoVerifier({ matcher: neverRecognises, submissions: new MemorySubmissionIndex(), limits: LIMITS, freshnessMs: DEFAULT_FRESHNESS_MS });
      return v.verify({ ...input(readFileSync(path.join(SACRE_COEUR, "query", query))), landmark: sacreCoeur, references: refs });
    };
    let dayRefs: ReferenceFingerprint[];
    before(async () => {
      dayRefs = await Promise.all(readdirSync(path.join(SACRE_COEUR, "ref")).map((f) => fingerprint(f)));
    });

    test("says so when the landmark has only daylight references, and the verdict stays partial", async () => {
      const night = await verifyWith("lightglue_sacre_coeur2.jpg", dayRefs);
      assert.equal(night.signals.visual.status, "no_match");
      assert.equal(night.signals.visual.status === "no_match" && night.signals.visual.dark, true);
      assert.equal(night.verdict.status, "partial");
      assert.deepEqual(night.verdict.reasons.find((r) => r.code === "visual_no_match")?.vars, { light: "night" });
    });

    test("does not when a reference is a night view, or when the photo is a daylight one", async () => {
      const withNightRef = [await fingerprint(readdirSync(path.join(SACRE_COEUR, "ref"))[0]!, true), ...dayRefs.slice(1)];
      const night = await verifyWith("lightglue_sacre_coeur2.jpg", withNightRef);
      assert.equal(night.signals.visual.status === "no_match" && night.signals.visual.dark, undefined);
      const day = await verifyWith("44120379_8371960244.jpg", dayRefs);
      assert.equal(day.signals.visual.status === "no_match" && day.signals.visual.dark, undefined);
      assert.equal(day.verdict.reasons.find((r) => r.code === "visual_no_match")?.vars, undefined);
    });
  });
});

