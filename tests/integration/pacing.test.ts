/**
 * Outbound pacing on Telegram: the configured messages per second per chat and overall hold across
 * processes (the pacer lives in Redis), and an NGO alert goes out before family confirmations that are
 * still waiting when it is queued.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import type { App, Role } from "../../src/app.ts";
import { ngoAlertId } from "../../src/domain/ngo-alert.ts";
import { makeUser, type FakeBotApi, type FakeUser, type RecordedCall } from "../support/fake-bot-api.ts";
import { makeJpeg } from "../support/photos.ts";
import { TelegramDriver, textOf } from "../support/telegram-driver.ts";
import { TelegramAppGroup } from "../support/telegram-harness.ts";

const SYNTAGMA = { lat: 37.9755, lon: 23.7355 };
const DUTY_CHAT = -100_555;
/**
 * Each call is timed where the fake Bot API receives it, a few ms after its slot was granted (the grant's
 * reply, then the HTTP request): two sends a full window apart may arrive a little closer. The windows
 * checked are this much shorter than a second, and must still hold no more than the limit.
 */
const JITTER_MS = 50;

let fake: FakeBotApi;

let group: TelegramAppGroup;

before(async () => {
  group = await TelegramAppGroup.start();
  ({ fake } = group);
});

after(() => group?.stop());

const app = (roles: Role[], env: Record<string, string>, shared?: App): Promise<App> => group.app(roles, env, shared);

/** The largest number of calls within any window of `windowMs` (half-open, starting at a call). */
function busiestWindow(calls: readonly RecordedCall[], windowMs: number): number {
  const at = calls.map((c) => c.at).sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < at.length; i++) {
    while (j < at.length && at[j]! < at[i]! + windowMs) j++;
    best = Math.max(best, j - i);
  }
  return best;
}

const sends = (since: number) => fake.calls().filter((c) => c.seq > since && (c.method === "sendMessage" || c.method === "sendPhoto") && c.outcome === "ok");

test("60 messages to 3 chats from two processes: never more than the per-chat and global rates in any second", { timeout: 40_000 }, async () => {
  const PER_CHAT = 4;
  const GLOBAL = 10;
  const env = { TELEGRAM_RATE_PER_CHAT: String(PER_CHAT), TELEGRAM_RATE_GLOBAL: String(GLOBAL) };
  const one = await app([], env);
  const two = await app([], env, one);
  // Uneven on purpose: chat A alone needs about 7.5 s (per-chat bound), all 60 about 6 s (global bound).
  const chats = [...Array(30).fill(700_001), ...Array(20).fill(700_002), ...Array(10).fill(700_003)] as number[];
  const mark = fake.mark();
  const started = Date.now();
  await Promise.all(
    chats.map((chat, i) => (i % 2 ? one : two).deps.messenger.send({ channel: "telegram", chatId: String(chat) }, { text: `burst ${i}` })),
  );
  const took = Date.now() - started;
  const calls = sends(mark);
  assert.equal(calls.length, 60, "every message went out");

  // Per chat the window can be shorter still and keep its power: a pacer one over the limit sends PER_CHAT + 1
  // in 800 ms (4 x 250 -> 5 x 200), inside 850 with 50 ms to spare, while a correct one's 5th send needs 1 s
  // and survives 150 ms of arrival jitter (seen once at 50 when the machine was loaded beside the suite).
  const chatWindowMs = (PER_CHAT * 1_000) / (PER_CHAT + 1) + JITTER_MS;
  for (const chat of new Set(chats)) {
    const toChat = calls.filter((c) => String(c.params.chat_id) === String(chat));
    assert.ok(busiestWindow(toChat, chatWindowMs) <= PER_CHAT, `chat ${chat}: at most ${PER_CHAT} in any second (saw ${busiestWindow(toChat, chatWindowMs)})`);
  }
  assert.ok(busiestWindow(calls, 1_000 - JITTER_MS) <= GLOBAL, `at most ${GLOBAL} in any second overall (saw ${busiestWindow(calls, 1_000 - JITTER_MS)})`);
  // Chat A's 30 messages, a quarter second apart, need 29 × 250 ms; not much more either.
  assert.ok(took >= 7_250 - JITTER_MS, `paced, not bursted (${took} ms)`);
  assert.ok(took < 7_250 + 1_500, `no slower than the limits require (${took} ms)`);
});

