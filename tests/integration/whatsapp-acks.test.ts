/**
 * What happens after a send: WhatsApp refusing a message with an ERROR ack (resent twice at most, then the
 * contact is unreachable and the traveller told once, as for a blocked contact), and a recipient's device
 * asking for a message again (a retry receipt: Baileys' getMessage finds the sent content).
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { proto } from "@whiskeysockets/baileys";
import type { App } from "../../src/app.ts";
import { type FakeWhatsApp, makeWaUser, waText } from "../support/fake-whatsapp.ts";
import type { RedisServerHandle } from "../support/redis-server.ts";
import { linkWa, onboardWa, startWhatsAppHarness, stopWhatsAppHarness } from "../support/whatsapp-harness.ts";

let redis: RedisServerHandle;
let wa: FakeWhatsApp;
let app: App;

before(async () => {
  ({ redis, wa, app } = await startWhatsAppHarness({ WHATSAPP_RESEND_DELAY: "1s" }));
});

after(() => stopWhatsAppHarness({ app, redis }));

test("an ERROR ack: the message is sent again after a delay and arrives once", { timeout: 30_000 }, async () => {
  const user = makeWaUser("Acked");
  await wa.ask(user, () => wa.text(user, "/help"), /./);
  const mark = wa.mark();
  const refusedBefore = wa.rejected.length;
  wa.errorAcks.push("479");
  const at = Date.now();
  await app.deps.messenger.send({ channel: "whatsapp", chatId: user.lid }, { text: "Amina arrived" });
  const got = await wa.expect(user, /Amina arrived/, mark, 10_000);
  assert.equal(wa.rejected.length, refusedBefore + 1, "the first send was refused");
  assert.ok(got.at - at >= 900, `resent after the delay (${got.at - at} ms)`);
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(wa.sentTo(user, mark).length, 1);
});

test("three ERROR acks: the contact is unreachable and the traveller is told once", { timeout: 60_000 }, async () => {
  const traveller = makeWaUser("Amina");
  const family = makeWaUser("Yusuf");
  await onboardWa(wa, traveller);
  await linkWa(wa, traveller, family);

  const mark = wa.mark();
  wa.errorAcks.push("479", "479", "479");
  await app.deps.messenger.send({ channel: "whatsapp", chatId: family.lid }, { text: "Amina arrived" });
  const notice = await wa.expect(traveller, /could not reach .*Yusuf.* on WhatsApp/, mark, 15_000);
  assert.match(waText(notice), /\/contact/);
  assert.equal(wa.sentTo(family, mark).length, 0);
  assert.equal(wa.rejected.filter((r) => r.jid === family.lid).length, 3, "the first send and two resends");
  await assert.rejects(app.deps.messenger.send({ channel: "whatsapp", chatId: family.lid }, { text: "again" }), { name: "UnreachableError" });
  await new Promise((r) => setTimeout(r, 500));
  assert.equal(wa.sentTo(traveller, mark).filter((s) => /could not reach/.test(waText(s))).length, 1, "told once");
});

test("a retry receipt: Baileys' getMessage returns the sent content by message id", { timeout: 30_000 }, async () => {
  const user = makeWaUser("Retry");
  await wa.ask(user, () => wa.text(user, "/help"), /./);
  const mark = wa.mark();
  await app.deps.messenger.send({ channel: "whatsapp", chatId: user.lid }, { text: "please resend me" });
  const sent = await wa.expect(user, /please resend me/, mark);
  // The receipt comes after the recipient's device tried to decrypt (well after sendMessage resolved).
  let message: proto.IMessage | undefined;
  for (let i = 0; i < 50 && !message; i++) {
    await new Promise((r) => setTimeout(r, 20));
    message = await wa.live!.retryReceipt(user.lid, sent.id);
  }
  assert.ok(message, "getMessage found the message");
  const decoded = proto.Message.decode(proto.Message.encode(message).finish());
  // The messenger starts every line with a direction mark (LRM for an English reader).
  assert.equal(decoded.extendedTextMessage?.text, "\u200eplease resend me");
  assert.equal(await wa.live!.retryReceipt(user.lid, "3EB0UNKNOWN"), undefined);
});
