import type { Logger } from "pino";
import { alertsOthers, stageDueAt, type EscalationLadder } from "../domain/escalation.ts";
import type { Trip } from "../domain/person.ts";
import type { AlertJob, AlertKind, DeadlineJob, JobProducer } from "../ports/jobs.ts";
import type { TripLifecycle } from "../ports/trips.ts";
import type { ContactStore, DeadlineTimerStore, TripStore } from "../ports/stores.ts";

export interface LifecycleDeps {
  trips: TripStore;
  contacts: ContactStore;
  timers: Pick<DeadlineTimerStore, "schedule" | "cancel">;
  /** cancelDeadline: a deadline's BullMQ job stored before the timers (issue 18), which may still be waiting. */
  queues: Pick<JobProducer, "cancelDeadline" | "alert">;
  ladder: EscalationLadder;
  log: Logger;
}

/**
 * The trip lifecycle (ports/trips.ts): deadline stages on the deadline timers, endings and corrections as
 * alert jobs.
 */
export class QueuedTripLifecycle implements TripLifecycle {
  constructor(private readonly deps: LifecycleDeps) {}

  get ladder(): EscalationLadder {
    return this.deps.ladder;
  }

  private deadlineJob(trip: Pick<Trip, "id" | "travellerId" | "deadline">): DeadlineJob {
    return { travellerId: trip.travellerId, tripId: trip.id, deadline: trip.deadline.getTime() };
  }

  /**
   * Schedules the deadline's timer for the trip's next escalation stage (one timer walks all the stages of a
   * deadline; idempotent: it is the trip's and deadline's, and an existing one is left alone).
   */
  async scheduleNext(trip: Pick<Trip, "id" | "travellerId" | "deadline" | "stage">): Promise<void> {
    const dueAt = stageDueAt(this.deps.ladder, trip.deadline, trip.stage);
    if (dueAt) await this.deps.timers.schedule(this.deadlineJob(trip), dueAt);
  }

  /** Drops the deadline's timer, and its job if it was scheduled before the timers. */
  private async cancel(trip: Pick<Trip, "id" | "travellerId" | "deadline">): Promise<void> {
    const job = this.deadlineJob(trip);
    await Promise.all([this.deps.timers.cancel(job), this.deps.queues.cancelDeadline(job)]);
  }

  /** Whether firing `stage` alerts anyone other than the traveller. */
  escalates(stage: number): boolean {
    return alertsOthers(this.deps.ladder, stage);
  }

  async extend(trip: Trip, deadline: Date): Promise<boolean> {
    if (!(await this.deps.trips.extend(trip.travellerId, trip.id, deadline))) return false;
    await this.cancel(trip);
    await this.scheduleNext({ ...trip, deadline, stage: 0 });
    return true;
  }

  /**
   * Ends an active trip (arrived, or reported safe). Everyone who had been alerted gets the correction,
   * so no alert is left standing. False when the trip had already ended or changed.
   */
  async finish(trip: Trip, at: Date, status: "arrived" | "safe", round: string, corrections = true): Promise<boolean> {
    const result = await this.deps.trips.finish(trip.travellerId, trip.id, at, status);
    if (!result.ok) return false;
    await this.cancel(trip);
    if (corrections && result.alerted.length > 0) {
      const kind: AlertKind = status === "arrived" ? "false_alarm" : "reported_safe";
      await this.deps.queues.alert(
        result.alerted.map((recipient) => ({ kind, travellerId: trip.travellerId, tripId: trip.id, recipient, round })),
      );
    }
    return true;
  }

  /** Removes the trip and its pending deadline (cancel, forget). */
  async drop(trip: Trip): Promise<void> {
    await this.cancel(trip);
    await this.deps.trips.delete(trip.travellerId);
  }

  /** The duress word was used: every contact is warned and the NGO gets an urgent alert. */
  async raiseDuress(trip: Pick<Trip, "id" | "travellerId" | "landmarkId">, kind: "duress" | "duress_cancel", round: string): Promise<void> {
    const contacts = await this.deps.contacts.contactsOf(trip.travellerId);
    const recipients: AlertJob["recipient"][] = [...contacts, "ngo"];
    await this.deps.queues.alert(
      recipients.map((recipient) => ({
        kind, travellerId: trip.travellerId, tripId: trip.id, recipient, round, landmarkId: trip.landmarkId,
      })),
    );
    this.deps.log.warn({ tripId: trip.id, kind }, "duress raised");
  }
}
