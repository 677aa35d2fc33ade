import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import type { App } from "../../src/app.ts";
import { signWebhook } from "../../src/workers/ngo-processor.ts";
import { DeadlineTimers } from "../../src/store/deadline-timers.ts";
import { makeUser, startFakeBotApi, type FakeBotApi, type FakeUser } from "../support/fake-bot-api.ts";
import { makeJpeg } from "../support/photos.ts";
import { startRedis, type RedisServerHandle } from "../support/redis-server.ts";
import { TelegramDriver, textOf } from "../support/telegram-driver.ts";
import { startTestApp } from "../support/test-app.ts";

const ATHENS = { latitude: 37.9755, longitude: 23.7355 };
const DUTY_CHAT = -100777;

let redis: RedisServerHandle;
let fake: FakeBotApi;
let app: App;
let bot: TelegramDriver;
let hooks: { headers: http.IncomingHttpHeaders; body: string }[] = [];
let hookServer: http.Server;

before(async () => {
  redis = await startRedis();
  fake = await startFakeBotApi();
  hookServer = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      hooks.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => hookServer.listen(0, "127.0.0.1", r));
  app = await startTestApp({
    redisUrl: redis.url,
    telegram: { apiRoot: fake.apiRoot, token: fake.token },
    env: {
      ESCALATION_GRACE: "2s",
      RECONCILE_INTERVAL: "1h",
      NGO_NAME: "Safe Passage",
      NGO_DUTY_CHAT: `telegram:${DUTY_CHAT}`,
      NGO_WEBHOOK_URL: `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/hook`,
      NGO_WEBHOOK_SECRET: "s3cret-for-tests",
    },
  });
  bot = new TelegramDriver(fake);
});

after(async () => {
  await app?.stop();
  await fake?.close();
  await redis?.stop();
  hookServer?.close();
});

/** Onboards a traveller who consents to the NGO and sets both words. */
async function traveller(name: string, opts: { ngo?: boolean } = {}): Promise<FakeUser> {
  const t = makeUser({ first_name: name });
  await bot.ask(t, () => fake.text(t, "/start"), /Choose your language/);
  await bot.ask(t, () => fake.callback(t, "lang:en"), /What we keep/);
  await bot.ask(t, () => fake.callback(t, "consent:y"), /may we also tell .*Safe Passage/);
  await bot.ask(t, () => fake.callback(t, opts.ngo === false ? "ngo:n" : "ngo:y"), /You can set two words/);
  await bot.ask(t, () => fake.text(t, "/secret tulip7"), /secret word is saved/);
  await bot.ask(t, () => fake.text(t, "/duress orange9"), /danger word is saved/);
  return t;
}


