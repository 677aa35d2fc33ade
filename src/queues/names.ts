/** Queue names, in one place. Keys carry the app's Redis prefix (a Cluster hash tag). */
export const QUEUE = {
  verify: "verify",
  notify: "notify",
  /** Delayed jobs, one per trip deadline, each walking that deadline's escalation stages. */
  deadline: "deadline",
  /** Escalation messages: reminders, missed-check-in alerts, corrections, duress warnings. */
  alert: "alert",
  /** NGO alert deliveries: the duty chat and the signed webhook. */
  ngo: "ngo",
  /** WhatsApp sends, handed to the one process that holds the WhatsApp socket (paced there). */
  whatsappOutbox: "outbox-whatsapp",
  /** Where earlier versions stored Telegram updates (now a Redis stream, TelegramInbox): read once at start to move leftovers. */
  telegramInboundLegacy: "inbound-telegram",
  /** A person's own Telegram replies, sent behind the turn at the pacer's pace (TelegramOutbox). */
  telegramOutbox: "outbox-telegram",
} as const;
/** Job name of a families' photo check on the verify queue: same CPU budget and threads as check-ins. */
export const PHOTO_CHECK_JOB = "photo-check";

/**
 * BullMQ keeps a stream of job events per queue, 10,000 by default: with a delayed job per open trip that is
 * hundreds of bytes of Redis per traveller that nothing reads (the app uses no QueueEvents; the dashboard
 * reads job states). A short tail is kept for debugging.
 */
export const QUEUE_EVENTS_MAX_LEN = 100;

export type QueueName = (typeof QUEUE)[keyof typeof QUEUE];
