/**
 * Verification throughput: photos per second and ms per photo through PhotoVerifier (what the verify
 * worker runs per check-in) in one process at concurrency 1 and 2, for 12 MP (4000x3000) and 1280 px
 * JPEGs made from the real photos in ../shared/eval (synthetic scenes when it is absent); next to it
 * the floor, decoding the same photos alone with sharp.
 * Run: npx tsx bench/verify-throughput.ts
 */
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { loadConfig } from "../src/config.ts";
import type { Landmark, ReferenceFingerprint } from "../src/domain/landmark.ts";
import { loadCatalogSource, MemoryReferenceSource } from "../src/landmarks/reference-source.ts";
import { readCatalogDir } from "../src/landmarks/catalog-dir.ts";
import { fingerprintEntry } from "../src/landmarks/import.ts";
import { DEMO_CATALOG_DIR } from "../src/landmarks/demo-catalog.ts";
import type { VisualMatcher } from "../src/verification/contracts.ts";
import { decodeThenClean } from "../src/verification/decode.ts";
import { readExif } from "../src/verification/exif.ts";
import { MemorySubmissionIndex } from "../src/verification/memory-submission-index.ts";
import { NotEvaluatedMatcher } from "../src/verification/not-evaluated-matcher.ts";
import { dihedralHashes } from "../src/verification/pdq.ts";
import { PhotoVerifier } from "../src/verification/photo-verifier.ts";
import { AKAZE_PHOTO_CONFIG, extractAkazeSync } from "../src/verification/visual/features.ts";
import { FeatureMatcher, type LandmarkReferences } from "../src/verification/visual/matcher.ts";
import { DEFAULT_MATCH_GATE, matchPair } from "../src/verification/visual/pair.ts";
import { describeVisionEngine, visionEngine } from "../src/verification/visual/native-vision.ts";
import { loadVision } from "../src/verification/visual/vision.ts";
import { ThreadedMatcher } from "../src/verification/visual/thread/threaded-matcher.ts";
import { makeJpeg } from "../tests/support/photos.ts";
import { fmt, isMain, quantiles, ratio, RssSampler, table, type BenchSection } from "./stats.ts";

const ROOT = path.resolve(import.meta.dirname, "..");
export const EVAL_DIR = path.resolve(process.env.BENCH_EVAL_DIR ?? path.join(ROOT, "../shared/eval"));
const PHOTOS_PER_LANDMARK = 2;

interface Target {
  landmark: Landmark;
  references: ReferenceFingerprint[];
  /** A FeatureMatcher over a landmark with 5 references, when the eval catalog is there. */
  feature?: FeatureMatcher;
  /** The same on OpenCV.js and the WebAssembly k-NN: what runs where the native build is missing. */
  featureWasm?: FeatureMatcher;
  /** The same over the same references in 2 worker threads: the app's default. */
  threaded?: ThreadedMatcher;
  refs?: LandmarkReferences;
  source: string;
}

async function pool<T>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) await fn(items[next++]!);
    }),
  );
}

interface RunResult { perPhoto: number[]; wallMs: number; peakRssMb: number }

async function timed(photos: readonly Buffer[], passes: number, concurrency: number, fn: (b: Buffer) => Promise<unknown>): Promise<RunResult> {
  const work = Array.from({ length: passes }, () => photos).flat();
  const perPhoto: number[] = [];
  const rss = new RssSampler();
  const start = performance.now();
  await pool(work, concurrency, async (b) => {
    const s = performance.now();
    await fn(b);
    perPhoto.push(performance.now() - s);
  });
  const wallMs = performance.now() - start;
  return { perPhoto, wallMs, peakRssMb: rss.stop() };
}

