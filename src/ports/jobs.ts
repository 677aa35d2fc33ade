/**
 * The queues' contract: what each job carries (payloads carry ids only: never names, numbers, coordinates,
 * photos or tokens), its deterministic id, and JobProducer, the one way to put a job on a queue.
 */
import { createHash } from "node:crypto";
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

/**
 * One job per trip deadline, walking the ladder's stages (it delays itself to the next one). Stored lean, so
 * that BullMQ's job hash keeps every value within 64 bytes and stays listpack-encoded in Redis (a third of the
 * memory of a hashtable one): the data is the three ids in one short string (deadlineJobData), the job id a
 * short digest of the trip and deadline (jobIds.deadline), and the job carries no options of its own.
 */
export const deadlineJobSchema = z
  .object({ travellerId: z.string().uuid(), tripId: z.string().uuid(), deadline: z.number().int() })
  .strict();
export type DeadlineJob = z.infer<typeof deadlineJobSchema>;

const uuidToB64 = (uuid: string) => Buffer.from(uuid.replace(/-/g, ""), "hex").toString("base64url");
const b64ToUuid = (b64: string) => {
  const hex = Buffer.from(b64, "base64url").toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** What a deadline job carries as its data: traveller and trip ids in base64url, the deadline in base 36. */
export const deadlineJobData = (j: DeadlineJob) => ({ d: `${uuidToB64(j.travellerId)}.${uuidToB64(j.tripId)}.${j.deadline.toString(36)}` });

const LEAN_DEADLINE = /^([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{22})\.([0-9a-z]{1,11})$/;

/** The deadline from its lean form (deadlineJobData's `d`, also a deadline timer's member); undefined for anything else. */
export function deadlineFromLean(d: string): DeadlineJob | undefined {
  const m = LEAN_DEADLINE.exec(d);
  return m ? { travellerId: b64ToUuid(m[1]!), tripId: b64ToUuid(m[2]!), deadline: parseInt(m[3]!, 36) } : undefined;
}

/**
 * The deadline job from a stored job's data; also reads jobs stored before issue 18 (one per stage, every
 * field spelled out), marked `legacy`. Undefined for anything else.
 */
export function deadlineJobFrom(data: unknown): (DeadlineJob & { legacy?: true }) | undefined {
  const lean = leanDeadlineData.safeParse(data);
  if (lean.success) return deadlineFromLean(lean.data.d);
  const old = legacyDeadlineData.safeParse(data);
  return old.success ? { travellerId: old.data.travellerId, tripId: old.data.tripId, deadline: old.data.deadline, legacy: true } : undefined;
}
// `f`: the failures in a row, while the job retries itself (src/workers/workers.ts).
const leanDeadlineData = z.object({ d: z.string().regex(LEAN_DEADLINE), f: z.number().int().optional() }).strict();
const legacyDeadlineData = deadlineJobSchema.extend({ stage: z.number().int().min(0) });

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
  /** 80 bits of a digest of the trip and deadline: short enough for a listpack job hash (see deadlineJobSchema). */
  deadline: (j: Pick<DeadlineJob, "tripId" | "deadline">) => createHash("sha256").update(`${j.tripId}:${j.deadline}`).digest("hex").slice(0, 20),
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
  /** Check-ins being verified or waiting for a verify worker, across every worker: how busy verification is. */
  verifyLoad(): Promise<number>;
  /** A families' photo check, run by the verify worker after every waiting check-in. */
  photoCheck(job: PhotoCheckJob): Promise<void>;
  notify(jobs: NotifyJob[]): Promise<void>;
  /**
   * Drops the deadline's pending BullMQ job, one scheduled before the deadline timers (ports/stores.ts,
   * DeadlineTimerStore) took over; a job that runs anyway finds the trip changed.
   */
  cancelDeadline(job: DeadlineJob): Promise<void>;
  alert(jobs: AlertJob[]): Promise<void>;
  ngo(jobs: NgoJob[]): Promise<void>;
  /** Hands one stored WhatsApp message to the process that holds the socket (after `delayMs`, for a resend). */
  whatsappOutbox(job: OutboxJob, delayMs?: number, priority?: number): Promise<void>;
  /** Drops a traveller's queued work (used by /forget). Active jobs find their records gone and stop. */
  removeForCheckins(checkinIds: readonly string[], contactIds: readonly string[]): Promise<void>;
}
