/**
 * Messages over Telegram's limits (4096 characters of text, 1024 of caption), sent through grammY to the fake,
 * which refuses longer ones with the Bot API's 400s: they are split and all delivered, never rejected.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { Bot } from "grammy";
import { TelegramSender } from "../../src/channels/telegram/telegram-sender.ts";
import { makeUser, startFakeBotApi, type FakeBotApi } from "../support/fake-bot-api.ts";
import { makeJpeg } from "../support/photos.ts";
import { buttonsOf, textOf } from "../support/telegram-driver.ts";

let fake: FakeBotApi;
let sender: TelegramSender;

before(async () => {
  fake = await startFakeBotApi();
  sender = new TelegramSender(new Bot(fake.token, { client: { apiRoot: fake.apiRoot } }).api);
});

after(() => fake.close());

const words = (s: string) => s.replace(/[\u2068\u2069]/g, "").split(/\s+/).filter(Boolean);

/** Paragraphs of Fluent-style text: isolated names, emoji (surrogate pairs), right-to-left script. */
function longText(paragraphs: number): string {
  return Array.from(
    { length: paragraphs },
    (_, i) => `${i}. \u2068Amina Yusuf\u2069 arrived at \u2068Rome Termini Station\u2069 😀 وصلت بسلام ${"details ".repeat(30)}`,
  ).join("\n\n");
}

test("a text over 4096 characters is split into messages Telegram accepts, in order, buttons on the last", async () => {
  const user = makeUser();
  const text = longText(40);
  assert.ok(text.length > 4096 * 2);
  const mark = fake.mark();
  await sender.send(String(user.id), { text, buttons: [[{ label: "OK", data: "ok" }]] });
  const sent = fake.calls("sendMessage").filter((c) => c.seq > mark);
  assert.ok(sent.length >= 3, `${sent.length} parts`);
  assert.ok(sent.every((c) => c.outcome === "ok"), "every part accepted by the fake's 4096 limit");
  assert.deepEqual(words(sent.map(textOf).join("\n")), words(text));
  assert.deepEqual(sent.map((c) => buttonsOf(c).length), [...sent.slice(1).map(() => 0), 1]);
});

test("a caption over 1024 characters: the photo carries the first part, follow-up texts the rest", async () => {
  const user = makeUser();
  const text = longText(8);
  assert.ok(text.length > 1024);
  const mark = fake.mark();
  await sender.send(String(user.id), { text, photo: await makeJpeg({ width: 640, height: 480, seed: "caption" }), buttons: [[{ label: "OK", data: "ok" }]] });
  const sent = fake.calls().filter((c) => c.seq > mark && (c.method === "sendPhoto" || c.method === "sendMessage"));
  assert.equal(sent[0]!.method, "sendPhoto");
  assert.ok(String(sent[0]!.params.caption).length <= 1024 && String(sent[0]!.params.caption).length > 500, "the caption is a real first part");
  assert.ok(sent.length >= 2 && sent.slice(1).every((c) => c.method === "sendMessage"));
  assert.ok(sent.every((c) => c.outcome === "ok"));
  assert.deepEqual(words(sent.map(textOf).join("\n")), words(text));
  assert.equal(buttonsOf(sent.at(-1)!).length, 1);
  assert.equal(buttonsOf(sent[0]!).length, 0);
});
