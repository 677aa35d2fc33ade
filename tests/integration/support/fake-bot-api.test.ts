import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { test } from "node:test";
import { run } from "@grammyjs/runner";
import { Bot, GrammyError, HttpError, InlineKeyboard, InputFile } from "grammy";
import { makeUser, parseMultipart, startFakeBotApi, telegramErrors, type FakeBotApi, type UploadedFile } from "../../support/fake-bot-api.ts";

function newBot(fake: FakeBotApi, timeoutSeconds = 10): Bot {
  return new Bot(fake.token, { client: { apiRoot: fake.apiRoot, timeoutSeconds } });
}

async function withFake(fn: (fake: FakeBotApi) => Promise<void>): Promise<void> {
  const fake = await startFakeBotApi();
  try {
    await fn(fake);
  } finally {
    await fake.close();
  }
}

const PHOTO = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 37 + 11) & 0xff));

test("grammY long polling receives a pushed text; replies and uploads are recorded intact", () =>
  withFake(async (fake) => {
    const bot = newBot(fake);
    bot.command("start", (ctx) => ctx.reply("welcome"));
    bot.on("message:text", async (ctx) => {
      await ctx.reply(`echo: ${ctx.message.text}`, { reply_markup: new InlineKeyboard().text("OK", "ok:1") });
      await ctx.replyWithPhoto(new InputFile(PHOTO), { caption: "proof" });
      await ctx.replyWithPhoto(new InputFile(PHOTO, "my landmark.jpg"));
    });
    const stopped = bot.start({ timeout: 1 });
    try {
      const alice = makeUser({ first_name: "Alice" });
      const start = fake.text(alice, "/start");
      assert.deepEqual(start.update.message.entities, [{ type: "bot_command", offset: 0, length: 6 }]);
      await fake.waitForCall((c) => c.method === "sendMessage" && c.params.text === "welcome");

      fake.text(alice, "hello there");
      await fake.waitForCall((c) => c.method === "sendPhoto" && c.outcome === "ok" && (c.params.photo as UploadedFile).filename === "my landmark.jpg");

      const sent = fake.sentTo(alice.id);
      assert.deepEqual(sent.map((c) => c.method), ["sendMessage", "sendMessage", "sendPhoto", "sendPhoto"]);
      assert.equal(sent[1]!.params.chat_id, alice.id);
      assert.deepEqual(sent[1]!.params.reply_markup, { inline_keyboard: [[{ text: "OK", callback_data: "ok:1" }]] });
      const photoCall = sent[2]!;
      assert.equal(photoCall.params.chat_id, alice.id, "form fields are coerced like Telegram does");
      assert.equal(photoCall.params.caption, "proof");
      const upload = photoCall.params.photo as UploadedFile;
      assert.equal(upload.filename, "photo.jpg");
      assert.ok(upload.bytes.equals(PHOTO), "uploaded bytes arrive unchanged");
      const result = photoCall.response as { photo: Array<{ file_id: string }>; chat: { id: number; first_name: string } };
      assert.equal(result.chat.id, alice.id);
      assert.equal(result.chat.first_name, "Alice");
      assert.ok(fake.fileBytes(result.photo.at(-1)!.file_id)!.equals(PHOTO));
      assert.equal(fake.lastTextTo(alice.id), undefined, "the last message is a captionless photo");
      assert.equal(fake.sentTo(alice.id)[2]!.params.caption, "proof");
    } finally {
      await bot.stop();
      await stopped;
    }
    // bot.stop() confirms the handled updates with a final offset.
    assert.equal(fake.pendingUpdates(), 0);
  }));

