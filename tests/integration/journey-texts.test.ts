/**
 * First-time journey texts on the real conversation core and a real redis-server: the secret and danger
 * words are introduced with their commands, /help lists them, the NGO is named only when there is one,
 * a family member's /language shows no traveller terms, and the demo shows the NGO side.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { App } from "../../src/app.ts";
import { DEMO_NGO_NAME, loadConfig } from "../../src/config.ts";
import { Conversation } from "../../src/conversation/conversation.ts";
import type { Inbound } from "../../src/ports/messaging.ts";
import { startRedis, type RedisServerHandle } from "../support/redis-server.ts";
import { startTestApp } from "../support/test-app.ts";

describe("first-time journey texts", { timeout: 60_000 }, () => {
  let redis: RedisServerHandle;
  let app: App;

  before(async () => {
    redis = await startRedis();
    app = await startTestApp({ redisUrl: redis.url, roles: ["web"] });
  });

  after(async () => {
    await app?.stop();
    await redis?.stop();
  });

  const msg = (chat: string, body: { kind: "text"; text: string } | { kind: "choice"; data: string }): Inbound =>
    ({ from: { channel: "sandbox", chatId: chat }, name: "Amina", at: new Date(), ...body }) as Inbound;
  const texts = async (chat: string) =>
    (await app.sandboxLog.after(chat, 0)).filter((e) => e.dir === "out").map((e) => e.text.replace(/[\u2068\u2069\u200e\u200f]/g, ""));

  async function onboard(conversation: Conversation, chat: string): Promise<void> {
    await conversation.handle(msg(chat, { kind: "text", text: "/start" }));
    await conversation.handle(msg(chat, { kind: "choice", data: "lang:en" }));
    await conversation.handle(msg(chat, { kind: "choice", data: "consent:y" }));
  }

  test("the demo (sandbox only, NGO_NAME unset) has the Demo NGO; a real channel never gets it", () => {
    assert.equal(loadConfig({}).NGO_NAME, DEMO_NGO_NAME);
    assert.equal(loadConfig({ NGO_NAME: "Safe Passage" }).NGO_NAME, "Safe Passage");
    assert.equal(loadConfig({ TELEGRAM_BOT_TOKEN: "123:abc" }).NGO_NAME, undefined);
    assert.equal(loadConfig({ TELEGRAM_BOT_TOKEN: "123:abc", SANDBOX: "on" }).NGO_NAME, undefined);
    assert.equal(loadConfig({ WHATSAPP_ENABLED: "true", APP_KEY: Buffer.alloc(32, 1).toString("base64") }).NGO_NAME, undefined);
    assert.equal(loadConfig({ SANDBOX: "off" }).NGO_NAME, undefined);
    assert.equal(app.config.NGO_NAME, DEMO_NGO_NAME, "the test app is a demo");
  });

  test("demo onboarding asks about the Demo NGO, then introduces /secret and /duress naming it; /help lists both", async () => {
    await onboard(app.conversation, "j-demo");
    await app.conversation.handle(msg("j-demo", { kind: "choice", data: "ngo:y" }));
    const all = await texts("j-demo");
    assert.ok(all.some((t) => /may we also tell Demo NGO/.test(t)), all.join("\n---\n"));
    const intro = all.find((t) => t.startsWith("You can set two words"))!;
    assert.match(intro, /\/secret/);
    assert.match(intro, /\/duress/);
    assert.match(intro, /your family and Demo NGO will know/);
    await app.conversation.handle(msg("j-demo", { kind: "text", text: "/help" }));
    const help = (await texts("j-demo")).at(-1)!;
    assert.match(help, /^\/secret — set your secret word$/m);
    assert.match(help, /^\/duress — set your danger word$/m);
  });

  test("with no NGO configured the words intro names no NGO", async () => {
    const noNgo = new Conversation({ ...app.deps, config: { ...app.deps.config, NGO_NAME: undefined } });
    await onboard(noNgo, "j-none");
    const all = await texts("j-none");
    assert.ok(!all.some((t) => /may we also tell/.test(t)));
    const intro = all.find((t) => t.startsWith("You can set two words"))!;
    assert.match(intro, /your family will know you are not safe/);
    assert.doesNotMatch(intro, /NGO|organisation/i);
  });

  test("a family member's /language shows no traveller consent text", async () => {
    const traveller = await app.deps.persons.touch({ channel: "sandbox", chatId: "j-trav" }, "Amina", new Date());
    const family = await app.deps.persons.touch({ channel: "sandbox", chatId: "j-fam" }, "Yusuf", new Date());
    await app.deps.persons.setLocale(family.id, "en");
    await app.deps.contacts.link(traveller.id, family.id);
    await app.conversation.handle(msg("j-fam", { kind: "text", text: "/language" }));
    await app.conversation.handle(msg("j-fam", { kind: "choice", data: "lang:fr" }));
    const all = await texts("j-fam");
    assert.match(all.at(-1)!, /La langue est maintenant le français/);
    assert.ok(!all.some((t) => /Avant de commencer|Before you start/.test(t)), all.join("\n---\n"));
  });

  test("every line of every outgoing message starts with the reader's direction mark: RLM for Persian, LRM for English", async () => {
    const traveller = await app.deps.persons.touch({ channel: "sandbox", chatId: "j-dir-t" }, "Amina", new Date());
    const family = await app.deps.persons.touch({ channel: "sandbox", chatId: "j-dir-f" }, "Yusuf", new Date());
    await app.deps.persons.setLocale(family.id, "fa");
    await app.deps.persons.setLocale(traveller.id, "en");
    await app.deps.contacts.link(traveller.id, family.id);
    // A Persian message that begins with a Latin name: without the mark, clients lay it out left to right.
    await app.deps.messenger.send(family.address, { text: app.deps.i18n.t("fa", "invite-accepted", { traveller: "Amina" }) + "\nAmina" });
    await app.conversation.handle(msg("j-dir-t", { kind: "text", text: "/help" }));
    const raw = async (chat: string) => (await app.sandboxLog.after(chat, 0)).filter((e) => e.dir === "out").map((e) => e.text);
    const fa = (await raw("j-dir-f")).at(-1)!;
    assert.ok(fa.split("\n").every((line) => line.startsWith("\u200f")), JSON.stringify(fa));
    const en = (await raw("j-dir-t")).at(-1)!;
    assert.ok(en.split("\n").every((line) => line.startsWith("\u200e") && !line.startsWith("\u200e\u200e")), JSON.stringify(en));
  });
});
