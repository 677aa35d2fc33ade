/**
 * The visual matcher: does this photo show this landmark, and if not, does it show another one?
 * ORB features of the photo (computed once per check-in) against the stored features of the
 * landmark's references (computed once at import), Lowe ratio + rotation consistency + homography
 * (USAC) per reference, best reference wins; a calibrated inlier threshold decides. When ORB does not
 * recognise the planned landmark, AKAZE gives a second opinion: its nonlinear scale space survives the
 * oblique close-ups ORB loses, and it costs ~100 ms only for the photos that need it. When neither
 * recognises the planned landmark, a learned third opinion (XFeat + LighterGlue, learned/) gets a chance:
 * it holds across night and season where both binary detectors fail, for ~100 ms plus ~25 ms a reference.
 * Most arrival photos do show the planned landmark: once one reference matches it clearly, the others
 * are only screened for a copy (replay-check.ts) instead of matched in full.
 */
import type { Landmark } from "../../domain/landmark.ts";
import type { VisualDetector, VisualSignal } from "../../domain/verdict.ts";
import type { DecodedPhoto, MatchOptions, VisualMatcher } from "../contracts.ts";
import { DEFAULT_CALIBRATION, isClearMatch, isMatch, scoreFromInliers, type Calibration, type InlierThreshold } from "./calibration.ts";
import { AKAZE_PHOTO_CONFIG, DEFAULT_FEATURE_CONFIG, extractAkazeSync, extractFeaturesSync, type FeatureConfig, type FeatureKind, type Features } from "./features.ts";
import { DEFAULT_MATCH_GATE, DEFAULT_PAIR_CONFIG, matchPair, type MatchGate, type PairConfig, type PairResult } from "./pair.ts";
import type { LearnedFeatures } from "./learned/learned-features.ts";
import { loadLearnedOpinion, type LearnedOpinion } from "./learned/learned-opinion.ts";
import { mayBeCopyOf, warpCorrelation, type Thumbnail } from "./replay-check.ts";
import { visionEngine, type VisionEngine } from "./native-vision.ts";
import { loadVision, type Vision } from "./vision.ts";

export interface ReferenceFeatures {
  file: string;
  features: Features;
  /** AKAZE features for the second opinion; absent for references imported before it existed. */
  akaze?: Features;
  /** Small greyscale copy for the stage-2 replay check; absent for references imported before it existed. */
  thumb?: Thumbnail;
  /** XFeat features for the learned third opinion; absent for references imported before it existed. */
  learned?: LearnedFeatures;
}

export interface LandmarkReferences {
  landmark: Landmark;
  references: ReferenceFeatures[];
}

/** Where the matcher finds reference features: Redis in the service, an in-process catalog in the CLI. */
export interface ReferenceSource {
  get(landmarkId: string): Promise<LandmarkReferences | undefined>;
  /** Landmarks within `radiusM` of a point, nearest first: the geographic shortlist (Redis GEO in the service). */
  near(point: { lat: number; lon: number }, radiusM: number, limit: number): Promise<Array<{ id: string; distanceM: number }>>;
  /** Every landmark: identification with no location at all (the CLI), linear in the catalog. */
  landmarks(): Promise<Array<Pick<Landmark, "id" | "lat" | "lon" | "radiusM">>>;
}

/** The catalog schema's largest landmark radius: a position search this much wider finds every candidate. */
const MAX_LANDMARK_RADIUS_M = 5000;
/** At most this many landmarks are compared when identifying by location. */
const MAX_NEARBY_LANDMARKS = 20;

export interface FeatureMatcherOptions {
  source: ReferenceSource;
  features?: FeatureConfig;
  pair?: PairConfig;
  calibration?: Calibration;
  /**
   * When the photo does not match the planned landmark, landmarks within this distance of it are tried,
   * nearest first, to report "arrived somewhere else". 0 disables it.
   */
  otherLandmarkRadiusM?: number;
  /** At most this many other landmarks are tried per check-in: the cost is linear in it. */
  maxOtherLandmarks?: number;
  /**
   * Per detector, the query-side gate before a reference is matched in full (pair.ts, MatchGate); false
   * matches every reference in full. A reference the gate shuts counts 0 inliers.
   */
  gate?: Readonly<Record<FeatureKind, MatchGate>> | false;
  /** Which engine extracts features and matches descriptors (native-vision.ts); by default the process's. */
  engine?: VisionEngine;
  /** Where the learned third opinion comes from (loaded once per thread by default); false: no third opinion. */
  learned?: (() => Promise<LearnedOpinion | undefined>) | false;
  /** Every photo-reference comparison, for the benchmark's per-pair figures. */
  onPair?: (pair: { reference: string; detector: FeatureKind; result: PairResult }) => void;
}