test("callbacks, edits and location builders look like Telegram's", () =>
  withFake(async (fake) => {
    const bot = newBot(fake);
    const seen: unknown[] = [];
    bot.command("go", (ctx) => ctx.reply("choose", { reply_markup: new InlineKeyboard().text("Yes", "yes") }));
    bot.on("callback_query:data", async (ctx) => {
      await ctx.answerCallbackQuery({ text: "noted" });
      await ctx.editMessageText(`you chose ${ctx.callbackQuery.data}`);
    });
    bot.on("message:location", (ctx) => {
      seen.push({ live: ctx.message.location.live_period, venue: ctx.message.venue?.title, fwd: ctx.message.forward_origin?.type });
    });
    bot.on("edited_message:location", (ctx) => {
      seen.push({ edited: ctx.editedMessage.location.latitude });
    });
    bot.on("message:photo", (ctx) => {
      seen.push({ photoSizes: ctx.message.photo.length, fwd: ctx.message.forward_origin?.type });
    });
    bot.on("message:document", (ctx) => {
      seen.push({ doc: ctx.message.document.file_name, mime: ctx.message.document.mime_type });
    });
    const stopped = bot.start({ timeout: 1 });
    try {
      const bob = makeUser();
      fake.text(bob, "/go");
      const menu = await fake.waitForCall("sendMessage");
      const menuId = (menu.response as { message_id: number }).message_id;

      const cb = fake.callback(bob, "yes");
      assert.equal(cb.message_id, menuId, "defaults to the latest message the bot sent");
      await fake.waitForCall((c) => c.method === "editMessageText" && c.outcome === "ok");
      assert.equal(fake.calls("answerCallbackQuery")[0]!.params.callback_query_id, cb.callback_query_id);
      assert.equal(fake.message(bob.id, menuId)!.text, "you chose yes");
      assert.equal(fake.message(bob.id, menuId)!.reply_markup, undefined);

      const live = fake.location(bob, { latitude: 41.9, longitude: 12.5, live_period: 900, horizontal_accuracy: 20 });
      fake.editedLiveLocation(bob, live.message_id, { latitude: 41.901, longitude: 12.501 });
      fake.venue(bob, { latitude: 41.89, longitude: 12.49, title: "Colosseo", address: "Piazza del Colosseo" });
      fake.location(bob, { latitude: 1, longitude: 2, forwarded: true });
      const jpeg = Buffer.alloc(64);
      fake.photo(bob, jpeg, { forwarded: true, width: 1600, height: 1200 });
      fake.document(bob, jpeg, { fileName: "IMG_0001.JPG", mimeType: "image/jpeg" });
      const mark = fake.mark();
      fake.text(bob, "/go");
      await fake.waitForCall((c) => c.seq > mark && c.method === "sendMessage");
      assert.deepEqual(seen, [
        { live: 900, venue: undefined, fwd: undefined },
        { edited: 41.901 },
        { live: undefined, venue: "Colosseo", fwd: undefined },
        { live: undefined, venue: undefined, fwd: "user" },
        { photoSizes: 4, fwd: "user" },
        { doc: "IMG_0001.JPG", mime: "image/jpeg" },
      ]);
    } finally {
      await bot.stop();
      await stopped;
    }
  }));

test("editing to identical content fails like Telegram", () =>
  withFake(async (fake) => {
    const bot = newBot(fake);
    const alice = makeUser();
    const msg = await bot.api.sendMessage(alice.id, "same");
    await assert.rejects(bot.api.editMessageText(alice.id, msg.message_id, "same"), (e: unknown) => {
      assert.ok(e instanceof GrammyError);
      assert.match(e.description, /message is not modified/);
      return true;
    });
    await assert.rejects(bot.api.editMessageText(alice.id, 999_999, "x"), /message to edit not found/);
    await assert.rejects(
      bot.api.sendMessage(alice.id, "x", { reply_markup: new InlineKeyboard().text("b", "d".repeat(65)) }),
      /BUTTON_DATA_INVALID/,
    );
  }));

