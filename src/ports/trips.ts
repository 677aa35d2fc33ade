import type { EscalationLadder } from "../domain/escalation.ts";
import type { Trip } from "../domain/person.ts";

/**
 * What happens around a trip's deadline, asked for by the conversation (plan, extend, cancel, "I am safe")
 * and by the workers (a verified arrival, a stage firing). A port, so that workers do not reach into the
 * conversation core; implemented by conversation/trip-lifecycle.ts.
 */
export interface TripLifecycle {
  readonly ladder: EscalationLadder;
  /** Whether firing `stage` alerts anyone other than the traveller. */
  escalates(stage: number): boolean;
  /** Schedules the trip's next escalation stage (idempotent: a deterministic job id). */
  scheduleNext(trip: Trip): Promise<void>;
  extend(trip: Trip, deadline: Date): Promise<boolean>;
  /**
   * Ends an active trip (arrived, or reported safe). Everyone who had been alerted gets the correction,
   * so no alert is left standing. False when the trip had already ended or changed.
   */
  finish(trip: Trip, at: Date, status: "arrived" | "safe", round: string, corrections?: boolean): Promise<boolean>;
  /** Removes the trip and its pending stage job (cancel, forget). */
  drop(trip: Trip): Promise<void>;
  /** The duress word was used: every contact is warned and the NGO gets an urgent alert. */
  raiseDuress(trip: Pick<Trip, "id" | "travellerId" | "landmarkId">, kind: "duress" | "duress_cancel", round: string): Promise<void>;
}
