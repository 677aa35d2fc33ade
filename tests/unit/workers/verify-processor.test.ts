/**
 * The verify worker's processor (src/workers/verify-processor.ts): a queued check-in gets its verdict, the family's
 * notify jobs, the trip's end and the traveller's result, each once, whatever the retries.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, test } from "node:test";
import { QUEUE } from "../../../src/queues/names.ts";
import { PhotoRejectedError } from "../../../src/verification/contracts.ts";
import { VerifyProcessor } from "../../../src/workers/verify-processor.ts";
import { ConversationHarness, PARIS, type Chat } from "../../support/conversation-harness.ts";
import { makeJpeg } from "../../support/photos.ts";
import { ScriptedVerifier, VERIFIED_SIGNALS, workerDeps } from "../../support/worker-harness.ts";

const LANDMARK = "paris-gare-du-nord";
const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
const PAIR_WINDOW_MS = 15 * 60_000;
let h: ConversationHarness;
let photo: Buffer;
before(async () => {
  h = await ConversationHarness.start();
  photo = await makeJpeg({ width: 1280, height: 960, seed: "verify-processor" });
});
after(() => h.stop());

/** A traveller on a trip, with one linked contact (or none), who sent a photo and a location: one queued check-in. */
async function queuedCheckin(opts: { contact?: boolean } = {}) {
  const traveller = h.chat();
  await h.onboard(traveller);
  let contact: Chat | undefined;
  if (opts.contact ?? true) {
    contact = h.chat("Samir", "en");
    await h.link(traveller, contact);
  }
  await h.text(traveller, `/trip ${LANDMARK} 1h`);
  await h.photo(traveller, photo);
  await h.location(traveller, PARIS);
  const travellerId = await h.personId(traveller);
  const [checkinId] = await h.app.deps.checkins.idsOf(travellerId);
  assert.ok(checkinId, "the conversation filed a check-in");
  const contactId = contact ? await h.personId(contact) : undefined;
  return { traveller, travellerId, contact, contactId, checkinId };
}

function processor(verifier: ScriptedVerifier): VerifyProcessor {
  return new VerifyProcessor(workerDeps(h, { verifier }), MAX_PHOTO_BYTES, PAIR_WINDOW_MS);
}

async function notifyJobsFor(checkinId: string) {
  return (await h.jobs(QUEUE.notify)).filter((j) => j.checkinId === checkinId);
}

test("verified: verdict and clean photo stored, family queued, trip ended, photo's hash indexed, traveller told once", async () => {
  const { traveller, travellerId, contactId, checkinId } = await queuedCheckin();
  const verifier = new ScriptedVerifier(VERIFIED_SIGNALS, "a1".repeat(32));
  const originalId = (await h.app.deps.checkins.get(checkinId))!.photo.mediaId;

  const sent = await h.during(() => processor(verifier).process({ checkinId }));
  const checkin = (await h.app.deps.checkins.get(checkinId))!;
  assert.equal(checkin.status, "verified");
  assert.equal((await h.app.deps.media.get(checkin.cleanMediaId!))?.toString(), "clean-jpeg", "the re-encoded photo is kept for the family");
  assert.equal(await h.app.deps.media.get(originalId), undefined, "the original photo is deleted");
  assert.deepEqual(await notifyJobsFor(checkinId), [{ checkinId, contactId }]);
  assert.equal((await h.app.deps.trips.get(travellerId))?.status, "arrived");
  assert.equal((await h.app.deps.persons.get(travellerId))?.lastArrival?.landmarkId, LANDMARK);
  assert.deepEqual(await h.app.workerDeps.submissions.findNear(["a1".repeat(32)], 0), { distance: 0 });
  assert.equal(sent.length, 1);
  assert.equal(sent[0]!.to.chatId, traveller.address.chatId);
  assert.ok(sent[0]!.ids.includes("result-verified"), sent[0]!.ids.join());
  assert.equal(sent[0]!.priority, "low", "queued behind the turn's own reply");

  // A retried job: the verdict stands, nothing is verified or told again, the notify job is the same one.
  const again = await h.during(() => processor(verifier).process({ checkinId }));
  assert.deepEqual(again, []);
  assert.equal(verifier.calls.length, 1);
  assert.equal((await notifyJobsFor(checkinId)).length, 1);
});

test("partial with a location: accepted, and an upgrade stays on offer with the photo kept", async () => {
  const { travellerId, checkinId } = await queuedCheckin();
  const verifier = new ScriptedVerifier({ ...VERIFIED_SIGNALS, visual: { status: "no_match", score: 0.1 } });
  const sent = await h.during(() => processor(verifier).process({ checkinId }));
  const checkin = (await h.app.deps.checkins.get(checkinId))!;
  assert.equal(checkin.status, "partial");
  assert.equal(await h.app.deps.checkins.hasUpgrade(travellerId), true);
  assert.ok(await h.app.deps.media.get(checkin.photo.mediaId), "the photo stays for the pairing window");
  assert.equal((await notifyJobsFor(checkinId)).length, 1);
  assert.ok(sent[0]!.ids.includes("result-partial") && sent[0]!.ids.includes("checkin-upgrade-hint"), sent[0]!.ids.join());
});

