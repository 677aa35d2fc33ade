import { GrammyError, InputFile, type Api } from "grammy";
import type { InlineKeyboardMarkup, ReplyKeyboardMarkup, ReplyKeyboardRemove } from "grammy/types";
import { UnreachableError, type ChannelSender, type Outbound, type Pacer } from "../../ports/messaging.ts";
import type { TelegramOutbox } from "./telegram-outbox.ts";
import { CAPTION_LIMIT, splitText, TEXT_LIMIT, type DeliveryProgress } from "./telegram-text-split.ts";


function markup(message: Outbound): InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | undefined {
  if (message.buttons?.length) {
    return { inline_keyboard: message.buttons.map((row) => row.map((b) => ({ text: b.label, callback_data: b.data }))) };
  }
  if (message.requestLocation) {
    return {
      keyboard: [[{ text: message.requestLocation.label, request_location: true }]],
      one_time_keyboard: true,
      resize_keyboard: true,
    };
  }
  return undefined;
}

/**
 * Renders outbound messages for Telegram. Text is always sent without parse_mode, so whatever a
 * user wrote (a name like "<b>x</b>") reaches others as text, never as markup.
 */
export class TelegramSender implements ChannelSender {
  readonly id = "telegram" as const;

  /** Low-priority messages (a person's own replies) go through it, so a turn never waits for its pacing. */
  private outbox?: TelegramOutbox;

  /** `pacer`, when given, holds every direct send until its slot (rates per chat and overall, by priority). */
  constructor(
    private readonly api: Api,
    private readonly pacer?: Pacer,
  ) {}

  /** From now on low-priority messages are queued in `outbox` and sent by its worker (through `deliver`). */
  useOutbox(outbox: TelegramOutbox): void {
    this.outbox = outbox;
  }

  async remove(chatId: string, messageRef: string): Promise<boolean> {
    return this.api.deleteMessage(chatId, Number(messageRef));
  }

  async send(chatId: string, message: Outbound): Promise<void> {
    if (message.priority === "low" && this.outbox) return this.outbox.enqueue(chatId, message);
    return this.deliver(chatId, message, false);
  }

  /**
   * Sends now, each part after its pacer slot (the first one sent here has its slot taken when `firstSlotTaken`).
   * `progress` resumes a message whose first parts went out before a failure: from `progress.from`, reporting
   * each part sent but the last (a retry then sends only what is missing).
   */
  async deliver(chatId: string, message: Outbound, firstSlotTaken: boolean, progress?: DeliveryProgress): Promise<void> {
    const reply_markup = markup(message);
    const from = progress?.from ?? 0;
    const slot = (i: number) => (i === from && firstSlotTaken ? undefined : this.pacer?.wait(chatId, message.priority ?? "normal"));
    // Too long for one message (or caption): split, the photo carrying the first part, the buttons on the last.
    const parts = message.photo ? splitText(message.text, TEXT_LIMIT, CAPTION_LIMIT) : splitText(message.text, TEXT_LIMIT);
    const last = parts.length - 1;
    try {
      for (const [i, text] of parts.entries()) {
        if (i < from) continue;
        if (i > from) await progress?.sent(i);
        const markupHere = i === last ? { reply_markup } : {};
        await slot(i);
        if (i === 0 && message.photo) {
          await this.api.sendPhoto(chatId, new InputFile(message.photo, "arrival.jpg"), { caption: text, ...markupHere });
        } else {
          await this.api.sendMessage(chatId, text, markupHere);
        }
      }
    } catch (err) {
      if (err instanceof GrammyError && err.error_code === 403) throw new UnreachableError("blocked");
      if (err instanceof GrammyError && err.error_code === 400 && /chat not found/i.test(err.description)) {
        throw new UnreachableError("not_found");
      }
      throw err;
    }
  }
}
