/**
 * What the fake knows about chats: the users who wrote to the bot, every message by `${chatId}:${messageId}`
 * (so edits, deletes and button presses refer to real earlier messages), blocked chats, and the User and Chat
 * objects as Telegram shapes them (docs #user, #chat: a private chat carries the user's names; optional fields
 * are absent, not null). Message dates follow the test's clock when one is given.
 */
import type { FakeBotApiOptions, FakeUser } from "./types.ts";

export class ChatState {
  readonly users = new Map<number, FakeUser>();
  /** Messages keyed by `${chatId}:${messageId}`, so edits/deletes/callbacks can find them. */
  readonly messages = new Map<string, Record<string, any>>();
  readonly blocked = new Set<string>();
  nextMessageId = 100;

  constructor(
    readonly token: string,
    readonly username: string,
    private readonly now: FakeBotApiOptions["now"],
  ) {}

  /** The bot's own id, taken from the token like Telegram does. */
  get botId(): number {
    const n = Number(this.token.split(":")[0]);
    return Number.isFinite(n) ? n : 1;
  }

  get botUser(): Record<string, any> {
    return { id: this.botId, is_bot: true, first_name: "SafeArrival Test", username: this.username };
  }

  userObject(u: FakeUser): Record<string, any> {
    return { id: u.id, is_bot: false, first_name: u.first_name, ...(u.last_name ? { last_name: u.last_name } : {}), ...(u.username ? { username: u.username } : {}), ...(u.language_code ? { language_code: u.language_code } : {}) };
  }

  chatOf(chatId: number | string): Record<string, any> {
    const u = typeof chatId === "number" ? this.users.get(chatId) : undefined;
    return {
      id: chatId,
      type: "private",
      first_name: u?.first_name ?? "User",
      ...(u?.last_name ? { last_name: u.last_name } : {}),
      ...(u?.username ? { username: u.username } : {}),
    };
  }

  nowSec(): number {
    return Math.floor((this.now?.() ?? Date.now()) / 1000);
  }
}