test("getFile + download returns the bytes; files over 20 MB are refused", () =>
  withFake(async (fake) => {
    const bot = newBot(fake);
    const bytes = Buffer.from("pretend this is a jpeg");
    const { file_id } = fake.addFile(bytes);
    const file = await bot.api.getFile(file_id);
    assert.equal(file.file_size, bytes.length);
    assert.ok(file.file_path);
    const res = await fetch(`${fake.apiRoot}/file/bot${fake.token}/${file.file_path}`);
    assert.equal(res.status, 200);
    assert.ok(Buffer.from(await res.arrayBuffer()).equals(bytes));

    const big = fake.addFile(Buffer.alloc(10), { size: 25 * 1024 * 1024 });
    await assert.rejects(bot.api.getFile(big.file_id), (e: unknown) => {
      assert.ok(e instanceof GrammyError);
      assert.equal(e.error_code, 400);
      assert.equal(e.description, "Bad Request: file is too big");
      return true;
    });
    assert.equal((await fetch(`${fake.apiRoot}/file/bot${fake.token}/photos/nope.jpg`)).status, 404);
  }));

test("failNext: 429 reaches grammY with retry_after, then calls succeed again", () =>
  withFake(async (fake) => {
    const bot = newBot(fake);
    fake.failNext("sendMessage", telegramErrors.tooManyRequests(7));
    await assert.rejects(bot.api.sendMessage(42, "hi"), (e: unknown) => {
      assert.ok(e instanceof GrammyError);
      assert.equal(e.error_code, 429);
      assert.equal(e.parameters.retry_after, 7);
      return true;
    });
    assert.equal((await bot.api.sendMessage(42, "hi")).text, "hi");
    assert.deepEqual(fake.sentTo(42).map((c) => c.params.text), ["hi"], "the refused call is not counted as sent");
    assert.equal(fake.calls("sendMessage")[0]!.outcome, "error");
  }));

test("failNext: 403 blocked, 400 chat not found, 500, count and wildcard", () =>
  withFake(async (fake) => {
    const bot = newBot(fake);
    fake.failNext("sendMessage", telegramErrors.blocked());
    await assert.rejects(bot.api.sendMessage(1, "x"), /bot was blocked by the user/);
    fake.failNext("sendPhoto", telegramErrors.chatNotFound());
    await assert.rejects(bot.api.sendPhoto(1, new InputFile(PHOTO)), /chat not found/);
    fake.failNext("*", telegramErrors.internal(), 2);
    await assert.rejects(bot.api.sendMessage(1, "x"), (e: unknown) => e instanceof GrammyError && e.error_code === 500);
    await assert.rejects(bot.api.setMyCommands([{ command: "a", description: "b" }]), (e: unknown) => e instanceof GrammyError);
    assert.equal((await bot.api.sendMessage(1, "x")).text, "x");
    fake.block(5);
    await assert.rejects(bot.api.sendMessage(5, "x"), (e: unknown) => e instanceof GrammyError && e.error_code === 403);
    fake.block(5, false);
    await bot.api.sendMessage(5, "x");
  }));

test("failNext timeout: grammY gives up with HttpError and close() ends the hanging request", async () => {
  const fake = await startFakeBotApi();
  const bot = newBot(fake, 1);
  fake.failNext("sendMessage", "timeout");
  const t0 = Date.now();
  await assert.rejects(bot.api.sendMessage(1, "x"), (e: unknown) => e instanceof HttpError);
  assert.ok(Date.now() - t0 < 3000);

  fake.failNext("sendMessage", "timeout");
  const hanging = fetch(`${fake.apiRoot}/bot${fake.token}/sendMessage`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ chat_id: 1, text: "x" }),
  }).then(
    () => "answered",
    () => "cut",
  );
  await fake.waitForCall((c) => c.outcome === "timeout" && c.seq > 1);
  const t1 = Date.now();
  await fake.close();
  assert.equal(await hanging, "cut");
  assert.ok(Date.now() - t1 < 1000, "close() does not wait for hanging requests");
});

