/**
 * The families' photo check in the verify worker (src/workers/photo-check-processor.ts): the asker gets what can
 * be said about the photo, in the language they were answered in, and the photo is deleted whatever happens.
 */
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { after, before, test } from "node:test";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { DEMO_CATALOG_DIR } from "../../../src/landmarks/demo-catalog.ts";
import { NotEvaluatedMatcher } from "../../../src/verification/not-evaluated-matcher.ts";
import { PhotoChecker } from "../../../src/verification/photo-check.ts";
import { PhotoCheckProcessor } from "../../../src/workers/photo-check-processor.ts";
import type { PhotoCheckJob } from "../../../src/ports/jobs.ts";
import { ConversationHarness } from "../../support/conversation-harness.ts";
import { makeJpeg, notAnImage } from "../../support/photos.ts";
import { workerDeps } from "../../support/worker-harness.ts";

const MAX_PHOTO_BYTES = 10 * 1024 * 1024;
let h: ConversationHarness;
let photo: Buffer;
before(async () => {
  h = await ConversationHarness.start();
  photo = await makeJpeg({ width: 1280, height: 960, seed: "photo-check-processor" });
});
after(() => h.stop());

/**
 * The real PhotoChecker on the real catalog, with a matcher that does not look at pixels: the app's threaded
 * feature matcher takes many seconds to start and has tests of its own (tests/unit/verification/thread/); known
 * pictures are still found by their hashes.
 */
function processor(): PhotoCheckProcessor {
  const { config } = h.app;
  const checker = new PhotoChecker({
    matcher: new NotEvaluatedMatcher(),
    landmarks: h.app.deps.landmarks,
    limits: { maxBytes: MAX_PHOTO_BYTES, maxPixels: config.MAX_PHOTO_PIXELS, minSide: config.MIN_PHOTO_SIDE },
    freshnessMs: config.PHOTO_FRESHNESS,
  });
  return new PhotoCheckProcessor(workerDeps(h), checker, MAX_PHOTO_BYTES);
}

/** Someone who asked to check `bytes` (stored as the conversation stores it), and their job. */
async function asked(bytes: Buffer, locale: PhotoCheckJob["locale"] = "en") {
  const chat = h.chat("Samir");
  await h.onboard(chat, locale);
  const mediaId = await h.app.deps.media.put(bytes, randomUUID());
  const job: PhotoCheckJob = { requesterId: await h.personId(chat), mediaId, asFile: false, receivedAt: Date.now(), locale };
  return { chat, job };
}

test("a photo is checked: the asker gets the findings and the photo is gone", async () => {
  const { chat, job } = await asked(photo);
  const sent = await h.during(() => processor().process(job));
  assert.equal(sent.length, 1);
  assert.equal(sent[0]!.to.chatId, chat.address.chatId);
  assert.ok(sent[0]!.ids.includes("photocheck-header"), sent[0]!.ids.join());
  assert.ok(sent[0]!.ids.includes("photocheck-not-known"), "a made-up scene is no known picture");
  assert.equal(await h.app.deps.media.get(job.mediaId), undefined);
});

test("a catalog reference photo is named as a known picture of its landmark", async () => {
  const { job } = await asked(await readFile(path.join(DEMO_CATALOG_DIR, "paris-gare-du-nord", "ref", "view-1.jpg")));
  const [answer] = await h.during(() => processor().process(job));
  assert.ok(answer!.ids.includes("photocheck-known-reference"), answer!.ids.join());
  assert.match(answer!.text, /Gare du Nord/);
});

test("answered in the job's language", async () => {
  const { job } = await asked(photo, "fr");
  const [answer] = await h.during(() => processor().process(job));
  assert.ok(answer!.text.startsWith(h.app.deps.i18n.t("fr", "photocheck-header")), answer!.text);
});

test("an unreadable photo: the reason, and the photo deleted", async () => {
  const { job } = await asked(notAnImage());
  const sent = await h.during(() => processor().process(job));
  assert.deepEqual(sent.map((s) => s.ids), [["photo-unreadable"]]);
  assert.equal(await h.app.deps.media.get(job.mediaId), undefined);
});

test("a photo that expired before its turn: the asker is told to send it again", async () => {
  const { job } = await asked(photo);
  await h.app.deps.media.delete(job.mediaId);
  assert.deepEqual((await h.during(() => processor().process(job))).map((s) => s.ids), [["photocheck-expired"]]);
});

test("an asker forgotten meanwhile: the photo is deleted, nothing sent", async () => {
  const mediaId = await h.app.deps.media.put(photo, randomUUID());
  const job: PhotoCheckJob = { requesterId: randomUUID(), mediaId, asFile: false, receivedAt: Date.now(), locale: "en" };
  assert.deepEqual(await h.during(() => processor().process(job)), []);
  assert.equal(await h.app.deps.media.get(mediaId), undefined);
});

test("giving up for good: the photo is deleted and the asker told to try again", async () => {
  const { job } = await asked(photo);
  const sent = await h.during(() => processor().giveUp(job));
  assert.deepEqual(sent.map((s) => s.ids), [["error-generic"]]);
  assert.equal(await h.app.deps.media.get(job.mediaId), undefined);
});
