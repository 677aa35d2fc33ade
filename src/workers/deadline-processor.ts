import { DEFAULT_LOCALE } from "../domain/locale.ts";
import { directionOf } from "../i18n/direction.ts";
import { jobIds, type AlertJob, type DeadlineJob } from "../ports/jobs.ts";
import type { FiringState } from "../store/deadline-firing.ts";
import { reminderMessage } from "./alert-processor.ts";
import type { WorkerDeps } from "./deps.ts";

/**
 * Fires one escalation stage. Order matters for crash safety: the stage's alerts are queued first
 * (deterministic ids, sent markers), then the stage is advanced atomically, then the next one is
 * scheduled. A crash anywhere repeats harmlessly; a stale job (extended, arrived, cancelled) does nothing.
 *
 * A burst of deadlines (everyone due at the same hour) is bounded by the Redis work per firing, so a
 * firing does the least it can: one pipeline reads the trip and the traveller and claims the reminder,
 * the reminder is sent here (not through an alert job of its own: one queue hop less), and one pipeline
 * marks it sent and advances the stage; then the next stage's job is added.
 */
export class DeadlineProcessor {
  constructor(private readonly deps: WorkerDeps) {}

  async process(job: DeadlineJob): Promise<void> {
    const { deps } = this;
    const { lifecycle } = deps;
    const stage = lifecycle.ladder[job.stage];
    const base = { travellerId: job.travellerId, tripId: job.tripId, round: `${job.deadline}-${job.stage}` };
    const reminder: AlertJob | undefined = stage?.tell.includes("traveller") ? { ...base, kind: "reminder", recipient: "traveller" } : undefined;
    const reminderId = reminder && jobIds.alert(reminder);
    const state = await deps.firing.load(job.travellerId, reminderId);
    const { trip } = state;
    const current = trip && trip.id === job.tripId && trip.status === "active" && trip.deadline.getTime() === job.deadline && trip.stage === job.stage;
    if (!current || !stage) {
      if (state.claim === "claimed") await deps.firing.releaseClaim(reminderId!);
      // Fired before a crash: make sure the next one exists.
      if (trip && trip.id === job.tripId && trip.status === "active" && trip.deadline.getTime() === job.deadline && trip.stage === job.stage + 1) {
        await lifecycle.scheduleNext(trip);
      }
      return;
    }

    const alerts: AlertJob[] = [];
    // The NGO case is opened first, so that the family notifications that follow land in its timeline.
    const audiences = [...stage.tell].sort((a, b) => Number(b === "ngo") - Number(a === "ngo"));
    for (const audience of audiences) {
      if (audience === "family") {
        for (const contactId of await deps.contacts.contactsOf(trip.travellerId)) {
          alerts.push({ ...base, kind: "missed", recipient: contactId });
        }
      }
      if (audience === "ngo" && deps.ngo) alerts.push({ ...base, kind: "missed", recipient: "ngo" });
    }
    if (alerts.length) await deps.queues.alert(alerts);
    // The reminder: the same at-most-once send as an alert job's (its sent marker); if it cannot go now, it
    // is queued as an alert job, which retries.
    const sent = reminder ? await this.remind(reminder, reminderId!, state) : false;
    const escalates = lifecycle.escalates(job.stage);
    if (await deps.firing.advance(trip, job.stage, escalates, sent ? reminderId : undefined)) {
      // Every traveller's reminder at info would flood the log in a burst; escalations are what operators follow.
      if (escalates) deps.log.info({ tripId: trip.id, stage: job.stage, alerts: alerts.length }, "escalation stage fired");
      else deps.log.debug({ tripId: trip.id, stage: job.stage }, "reminder stage fired");
      await lifecycle.scheduleNext({ ...trip, stage: job.stage + 1 });
    }
  }

  /** True when the reminder went out now (its sent marker is then set with the stage advance). */
  private async remind(reminder: AlertJob, reminderId: string, { trip, traveller, claim }: FiringState): Promise<boolean> {
    const { deps } = this;
    if (claim === "sent") return false;
    if (claim === "busy") {
      // Another attempt is sending it; the alert job retries until that one has sent or given up.
      await deps.queues.alert([reminder]);
      return false;
    }
    try {
      const landmark = (await deps.landmarks.get(trip!.landmarkId))?.landmark;
      if (!traveller || !landmark) {
        await deps.firing.releaseClaim(reminderId);
        return false;
      }
      const locale = traveller.locale ?? DEFAULT_LOCALE;
      await deps.messenger.send(traveller.address, { ...reminderMessage(deps.i18n, locale, trip!, landmark), direction: directionOf(locale) });
      return true;
    } catch {
      await deps.firing.releaseClaim(reminderId).catch(() => undefined);
      await deps.queues.alert([reminder]);
      return false;
    }
  }
}
