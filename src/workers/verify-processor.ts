import { landmarkName } from "../domain/landmark.ts";
import { localeOf, type Person } from "../domain/person.ts";
import { PHOTO_REJECTION_MESSAGE, reasonLines } from "../texts/verdict-text.ts";
import type { VerifyJob } from "../ports/jobs.ts";
import type { Checkin } from "../domain/checkin.ts";
import { verdictStrength } from "../domain/verdict.ts";
import { PhotoRejectedError } from "../verification/contracts.ts";
import type { WorkerDeps } from "./deps.ts";
import { ngoAlertId } from "../domain/ngo-alert.ts";
import { directionOf } from "../i18n/direction.ts";

const BYTES_PER_MB = 1024 * 1024;

/**
 * Verifies one check-in. Every step is safe to repeat: a retried job finds the verdict already
 * recorded, re-adds the same notify jobs (deterministic ids) and tells the traveller only once.
 */
export class VerifyProcessor {
  constructor(
    private readonly deps: WorkerDeps,
    private readonly maxPhotoBytes: number,
    /** CHECKIN_PAIR_WINDOW: how long a partial check-in can be upgraded. */
    private readonly pairWindowMs: number,
  ) {}

  /** `learnedOpinion` false: no spare capacity (LearnedOpinionBudget), the matcher skips its costliest stage. */
  async process(job: VerifyJob, opts: { learnedOpinion?: boolean } = {}): Promise<void> {
    const { deps } = this;
    let checkin = await deps.checkins.get(job.checkinId);
    const traveller = checkin && (await deps.persons.get(checkin.travellerId));
    if (!checkin || !traveller) return; // forgotten meanwhile: nothing to do
    if (checkin.status === "queued") {
      const done = await this.verify(checkin, traveller, opts.learnedOpinion ?? true);
      if (!done) return;
      checkin = (await deps.checkins.get(job.checkinId))!;
    }
    // A duress word on an upgrade goes the duress way below: the family is warned, whatever it proves.
    if (checkin.upgradeOf && !checkin.duress) return this.upgraded(checkin, traveller);
    const accepted = checkin.status === "verified" || checkin.status === "partial";
    // After the verdict, never before: a re-run must not find its own photo and call it a replay.
    if (accepted && checkin.phash) await deps.submissions.add(checkin.phash);
    deps.log.info({ checkinId: checkin.id, status: checkin.status, duress: checkin.duress || undefined }, "check-in decided");
    if (traveller.ngoConsent && !checkin.duress && (await deps.checkins.claimOnce(checkin.id, "ngo-timeline"))) {
      // A caseworker following a missed check-in sees each later check-in, with its reason codes.
      const codes = checkin.verdict?.reasons.map((r) => `${r.ok ? "+" : "-"}${r.code}`).join(",") ?? checkin.rejection ?? "";
      await deps.ngoAlerts.addEventIfOpen(ngoAlertId(checkin.tripId, "missed"), { at: deps.now(), event: `checkin:${checkin.status}:${codes}` });
    }
    const contactIds = await deps.contacts.contactsOf(traveller.id);
    const trip = await deps.trips.get(traveller.id);
    const sameTrip = trip?.id === checkin.tripId ? trip : undefined;
    if (checkin.duress) {
      // The family is warned instead of reassured; the trip looks ended to whoever holds the phone.
      if (await deps.checkins.claimOnce(checkin.id, "duress")) {
        await deps.lifecycle.raiseDuress({ id: checkin.tripId, travellerId: traveller.id, landmarkId: checkin.landmarkId }, "duress", checkin.id);
      }
      if (accepted && sameTrip) await deps.lifecycle.finish(sameTrip, checkin.createdAt, "arrived", checkin.id, false);
    } else if (checkin.status === "needs_attention") {
      // Never an arrival: the trip stays open and its deadline runs; the family hears what could not be confirmed.
      await deps.queues.notify(contactIds.map((contactId) => ({ checkinId: checkin.id, contactId })));
    } else if (accepted) {
      await deps.queues.notify(contactIds.map((contactId) => ({ checkinId: checkin.id, contactId })));
      await deps.persons.setLastArrival(traveller.id, checkin.landmarkId, checkin.createdAt);
      if (sameTrip) await deps.lifecycle.finish(sameTrip, checkin.createdAt, "arrived", checkin.id);
    }
    const familyTold = accepted || checkin.status === "needs_attention";
    if (await deps.checkins.claimOnce(checkin.id, "told")) await this.tellResult(checkin, traveller, familyTold ? contactIds.length : 0);
  }

  /**
   * An upgrade of an earlier partial check-in: the family gets one update only when it proves more
   * (verified over partial, a live location over a pin); otherwise the earlier message stands and only
   * the traveller is told. The trip already ended with the partial check-in.
   */
  private async upgraded(checkin: Checkin, traveller: Person): Promise<void> {
    const { deps } = this;
    const accepted = checkin.status === "verified" || checkin.status === "partial";
    const stronger = accepted && !checkin.duress && verdictStrength(checkin.verdict!) > (checkin.baseline ?? 0);
    if (accepted && checkin.phash) await deps.submissions.add(checkin.phash);
    deps.log.info({ checkinId: checkin.id, upgradeOf: checkin.upgradeOf, status: checkin.status, stronger }, "check-in upgrade decided");
    const contactIds = stronger ? await deps.contacts.contactsOf(traveller.id) : [];
    if (stronger) {
      await deps.queues.notify(contactIds.map((contactId) => ({ checkinId: checkin.id, contactId })));
      await deps.persons.setLastArrival(traveller.id, checkin.landmarkId, checkin.createdAt);
    }
    if (!(await deps.checkins.claimOnce(checkin.id, "told"))) return;
    const locale = localeOf(traveller);
    const headline = !stronger ? "result-upgrade-no-change" : checkin.status === "verified" ? "result-upgrade-verified" : "result-upgrade-live";
    const details = reasonLines(deps.i18n, locale, checkin.verdict!, () => undefined);
    const lines = [this.t(traveller, headline), this.t(traveller, "result-details"), ...details];
    if (stronger && contactIds.length === 0) lines.push(this.t(traveller, "result-no-contacts"));
    // Still partial: a new offer stands (see verify), so the traveller can try once more.
    if (checkin.status === "partial") lines.push(this.t(traveller, "checkin-upgrade-hint", { minutes: Math.round(this.pairWindowMs / 60_000) }));
    await this.send(traveller, lines.join("\n"));
  }

