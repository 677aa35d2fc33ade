import type { AlertJob, DeadlineJob, NgoJob, NotifyJob, OutboxJob, PhotoCheckJob, VerifyJob } from "./jobs.ts";

/**
 * The one way work is put on the queues, whoever puts it there (the conversation, the trip lifecycle, the
 * workers, the WhatsApp sender). Implemented by queues/producers.ts over BullMQ; each user takes the
 * methods it needs with Pick<JobProducer, ...>, so its tests can hand it a small fake.
 */
export interface JobProducer {
  verify(job: VerifyJob): Promise<void>;
  /** A families' photo check, run by the verify worker after every waiting check-in. */
  photoCheck(job: PhotoCheckJob): Promise<void>;
  notify(jobs: NotifyJob[]): Promise<void>;
  /** Schedules one escalation stage at `dueAt`. */
  deadline(job: DeadlineJob, dueAt: Date): Promise<void>;
  /** Drops a pending stage job (an extension, an arrival); a job that fires anyway finds the trip changed. */
  cancelDeadline(job: DeadlineJob): Promise<void>;
  alert(jobs: AlertJob[]): Promise<void>;
  ngo(jobs: NgoJob[]): Promise<void>;
  /** Hands one stored WhatsApp message to the process that holds the socket (after `delayMs`, for a resend). */
  whatsappOutbox(job: OutboxJob, delayMs?: number, priority?: number): Promise<void>;
  /** Drops a traveller's queued work (used by /forget). Active jobs find their records gone and stop. */
  removeForCheckins(checkinIds: readonly string[], contactIds: readonly string[]): Promise<void>;
}
