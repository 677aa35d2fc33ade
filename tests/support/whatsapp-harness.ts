/** One app with WhatsApp on the fake socket (bot and worker roles), on its own redis-server, and the usual first steps. */
import type { App } from "../../src/app.ts";
import { choiceNumber, FakeWhatsApp, waText, type FakeWaUser } from "./fake-whatsapp.ts";
import { startRedis, type RedisServerHandle } from "./redis-server.ts";
import { startTestApp } from "./test-app.ts";

export interface WhatsAppHarness {
  redis: RedisServerHandle;
  wa: FakeWhatsApp;
  app: App;
}

/** WhatsApp's pacing is lifted unless `env` sets it: tests talk at machine speed. */
export async function startWhatsAppHarness(env: Record<string, string> = {}): Promise<WhatsAppHarness> {
  const redis = await startRedis();
  const wa = new FakeWhatsApp();
  const app = await startTestApp({
    redisUrl: redis.url,
    roles: ["bot", "worker"],
    whatsappSocket: wa.factory,
    env: { WHATSAPP_RATE_PER_CHAT: "6000", WHATSAPP_RATE_GLOBAL: "60000", ...env },
  });
  while (app.whatsapp!.connection.state !== "open") await new Promise((r) => setTimeout(r, 10));
  return { redis, wa, app };
}

export async function stopWhatsAppHarness(h: Partial<WhatsAppHarness>): Promise<void> {
  await h.app?.stop();
  await h.redis?.stop();
}

/** /start, English, consent. */
export async function onboardWa(wa: FakeWhatsApp, user: FakeWaUser): Promise<void> {
  const picker = await wa.ask(user, () => wa.text(user, "/start"), /Choose your language/);
  const consent = await wa.ask(user, () => wa.text(user, String(choiceNumber(picker, /^English$/))), /What we keep/);
  await wa.ask(user, () => wa.text(user, String(choiceNumber(consent, /I agree/))), /Thank you/);
}

/** The traveller invites `family`, who accepts in English. */
export async function linkWa(wa: FakeWhatsApp, traveller: FakeWaUser, family: FakeWaUser): Promise<void> {
  const invite = await wa.ask(traveller, () => wa.text(traveller, "/contact"), /wa\.me/);
  const code = /text=([A-Za-z0-9_-]+)/.exec(waText(invite))![1]!;
  const picker = await wa.ask(family, () => wa.text(family, code), /Choose your language/);
  const preview = await wa.ask(family, () => wa.text(family, String(choiceNumber(picker, /^English$/))), /wants you as a family contact/);
  const mark = wa.mark();
  wa.text(family, String(choiceNumber(preview, /^Accept$/)));
  // Both sides are told, the family's own reply at low priority (it may go after the traveller's notice): a
  // test that queues ERROR acks next must not have them taken by a reply still on its way.
  await Promise.all([wa.expect(traveller, /is now your family contact/, mark), wa.expect(family, /You will now get arrival messages/, mark)]);
}
