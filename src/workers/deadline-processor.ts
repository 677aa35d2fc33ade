import { stageDueAt } from "../domain/escalation.ts";
import { DEFAULT_LOCALE } from "../domain/locale.ts";
import { directionOf } from "../i18n/direction.ts";
import { jobIds, type AlertJob, type DeadlineJob } from "../ports/jobs.ts";
import type { FiringStage, FiringState } from "../ports/stores.ts";
import { reminderMessage } from "./alert-processor.ts";
import type { WorkerDeps } from "./deps.ts";

/**
 * A job may run a little before its stage's due time (the clocks of the worker that promoted it and of the one
 * that runs it differ): within this, the stage fires rather than being delayed again for a few milliseconds.
 */
export const EARLY_MS = 1_000;

/** When the deadline's job runs next: `stage` is due at `dueAt`. */
export interface NextStage {
  stage: number;
  dueAt: Date;
}

/**
 * Where a run hands the deadline over to once its stage is out, instead of returning the next stage:
 * `moveOn`, a BullMQ deadline job moving itself to the next stage's time (jobs stored before the timers), run
 * at the same time as the stage advance; `timer`, the deadline's timer (DeadlineTimers member), moved by the
 * stage advance itself, in the same script.
 */
export type Handover = { moveOn: (next: NextStage) => Promise<void> } | { timer: string };

/**
 * Walks one trip deadline's escalation ladder: run at each stage's due time (by the deadline's timer, see
 * DeadlineSweeper, or by a deadline job stored before the timers), fires the trip's current stage and says
 * when it must run again. Order matters for crash safety: the stage's alerts are queued (deterministic ids,
 * sent markers) and its reminder sent, then the stage is advanced atomically; a re-run (a crash, a lapsed
 * lease, a stalled job) finds the stage either not advanced (it repeats harmlessly) or advanced (the next one
 * is not due yet, so it only waits again). A deadline whose trip ended, was extended or was replaced does
 * nothing.
 *
 * A burst of deadlines (everyone due at the same hour) is bounded by the work per firing, so a firing
 * does the least it can: one script reads the trip and the traveller and claims the reminder, the reminder is
 * sent here (not through an alert job of its own), one script marks it sent, advances the stage and moves
 * the timer to the next stage's time; the firings under way share those scripts (DeadlineFiringStore).
 */
export class DeadlineProcessor {
  constructor(private readonly deps: WorkerDeps) {}

  /**
   * Fires the trip's stage if it is due; returns when the deadline must run next, undefined when never.
   * With a `handover`, nothing is returned: a stage not due yet moves the timer there (or is returned to a
   * BullMQ job, which delays itself), a trip that changed drops the timer, and a fired stage hands the next
   * one over as it advances. `moveOn` and the advance commute: if the process dies between them, the next
   * run finds the stage not advanced and repeats it (its messages are sent once, by their markers), or finds
   * it advanced and waits for the next.
   */
  async process(job: DeadlineJob, handover?: Handover): Promise<NextStage | undefined> {
    const { deps } = this;
    const { lifecycle } = deps;
    const ladder = lifecycle.ladder;
    const timer = handover && "timer" in handover ? handover.timer : undefined;
    const moveOn = handover && "moveOn" in handover ? handover.moveOn : undefined;
    const dueBy = deps.now().getTime() + EARLY_MS;
    const stages: FiringStage[] = ladder.map((stage, i) => ({
      dueAt: job.deadline + stage.afterMs,
      reminderId: stage.tell.includes("traveller") ? jobIds.alert(this.reminder(job, i)) : undefined,
    }));
    const state = await deps.firing.load(job, stages, dueBy);
    const { trip } = state;
    const current = trip && trip.id === job.tripId && trip.status === "active" && trip.deadline.getTime() === job.deadline;
    const n = trip?.stage ?? 0;
    const due = current ? stages[n] : undefined;
    // The script claimed the reminder on the same test, so nothing is claimed when nothing fires.
    if (!current || !due) {
      if (timer) await deps.timers.remove(timer);
      return undefined;
    }
    if (due.dueAt > dueBy) {
      if (!timer) return { stage: n, dueAt: new Date(due.dueAt) };
      await deps.timers.reschedule(timer, new Date(due.dueAt));
      return undefined;
    }
    const stage = ladder[n]!;
    const base = { travellerId: job.travellerId, tripId: job.tripId, round: `${job.deadline}-${n}` };
    const alerts: AlertJob[] = [];
    try {
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
    } catch (err) {
      // The deadline retries the stage: its reminder must not wait for this attempt's claim to lapse.
      if (state.claim === "claimed") await deps.firing.releaseClaim(due.reminderId!).catch(() => undefined);
      throw err;
    }
    // The reminder: the same at-most-once send as an alert job's (its sent marker); if it cannot go now, it
    // is queued as an alert job, which retries.
    const sent = due.reminderId ? await this.remind(this.reminder(job, n), due.reminderId, state) : false;
    const escalates = lifecycle.escalates(n);
    const nextAt = stageDueAt(ladder, trip.deadline, n + 1);
    const next = nextAt && { stage: n + 1, dueAt: nextAt };
    // Both settle before either's failure is reported, so the caller knows whether the job has moved on.
    const [advanced, moving] = await Promise.allSettled([
      deps.firing.advance(trip, n, escalates, sent ? due.reminderId : undefined, timer ? { member: timer, nextDueAt: nextAt?.getTime() } : undefined),
      next && moveOn?.(next),
    ]);
    if (moving.status === "rejected") throw moving.reason;
    if (advanced.status === "rejected") throw advanced.reason;
    if (advanced.value) {
      // Every traveller's reminder at info would flood the log in a burst; escalations are what operators follow.
      if (escalates) deps.log.info({ tripId: trip.id, stage: n, alerts: alerts.length }, "escalation stage fired");
      else deps.log.debug({ tripId: trip.id, stage: n }, "reminder stage fired");
    }
    return handover ? undefined : next;
  }

  private reminder(job: DeadlineJob, stage: number): AlertJob {
    return { travellerId: job.travellerId, tripId: job.tripId, round: `${job.deadline}-${stage}`, kind: "reminder", recipient: "traveller" };
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