export interface LandmarkMatch {
  landmarkId: string;
  match: boolean;
  score: number;
  inliers: number;
  /** File name of the best reference. */
  reference?: string;
  /** Set when the photo is a (cropped, padded) copy of that reference: never an arrival. */
  replay?: { of: string; correlation: number };
  /**
   * References matched in full: all of the landmark's references that have features, unless the gate
   * shut some or a clear match let the matcher skip the ones its copy screen cleared.
   */
  compared: number;
  /** Which detector's evidence decided: ORB, the AKAZE second opinion, or the learned third. */
  detector: VisualDetector;
  /** The second opinion's best inlier count, when it ran (diagnostics and calibration). */
  secondOpinionInliers?: number;
  /** The learned opinion's best inlier count, when it ran. */
  learnedInliers?: number;
}

export interface Timings {
  featuresMs: number;
  matchingMs: number;
  /** AKAZE features and matching, when the second opinion ran. */
  secondOpinionMs: number;
  /** XFeat features and LighterGlue matching, when the third opinion ran. */
  learnedMs: number;
}

export class FeatureMatcher implements VisualMatcher {
  readonly name = "orb-homography";
  readonly #opts: Required<Omit<FeatureMatcherOptions, "source" | "onPair">> & Pick<FeatureMatcherOptions, "source" | "onPair">;
  readonly #cache = new WeakMap<DecodedPhoto, Features>();
  readonly #akazeCache = new WeakMap<DecodedPhoto, Features>();
  readonly #learnedCache = new WeakMap<DecodedPhoto, LearnedFeatures>();
  /** Time spent in the last calls, for the benchmark and the CLI. */
  readonly timings: Timings = { featuresMs: 0, matchingMs: 0, secondOpinionMs: 0, learnedMs: 0 };