test("close() is prompt while a long poll is open", async () => {
  const fake = await startFakeBotApi({ longPollCapMs: 30_000 });
  const poll = fetch(`${fake.apiRoot}/bot${fake.token}/getUpdates?timeout=30`).then(
    () => "answered",
    () => "cut",
  );
  await fake.waitForCall("getUpdates");
  const t0 = Date.now();
  await fake.close();
  assert.equal(await poll, "cut");
  assert.ok(Date.now() - t0 < 1000);
});

test("getUpdates honours offset and wakes a waiting poll on push", () =>
  withFake(async (fake) => {
    const bot = newBot(fake);
    const u = makeUser();
    const a = fake.text(u, "a");
    const b = fake.text(u, "b");
    assert.deepEqual((await bot.api.getUpdates({ offset: 0, timeout: 0 })).map((x) => x.update_id), [a.update_id, b.update_id]);
    assert.deepEqual((await bot.api.getUpdates({ offset: b.update_id, timeout: 0 })).map((x) => x.update_id), [b.update_id]);
    assert.equal(fake.pendingUpdates(), 1, "updates before the offset are confirmed and dropped");
    const waiting = bot.api.getUpdates({ offset: b.update_id + 1, timeout: 1 });
    await fake.waitForCall((c) => c.method === "getUpdates" && c.params.offset === b.update_id + 1);
    const t0 = Date.now();
    const c = fake.text(u, "c");
    const got = await waiting;
    assert.deepEqual(got.map((x) => x.update_id), [c.update_id]);
    assert.ok(Date.now() - t0 < 500, "the poll is answered as soon as an update arrives");
  }));

test("@grammyjs/runner works against the fake", () =>
  withFake(async (fake) => {
    const bot = newBot(fake);
    bot.on("message:text", (ctx) => ctx.reply(ctx.message.text.toUpperCase()));
    const handle = run(bot, { runner: { fetch: { timeout: 1 } } });
    try {
      const u = makeUser();
      fake.text(u, "ping");
      await fake.waitForCall((c) => c.method === "sendMessage" && c.params.text === "PING");
    } finally {
      await handle.stop();
    }
  }));

test("setWebhook: pushed updates are POSTed with the secret header; getUpdates then conflicts", () =>
  withFake(async (fake) => {
    const received: Array<{ secret: string | undefined; body: any }> = [];
    const server = http.createServer((req, res) => {
      let data = "";
      req.on("data", (d: Buffer) => (data += d.toString()));
      req.on("end", () => {
        received.push({ secret: req.headers["x-telegram-bot-api-secret-token"] as string | undefined, body: JSON.parse(data) });
        res.end("ok");
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    try {
      const bot = newBot(fake);
      const port = (server.address() as AddressInfo).port;
      await bot.api.setWebhook(`http://127.0.0.1:${port}/hook`, { secret_token: "s3cret" });
      const u = makeUser();
      const { update_id } = fake.text(u, "via webhook");
      for (let i = 0; i < 100 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      assert.equal(received[0]?.secret, "s3cret");
      assert.equal(received[0]?.body.update_id, update_id);
      await assert.rejects(bot.api.getUpdates(), (e: unknown) => e instanceof GrammyError && e.error_code === 409);
      await bot.api.deleteWebhook();
      assert.deepEqual(await bot.api.getUpdates({ timeout: 0 }), []);
    } finally {
      server.close();
      server.closeAllConnections();
    }
  }));

test("parseMultipart accepts quoted and unquoted parameters", () => {
  const b = "XyZ";
  const body = Buffer.concat([
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="chat_id"\r\n\r\n12\r\n`),
    Buffer.from(`--${b}\r\ncontent-disposition:form-data;name="doc";filename=a b.jpg\r\ncontent-type:image/jpeg\r\n\r\n`),
    Buffer.from([0, 13, 10, 255]),
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  const { fields, files } = parseMultipart(body, `multipart/form-data; boundary="${b}"`);
  assert.equal(fields.get("chat_id"), "12");
  assert.equal(files.get("doc")!.filename, "a b.jpg");
  assert.deepEqual([...files.get("doc")!.bytes], [0, 13, 10, 255]);
});