  /** Gives up on a check-in whose job failed for good, so that it is not left "being checked" forever. */
  async giveUp(job: VerifyJob): Promise<void> {
    const checkin = await this.deps.checkins.get(job.checkinId);
    const traveller = checkin && (await this.deps.persons.get(checkin.travellerId));
    if (!checkin || !traveller || checkin.status !== "queued") return;
    await this.deps.checkins.recordRejection(checkin.id, "failed");
    await this.deps.media.delete(checkin.photo.mediaId);
    await this.send(traveller, this.t(traveller, "error-generic"));
  }

  /** Returns false when the check-in was rejected (and the traveller told). */
  private async verify(checkin: Checkin, traveller: Person, learnedOpinion: boolean): Promise<boolean> {
    const { deps } = this;
    const stored = await deps.landmarks.get(checkin.landmarkId);
    const bytes = await deps.media.get(checkin.photo.mediaId);
    if (!stored || !bytes) {
      await deps.checkins.recordRejection(checkin.id, stored ? "photo_expired" : "landmark_missing");
      await this.send(traveller, this.t(traveller, stored ? "photo-expired" : "error-generic"));
      return false;
    }
    try {
      const outcome = await deps.verifier.verify({
        photo: { bytes, asFile: checkin.photo.asFile, forwarded: checkin.photo.forwarded, receivedAt: checkin.photo.at },
        location: checkin.location && { ...checkin.location, receivedAt: checkin.location.at },
        landmark: stored.landmark,
        references: stored.references,
        replayChecked: checkin.replayChecked,
        ...(learnedOpinion ? {} : { learnedOpinion: false }),
      });
      // Only an accepted check-in's photo goes to the family; one that needs attention is described, not shown.
      const accepted = outcome.verdict.status === "verified" || outcome.verdict.status === "partial";
      const cleanId = accepted ? await deps.media.put(outcome.cleanJpeg, `clean-${checkin.id}`) : undefined;
      await deps.checkins.recordVerdict(checkin.id, outcome.verdict, cleanId, outcome.phash);
      if (outcome.verdict.status === "partial" && checkin.location && !checkin.duress) {
        // Kept (sealed, for the pairing window only) so that a further photo or a live location can upgrade it.
        await deps.checkins.offerUpgrade(checkin.travellerId, {
          checkinId: checkin.upgradeOf ?? checkin.id,
          tripId: checkin.tripId,
          landmarkId: checkin.landmarkId,
          photo: checkin.photo,
          location: checkin.location,
          strength: Math.max(verdictStrength(outcome.verdict), checkin.baseline ?? 0),
        });
      } else await deps.media.delete(checkin.photo.mediaId);
      return true;
    } catch (err) {
      if (!(err instanceof PhotoRejectedError)) throw err;
      deps.log.info({ checkinId: checkin.id, rejection: err.code }, "check-in photo rejected");
      await deps.checkins.recordRejection(checkin.id, err.code);
      await deps.media.delete(checkin.photo.mediaId);
      const message = this.t(traveller, PHOTO_REJECTION_MESSAGE[err.code], { mb: Math.round(this.maxPhotoBytes / BYTES_PER_MB) });
      await this.send(traveller, `${this.t(traveller, "result-rejected")}\n${message}`);
      return false;
    }
  }

  private async tellResult(checkin: Checkin, traveller: Person, contactCount: number): Promise<void> {
    const { deps } = this;
    const locale = localeOf(traveller);
    const stored = await deps.landmarks.get(checkin.landmarkId);
    const names = async (id: string) => (await deps.landmarks.get(id))?.landmark.names;
    const otherId = checkin.verdict!.reasons.find((r) => typeof r.vars?.landmark === "string")?.vars?.landmark;
    const otherNames = typeof otherId === "string" ? await names(otherId) : undefined;
    const details = reasonLines(deps.i18n, locale, checkin.verdict!, () => otherNames);
    const lines = [this.t(traveller, `result-${checkin.status.replace("_", "-")}`), this.t(traveller, "result-details"), ...details];
    if (checkin.status === "not_verified" || checkin.status === "needs_attention") {
      const landmark = stored ? landmarkName(stored.landmark, locale) : checkin.landmarkId;
      lines.push(this.t(traveller, "result-retry", { landmark }));
    } else if (contactCount === 0) lines.push(this.t(traveller, "result-no-contacts"));
    if (checkin.status === "partial") lines.push(this.t(traveller, "checkin-upgrade-hint", { minutes: Math.round(this.pairWindowMs / 60_000) }));
    await this.send(traveller, lines.join("\n"));
  }

  private t(person: Person, id: string, vars?: Record<string, string | number>): string {
    return this.deps.i18n.t(localeOf(person), id, vars);
  }

  /** The traveller's own result: low priority, so it queues behind the "checking" reply in the chat's order. */
  private send(person: Person, text: string): Promise<void> {
    return this.deps.messenger.send(person.address, { text, priority: "low", direction: directionOf(person.locale) });
  }
}