/** 12 MP and 1280 px JPEGs from the eval queries (two per landmark), or synthetic scenes. */
async function makePhotos(): Promise<{ big: Buffer[]; small: Buffer[]; from: string }> {
  const big: Buffer[] = [];
  const small: Buffer[] = [];
  const landmarksDir = path.join(EVAL_DIR, "landmarks");
  if (existsSync(landmarksDir)) {
    const files: string[] = [];
    for (const id of (await readdir(landmarksDir)).sort()) {
      const q = path.join(landmarksDir, id, "query");
      if (existsSync(q)) files.push(...(await readdir(q)).sort().slice(0, PHOTOS_PER_LANDMARK).map((f) => path.join(q, f)));
    }
    for (const f of files) {
      const bytes = await readFile(f);
      big.push(await sharp(bytes).autoOrient().resize(4000, 3000, { fit: "cover" }).jpeg({ quality: 90 }).toBuffer());
      small.push(await sharp(bytes).autoOrient().resize(1280, 1280, { fit: "inside" }).jpeg({ quality: 87 }).toBuffer());
    }
    return { big, small, from: `${files.length} eval query photos (${PHOTOS_PER_LANDMARK} per landmark) resized` };
  }
  for (let i = 0; i < 10; i++) {
    // Rendered at 1000x750 then upscaled: makeJpeg's per-pixel scene at 12 MP would take seconds each.
    const scene = await makeJpeg({ width: 1000, height: 750, seed: `verify-${i}` });
    big.push(await sharp(scene).resize(4000, 3000).jpeg({ quality: 90 }).toBuffer());
    small.push(await sharp(scene).resize(1280, 960).jpeg({ quality: 87 }).toBuffer());
  }
  return { big, small, from: "10 synthetic scenes (tests/support/photos.ts; ../shared/eval not found)" };
}

/** The landmark the photos are checked against: sacre-coeur with 5 references when the eval set is there. */
async function makeTarget(): Promise<Target> {
  const landmarksDir = path.join(EVAL_DIR, "landmarks");
  if (existsSync(landmarksDir)) {
    const catalog = await loadCatalogSource(landmarksDir, { cacheDir: path.join(os.tmpdir(), "safe-arrival-bench-catalog") });
    const sc = catalog.stored("sacre-coeur");
    const other = catalog.stored("chateau-de-sceaux");
    if (sc && other) {
      const five = { landmark: sc.landmark, references: [...sc.references, ...other.references.slice(0, 5 - sc.references.length)] };
      const src = new MemoryReferenceSource([five]);
      const feature = new FeatureMatcher({ source: src });
      const featureWasm = new FeatureMatcher({ source: src, engine: "wasm" });
      const threaded = new ThreadedMatcher({ source: src, threads: 2 });
      return { ...five, feature, featureWasm, threaded, refs: await src.get(sc.landmark.id), source: "eval sacre-coeur (3 references) + 2 chateau-de-sceaux references" };
    }
  }
  const [entry] = await readCatalogDir(DEMO_CATALOG_DIR);
  const stored = await fingerprintEntry(entry!);
  return { ...stored, source: `demo catalog ${stored.landmark.id}` };
}

