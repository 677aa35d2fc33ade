/**
 * The families' photo check: what the catalog alone can say about a photo someone was sent. It reads the
 * catalog only (references and known pictures), never the travellers' submissions, so its answer cannot
 * tell anyone whether a given person checked in, or where.
 */
import { getPreciseDistance } from "geolib";
import type { CaptureTimeSignal } from "../domain/verdict.ts";
import type { LandmarkRepository } from "../store/landmark-repository.ts";
import { captureTimeSignal } from "./capture-time.ts";
import type { CatalogIdentification, CatalogIdentifier, DecodedPhoto, PhotoLimits, VisualMatcher } from "./contracts.ts";
import { decodePhoto } from "./decode.ts";
import { readExif } from "./exif.ts";
import { dihedralHashes, hamming, REPLAY_MAX_DISTANCE } from "./pdq.ts";

export type PlaceFinding =
  /** The photo's EXIF position against the landmark it shows. */
  | { status: "fits" | "far"; landmarkId: string; distanceM: number }
  /** No landmark recognised, but the EXIF position lies within a catalog landmark's radius. */
  | { status: "at"; landmarkId: string }
  | { status: "elsewhere" }
  | { status: "missing" };

export interface PhotoCheckResult {
  /** The catalog landmark the photo shows, if any. */
  landmarkId?: string;
  /** A catalog reference, or a known picture (a landmark's known/ folder, or the catalog's known-pictures.txt). */
  known?: { kind: "reference" | "known"; landmarkId?: string };
  /** Absent when the photo came compressed (no EXIF survives). */
  exif?: { time: CaptureTimeSignal; place: PlaceFinding };
}

export interface PhotoCheckerOptions {
  matcher: VisualMatcher & Partial<CatalogIdentifier>;
  landmarks: Pick<LandmarkRepository, "list" | "get" | "near" | "knownPictures">;
  limits: PhotoLimits;
  freshnessMs: number;
}

/** The catalog's largest landmark radius, for the "is this position at some landmark" search. */
const MAX_LANDMARK_RADIUS_M = 5000;

export class PhotoChecker {
  constructor(private readonly opts: PhotoCheckerOptions) {}

  /** Throws PhotoRejectedError for bytes that are not a usable photo. */
  async check(photo: { bytes: Buffer; asFile: boolean; receivedAt: Date }): Promise<PhotoCheckResult> {
    const decoded = await decodePhoto(photo.bytes, this.opts.limits);
    const known = await this.#known(dihedralHashes(decoded));
    const identified = await this.#identify(decoded);
    const result: PhotoCheckResult = {};
    const knownAs = known ?? (identified.replayOf && { kind: "reference" as const, landmarkId: identified.replayOf.landmarkId });
    if (knownAs) result.known = knownAs;
    const landmarkId = identified.landmarkId ?? knownAs?.landmarkId;
    if (landmarkId) result.landmarkId = landmarkId;
    if (photo.asFile) {
      const exif = await readExif(photo.bytes);
      result.exif = {
        time: captureTimeSignal(exif.captureTime, photo.receivedAt, this.opts.freshnessMs),
        place: await this.#place(exif.gps, landmarkId),
      };
    }
    return result;
  }

  /** The nearest reference or known picture within the replay distance, over every landmark. */
  async #known(hashes: readonly string[]): Promise<PhotoCheckResult["known"]> {
    const candidates: Array<{ phash: string; kind: "reference" | "known"; landmarkId?: string }> = [];
    for (const { id } of await this.opts.landmarks.list()) {
      const stored = await this.opts.landmarks.get(id);
      if (!stored) continue;
      for (const r of stored.references) candidates.push({ phash: r.phash, kind: "reference", landmarkId: id });
      for (const k of stored.known ?? []) candidates.push({ phash: k.phash, kind: "known", landmarkId: id });
    }
    for (const k of await this.opts.landmarks.knownPictures()) candidates.push({ phash: k.phash, kind: "known", landmarkId: k.landmarkId });
    let nearest: { distance: number; kind: "reference" | "known"; landmarkId?: string } | undefined;
    for (const c of candidates) {
      for (const h of hashes) {
        const distance = hamming(c.phash, h);
        if (distance <= REPLAY_MAX_DISTANCE && (!nearest || distance < nearest.distance)) nearest = { ...c, distance };
      }
    }
    return nearest && (nearest.landmarkId ? { kind: nearest.kind, landmarkId: nearest.landmarkId } : { kind: nearest.kind });
  }

  async #identify(photo: DecodedPhoto): Promise<CatalogIdentification> {
    const { matcher } = this.opts;
    if (matcher.identify) return matcher.identify(photo);
    // A matcher without catalog identification: ask it landmark by landmark.
    for (const landmark of await this.opts.landmarks.list()) {
      const signal = await matcher.match(photo, landmark);
      if (signal.status === "match") return { landmarkId: landmark.id };
    }
    return {};
  }

  async #place(gps: { lat: number; lon: number } | undefined, landmarkId: string | undefined): Promise<PlaceFinding> {
    if (!gps) return { status: "missing" };
    const distanceTo = (l: { lat: number; lon: number }) =>
      getPreciseDistance({ latitude: gps.lat, longitude: gps.lon }, { latitude: l.lat, longitude: l.lon });
    if (landmarkId) {
      const landmark = (await this.opts.landmarks.get(landmarkId))?.landmark;
      if (landmark) {
        const distanceM = distanceTo(landmark);
        return { status: distanceM <= landmark.radiusM ? "fits" : "far", landmarkId, distanceM };
      }
    }
    for (const { id } of await this.opts.landmarks.near(gps, MAX_LANDMARK_RADIUS_M, 5)) {
      const landmark = (await this.opts.landmarks.get(id))?.landmark;
      if (landmark && distanceTo(landmark) <= landmark.radiusM) return { status: "at", landmarkId: id };
    }
    return { status: "elsewhere" };
  }
}
