/**
 * The queues' contract: what each job carries (payloads carry ids only: never names, numbers, coordinates,
 * photos or tokens), its deterministic id, and JobProducer, the one way to put a job on a queue.
 */
import { z } from "zod";
import { SUPPORTED_LOCALES } from "../domain/locale.ts";

export const verifyJobSchema = z.object({ checkinId: z.string().uuid() }).strict();
export type VerifyJob = z.infer<typeof verifyJobSchema>;

export const notifyJobSchema = z.object({ checkinId: z.string().uuid(), contactId: z.string().uuid() }).strict();
export type NotifyJob = z.infer<typeof notifyJobSchema>;

/**
 * A photo someone was sent and wants checked (the families' photo check): who asked (to answer them), the
 * photo's transient media id, whether it came as a file (EXIF kept) and when it arrived. Runs on the verify
 * queue, under the job name PHOTO_CHECK_JOB.
 */
export const photoCheckJobSchema = z
  .object({
    requesterId: z.string().uuid(),
    mediaId: z.string().uuid(),
    asFile: z.boolean(),
    receivedAt: z.number().int(),
    /** The language the asker was answered in (their chosen one, else their client's). */
    locale: z.enum(SUPPORTED_LOCALES),
  })
  .strict();
export type PhotoCheckJob = z.infer<typeof photoCheckJobSchema>;

export const deadlineJobSchema = z
  .object({ travellerId: z.string().uuid(), tripId: z.string().uuid(), deadline: z.number().int(), stage: z.number().int().min(0) })
  .strict();
export type DeadlineJob = z.infer<typeof deadlineJobSchema>;

export const ALERT_KINDS = ["reminder", "missed", "false_alarm", "reported_safe", "duress", "duress_cancel"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/** `recipient` is a contact's person id, "traveller", or "ngo". */
export const alertJobSchema = z
  .object({
    kind: z.enum(ALERT_KINDS),
    travellerId: z.string().uuid(),
    tripId: z.string().uuid(),
    recipient: z.union([z.string().uuid(), z.literal("traveller"), z.literal("ngo")]),
    /** Distinguishes repeated alerts of one kind (stage number, or the arrival's check-in). */
    round: z.string().max(64),
    /** For alerts about a trip that no longer exists (a duress cancel deletes it). */
    landmarkId: z.string().max(64).optional(),
  })
  .strict();
export type AlertJob = z.infer<typeof alertJobSchema>;

export const ngoJobSchema = z
  .object({ alertId: z.string().uuid(), event: z.string().max(32), target: z.enum(["chat", "webhook"]) })
  .strict();
export type NgoJob = z.infer<typeof ngoJobSchema>;

/** One rendered message for a channel outbox; the message itself waits in Redis under a short TTL. */
export const outboxJobSchema = z.object({ messageId: z.string().uuid() }).strict();
export type OutboxJob = z.infer<typeof outboxJobSchema>;

/** Deterministic ids: a retried or re-run producer adds the same job, which BullMQ ignores. */
export const jobIds = {
  verify: (j: VerifyJob) => `verify-${j.checkinId}`,
  photoCheck: (j: PhotoCheckJob) => `photocheck-${j.mediaId}`,
  notify: (j: NotifyJob) => `notify-${j.checkinId}-${j.contactId}`,
  deadline: (j: DeadlineJob) => `deadline-${j.tripId}-${j.deadline}-${j.stage}`,
  alert: (j: AlertJob) => `alert-${j.kind}-${j.tripId}-${j.round}-${j.recipient}`,
  ngo: (j: NgoJob) => `ngo-${j.alertId}-${j.event}-${j.target}`,
  outbox: (j: OutboxJob) => `outbox-${j.messageId}`,
};

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
