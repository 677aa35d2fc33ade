import type { ReferenceFingerprint } from "../domain/landmark.ts";
import { lightOf, meanBrightness } from "../domain/light.ts";
import { decideVerdict, type ReplaySignal, type Signals, type VisualSignal } from "../domain/verdict.ts";
import { captureTimeSignal } from "./capture-time.ts";
import type { PhotoLimits, SubmissionIndex, VerificationInput, VerificationOutcome, VisualMatcher } from "./contracts.ts";
import { decodeThenClean } from "./decode.ts";
import { readExif } from "./exif.ts";
import { locationSignal, photoGpsSignal, type LocationOptions } from "./location.ts";
import { dihedralHashes, hamming, REPLAY_MAX_DISTANCE } from "./pdq.ts";
import { decodeThumbnail } from "./visual/replay-check.ts";

export interface PhotoVerifierOptions {
  matcher: VisualMatcher;
  submissions: SubmissionIndex;
  limits: PhotoLimits;
  freshnessMs: number;
  replayMaxDistance?: number;
  location?: LocationOptions;
}

/** Turns one check-in (photo, location, landmark) into signals and the verdict the family sees. */
export class PhotoVerifier {
  readonly #opts: PhotoVerifierOptions;
  readonly #replayMaxDistance: number;

  constructor(opts: PhotoVerifierOptions) {
    this.#opts = opts;
    this.#replayMaxDistance = opts.replayMaxDistance ?? REPLAY_MAX_DISTANCE;
  }

  /**
   * Throws PhotoRejectedError when the bytes cannot be verified at all (not an image, truncated, too
   * large, too many pixels, too small). Does not add the photo's hash to the submission index: the
   * caller adds outcome.phash once the check-in is recorded, so a failed or retried verification
   * never makes the traveller's own next attempt look like a replay.
   */
  async verify(input: VerificationInput): Promise<VerificationOutcome> {
    const { photo, landmark } = input;
    // One decode for the working copy and the family's clean copy; matching starts as soon as the working
    // copy exists (in a matcher thread, in the app), while the clean JPEG, EXIF and hashes are made here.
    const { decoded, clean } = await decodeThenClean(photo.bytes, this.#opts.limits);
    const matching = this.#opts.matcher.match(decoded, landmark, { learnedOpinion: input.learnedOpinion });
    // Awaited below; a failure before that must not surface as an unhandled rejection.
    matching.catch(() => undefined);
    // Chat-compressed photos carry no EXIF; only files keep it.
    const exif = photo.asFile ? await readExif(photo.bytes) : {};
    const hashes = dihedralHashes(decoded);
    const [matched, replayed] = await Promise.all([matching, input.replayChecked ? undefined : this.#replay(hashes, input.references)]);
    const visual: VisualSignal =
      matched.status === "no_match" && !matched.replayOf && inTheDarkOnly(decoded, input.references) ? { ...matched, dark: true } : matched;
    let replay: ReplaySignal = replayed ?? { status: "original" };
    // Crops and screenshots of a reference escape the hash; the matcher's pixel check catches them.
    if (replay.status === "original" && visual.status === "no_match" && visual.replayOf) {
      replay = { status: "reference", distance: nearestReference(hashes, input.references)?.distance ?? 256, of: visual.replayOf, correlation: visual.correlation };
    }
    const signals: Signals = {
      photoForwarded: photo.forwarded,
      photoGps: photoGpsSignal(input.location, exif.gps, landmark),
      replay,
      location: locationSignal(input.location, exif.gps, landmark, this.#opts.location),
      captureTime: captureTimeSignal(exif.captureTime, photo.receivedAt, this.#opts.freshnessMs),
      visual,
    };
    return {
      verdict: decideVerdict(signals),
      signals,
      phash: hashes[0]!,
      cleanJpeg: await clean,
      exif,
    };
  }

  /** A landmark's own reference photo is the likeliest replay, so it is checked before other travellers' photos. */
  async #replay(hashes: readonly string[], references: readonly ReferenceFingerprint[]): Promise<ReplaySignal> {
    const nearest = nearestReference(hashes, references);
    if (nearest && nearest.distance <= this.#replayMaxDistance) return { status: "reference", distance: nearest.distance, of: nearest.file };
    const earlier = await this.#opts.submissions.findNear(hashes, this.#replayMaxDistance);
    return earlier ? { status: "earlier_submission", distance: earlier.distance } : { status: "original" };
  }
}

/** The reference whose hash is nearest to any of the photo's dihedral hashes. */
function nearestReference(hashes: readonly string[], references: readonly ReferenceFingerprint[]): { distance: number; file: string } | undefined {
  let nearest: { distance: number; file: string } | undefined;
  for (const ref of references) {
    for (const hash of hashes) {
      const distance = hamming(ref.phash, hash);
      if (!nearest || distance < nearest.distance) nearest = { distance, file: ref.file };
    }
  }
  return nearest;
}

/**
 * A night photo of a landmark whose references are all daylight views (domain/light.ts). The photo by its
 * mean grey level alone: chat photos carry no EXIF hour, and a dark picture is what the matcher struggles
 * with, whatever the clock said. References by their thumbnail and import-time hour, as the coverage report
 * reads them; one without a thumbnail counts as a daylight view there too.
 */
function inTheDarkOnly(photo: { grey: Uint8Array }, references: readonly ReferenceFingerprint[]): boolean {
  if (lightOf(meanBrightness(photo.grey), undefined) !== "night") return false;
  return references.every((r) => lightOf(r.thumb ? meanBrightness(decodeThumbnail(r.thumb).grey) : undefined, r.quality?.capturedHour) === "day");
}
