/**
 * The Bot API methods the bot calls, answered as the server answers them (docs for each method; Client.cpp):
 * - sendMessage / editMessageText: 400 "Bad Request: message text is empty", "message is too long" over 4096
 *   characters (counted in UTF-16 code units, never fewer than Telegram's characters); sendPhoto /
 *   sendDocument: "message caption is too long" over 1024 (docs #sendmessage, #sendphoto).
 * - Sending to a blocked chat: 403 "Forbidden: bot was blocked by the user" (Client.cpp USER_IS_BLOCKED);
 *   with strictChats, a chat that never wrote to the bot is 400 "Bad Request: chat not found".
 * - Edits: only the bot's own messages ("message can't be edited"); an edit that changes nothing is 400
 *   "message is not modified" (errors.ts); returned Messages echo only inline keyboards.
 * - callback_data over 64 bytes is 400 "BUTTON_DATA_INVALID" (docs #inlinekeyboardbutton).
 * - An unknown method is 404 "Not Found" as api.telegram.org answers; the self-hosted server (--local) says
 *   "Not Found: method not found" (Client.cpp).
 * - setWebhook / deleteWebhook / getWebhookInfo switch delivery (update-queue.ts); getFile is in files.ts.
 */
import { coerceFormValue } from "./body-parsing.ts";
import type { ChatState } from "./chats.ts";
import { ApiError, badRequest, notModified } from "./errors.ts";
import type { FileStore } from "./files.ts";
import type { FakeBotApiOptions, FakeFile } from "./types.ts";
import type { UpdateQueue } from "./update-queue.ts";

const MAX_TEXT = 4096;
const MAX_CAPTION = 1024;

export class BotMethods {
  constructor(
    private readonly chats: ChatState,
    private readonly files: FileStore,
    private readonly queue: UpdateQueue,
    private readonly opts: FakeBotApiOptions,
  ) {}

  /** The `result` of a successful call; throws an ApiError for Telegram's refusals. */
  dispatch(method: string, p: Record<string, any>): unknown {
    switch (method) {
      case "getMe":
        return {
          ...this.chats.botUser,
          can_join_groups: true,
          can_read_all_group_messages: false,
          supports_inline_queries: false,
          can_connect_to_business: false,
          has_main_web_app: false,
        };
      case "sendMessage": {
        const chatId = this.requireChat(p);
        const text = this.checkText(p.text);
        this.checkMarkup(p.reply_markup);
        return this.storeBotMessage(chatId, {
          text,
          ...(Array.isArray(p.entities) ? { entities: p.entities } : {}),
          ...this.markupField(p.reply_markup),
        });
      }
      case "sendPhoto": {
        const chatId = this.requireChat(p);
        this.checkCaption(p.caption);
        this.checkMarkup(p.reply_markup);
        const photo = this.files.param(p.photo, "photo");
        return this.storeBotMessage(chatId, {
          photo: photo.upload ? this.files.photoSizes(photo.upload.bytes) : this.files.photoSizesFor(photo.file!),
          ...(p.caption !== undefined ? { caption: String(p.caption) } : {}),
          ...this.markupField(p.reply_markup),
        });
      }
      case "sendDocument": {
        const chatId = this.requireChat(p);
        this.checkCaption(p.caption);
        this.checkMarkup(p.reply_markup);
        const doc = this.files.param(p.document, "document");
        let file: FakeFile;
        let fileName: string;
        if (doc.upload) {
          const ext = /\.([A-Za-z0-9]+)$/.exec(doc.upload.filename)?.[1] ?? "dat";
          file = this.files.get(this.files.add(doc.upload.bytes, { dir: "documents", ext }).file_id)!;
          fileName = doc.upload.filename;
        } else {
          file = doc.file!;
          fileName = file.file_path.split("/").pop()!;
        }
        return this.storeBotMessage(chatId, {
          document: { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size, file_name: fileName, mime_type: "application/octet-stream" },
          ...(p.caption !== undefined ? { caption: String(p.caption) } : {}),
          ...this.markupField(p.reply_markup),
        });
      }
      case "editMessageText": {
        if (p.inline_message_id !== undefined) return true;
        const msg = this.editable(p);
        const text = this.checkText(p.text);
        if (msg.text === undefined) throw badRequest("there is no text in the message to edit");
        this.checkMarkup(p.reply_markup);
        const markup = this.markupField(p.reply_markup);
        if (msg.text === text && JSON.stringify(msg.reply_markup) === JSON.stringify(markup.reply_markup)) throw notModified();
        msg.text = text;
        if (Array.isArray(p.entities)) msg.entities = p.entities;
        else delete msg.entities;
        if (markup.reply_markup) msg.reply_markup = markup.reply_markup;
        else delete msg.reply_markup;
        msg.edit_date = this.chats.nowSec();
        return { ...msg };
      }
      case "editMessageReplyMarkup": {
        if (p.inline_message_id !== undefined) return true;
        const msg = this.editable(p);
        this.checkMarkup(p.reply_markup);
        const markup = this.markupField(p.reply_markup);
        if (JSON.stringify(msg.reply_markup) === JSON.stringify(markup.reply_markup)) throw notModified();
        if (markup.reply_markup) msg.reply_markup = markup.reply_markup;
        else delete msg.reply_markup;
        msg.edit_date = this.chats.nowSec();
        return { ...msg };
      }
      case "deleteMessage": {
        const chatId = this.requireChat(p);
        const key = `${chatId}:${p.message_id}`;
        if (!this.chats.messages.has(key)) throw badRequest("message to delete not found");
        this.chats.messages.delete(key);
        return true;
      }
      case "answerCallbackQuery": {
        if (p.callback_query_id === undefined) throw badRequest("query_id is empty");
        if (p.text !== undefined && String(p.text).length > 200) throw badRequest("MESSAGE_TOO_LONG");
        return true;
      }
      case "sendChatAction":
        this.requireChat(p);
        return true;
      case "setMyCommands":
      case "deleteMyCommands":
      case "setMyDescription":
      case "setMyShortDescription":
      case "setChatMenuButton":
        return true;
      case "getMyCommands":
        return [];
      case "setWebhook": {
        const url = p.url === undefined ? "" : String(p.url);
        if (url === "") this.queue.deleteWebhook(false);
        else this.queue.setWebhook({ url, ...(p.secret_token !== undefined ? { secret_token: String(p.secret_token) } : {}) }, p.drop_pending_updates === true);
        return true;
      }
      case "deleteWebhook":
        this.queue.deleteWebhook(p.drop_pending_updates === true);
        return true;
      case "getWebhookInfo":
        return { url: this.queue.webhookUrl, has_custom_certificate: false, pending_update_count: this.queue.pending };
      case "getFile":
        return this.files.getFile(p);
      default:
        throw new ApiError(404, this.opts.local ? "Not Found: method not found" : "Not Found");
    }
  }

