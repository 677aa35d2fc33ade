/**
 * The matcher in worker threads gives the same signals as in process, and fails cleanly when a thread
 * dies, a match wedges or the matcher closes.
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { readdirSync, readFileSync } from "node:fs";
import type { Landmark } from "../../../../src/domain/landmark.ts";
import { loadCatalogSource, type MemoryReferenceSource } from "../../../../src/landmarks/reference-source.ts";
import { decodePhoto } from "../../../../src/verification/decode.ts";
import { FeatureMatcher, type ReferenceSource } from "../../../../src/verification/visual/matcher.ts";
import { ThreadedMatcher } from "../../../../src/verification/visual/thread/threaded-matcher.ts";
import { EVAL_DIR } from "../fixtures.ts";

const LANDMARKS = path.join(EVAL_DIR, "landmarks");
const file = (id: string, kind: "query" | "ref", i = 0) => {
  const dir = path.join(LANDMARKS, id, kind);
  return path.join(dir, readdirSync(dir).sort()[i]!);
};

let source: MemoryReferenceSource;
let threaded: ThreadedMatcher;

before(async () => {
  source = await loadCatalogSource(LANDMARKS);
  threaded = new ThreadedMatcher({ source, threads: 2 });
});

after(() => threaded.close());

const landmark = (id: string): Landmark => source.stored(id)!.landmark;

test("same signals as the in-process matcher: a match, another landmark, a copy of a reference", async () => {
  const inProcess = new FeatureMatcher({ source });
  const cases: Array<[string, Landmark]> = [
    [file("sacre-coeur", "query"), landmark("sacre-coeur")],
    [file("tower-bridge", "query"), landmark("piazza-san-marco")],
    [file("sacre-coeur", "ref"), landmark("sacre-coeur")],
  ];
  for (const [f, lm] of cases) {
    const photo = await decodePhoto(readFileSync(f));
    assert.deepEqual(await threaded.match(photo, lm), await inProcess.match(photo, lm), path.basename(f));
  }
});

test("several photos at once are spread over the threads and all answered", async () => {
  const photos = await Promise.all(readdirSync(path.join(LANDMARKS, "sacre-coeur", "query")).sort().slice(0, 4).map((f) => decodePhoto(readFileSync(path.join(LANDMARKS, "sacre-coeur", "query", f)))));
  const signals = await Promise.all(photos.map((p) => threaded.match(p, landmark("sacre-coeur"))));
  assert.equal(signals.filter((s) => s.status === "match").length, 4);
});

test("a thread that dies (here: out of memory loading OpenCV) fails its match with a clear error; the next call gets a new thread", async () => {
  const starved = new ThreadedMatcher({ source, threads: 1, resourceLimits: { maxOldGenerationSizeMb: 4, maxYoungGenerationSizeMb: 1 } });
  try {
    const photo = await decodePhoto(readFileSync(file("chateau-de-sceaux", "query")));
    await assert.rejects(starved.match(photo, landmark("chateau-de-sceaux")), /matcher thread/);
    await assert.rejects(starved.match(photo, landmark("chateau-de-sceaux")), /matcher thread/, "a dead thread is replaced, not reused");
  } finally {
    await starved.close();
  }
});

test("close: pending matches fail, later ones are refused", async () => {
  const one = new ThreadedMatcher({ source, threads: 1 });
  const photo = await decodePhoto(readFileSync(file("nle-tower", "query")));
  const pending = one.match(photo, landmark("nle-tower"));
  await one.close();
  await assert.rejects(pending, /matcher closed|exited/);
  await assert.rejects(one.match(photo, landmark("nle-tower")), /matcher closed/);
});

test("a wedged match times out instead of holding the verify job forever", async () => {
  const stuck: ReferenceSource = { get: () => new Promise(() => {}), near: async () => [], landmarks: async () => [] };
  const one = new ThreadedMatcher({ source: stuck, threads: 1, timeoutMs: 1500 });
  try {
    const photo = await decodePhoto(readFileSync(file("nle-tower", "query")));
    await assert.rejects(one.match(photo, landmark("nle-tower")), /timed out after 1500 ms/);
  } finally {
    await one.close();
  }
});

test("warm() loads every thread's vision engine and learned models before any photo: a thread that cannot load the engine fails warm(), not a traveller's photo", async () => {
  const warmed = new ThreadedMatcher({ source, threads: 2 });
  try {
    assert.deepEqual(await warmed.warm(), { learned: true }, "both threads load the learned opinion's runtime and models");
    const photo = await decodePhoto(readFileSync(file("sacre-coeur", "query")));
    assert.equal((await warmed.match(photo, landmark("sacre-coeur"))).status, "match", "a warmed matcher matches");
  } finally {
    await warmed.close();
  }
  // The same heap limit that kills a thread loading OpenCV for a photo (above) fails the warm-up instead.
  const starved = new ThreadedMatcher({ source, threads: 1, resourceLimits: { maxOldGenerationSizeMb: 4, maxYoungGenerationSizeMb: 1 } });
  try {
    await assert.rejects(starved.warm(), /matcher thread/);
  } finally {
    await starved.close();
  }
});
