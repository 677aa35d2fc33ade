/**
 * Redis keys of the core records (people, links, trips, check-ins, media, queues' side records). Keys owned by
 * one adapter live with it (WhatsApp: channels/whatsapp/wa-keys.ts; the Telegram inbox and outbox; the
 * dashboard: dashboard-keys.ts); all share the app's prefix, which carries the Redis Cluster hash tag.
 */
export class Keys {
  constructor(readonly prefix: string) {}

  dataKey(personId: string) { return `${this.prefix}:dek:${personId}`; }
  person(id: string) { return `${this.prefix}:person:${id}`; }
  /** `index` is RecordKeys.addressIndex(channel, chatId), never the chat id itself. */
  address(channel: string, index: string) { return `${this.prefix}:addr:${channel}:${index}`; }
  contactsOf(travellerId: string) { return `${this.prefix}:contacts:${travellerId}`; }
  follows(contactId: string) { return `${this.prefix}:follows:${contactId}`; }
  unreachable(personId: string) { return `${this.prefix}:unreachable:${personId}`; }
  invite(code: string) { return `${this.prefix}:invite:${code}`; }
  invitesBy(travellerId: string) { return `${this.prefix}:invites:${travellerId}`; }
  trip(travellerId: string) { return `${this.prefix}:trip:${travellerId}`; }
  tripAlerted(travellerId: string) { return `${this.prefix}:trip-alerted:${travellerId}`; }
  activeTrips() { return `${this.prefix}:trips:active`; }
  /** Deadlines by when they are next looked at (store/deadline-timers.ts). */
  deadlinesDue() { return `${this.prefix}:deadlines:due`; }
  /** Failures in a row of the deadlines that are retrying. */
  deadlineFailures() { return `${this.prefix}:deadlines:failures`; }
  words(personId: string) { return `${this.prefix}:words:${personId}`; }
  ngoAlert(id: string) { return `${this.prefix}:ngo-alert:${id}`; }
  ngoAlertTimeline(id: string) { return `${this.prefix}:ngo-alert:${id}:timeline`; }
  ngoAlerts() { return `${this.prefix}:ngo-alerts`; }
  outboxSent(jobId: string) { return `${this.prefix}:out-sent:${jobId}`; }
  pending(travellerId: string) { return `${this.prefix}:pending:${travellerId}`; }
  /** A partial check-in's parts, kept for the pairing window so a further photo or live location can upgrade it. */
  upgrade(travellerId: string) { return `${this.prefix}:upgrade:${travellerId}`; }
  checkin(id: string) { return `${this.prefix}:checkin:${id}`; }
  checkinsOf(travellerId: string) { return `${this.prefix}:checkins:${travellerId}`; }
  media(id: string) { return `${this.prefix}:media:${id}`; }
  state(personId: string) { return `${this.prefix}:state:${personId}`; }
  rate(kind: string, subject: string, window: number) { return `${this.prefix}:rate:${kind}:${subject}:${window}`; }
  submissions() { return `${this.prefix}:submissions`; }
  landmark(id: string) { return `${this.prefix}:landmark:${id}`; }
  landmarks() { return `${this.prefix}:landmarks`; }
  /** Redis GEO set of landmark positions: the shortlist by location without reading every landmark. */
  landmarksGeo() { return `${this.prefix}:landmarks:geo`; }
  /** The catalog's list of known pictures (PDQ hashes), for the families' photo check. */
  knownPictures() { return `${this.prefix}:landmarks:known-pictures`; }
  /** What a stored Telegram update is sealed to (the name it was once stored under; no key of that name is written now). */
  telegramUpdate(updateId: number) { return `${this.prefix}:tg-update:${updateId}`; }
  /** The Telegram inbox: a stream of sealed updates, handled by a consumer group (TelegramInbox). */
  telegramInbox() { return `${this.prefix}:tg-inbox`; }
  /** Bitmap of the Telegram update ids stored lately, one per range of ids (redeliveries are dropped there). */
  telegramSeen(range: number) { return `${this.prefix}:tg-seen:${range}`; }
  /** A chat's stored, not yet handled updates (score: update id), for per-chat order after a crash. */
  telegramChatPending(chatIndex: string) { return `${this.prefix}:tg-chat-pending:${chatIndex}`; }
  sandboxLog(chatId: string) { return `${this.prefix}:sandbox:log:${chatId}`; }
  sandboxSeq() { return `${this.prefix}:sandbox:seq`; }
}