  private checkText(raw: unknown): string {
    const text = raw === undefined || raw === null ? "" : String(raw);
    if (text.trim() === "") throw badRequest("message text is empty");
    if (text.length > MAX_TEXT) throw badRequest("message is too long");
    return text;
  }

  private requireChat(p: Record<string, any>): number | string {
    const raw = p.chat_id;
    if (raw === undefined || raw === null || raw === "") throw badRequest("chat_id is empty");
    const chatId = typeof raw === "string" && /^-?\d+$/.test(raw) ? Number(raw) : (raw as number | string);
    if (this.chats.blocked.has(String(chatId))) throw new ApiError(403, "Forbidden: bot was blocked by the user");
    if (this.opts.strictChats && (typeof chatId !== "number" || !this.chats.users.has(chatId))) throw badRequest("chat not found");
    return chatId;
  }

  private editable(p: Record<string, any>): Record<string, any> {
    const chatId = this.requireChat(p);
    if (p.message_id === undefined) throw badRequest("message identifier is not specified");
    const msg = this.chats.messages.get(`${chatId}:${p.message_id}`);
    if (!msg) throw badRequest("message to edit not found");
    if (msg.from?.id !== this.chats.botId) throw badRequest("message can't be edited");
    return msg;
  }

  private checkCaption(caption: unknown): void {
    if (caption !== undefined && String(caption).length > MAX_CAPTION) throw badRequest("message caption is too long");
  }

  /** Telegram refuses callback_data over 64 bytes; catching that here saves a production surprise. */
  private checkMarkup(markup: unknown): void {
    const m = typeof markup === "string" ? (coerceFormValue("reply_markup", markup) as unknown) : markup;
    if (m === undefined || m === null) return;
    if (typeof m !== "object") throw badRequest("can't parse reply keyboard markup JSON object");
    const rows = (m as { inline_keyboard?: unknown }).inline_keyboard;
    if (rows === undefined) return;
    if (!Array.isArray(rows)) throw badRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array");
    for (const row of rows) {
      if (!Array.isArray(row)) throw badRequest("field \"inline_keyboard\" of the InlineKeyboardMarkup must be an Array of Arrays");
      for (const b of row as Array<Record<string, unknown>>) {
        if (typeof b.text !== "string" || b.text === "") throw badRequest("text buttons are unallowed in the inline keyboard");
        if (b.callback_data !== undefined && Buffer.byteLength(String(b.callback_data)) > 64) throw badRequest("BUTTON_DATA_INVALID");
      }
    }
  }

  /** Only inline keyboards are echoed back in the returned Message, as Telegram does. */
  private markupField(markup: unknown): { reply_markup?: unknown } {
    const m = typeof markup === "string" ? coerceFormValue("reply_markup", markup) : markup;
    if (m && typeof m === "object" && "inline_keyboard" in m) {
      const rows = (m as { inline_keyboard: unknown[] }).inline_keyboard;
      if (rows.length > 0) return { reply_markup: { inline_keyboard: rows } };
    }
    return {};
  }

  private storeBotMessage(chatId: number | string, content: Record<string, any>): Record<string, any> {
    const message: Record<string, any> = {
      message_id: this.chats.nextMessageId++,
      from: this.chats.botUser,
      chat: this.chats.chatOf(chatId),
      date: this.chats.nowSec(),
      ...content,
    };
    this.chats.messages.set(`${chatId}:${message.message_id}`, message);
    return { ...message };
  }
}
