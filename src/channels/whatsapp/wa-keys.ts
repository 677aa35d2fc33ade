/** The WhatsApp channel's Redis keys, under the app's prefix (a Cluster hash tag). */
export class WaKeys {
  /**
   * `chatIndex` turns a chat id (a LID, or a phone number where no LID is known) into what key names
   * hold: the app passes a keyed hash, so no number stands in clear in Redis.
   */
  constructor(
    readonly prefix: string,
    readonly chatIndex: (chatId: string) => string = (chatId) => chatId,
    /** The same hash under APP_KEY_PREVIOUS during a key rotation (undefined when it is not set). */
    private readonly previousChatIndex?: (chatId: string) => string | undefined,
  ) {}

  /** The names the per-chat keys had under APP_KEY_PREVIOUS, while it is set. */
  previous(chatId: string): WaKeys | undefined {
    const index = this.previousChatIndex?.(chatId);
    return index === undefined ? undefined : new WaKeys(this.prefix, () => index);
  }

  /** Every key named after a chat (what a key rotation re-indexes). */
  perChat(chatId: string): string[] {
    return [this.seen(chatId), this.unreachable(chatId), this.choices(chatId), this.paceChat(chatId)];
  }

  /** Sealed Baileys credentials (one value). */
  authCreds() { return `${this.prefix}:wa:auth:creds`; }
  /** Sealed signal keys: a hash of `${type}:${id}` -> sealed JSON. */
  authKeys() { return `${this.prefix}:wa:auth:keys`; }
  /** The current pairing QR (or pairing code), sealed, short-lived. */
  pairing() { return `${this.prefix}:wa:pairing`; }
  /** Connection status as JSON: state, since, reason. */
  status() { return `${this.prefix}:wa:status`; }
  /** A chat wrote to the bot (opt-in): the outbox sends only to such chats. */
  seen(chatId: string) { return `${this.prefix}:wa:seen:${this.chatIndex(chatId)}`; }
  /** A chat could not be reached; cleared when it writes again. */
  unreachable(chatId: string) { return `${this.prefix}:wa:unreachable:${this.chatIndex(chatId)}`; }
  /** An inbound message already handled (chat + WhatsApp message id): offline re-deliveries are skipped. */
  inbound(chatJid: string, messageId: string) { return `${this.prefix}:wa:in:${this.chatIndex(chatJid)}:${messageId}`; }
  /** A rendered outbound message waiting in the outbox. */
  outMessage(id: string) { return `${this.prefix}:wa:out:${id}`; }
  /** How many parts of a waiting message were delivered (a retry resumes after them). */
  outProgress(id: string) { return `${this.outMessage(id)}:sent`; }
  /** A sent message part by its WhatsApp id (sealed, short-lived): ERROR-ack resends and retry receipts. */
  sent(waId: string) { return `${this.prefix}:wa:sent:${waId}`; }
  /** The one process that holds the WhatsApp socket: "<fencing token>:<owner>". */
  socketLock() { return `${this.prefix}:wa:socket:lock`; }
  /** The fencing token counter: each new holder of the socket lock gets a larger one. */
  socketFence() { return `${this.prefix}:wa:socket:fence`; }
  /** Numbered choices last shown to a chat: a hash of number -> button data. */
  choices(chatId: string) { return `${this.prefix}:wa:choices:${this.chatIndex(chatId)}`; }
  /** Pacing (SendPacer named "wa"): the chat's last send, removed with the chat's other keys on /forget. */
  paceChat(chatId: string) { return `${this.prefix}:pace:wa:last-chat:${this.chatIndex(chatId)}`; }
}
