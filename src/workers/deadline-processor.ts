import type { AlertJob, DeadlineJob } from "../ports/jobs.ts";
import { AlertProcessor } from "./alert-processor.ts";
import type { WorkerDeps } from "./deps.ts";

/**
 * Fires one escalation stage. Order matters for crash safety: the stage's alerts are queued first
 * (deterministic ids, sent markers), then the stage is advanced atomically, then the next one is
 * scheduled. A crash anywhere repeats harmlessly; a stale job (extended, arrived, cancelled) does nothing.
 */
export class DeadlineProcessor {
  private readonly alerts: AlertProcessor;

  constructor(private readonly deps: WorkerDeps) {
    this.alerts = new AlertProcessor(deps);
  }

  async process(job: DeadlineJob): Promise<void> {
    const { deps } = this;
    const { lifecycle } = deps;
    const trip = await deps.trips.get(job.travellerId);
    if (!trip || trip.id !== job.tripId || trip.status !== "active" || trip.deadline.getTime() !== job.deadline) return;
    if (trip.stage === job.stage + 1) return lifecycle.scheduleNext(trip); // fired before a crash: make sure the next one exists
    if (trip.stage !== job.stage) return;
    const stage = lifecycle.ladder[job.stage];
    if (!stage) return;

    const alerts: AlertJob[] = [];
    let reminder: AlertJob | undefined;
    const base = { travellerId: trip.travellerId, tripId: trip.id, round: `${job.deadline}-${job.stage}` };
    // The NGO case is opened first, so that the family notifications that follow land in its timeline.
    const audiences = [...stage.tell].sort((a, b) => Number(b === "ngo") - Number(a === "ngo"));
    for (const audience of audiences) {
      if (audience === "traveller") reminder = { ...base, kind: "reminder", recipient: "traveller" };
      if (audience === "family") {
        for (const contactId of await deps.contacts.contactsOf(trip.travellerId)) {
          alerts.push({ ...base, kind: "missed", recipient: contactId });
        }
      }
      if (audience === "ngo" && deps.ngo) alerts.push({ ...base, kind: "missed", recipient: "ngo" });
    }
    if (alerts.length) await deps.queues.alert(alerts);
    // The traveller's reminder is sent here rather than through an alert job: one queue hop less per firing.
    // It is the same at-most-once send (the alert's sent marker); if it fails, it is queued to be retried.
    if (reminder) {
      const [traveller, landmark] = await Promise.all([deps.persons.get(trip.travellerId), deps.landmarks.get(trip.landmarkId)]);
      const known = traveller && landmark ? { traveller, trip, landmark: landmark.landmark } : undefined;
      await this.alerts.process(reminder, known).catch(() => deps.queues.alert([reminder!]));
    }
    if (await deps.trips.fireStage(trip.travellerId, trip.id, trip.deadline, job.stage, lifecycle.escalates(job.stage))) {
      deps.log.info({ tripId: trip.id, stage: job.stage, alerts: alerts.length }, "escalation stage fired");
      await lifecycle.scheduleNext({ ...trip, stage: job.stage + 1 });
    }
  }
}