describe("missed check-ins", () => {
  test("reminder at the deadline, then family and NGO after the grace period, then a false-alarm correction", { timeout: 60_000 }, async () => {
    const t = await traveller("Hamid");
    const mother = makeUser({ first_name: "Mother" });
    await bot.link(t, mother);
    hooks = [];
    const mark = fake.mark();
    await bot.ask(t, () => fake.text(t, "/trip athens-syntagma-square 3s"), /Trip saved/);
    const planned = Date.now();

    const reminder = await bot.expect(t, /Are you safe\?/, mark, 10_000);
    const reminderDelay = reminder.at - (planned + 3_000);
    assert.ok(reminderDelay < 5_000, `reminder ${reminderDelay} ms after the deadline`);
    assert.match(JSON.stringify(reminder.params.reply_markup), /rem:s.*rem:t/);
    assert.equal(bot.sentAfter(mother, mark).length, 0, "family is not alerted before the grace period");

    const alert = await bot.expect(mother, /Hamid planned to arrive at .*Syntagma.* and has not checked in/, mark, 10_000);
    assert.ok(alert.at - reminder.at >= 1_500, "grace period between reminder and family alert");
    const duty = await fake.waitForCall((c) => c.seq > mark && String(c.params.chat_id) === String(DUTY_CHAT) && /Alert/.test(textOf(c)), 10_000);
    assert.match(textOf(duty), /did not check in at Syntagma/);
    assert.doesNotMatch(textOf(duty), /Hamid/, "the NGO duty chat gets no name");

    // The signed webhook: HMAC-SHA256 over "timestamp.body".
    const deadline = Date.now() + 10_000;
    while (hooks.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const hook = hooks[0]!;
    assert.ok(hook, "webhook delivered");
    const ts = Number(hook.headers["x-safearrival-timestamp"]);
    assert.equal(hook.headers["x-safearrival-signature"], signWebhook("s3cret-for-tests", ts, hook.body));
    assert.equal(JSON.parse(hook.body).event, "opened");
    assert.doesNotMatch(hook.body, /Hamid/, "no name in the webhook");
    // Syntagma is at 37.9755, 23.7348; ISO timestamps are left out of this check (a deadline at hh:mm:23.7xx s
    // would match it).
    const untimed = JSON.stringify(Object.values(JSON.parse(hook.body) as Record<string, unknown>).filter((v) => !(typeof v === "string" && /^\d{4}-\d\d-\d\dT/.test(v))));
    assert.doesNotMatch(untimed, /37\.9|23\.7/, "no coordinates in the webhook");

    // Extending after escalation needs the secret word.
    await bot.ask(t, () => fake.text(t, "/extend 1h"), /Alerts have started/);

    // A verified arrival after the alert: everyone alerted gets the correction.
    const m2 = fake.mark();
    fake.photo(t, await makeJpeg({ width: 1280, height: 960, seed: "late-arrival" }));
    fake.location(t, ATHENS);
    await bot.expect(mother, /False alarm: Hamid arrived at .*Syntagma/, m2, 15_000);
    await fake.waitForCall((c) => c.seq > m2 && String(c.params.chat_id) === String(DUTY_CHAT) && /is closed/.test(textOf(c)), 10_000);
    const alertId = JSON.parse(hook.body).id as string;
    const stored = await app.workerDeps.ngoAlerts.get(alertId);
    assert.equal(stored?.status, "resolved");
    const events = (await app.workerDeps.ngoAlerts.timeline(alertId)).map((e) => e.event);
    assert.ok(events.includes("notified:family"), `who was notified: ${events.join(" ")}`);
    assert.ok(events.some((e) => e.startsWith("checkin:partial:") && e.includes("+location_within")), `the later check-in: ${events.join(" ")}`);
    assert.ok(events.includes("arrived"));
    assert.equal(bot.sentAfter(mother, mark).filter((c) => /has not checked in/.test(textOf(c))).length, 1, "one alert, no duplicate");
  });

  test("a traveller who did not consent to the NGO: family only", { timeout: 30_000 }, async () => {
    const t = await traveller("Leila", { ngo: false });
    const sister = makeUser({ first_name: "Sister" });
    await bot.link(t, sister);
    const mark = fake.mark();
    await bot.ask(t, () => fake.text(t, "/trip athens-syntagma-square 2s"), /Trip saved/);
    await bot.expect(sister, /Leila planned to arrive/, mark, 15_000);
    await new Promise((r) => setTimeout(r, 500));
    const duty = fake.calls().filter((c) => c.seq > mark && String(c.params.chat_id) === String(DUTY_CHAT));
    assert.equal(duty.length, 0, "no NGO alert without consent");
  });

  test("\"I am safe\" and \"I need more time\" answer the reminder", { timeout: 30_000 }, async () => {
    const t = await traveller("Sami");
    const brother = makeUser({ first_name: "Brother" });
    await bot.link(t, brother);
    let mark = fake.mark();
    await bot.ask(t, () => fake.text(t, "/trip athens-syntagma-square 2s"), /Trip saved/);
    await bot.expect(t, /Are you safe\?/, mark, 10_000);
    await bot.ask(t, () => fake.callback(t, "rem:t"), /OK\. Your new time is/);
    const trip = await app.deps.trips.get((await app.conversation.person({ from: { channel: "telegram", chatId: String(t.id) } }))!.id);
    assert.equal(trip?.stage, 0, "a new deadline restarts the ladder");
    assert.ok(trip!.deadline.getTime() > Date.now() + 50 * 60_000);

    mark = fake.mark();
    await bot.ask(t, () => fake.text(t, "/trip athens-syntagma-square 2s"), /Trip saved/);
    await bot.expect(t, /Are you safe\?/, mark, 10_000);
    await bot.ask(t, () => fake.callback(t, "rem:s"), /Thank you\. When you can, check in/);
    await new Promise((r) => setTimeout(r, 3_000));
    assert.equal(bot.sentAfter(brother, mark).length, 0, "no alert after \"I am safe\"");
  });

  test("/extend is capped at 24 h past the original deadline", async () => {
    const t = await traveller("Nadia");
    await bot.ask(t, () => fake.text(t, "/trip athens-syntagma-square 2h"), /Trip saved/);
    await bot.ask(t, () => fake.text(t, "/extend 20h"), /Your new time to arrive is/);
    await bot.ask(t, () => fake.text(t, "/extend 5h"), /cannot move the time later than/);
    await bot.ask(t, () => fake.text(t, "/extend soon"), /Type \/extend and a time/);
    await bot.ask(t, () => fake.text(t, "/cancel"), /send \/cancel and your secret word/);
    await bot.ask(t, () => fake.text(t, "/cancel tulip7"), /Your trip is ended/);
  });
});

describe("duress", () => {
  test("the traveller sees exactly a normal check-in; the family is warned and the NGO alerted", { timeout: 60_000 }, async () => {
    const normal = await traveller("Amir");
    const coerced = await traveller("Amir");
    const f1 = makeUser({ first_name: "Family1" });
    const f2 = makeUser({ first_name: "Family2" });
    await bot.link(normal, f1);
    await bot.link(coerced, f2);

    const transcript = async (t: FakeUser, word: string, seed: string): Promise<string[]> => {
      const mark = fake.mark();
      await bot.ask(t, () => fake.text(t, "/trip athens-syntagma-square 2h"), /Trip saved/);
      await bot.ask(t, () => fake.text(t, `/checkin ${word}`), /When you arrive/);
      await bot.ask(t, () => fake.photo(t, Buffer.alloc(0)), /not a photo I can read/);
      await bot.ask(t, async () => fake.photo(t, await makeJpeg({ width: 1280, height: 960, seed })), /Now send your location/);
      await bot.ask(t, () => fake.location(t, ATHENS), /checking your photo/);
      await bot.expect(t, /Check-in accepted/, mark, 15_000);
      await bot.ask(t, () => fake.text(t, "/status"), /Trip:/);
      return bot.sentAfter(t, mark).map((c) => JSON.stringify({ method: c.method, text: withoutClock(c.params.text), markup: c.params.reply_markup }));
    };
    // The two check-ins run seconds apart, so a minute can turn between them (CI saw "11:45 AM" against
    // "11:46 AM"): each formatted date and time (an isolated argument holding h:mm) is compared as a
    // placeholder; every other byte still has to match.
    const withoutClock = (text: unknown): unknown =>
      typeof text === "string" ? text.replace(/\u2068[^\u2069]*\d:\d\d[^\u2069]*\u2069/g, "\u2068<date and time>\u2069") : text;
    const m0 = fake.mark();
    const a = await transcript(normal, "tulip7", "duress-a");
    const b = await transcript(coerced, "orange9", "duress-b");
    assert.equal(a.filter((m) => m.includes("<date and time>")).length, 2, "the trip's deadline and arrival time were masked, nothing else");
    assert.deepEqual(b, a, "byte-for-byte the same messages for the traveller");

    const warned = await bot.expect(f2, /do NOT treat this as a safe arrival/, m0, 15_000);
    assert.match(textOf(warned), /Safe Passage has been told/);
    assert.equal(bot.sentAfter(f2, m0).filter((c) => /Not fully confirmed/.test(textOf(c)) && !/NOT treat/.test(textOf(c))).length, 0);
    await bot.expect(f1, /Not fully confirmed: .?Amir/, m0, 15_000);
    await fake.waitForCall((c) => c.seq > m0 && String(c.params.chat_id) === String(DUTY_CHAT) && /URGENT/.test(textOf(c)), 10_000);
    // The secret-word and duress-word messages were deleted from the chat.
    const deleted = fake.calls("deleteMessage").filter((c) => String(c.params.chat_id) === String(coerced.id));
    assert.ok(deleted.length >= 3, "the messages carrying words are deleted");
  });

  test("cancelling with the duress word looks like a normal cancel", { timeout: 30_000 }, async () => {
    const t = await traveller("Rana");
    const f = makeUser({ first_name: "Cousin" });
    await bot.link(t, f);
    await bot.ask(t, () => fake.text(t, "/trip athens-syntagma-square 2h"), /Trip saved/);
    const mark = fake.mark();
    const reply = await bot.ask(t, () => fake.text(t, "/cancel orange9"), /Your trip is ended/);
    assert.equal(textOf(reply), "Your trip is ended.");
    await bot.expect(f, /do NOT treat this as a safe arrival/, mark, 10_000);
    await bot.ask(t, () => fake.text(t, "/status"), /You have no trip/);
  });
});

describe("deadlines are never lost", () => {
  test("the reconciler re-creates a deleted deadline timer, and running it twice changes nothing", async () => {
    const t = await traveller("Yosef");
    await bot.ask(t, () => fake.text(t, "/trip athens-syntagma-square 2h"), /Trip saved/);
    const id = (await app.conversation.person({ from: { channel: "telegram", chatId: String(t.id) } }))!.id;
    const trip = (await app.deps.trips.get(id))!;
    const job = { travellerId: id, tripId: trip.id, deadline: trip.deadline.getTime() };
    assert.deepEqual(await app.timers.scheduled([job]), [true], "scheduled at planning");
    await app.timers.cancel(job);
    assert.deepEqual(await app.timers.scheduled([job]), [false]);
    const reconciler = app.workers!.reconciler;
    const first = await reconciler.run();
    assert.ok(first.recreated >= 1);
    assert.equal(Number(await app.redis.zscore(app.keys.deadlinesDue(), DeadlineTimers.memberOf(job))), job.deadline, "re-created, at the deadline");
    const second = await reconciler.run();
    assert.equal(second.recreated, 0, "idempotent");
    assert.equal(second.retried, 0);
  });

  test("1,000 randomised arrival-vs-escalation races all end consistent", { timeout: 120_000 }, async () => {
    const trips = app.deps.trips;
    const contactId = "00000000-0000-4000-8000-000000000001";
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat(3), fc.nat(3), fc.nat(3), async (dArrive, dFire, dClaim) => {
        const travellerId = `race-${n++}`;
        const now = new Date();
        const trip = await trips.create(travellerId, "athens-syntagma-square", now, now);
        const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
        const [arrival, fired, claimed] = await Promise.all([
          wait(dArrive).then(() => trips.finish(travellerId, trip.id, new Date(), "arrived")),
          wait(dFire).then(() => trips.fireStage(travellerId, trip.id, trip.deadline, 0, true)),
          wait(dClaim).then(() => trips.claimAlert(travellerId, trip.id, contactId)),
        ]);
        const final = (await trips.get(travellerId))!;
        // The arrival always wins the trip; an alert claimed before it is always in its correction list.
        assert.equal(arrival.ok, true);
        assert.equal(final.status, "arrived");
        if (claimed) assert.ok(arrival.ok && arrival.alerted.includes(contactId), "a claimed alert is corrected");
        if (arrival.ok && arrival.alerted.includes(contactId)) assert.ok(claimed);
        assert.equal(final.stage, fired ? 1 : 0);
        await trips.delete(travellerId);
      }),
      { numRuns: 1_000 },
    );
  });
});