test("an NGO alert queued behind family confirmations is sent before the ones still waiting", { timeout: 60_000 }, async () => {
  // Setting up (onboarding, invites) goes through a fast bot process; the worker paces at 2 messages a second.
  const bot = await app(["bot"], { TELEGRAM_RATE_PER_CHAT: "50", TELEGRAM_RATE_GLOBAL: "200" });
  const driver = new TelegramDriver(fake);
  const traveller = makeUser({ first_name: "Samir" });
  const family: FakeUser[] = Array.from({ length: 8 }, (_, i) => makeUser({ first_name: `Fam${i}` }));
  await driver.onboard(traveller);
  for (const f of family) await driver.link(traveller, f);
  await driver.ask(traveller, () => fake.text(traveller, "/trip athens-syntagma-square 2h"), /Trip saved/);
  const photo = await makeJpeg({
    width: 1280,
    height: 960,
    seed: "pacing-priority",
    exif: { dateTimeOriginal: new Date(Date.now() - 5 * 60_000), offset: "+00:00", make: "PhoneCo", gps: SYNTAGMA },
  });
  await driver.ask(traveller, () => fake.document(traveller, photo, { fileName: "arrival.jpg", mimeType: "image/jpeg" }), /Now send your location/);

  const worker = await app(
    ["worker"],
    { TELEGRAM_RATE_PER_CHAT: "1", TELEGRAM_RATE_GLOBAL: "2", NGO_NAME: "Safe Passage", NGO_DUTY_CHAT: `telegram:${DUTY_CHAT}` },
    bot,
  );
  const mark = fake.mark();
  fake.location(traveller, { latitude: SYNTAGMA.lat, longitude: SYNTAGMA.lon, horizontal_accuracy: 15 });
  const isConfirmation = (c: RecordedCall) => /Not fully confirmed: .?Samir/s.test(textOf(c));
  // Eight confirmations at 2 a second take 4 s: the first one out means the others are queued or in line.
  await fake.waitForCall((c) => c.seq > mark && c.outcome === "ok" && isConfirmation(c), 20_000);

  const alertId = ngoAlertId(randomUUID(), "missed");
  await worker.workerDeps.ngoAlerts.open({
    id: alertId,
    kind: "missed",
    landmarkId: "athens-syntagma-square",
    deadline: new Date(),
    language: "en",
    channel: "telegram",
    createdAt: new Date(),
  });
  const queuedSeq = fake.mark();
  await worker.producers.ngo([{ alertId, event: "opened", target: "chat" }]);
  const ngo = await fake.waitForCall((c) => c.seq > mark && c.outcome === "ok" && String(c.params.chat_id) === String(DUTY_CHAT), 20_000);
  for (const f of family) await driver.expect(f, /Not fully confirmed: .?Samir/s, mark, 20_000);

  const confirmations = sends(mark).filter(isConfirmation);
  assert.equal(confirmations.length, family.length, "one confirmation per family contact");
  const before = confirmations.filter((c) => c.seq < ngo.seq);
  const after = confirmations.filter((c) => c.seq > ngo.seq);
  const overtaking = confirmations.filter((c) => c.seq > queuedSeq && c.seq < ngo.seq);
  // At most one slot may have been granted between queueing the alert and its first ask for a slot.
  assert.ok(overtaking.length <= 1, `confirmations sent after the alert was queued but before it: ${overtaking.length}`);
  assert.ok(after.length >= family.length - before.length - 1 && after.length >= 3, `the alert went ahead of the waiting confirmations (${before.length} before, ${after.length} after)`);
  assert.ok(ngo.at - confirmations[0]!.at < 2_000, "the alert did not wait for the family queue to drain");
});