export async function benchVerification(): Promise<BenchSection> {
  const config = loadConfig({});
  const limits = { maxBytes: config.MAX_PHOTO_BYTES, maxPixels: config.MAX_PHOTO_PIXELS, minSide: config.MIN_PHOTO_SIDE };
  const t0 = performance.now();
  const photos = await makePhotos();
  const target = await makeTarget();
  const prepMs = performance.now() - t0;
  const verifierWith = (matcher: VisualMatcher) =>
    new PhotoVerifier({ matcher, submissions: new MemorySubmissionIndex(), limits, freshnessMs: config.PHOTO_FRESHNESS });
  const input = (bytes: Buffer, learnedOpinion = true) => ({
    photo: { bytes, asFile: true, forwarded: false, receivedAt: new Date() },
    location: { lat: target.landmark.lat, lon: target.landmark.lon, accuracyM: 15, live: true, forwarded: false, venue: false, receivedAt: new Date() },
    landmark: target.landmark,
    references: target.references,
    ...(learnedOpinion ? {} : { learnedOpinion: false }),
  });
  // A worker whose queue has check-ins waiting (every row here: photos are fed back to back) sheds the learned
  // third opinion (workers.ts); the "nothing waiting" row asks it, as a worker does for a check-in on an idle queue.
  const matchers: Array<{ name: string; tag: string; verifier: PhotoVerifier; passes: { big: number; small: number }; learned?: boolean }> = [
    { name: "PhotoVerifier, no visual stage (NotEvaluatedMatcher)", tag: "default", verifier: verifierWith(new NotEvaluatedMatcher()), passes: { big: 2, small: 3 } },
  ];
  if (target.feature && target.threaded) {
    matchers.push({ name: "PhotoVerifier, FeatureMatcher in process (5 references)", tag: "feature", verifier: verifierWith(target.feature), passes: { big: 1, small: 1 } });
    matchers.push({ name: "PhotoVerifier, FeatureMatcher in 2 threads (app default)", tag: "threaded", verifier: verifierWith(target.threaded), passes: { big: 1, small: 1 }, learned: false });
    matchers.push({ name: "PhotoVerifier, FeatureMatcher in 2 threads, learned third opinion asked (a worker with nothing waiting)", tag: "threaded-learned", verifier: verifierWith(target.threaded), passes: { big: 1, small: 1 } });
  }
  // Warm-up: libvips' first decode, and OpenCV's WASM load (about 0.3 s once per process).
  for (const m of matchers) await m.verifier.verify(input(photos.small[0]!));

  const sizes = [
    { label: "12 MP (4000x3000)", list: photos.big, key: "big" as const },
    { label: "1280 px", list: photos.small, key: "small" as const },
  ];
  const rows: string[][] = [];
  const facts: Record<string, number> = {};
  const summary: string[][] = [];
  for (const size of sizes) {
    for (const concurrency of [1, 2]) {
      const floor = await timed(size.list, matchers[0]!.passes[size.key], concurrency, (b) => sharp(b).raw().toBuffer());
      const floorRate = (floor.perPhoto.length / floor.wallMs) * 1000;
      const fq = quantiles(floor.perPhoto);
      for (const m of matchers) {
        const r = await timed(size.list, m.passes[size.key], concurrency, (b) => m.verifier.verify(input(b, m.learned ?? true)));
        const q = quantiles(r.perPhoto);
        const rate = (r.perPhoto.length / r.wallMs) * 1000;
        rows.push([size.label, m.name, String(concurrency), String(q.n), fmt(rate, 2), fmt(q.p50), fmt(q.p95), fmt(q.p99), fmt(r.peakRssMb), fmt(floorRate, 2), fmt(fq.p50), ratio(q.p50, fq.p50), ratio(floorRate, rate)]);
        const tag = `${size.key}.${m.tag}.c${concurrency}`;
        Object.assign(facts, { [`${tag}.rate`]: rate, [`${tag}.p50`]: q.p50, [`${tag}.p99`]: q.p99, [`${tag}.floorP50`]: fq.p50, [`${tag}.floorRate`]: floorRate, [`${tag}.rss`]: r.peakRssMb });
        if (concurrency === 2) {
          summary.push([`verification ${size.label}, ${m.name.replace("PhotoVerifier, ", "")}, concurrency 2`, `${fmt(rate, 1)} photos/s, p50 ${fmt(q.p50)} ms, p99 ${fmt(q.p99)} ms`, `sharp decode alone: ${fmt(floorRate, 1)} photos/s, p50 ${fmt(fq.p50)} ms`, `${ratio(q.p50, fq.p50)} the floor's p50`]);
        }
      }
    }
  }

  // CPU time per photo, one photo at a time: it grows far less than the wall-clock rows with whatever else
  // the shared machine runs (only through contention for the core's caches and hyperthread), so it
  // compares runs made under different load better.
  const cpuMatcher = matchers.find((m) => m.tag === "feature");
  const wasmVerifier = target.featureWasm && verifierWith(target.featureWasm);
  const cpuNotes: string[] = [];
  if (cpuMatcher && wasmVerifier) {
    await wasmVerifier.verify(input(photos.small[0]!));
    const cpuMs = async (fn: () => Promise<unknown>) => {
      const before = process.cpuUsage();
      await fn();
      const used = process.cpuUsage(before);
      return (used.user + used.system) / 1000;
    };
    for (const size of sizes) {
      const floorCpu: number[] = [];
      const verifyCpu: number[] = [];
      const wasmCpu: number[] = [];
      // Interleaved photo by photo, so that both engines see the same machine.
      for (const b of size.list) {
        floorCpu.push(await cpuMs(() => sharp(b).raw().toBuffer()));
        verifyCpu.push(await cpuMs(() => cpuMatcher.verifier.verify(input(b))));
        wasmCpu.push(await cpuMs(() => wasmVerifier.verify(input(b))));
      }
      const f = quantiles(floorCpu);
      const v = quantiles(verifyCpu);
      const w = quantiles(wasmCpu);
      Object.assign(facts, { [`${size.key}.cpu.p50`]: v.p50, [`${size.key}.cpu.p95`]: v.p95, [`${size.key}.cpu.floorP50`]: f.p50, [`${size.key}.cpu.wasmP50`]: w.p50 });
      cpuNotes.push(`${size.label}: p50 ${fmt(v.p50)} / p95 ${fmt(v.p95)} ms against ${fmt(f.p50)} ms for the decode (${ratio(v.p50, f.p50)}); on OpenCV.js p50 ${fmt(w.p50)} ms (${ratio(w.p50, f.p50)})`);
      summary.push([`verification CPU time per photo, ${size.label}, FeatureMatcher (5 references, ${describeVisionEngine(visionEngine())}), one at a time`, `p50 ${fmt(v.p50)} ms, p95 ${fmt(v.p95)} ms (OpenCV.js: p50 ${fmt(w.p50)} ms)`, `sharp decode alone: p50 ${fmt(f.p50)} ms`, `${ratio(v.p50, f.p50)} the floor's p50 (OpenCV.js: ${ratio(w.p50, f.p50)})`]);
    }
  }

  // Where the verifier's time goes, one photo at a time: the stages PhotoVerifier and FeatureMatcher run,
  // called one by one (wall and CPU time each).
  const stageRows: string[][] = [];
  const cpuNow = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  for (const size of sizes) {
    const stages = new Map<string, { wall: number[]; cpu: number[] }>();
    const timedStage = async <T>(name: string, fn: () => Promise<T> | T): Promise<T> => {
      const [w, c] = [performance.now(), cpuNow()];
      const out = await fn();
      const s = stages.get(name) ?? { wall: [], cpu: [] };
      s.wall.push(performance.now() - w);
      s.cpu.push(cpuNow() - c);
      stages.set(name, s);
      return out;
    };
    for (const b of size.list) {
      const { decoded, clean } = await timedStage("decodeThenClean: header, one decode, 1024 px grey working copy", () => decodeThenClean(b, limits));
      await timedStage("the family's 2048 px clean JPEG (encoded alongside; the rest of its wait)", () => clean);
      await timedStage("readExif", () => readExif(b));
      await timedStage("PDQ hash + 7 dihedral variants (one DCT)", () => dihedralHashes(decoded));
      if (!target.feature || !target.refs) continue;
      const matcher = new FeatureMatcher({ source: new MemoryReferenceSource([]) });
      const refs = target.refs;
      await timedStage("ORB features (3000 at 800 px)", () => matcher.features(decoded));
      const orb = await timedStage("ORB matching, 5 references (gated; after a clear match only copy-screened ones)", () => matcher.matchLandmark(decoded, refs, { stopWhenClear: true, secondOpinion: false }));
      if (orb.match) continue;
      // What the matcher's second opinion runs for a photo ORB did not recognise, stage by stage.
      const vision = await loadVision();
      const akaze = await timedStage("AKAZE features (photos ORB did not recognise)", () => extractAkazeSync(vision, decoded, AKAZE_PHOTO_CONFIG));
      await timedStage("AKAZE matching, 5 references (gated)", () => {
        for (const r of refs.references) if (r.akaze) matchPair(vision, akaze, r.akaze, undefined, DEFAULT_MATCH_GATE.akaze);
      });
    }
    for (const [k, v] of stages) {
      const w = quantiles(v.wall);
      const c = quantiles(v.cpu);
      stageRows.push([size.label, k, String(w.n), fmt(w.p50), fmt(w.p95), fmt(c.p50)]);
      facts[`${size.key}.stage.${k}`] = c.p50;
    }
  }
  const bigBytes = photos.big.reduce((n, b) => n + b.length, 0) / photos.big.length;
  const smallBytes = photos.small.reduce((n, b) => n + b.length, 0) / photos.small.length;
  const notes = [
    `Photos: ${photos.from}; mean size ${(bigBytes / 1e6).toFixed(1)} MB (12 MP) and ${(smallBytes / 1e3).toFixed(0)} kB (1280 px), sent as files (EXIF read). Landmark: ${target.source}. Setup (resizing, catalog fingerprints): ${(prepMs / 1000).toFixed(1)} s.`,
    `Features and k-NN: ${describeVisionEngine(visionEngine())}; the CPU figures below also give the same photos on OpenCV.js and the WebAssembly k-NN (VISION_ENGINE=wasm, what runs without the native build), interleaved photo by photo.`,
    `One process (the worker role's verify processor), photos handed out by an in-process pool of 1 or 2 like VERIFY_CONCURRENCY; sharp/libvips threads at their default (${sharp.concurrency()}). The FeatureMatcher rows are the visual matcher of src/verification/visual against one landmark with 5 references, in process and in 2 worker threads (the app's default); no other landmark is nearby, so a no-match does not try others.`,
    `Floor: \`sharp(bytes).raw().toBuffer()\`, a full decode of the same photos at the same concurrency. A full decode is the least any verifier must do here: the family gets a 2048 px copy, which needs the 1280 px photo at full size and the 12 MP one at shrink factor 1 (JPEG shrink-on-load by 2 would give 2000 px). "x floor" = verifier p50 / decode p50; "floor speed-up" = decode photos/s / verifier photos/s.`,
    `Peak RSS: this process, sampled every 20 ms during the run (it includes the photos held in memory and, after the first FeatureMatcher run, OpenCV's WASM heap).`,
  ];
  if (cpuNotes.length) notes.push(`CPU time per photo (this process's user + system CPU around each call, one photo at a time, PhotoVerifier with the FeatureMatcher in process, next to the same bare decode): ${cpuNotes.join("; ")}. Other load on the machine moves it far less than the wall-clock rows above (waiting for a core is not counted; sharing one still slows it).`);
  if (!target.feature) notes.push("FeatureMatcher: not measured, the eval catalog (../shared/eval/landmarks) is missing.");
  const markdown = [
    table(["photo", "verifier", "concurrency", "n", "photos/s", "p50 ms", "p95 ms", "p99 ms", "peak RSS MB", "decode-only photos/s", "decode-only p50 ms", "x floor (p50)", "floor speed-up"], rows),
    "",
    ...notes.map((n) => `- ${n}`),
    "",
    "Where the verifier's time goes (one photo at a time, each stage called on its own; the FeatureMatcher stages against the 5 references above, AKAZE only for the photos ORB did not recognise):",
    "",
    table(["photo", "stage", "n", "wall p50 ms", "wall p95 ms", "CPU p50 ms"], stageRows),
  ].join("\n");
  await target.threaded?.close();
  return { title: "1. Verification", markdown, summary, facts };
}

if (isMain(import.meta.url)) {
  const s = await benchVerification();
  console.log(`## ${s.title}\n\n${s.markdown}\n`);
}
