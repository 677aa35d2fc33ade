/**
 * The notify worker's processor (src/workers/notify-processor.ts): one family contact hears of one decided
 * check-in, in the contact's language, with the clean photo, at most once; an unreachable contact is not
 * retried and the traveller learns whom the news did not reach.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { UnrecoverableError } from "bullmq";
import { NotifyProcessor } from "../../../src/workers/notify-processor.ts";
import { VerifyProcessor } from "../../../src/workers/verify-processor.ts";
import { jobIds } from "../../../src/ports/jobs.ts";
import type { Signals } from "../../../src/domain/verdict.ts";
import { ConversationHarness, PARIS, type Chat } from "../../support/conversation-harness.ts";
import { makeJpeg } from "../../support/photos.ts";
import { blockingMessenger, ScriptedVerifier, VERIFIED_SIGNALS, workerDeps } from "../../support/worker-harness.ts";

let h: ConversationHarness;
let photo: Buffer;
before(async () => {
  h = await ConversationHarness.start();
  photo = await makeJpeg({ width: 1280, height: 960, seed: "notify-processor" });
});
after(() => h.stop());

/** A traveller and a linked contact (`contactLocale`), and a check-in verified (through the verify processor) with `signals`. */
async function decided(signals: Signals = VERIFIED_SIGNALS, contactLocale = "en") {
  const traveller = h.chat("Amina");
  await h.onboard(traveller);
  const contact: Chat = h.chat("Samir", contactLocale);
  await h.link(traveller, contact);
  await h.text(traveller, "/trip paris-gare-du-nord 1h");
  await h.photo(traveller, photo);
  await h.location(traveller, PARIS);
  const travellerId = await h.personId(traveller);
  const [checkinId] = await h.app.deps.checkins.idsOf(travellerId);
  await new VerifyProcessor(workerDeps(h, { verifier: new ScriptedVerifier(signals) }), 10_000_000, 900_000).process({ checkinId: checkinId! });
  return { traveller, contact, job: { checkinId: checkinId!, contactId: await h.personId(contact) } };
}

test("verified: the contact gets the confirmation with the clean photo and a proof link, once", async () => {
  const { contact, job } = await decided();
  const notifier = new NotifyProcessor(workerDeps(h));
  const sent = await h.during(() => notifier.process(job));
  assert.equal(sent.length, 1);
  assert.equal(sent[0]!.to.chatId, contact.address.chatId);
  assert.ok(sent[0]!.ids.includes("family-arrived"), sent[0]!.ids.join());
  assert.ok(sent[0]!.ids.some((id) => id.startsWith("proof-family-")), "the confirmation can be checked");
  assert.match(sent[0]!.text, /Amina/);
  assert.equal(await h.app.workerDeps.sent.was(jobIds.notify(job)), true);
  assert.deepEqual(await h.during(() => notifier.process(job)), [], "a re-run job sends nothing more");
});

test("the photo is sent when still stored; when gone the contact is told it is unavailable", async () => {
  const { job } = await decided();
  const photos: (Buffer | undefined)[] = [];
  const messenger = { ...h.messenger, send: async (to: Parameters<typeof h.messenger.send>[0], m: Parameters<typeof h.messenger.send>[1]) => { photos.push(m.photo); await h.messenger.send(to, m); } };
  await new NotifyProcessor(workerDeps(h, { messenger })).process(job);
  assert.equal(photos[0]?.toString(), "clean-jpeg");

  const other = await decided();
  await h.app.deps.media.delete((await h.app.deps.checkins.get(other.job.checkinId))!.cleanMediaId!);
  const sent = await h.during(() => new NotifyProcessor(workerDeps(h)).process(other.job));
  assert.ok(sent[0]!.ids.includes("family-photo-unavailable"), sent[0]!.ids.join());
});

test("written in the contact's language, not the traveller's", async () => {
  const { job } = await decided(VERIFIED_SIGNALS, "fr");
  const sent = await h.during(() => new NotifyProcessor(workerDeps(h)).process(job));
  assert.equal(sent.length, 1);
  assert.ok(sent[0]!.text.includes(h.app.deps.i18n.t("fr", "family-details")));
  assert.ok(!sent[0]!.text.includes(h.app.deps.i18n.t("en", "family-details")));
});

test("needs attention: the contact hears what could not be confirmed, without the photo", async () => {
  const { job } = await decided({ ...VERIFIED_SIGNALS, captureTime: { status: "stale", ageMs: 3 * 3_600_000 } });
  const photos: (Buffer | undefined)[] = [];
  const messenger = { ...h.messenger, send: async (to: Parameters<typeof h.messenger.send>[0], m: Parameters<typeof h.messenger.send>[1]) => { photos.push(m.photo); await h.messenger.send(to, m); } };
  const sent = await h.during(() => new NotifyProcessor(workerDeps(h, { messenger })).process(job));
  assert.ok(sent[0]!.ids.includes("family-needs-attention") && sent[0]!.ids.includes("family-photo-withheld"), sent[0]!.ids.join());
  assert.deepEqual(photos, [undefined]);
});

test("not verified: the family is not told", async () => {
  const { job } = await decided({ ...VERIFIED_SIGNALS, location: { status: "outside", source: "pin", distanceM: 5_000 } });
  assert.deepEqual(await h.during(() => new NotifyProcessor(workerDeps(h)).process(job)), []);
});

test("a contact unlinked since the job was queued hears nothing", async () => {
  const { job } = await decided();
  await h.app.deps.contacts.unlink((await h.app.deps.checkins.get(job.checkinId))!.travellerId, job.contactId);
  assert.deepEqual(await h.during(() => new NotifyProcessor(workerDeps(h)).process(job)), []);
});

test("an unreachable contact: not retried, marked, the traveller told once; later jobs skip the contact", async () => {
  const { traveller, contact, job } = await decided();
  const blocked = blockingMessenger(h, (to) => to.chatId === contact.address.chatId);
  const notifier = new NotifyProcessor(workerDeps(h, { messenger: blocked }));
  await assert.rejects(h.during(() => notifier.process(job)), (err: unknown) => err instanceof UnrecoverableError);
  const sent = h.to(traveller).filter((s) => s.ids.includes("contact-blocked"));
  assert.equal(sent.length, 1, "the traveller learns whom the news did not reach");
  assert.match(sent[0]!.text, /Samir/);
  assert.equal(await h.app.deps.contacts.isUnreachable(job.contactId), true);
  assert.equal(await h.app.workerDeps.sent.claim(jobIds.notify(job)), "claimed", "the claim was given back");
  await h.app.workerDeps.sent.release(jobIds.notify(job));

  // Once marked, a further job does not try the chat that refused (it clears when they write).
  const later = await h.during(() => new NotifyProcessor(workerDeps(h)).process(job));
  assert.deepEqual(later, []);
});