  constructor(opts: FeatureMatcherOptions) {
    this.#opts = {
      features: DEFAULT_FEATURE_CONFIG,
      pair: DEFAULT_PAIR_CONFIG,
      calibration: DEFAULT_CALIBRATION,
      otherLandmarkRadiusM: 20_000,
      maxOtherLandmarks: 6,
      gate: DEFAULT_MATCH_GATE,
      engine: visionEngine(),
      learned: loadLearnedOpinion,
      ...opts,
    };
  }

  get calibration(): Calibration {
    return this.#opts.calibration;
  }

  /** The photo's features, computed once per decoded photo. */
  async features(photo: DecodedPhoto): Promise<Features> {
    const hit = this.#cache.get(photo);
    if (hit) return hit;
    const vision = await loadVision(this.#opts.engine);
    const started = performance.now();
    const f = extractFeaturesSync(vision, photo, this.#opts.features);
    this.timings.featuresMs += performance.now() - started;
    this.#cache.set(photo, f);
    return f;
  }

  async match(photo: DecodedPhoto, landmark: Landmark, opts: MatchOptions = {}): Promise<VisualSignal> {
    const refs = await this.#opts.source.get(landmark.id);
    if (!refs || refs.references.length === 0) return { status: "not_evaluated" };
    const planned = await this.matchLandmark(photo, refs, { stopWhenClear: true, learnedOpinion: opts.learnedOpinion });
    if (planned.match && !planned.replay) {
      return { status: "match", score: planned.score, reference: planned.reference, inliers: planned.inliers, detector: planned.detector };
    }
    if (!planned.replay) {
      const other = await this.#bestOther(photo, landmark);
      if (other) return { status: "other_landmark", landmarkId: other.landmarkId, score: other.score, reference: other.reference, inliers: other.inliers };
    }
    return {
      status: "no_match",
      score: planned.replay ? 0 : planned.score,
      inliers: planned.inliers,
      reference: planned.reference,
      ...(planned.replay ? { replayOf: planned.replay.of, correlation: planned.replay.correlation } : {}),
    };
  }

  /**
   * Matches the photo against the references of one landmark, best reference wins. With `stopWhenClear`,
   * once a reference matches clearly (isClearMatch) and the photo is not a copy of it, the remaining
   * references are only screened for a copy and matched in full when the screen says it may be one: a
   * crop of the third reference also matches the first one strongly, and only the best reference tells
   * a copy apart. Without it (identification, calibration), every reference is matched: the inlier count
   * is then the best over all of them, which ranking landmarks needs. `secondOpinion: false` skips both
   * further opinions; `learnedOpinion: false` only the third (its inliers do not rank against ORB's).
   */
  async matchLandmark(
    photo: DecodedPhoto,
    refs: LandmarkReferences,
    opts: { secondOpinion?: boolean; learnedOpinion?: boolean; stopWhenClear?: boolean } = {},
  ): Promise<LandmarkMatch> {
    const vision = await loadVision(this.#opts.engine);
    const { cv } = vision;
    const f = await this.features(photo);
    const started = performance.now();
    const cal = this.#opts.calibration;
    const correlations = new Map<ReferenceFeatures, number | undefined>();
    const copyCorrelation = (b: { ref?: ReferenceFeatures; homography?: number[]; inliers: number }): number | undefined => {
      if (!b.ref?.thumb || !b.homography || b.inliers < cal.replayCheckInliers) return undefined;
      if (!correlations.has(b.ref)) correlations.set(b.ref, warpCorrelation(cv, photo, f, b.ref.thumb, b.ref.features, b.homography));
      return correlations.get(b.ref);
    };
    const isCopy = (c: number | undefined) => c !== undefined && c >= cal.replayCorrelation;
    const settles = opts.stopWhenClear
      ? (b: { ref?: ReferenceFeatures; homography?: number[]; inliers: number }) => isClearMatch(b.inliers, cal) && !isCopy(copyCorrelation(b))
      : undefined;
    const best = this.#bestReference(vision, f, refs.references, (r) => r.features, settles);
    const compared = best.compared;
    let replay: LandmarkMatch["replay"];
    const c = copyCorrelation(best);
    if (best.ref && c !== undefined && isCopy(c)) replay = { of: best.ref.file, correlation: Math.round(c * 1000) / 1000 };
    this.timings.matchingMs += performance.now() - started;
    const orb: LandmarkMatch = {
      landmarkId: refs.landmark.id,
      match: isMatch(best.inliers, cal),
      score: scoreFromInliers(best.inliers, cal),
      inliers: best.inliers,
      reference: best.ref?.file,
      replay,
      compared,
      detector: "orb",
    };
    if (orb.match || replay || opts.secondOpinion === false) return orb;
    const second = await this.#secondOpinion(photo, refs);
    if (second?.match) return second;
    const unmatched = second ? { ...orb, secondOpinionInliers: second.inliers } : orb;
    if (opts.learnedOpinion === false) return unmatched;
    const third = await this.#learnedOpinion(photo, refs);
    if (!third) return unmatched;
    return third.match ? { ...third, ...(second ? { secondOpinionInliers: second.inliers } : {}) } : { ...unmatched, learnedInliers: third.inliers };
  }

  /**
   * The reference with the most inliers (first on ties), with its homography. Once `settles` accepts the
   * best so far, a remaining reference is matched only if the photo may be a copy of it.
   */
  #bestReference(
    vision: Vision,
    photo: Features,
    references: readonly ReferenceFeatures[],
    featuresOf: (r: ReferenceFeatures) => Features,
    settles?: (best: { inliers: number; ref?: ReferenceFeatures; homography?: number[] }) => boolean,
  ): { inliers: number; ref?: ReferenceFeatures; homography?: number[]; compared: number } {
    let best: { inliers: number; ref?: ReferenceFeatures; homography?: number[] } = { inliers: 0 };
    let compared = 0;
    let settled = false;
    for (const ref of references) {
      if (settled && !mayBeCopyOf(vision.knn, photo, featuresOf(ref), this.#opts.pair.ratio)) continue;
      const r = matchPair(vision, photo, featuresOf(ref), this.#opts.pair, this.#opts.gate ? this.#opts.gate[photo.kind] : undefined);
      this.#opts.onPair?.({ reference: ref.file, detector: photo.kind, result: r });
      if (r.gated) continue;
      compared++;
      if (r.inliers > best.inliers) best = { inliers: r.inliers, ref, homography: r.homography };
      settled ||= settles?.(best) ?? false;
    }
    return { ...best, compared };
  }

  /** AKAZE against the references that carry AKAZE features; a match only above its own threshold. */
  async #secondOpinion(photo: DecodedPhoto, refs: LandmarkReferences): Promise<LandmarkMatch | undefined> {
    const withAkaze = refs.references.filter((r) => r.akaze);
    if (withAkaze.length === 0) return undefined;
    const vision = await loadVision(this.#opts.engine);
    const started = performance.now();
    let f = this.#akazeCache.get(photo);
    if (!f) this.#akazeCache.set(photo, (f = extractAkazeSync(vision, photo, AKAZE_PHOTO_CONFIG)));
    const best = this.#bestReference(vision, f, withAkaze, (r) => r.akaze!);
    this.timings.secondOpinionMs += performance.now() - started;
    return { ...opinionOf(refs, best, this.#opts.calibration.secondOpinion, "akaze"), secondOpinionInliers: best.inliers };
  }

  /** XFeat + LighterGlue against the references that carry XFeat features; a match only above its own threshold. */
  async #learnedOpinion(photo: DecodedPhoto, refs: LandmarkReferences): Promise<LandmarkMatch | undefined> {
    const withLearned = refs.references.filter((r) => r.learned);
    if (withLearned.length === 0 || !this.#opts.learned) return undefined;
    const opinion = await this.#opts.learned();
    if (!opinion) return undefined;
    const { cv } = await loadVision(this.#opts.engine);
    const started = performance.now();
    let f = this.#learnedCache.get(photo);
    if (!f) this.#learnedCache.set(photo, (f = await opinion.features(photo)));
    const cal = this.#opts.calibration.learned;
    let best: { inliers: number; ref?: ReferenceFeatures } = { inliers: 0 };
    for (const ref of withLearned) {
      const inliers = await opinion.inliers(cv, f, ref.learned!, cal.cut);
      if (inliers > best.inliers) best = { inliers, ref };
    }
    this.timings.learnedMs += performance.now() - started;
    return { ...opinionOf(refs, { ...best, compared: withLearned.length }, cal, "xfeat"), learnedInliers: best.inliers };
  }

  /**
   * Which landmark the photo shows, if any. With a location, only landmarks whose radius (plus the
   * accuracy and a margin) contains it are tried, found by a position index (cost independent of the
   * catalog's size); without one, every landmark (linear in the catalog).
   */
  async identify(
    photo: DecodedPhoto,
    near?: { lat: number; lon: number; accuracyM?: number },
    opts: { marginM?: number; exclude?: string } = {},
  ): Promise<{ best?: LandmarkMatch; ranked: LandmarkMatch[] }> {
    let candidates: string[];
    if (near) {
      const margin = (opts.marginM ?? 1000) + Math.min(near.accuracyM ?? 0, 2000);
      candidates = [];
      for (const { id, distanceM } of await this.#opts.source.near(near, MAX_LANDMARK_RADIUS_M + margin, MAX_NEARBY_LANDMARKS)) {
        const l = (await this.#opts.source.get(id))?.landmark;
        if (l && distanceM <= l.radiusM + margin) candidates.push(id);
      }
    } else {
      candidates = (await this.#opts.source.landmarks()).map((l) => l.id);
    }
    const ranked: LandmarkMatch[] = [];
    for (const id of candidates) {
      if (id === opts.exclude) continue;
      const refs = await this.#opts.source.get(id);
      // Without the learned opinion: the ranking compares ORB and AKAZE inlier counts, and it runs per candidate.
      if (refs && refs.references.length > 0) ranked.push(await this.matchLandmark(photo, refs, { learnedOpinion: false }));
    }
    ranked.sort((a, b) => b.inliers - a.inliers);
    const best = ranked.find((m) => m.match && !m.replay);
    if (best) return { best: best === ranked[0] ? best : undefined, ranked };
    // Nothing recognised and nothing copied: the learned opinion ranks the candidates on its own evidence.
    if (ranked.some((m) => m.replay)) return { ranked };
    let learned: LandmarkMatch | undefined;
    for (const m of ranked) {
      const refs = await this.#opts.source.get(m.landmarkId);
      const third = refs && (await this.#learnedOpinion(photo, refs));
      if (third && (!learned || third.inliers > learned.inliers)) learned = third;
    }
    return { best: learned?.match ? learned : undefined, ranked };
  }

  async #bestOther(photo: DecodedPhoto, planned: Landmark): Promise<LandmarkMatch | undefined> {
    const radius = this.#opts.otherLandmarkRadiusM;
    if (radius <= 0 || this.#opts.maxOtherLandmarks <= 0) return undefined;
    const others = (await this.#opts.source.near(planned, radius, this.#opts.maxOtherLandmarks + 1))
      .filter(({ id }) => id !== planned.id)
      .slice(0, this.#opts.maxOtherLandmarks);
    let best: LandmarkMatch | undefined;
    for (const { id } of others) {
      const refs = await this.#opts.source.get(id);
      if (!refs || refs.references.length === 0) continue;
      // ORB only: the second opinion is for the planned landmark, where it can change the verdict.
      const m = await this.matchLandmark(photo, refs, { secondOpinion: false });
      if (m.match && !m.replay && (!best || m.inliers > best.inliers)) best = m;
    }
    return best;
  }
}

/** A further opinion's answer for one landmark: its best reference, judged by its own threshold. */
function opinionOf(
  refs: LandmarkReferences,
  best: { inliers: number; ref?: ReferenceFeatures; compared: number },
  cal: InlierThreshold,
  detector: VisualDetector,
): LandmarkMatch {
  return {
    landmarkId: refs.landmark.id,
    match: isMatch(best.inliers, cal),
    score: scoreFromInliers(best.inliers, cal),
    inliers: best.inliers,
    reference: best.ref?.file,
    compared: best.compared,
    detector,
  };
}
