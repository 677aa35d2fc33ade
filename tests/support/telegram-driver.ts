import type { FakeBotApi, FakeUser, RecordedCall } from "./fake-bot-api.ts";

/**
 * Fluent wraps variables in bidi isolation marks (FSI/PDI) and the messenger starts each line with the
 * reader's direction mark (LRM/RLM): right for users, noise for regexes.
 */
export function plain(text: string): string {
  return text.replace(/[\u2068\u2069\u200e\u200f]/g, "");
}

export function textOf(c: RecordedCall): string {
  return plain(String(c.params.text ?? c.params.caption ?? ""));
}

export function buttonsOf(c: RecordedCall): { text: string; callback_data?: string }[] {
  const markup = typeof c.params.reply_markup === "string" ? JSON.parse(c.params.reply_markup) : c.params.reply_markup;
  return (markup?.inline_keyboard ?? []).flat();
}

/** Drives users through a fake Bot API and waits for what the bot sends them. */
export class TelegramDriver {
  constructor(readonly fake: FakeBotApi) {}

  /** Waits for a message to the user, sent (successfully) after `mark`, whose text matches. */
  expect(user: FakeUser, pattern: RegExp, mark: number, timeoutMs = 10_000): Promise<RecordedCall> {
    return this.fake.waitForCall(
      (c) =>
        c.seq > mark &&
        c.outcome === "ok" &&
        (c.method === "sendMessage" || c.method === "sendPhoto") &&
        String(c.params.chat_id) === String(user.id) &&
        pattern.test(textOf(c)),
      timeoutMs,
    );
  }

  /** Sends something and waits for the answer matching `pattern`. */
  async ask(user: FakeUser, send: () => unknown, pattern: RegExp, timeoutMs?: number): Promise<RecordedCall> {
    const mark = this.fake.mark();
    send();
    return this.expect(user, pattern, mark, timeoutMs);
  }

  /** Everything sent to the user after `mark`. */
  sentAfter(user: FakeUser, mark: number): RecordedCall[] {
    return this.fake.sentTo(user.id).filter((c) => c.seq > mark);
  }

  /** /start, English, consent accepted. */
  async onboard(user: FakeUser): Promise<void> {
    await this.ask(user, () => this.fake.text(user, "/start"), /Choose your language/);
    await this.ask(user, () => this.fake.callback(user, "lang:en"), /What we keep/);
    await this.ask(user, () => this.fake.callback(user, "consent:y"), /Thank you/);
  }

  /** Traveller invites, contact accepts; returns the invite code. */
  async link(traveller: FakeUser, contact: FakeUser): Promise<string> {
    const invite = await this.ask(traveller, () => this.fake.text(traveller, "/contact"), /start=/);
    const code = /start=([A-Za-z0-9_-]+)/.exec(textOf(invite))![1]!;
    await this.ask(contact, () => this.fake.text(contact, `/start ${code}`), /wants you as a family contact/);
    await this.ask(contact, () => this.fake.callback(contact, `inv:y:${code}`), /You will now get/);
    return code;
  }
}
