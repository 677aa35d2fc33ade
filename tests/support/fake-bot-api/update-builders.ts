/**
 * Updates from users, shaped as Telegram sends them (docs #update, #message):
 * - a command's text carries a bot_command entity at offset 0 (docs #messageentity);
 * - a photo comes as PhotoSize entries, largest last (files.ts); a document carries file_name and mime_type;
 * - a venue also carries a top-level `location` (docs #venue), so handlers that read message.location see it;
 * - forwarded messages carry `forward_origin` (a "user", or "hidden_user" when the author hides their account;
 *   docs #messageorigin) and the older forward_from / forward_date / forward_sender_name fields;
 * - messages sent through an inline bot carry `via_bot`;
 * - a live location's updates come as edited_message with edit_date (docs #location, live_period);
 * - a button press is a callback_query with the message that carried the keyboard (docs #callbackquery).
 */
import type { CallLog } from "./calls.ts";
import type { ChatState } from "./chats.ts";
import type { FileStore } from "./files.ts";
import type { BuiltUpdate, FakeUser, ForwardSpec } from "./types.ts";
import type { UpdateQueue } from "./update-queue.ts";

type Forwarded = boolean | ForwardSpec | undefined;

/** A location message as a test describes it; `viaBot`: username of an inline bot it was sent through (via_bot). */
export interface LocationSpec {
  latitude: number;
  longitude: number;
  horizontal_accuracy?: number;
  live_period?: number;
  heading?: number;
  forwarded?: boolean | ForwardSpec;
  date?: number;
  viaBot?: string;
}

export class UpdateBuilders {
  private nextCallbackId = 1;

  constructor(
    private readonly chats: ChatState,
    private readonly files: FileStore,
    private readonly queue: UpdateQueue,
    private readonly log: CallLog,
  ) {}

