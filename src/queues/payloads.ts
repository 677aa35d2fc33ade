/** Job payloads carry ids only: never names, numbers, coordinates, photos or tokens. */
import { z } from "zod";

export const verifyJobSchema = z.object({ checkinId: z.string().uuid() }).strict();
export type VerifyJob = z.infer<typeof verifyJobSchema>;

export const notifyJobSchema = z.object({ checkinId: z.string().uuid(), contactId: z.string().uuid() }).strict();
export type NotifyJob = z.infer<typeof notifyJobSchema>;

/** Deterministic ids: a retried or re-run producer adds the same job, which BullMQ ignores. */
export const jobIds = {
  verify: (j: VerifyJob) => `verify-${j.checkinId}`,
  notify: (j: NotifyJob) => `notify-${j.checkinId}-${j.contactId}`,
};
