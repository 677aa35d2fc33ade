import type { Person } from "../domain/person.ts";
import { PHOTO_REJECTION_MESSAGE } from "../texts/photo-rejection.ts";
import { photoCheckLines } from "../texts/photo-check-text.ts";
import type { PhotoCheckJob } from "../ports/jobs.ts";
import { PhotoRejectedError } from "../verification/contracts.ts";
import type { PhotoChecker } from "../verification/photo-check.ts";
import type { WorkerDeps } from "./deps.ts";

const BYTES_PER_MB = 1024 * 1024;

/**
 * Answers one families' photo check, in the verify worker (the catalog match is CPU-bound), and deletes
 * the photo. Nothing about the check is stored or logged beyond its outcome's shape.
 */
export class PhotoCheckProcessor {
  constructor(
    private readonly deps: WorkerDeps,
    private readonly checker: PhotoChecker,
    private readonly maxPhotoBytes: number,
  ) {}

  async process(job: PhotoCheckJob): Promise<void> {
    const { deps } = this;
    const [requester, bytes] = await Promise.all([deps.persons.get(job.requesterId), deps.media.get(job.mediaId)]);
    if (!requester) return deps.media.delete(job.mediaId); // forgotten meanwhile
    const locale = job.locale;
    if (!bytes) return this.send(requester, this.deps.i18n.t(locale, "photocheck-expired"));
    let text: string;
    try {
      const result = await this.checker.check({ bytes, asFile: job.asFile, receivedAt: new Date(job.receivedAt) });
      const names = new Map<string, Record<string, string>>();
      for (const id of [result.landmarkId, result.known?.landmarkId, result.exif?.place.status === "at" ? result.exif.place.landmarkId : undefined]) {
        const stored = id && (await deps.landmarks.get(id));
        if (stored) names.set(stored.landmark.id, stored.landmark.names);
      }
      text = photoCheckLines(deps.i18n, locale, result, (id) => names.get(id)).join("\n");
      deps.log.info({ landmark: Boolean(result.landmarkId), known: result.known?.kind, exif: Boolean(result.exif) }, "photo checked");
    } catch (err) {
      if (!(err instanceof PhotoRejectedError)) throw err;
      text = deps.i18n.t(locale, PHOTO_REJECTION_MESSAGE[err.code], { mb: Math.round(this.maxPhotoBytes / BYTES_PER_MB) });
    }
    // Deleted before answering: a failed send is retried without the photo (the asker is told to send it again).
    await deps.media.delete(job.mediaId);
    await this.send(requester, text);
  }

  /** A check that failed for good: the photo goes, and the person is told to try again. */
  async giveUp(job: PhotoCheckJob): Promise<void> {
    await this.deps.media.delete(job.mediaId);
    const requester = await this.deps.persons.get(job.requesterId);
    if (requester) await this.send(requester, this.deps.i18n.t(job.locale, "error-generic"));
  }

  private send(person: Person, text: string): Promise<void> {
    return this.deps.messenger.send(person.address, { text });
  }
}