  text(from: FakeUser, text: string, opts: { date?: number; forwarded?: boolean | ForwardSpec }): BuiltUpdate {
    const extra: Record<string, any> = { text };
    const cmd = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text);
    if (cmd) extra.entities = [{ type: "bot_command", offset: 0, length: cmd[0].length }];
    return this.pushMessage(from, extra, opts);
  }

  photo(
    from: FakeUser,
    bytes: Buffer,
    opts: { forwarded?: boolean | ForwardSpec; caption?: string; date?: number; width?: number; height?: number; viaBot?: string },
  ): BuiltUpdate {
    const extra: Record<string, any> = { photo: this.files.photoSizes(bytes, opts.width, opts.height) };
    if (opts.caption !== undefined) extra.caption = opts.caption;
    return this.pushMessage(from, extra, opts);
  }

  document(
    from: FakeUser,
    bytes: Buffer,
    opts: { fileName: string; mimeType: string; forwarded?: boolean | ForwardSpec; caption?: string; date?: number; size?: number },
  ): BuiltUpdate {
    const ext = /\.([A-Za-z0-9]+)$/.exec(opts.fileName)?.[1] ?? "dat";
    const f = this.files.add(bytes, { dir: "documents", ext, ...(opts.size !== undefined ? { size: opts.size } : {}) });
    const extra: Record<string, any> = {
      document: { file_id: f.file_id, file_unique_id: f.file_unique_id, file_size: f.file_size, file_name: opts.fileName, mime_type: opts.mimeType },
    };
    if (opts.caption !== undefined) extra.caption = opts.caption;
    return this.pushMessage(from, extra, opts);
  }

  location(from: FakeUser, loc: LocationSpec): BuiltUpdate {
    const { forwarded, date, viaBot, ...location } = loc;
    return this.pushMessage(from, { location }, { forwarded, date, viaBot });
  }

  venue(
    from: FakeUser,
    v: { latitude: number; longitude: number; title: string; address: string; google_place_id?: string; foursquare_id?: string; forwarded?: boolean | ForwardSpec; date?: number },
  ): BuiltUpdate {
    const { forwarded, date, latitude, longitude, ...rest } = v;
    // Telegram sends a venue with a duplicate top-level location, which is why
    // handlers that only look at message.location also see venues.
    return this.pushMessage(from, { venue: { location: { latitude, longitude }, ...rest }, location: { latitude, longitude } }, { forwarded, date });
  }

  editedLiveLocation(
    from: FakeUser,
    messageId: number,
    loc: { latitude: number; longitude: number; horizontal_accuracy?: number; heading?: number; live_period?: number; edit_date?: number },
  ): BuiltUpdate {
    const key = `${from.id}:${messageId}`;
    const original = this.chats.messages.get(key);
    const { edit_date, ...location } = loc;
    const livePeriod = location.live_period ?? original?.location?.live_period;
    const message: Record<string, any> = {
      ...(original ?? { message_id: messageId, from: this.chats.userObject(from), chat: this.chats.chatOf(from.id), date: this.chats.nowSec() }),
      location: { ...location, ...(livePeriod !== undefined ? { live_period: livePeriod } : {}) },
      edit_date: edit_date ?? this.chats.nowSec(),
    };
    this.chats.messages.set(key, message);
    const update: Record<string, any> = { edited_message: message };
    const update_id = this.queue.push(update);
    return { update, update_id, message_id: messageId };
  }

  callback(from: FakeUser, data: string, message?: Record<string, any> | number): BuiltUpdate & { callback_query_id: string } {
    this.chats.users.set(from.id, from);
    let msg: Record<string, any> | undefined;
    if (typeof message === "number") msg = this.chats.messages.get(`${from.id}:${message}`);
    else if (message) msg = message;
    else {
      const last = this.log.sentTo(from.id).at(-1);
      const result = last?.response as Record<string, any> | undefined;
      if (result?.message_id !== undefined) msg = this.chats.messages.get(`${from.id}:${result.message_id}`) ?? result;
    }
    msg ??= {
      message_id: typeof message === "number" ? message : this.chats.nextMessageId++,
      from: this.chats.botUser,
      chat: this.chats.chatOf(from.id),
      date: this.chats.nowSec(),
      text: "(keyboard)",
    };
    const callback_query_id = String(9_000_000_000 + this.nextCallbackId++);
    const update: Record<string, any> = {
      callback_query: {
        id: callback_query_id,
        from: this.chats.userObject(from),
        message: msg,
        chat_instance: `-${from.id}77`,
        data,
      },
    };
    const update_id = this.queue.push(update);
    return { update, update_id, message_id: msg.message_id as number, callback_query_id };
  }

  private pushMessage(from: FakeUser, content: Record<string, any>, opts: { forwarded?: Forwarded; date?: number | undefined; viaBot?: string | undefined }): BuiltUpdate {
    this.chats.users.set(from.id, from);
    const message: Record<string, any> = {
      message_id: this.chats.nextMessageId++,
      from: this.chats.userObject(from),
      chat: this.chats.chatOf(from.id),
      date: opts.date ?? this.chats.nowSec(),
    };
    if (opts.forwarded) Object.assign(message, this.forwardFields(opts.forwarded === true ? {} : opts.forwarded));
    // Sent through an inline bot: Message.via_bot is that bot's User (core.telegram.org/bots/api#message).
    if (opts.viaBot) message.via_bot = { id: 888_000_001, is_bot: true, first_name: opts.viaBot, username: opts.viaBot };
    Object.assign(message, content);
    this.chats.messages.set(`${from.id}:${message.message_id}`, message);
    const update: Record<string, any> = { message };
    const update_id = this.queue.push(update);
    return { update, update_id, message_id: message.message_id as number };
  }

  private forwardFields(spec: ForwardSpec): Record<string, any> {
    const date = spec.date ?? this.chats.nowSec() - 3600;
    if (spec.hidden) {
      return { forward_origin: { type: "hidden_user", sender_user_name: spec.sender?.first_name ?? "Someone Else", date }, forward_date: date, forward_sender_name: spec.sender?.first_name ?? "Someone Else" };
    }
    const sender = this.chats.userObject(spec.sender ?? { id: 777_000_001, first_name: "Someone", last_name: "Else" });
    return { forward_origin: { type: "user", sender_user: sender, date }, forward_from: sender, forward_date: date };
  }
}