test("needs attention: the family hears, the trip stays open, the traveller is asked to try again", async () => {
  const { travellerId, checkinId } = await queuedCheckin();
  const verifier = new ScriptedVerifier({ ...VERIFIED_SIGNALS, captureTime: { status: "stale", ageMs: 3 * 3_600_000 } });
  const sent = await h.during(() => processor(verifier).process({ checkinId }));
  assert.equal((await h.app.deps.checkins.get(checkinId))?.status, "needs_attention");
  assert.equal((await notifyJobsFor(checkinId)).length, 1);
  assert.equal((await h.app.deps.trips.get(travellerId))?.status, "active");
  assert.ok(sent[0]!.ids.includes("result-needs-attention") && sent[0]!.ids.includes("result-retry"), sent[0]!.ids.join());
});

test("not verified: nobody else hears, the trip stays open, the photo is deleted", async () => {
  const { travellerId, checkinId } = await queuedCheckin();
  const verifier = new ScriptedVerifier({ ...VERIFIED_SIGNALS, location: { status: "outside", source: "pin", distanceM: 4_000 } });
  const sent = await h.during(() => processor(verifier).process({ checkinId }));
  const checkin = (await h.app.deps.checkins.get(checkinId))!;
  assert.equal(checkin.status, "not_verified");
  assert.equal(await h.app.deps.media.get(checkin.photo.mediaId), undefined);
  assert.deepEqual(await notifyJobsFor(checkinId), []);
  assert.equal((await h.app.deps.trips.get(travellerId))?.status, "active");
  assert.equal(sent.length, 1);
  assert.ok(sent[0]!.ids.includes("result-not-verified"));
});

test("verified with no contacts: the traveller learns nobody was told", async () => {
  const { checkinId } = await queuedCheckin({ contact: false });
  const sent = await h.during(() => processor(new ScriptedVerifier()).process({ checkinId }));
  assert.ok(sent[0]!.ids.includes("result-no-contacts"), sent[0]!.ids.join());
  assert.deepEqual(await notifyJobsFor(checkinId), []);
});

test("a photo the verifier refuses: rejection recorded, photo deleted, reason told", async () => {
  const { checkinId } = await queuedCheckin();
  const sent = await h.during(() => processor(new ScriptedVerifier(new PhotoRejectedError("too_small"))).process({ checkinId }));
  const checkin = (await h.app.deps.checkins.get(checkinId))!;
  assert.equal(checkin.status, "rejected");
  assert.equal(checkin.rejection, "too_small");
  assert.equal(await h.app.deps.media.get(checkin.photo.mediaId), undefined);
  assert.deepEqual([...sent[0]!.ids].sort(), ["photo-too-small", "result-rejected"]);
  assert.deepEqual(await notifyJobsFor(checkinId), []);
});

test("an unexpected failure is thrown for BullMQ to retry; giving up for good tells the traveller and drops the photo", async () => {
  const { checkinId } = await queuedCheckin();
  const proc = processor(new ScriptedVerifier(new Error("matcher thread died")));
  await assert.rejects(h.during(() => proc.process({ checkinId })), /matcher thread died/);
  const queued = (await h.app.deps.checkins.get(checkinId))!;
  assert.equal(queued.status, "queued", "still waiting for the retry");
  assert.ok(await h.app.deps.media.get(queued.photo.mediaId), "the retry still has the photo");

  const sent = await h.during(() => proc.giveUp({ checkinId }));
  assert.equal((await h.app.deps.checkins.get(checkinId))?.rejection, "failed");
  assert.equal(await h.app.deps.media.get(queued.photo.mediaId), undefined);
  assert.deepEqual(sent.map((s) => s.ids), [["error-generic"]]);
  assert.deepEqual(await h.during(() => proc.giveUp({ checkinId })), [], "a decided check-in is left alone");
});

test("a photo that expired before its turn: rejected as expired, the traveller told", async () => {
  const { checkinId } = await queuedCheckin();
  await h.app.deps.media.delete((await h.app.deps.checkins.get(checkinId))!.photo.mediaId);
  const verifier = new ScriptedVerifier();
  const sent = await h.during(() => processor(verifier).process({ checkinId }));
  assert.equal((await h.app.deps.checkins.get(checkinId))?.rejection, "photo_expired");
  assert.deepEqual(sent.map((s) => s.ids), [["photo-expired"]]);
  assert.equal(verifier.calls.length, 0);
});

test("a check-in forgotten meanwhile is nothing to do", async () => {
  const verifier = new ScriptedVerifier();
  assert.deepEqual(await h.during(() => processor(verifier).process({ checkinId: randomUUID() })), []);
  assert.equal(verifier.calls.length, 0);
});

test("a check-in the queue kept waiting is verified without the learned third opinion; one on time may ask it", async () => {
  const late = await queuedCheckin({ contact: false });
  const shedding = new ScriptedVerifier(VERIFIED_SIGNALS);
  await h.during(() => processor(shedding).process({ checkinId: late.checkinId }, { learnedOpinion: false }));
  assert.equal(shedding.calls[0]?.learnedOpinion, false);
  const onTime = await queuedCheckin({ contact: false });
  const full = new ScriptedVerifier(VERIFIED_SIGNALS);
  await h.during(() => processor(full).process({ checkinId: onTime.checkinId }));
  assert.equal(full.calls[0]?.learnedOpinion, undefined, "the verifier's default: every opinion");
});

test("verification load counts the check-ins queued for a verify worker (the learned opinion's shedding reads it)", async () => {
  const before = await h.app.producers.verifyLoad();
  await queuedCheckin({ contact: false });
  assert.equal(await h.app.producers.verifyLoad(), before + 1);
});
