/**
 * `npm run bench`: the five benchmarks of issue 8, each next to a baseline measured in the same run,
 * printed as one Markdown document and written to bench/results.md.
 *   1. verification throughput (bench/verify-throughput.ts)   2. end to end (bench/end-to-end.ts)
 *   3. webhook ingress (bench/ingress.ts)                      4. deadlines (bench/deadlines.ts)
 *   5. Redis memory per traveller (bench/memory.ts)
 * Every server is private and on loopback (redis-server on a free port, a fake Bot API); about 6 minutes
 * on 2 cores. The visual matcher's accuracy benchmark is separate: `npm run bench:verify`.
 */
import { writeFile } from "node:fs/promises";
import os from "node:os";
import { benchDeadlines } from "./deadlines.ts";
import { benchEndToEnd } from "./end-to-end.ts";
import { benchIngress } from "./ingress.ts";
import { benchMemory } from "./memory.ts";
import { fmt, table, type BenchSection } from "./stats.ts";
import { benchVerification } from "./verify-throughput.ts";

const started = Date.now();
const cpus = os.cpus();
const machine = `${cpus[0]?.model.trim() ?? "unknown CPU"}, ${cpus.length} cores, ${fmt(os.totalmem() / 2 ** 30, 1)} GiB RAM, ${os.type()} ${os.release()} ${os.arch()}, Node ${process.version}`;

// Run order: verification first, so its peak RSS is not inflated by the others; the document keeps 1-5.
const plan: Array<{ n: number; title: string; run: () => Promise<BenchSection> }> = [
  { n: 1, title: "1. Verification", run: () => benchVerification() },
  { n: 3, title: "3. Ingress", run: () => benchIngress(8) },
  { n: 2, title: "2. End to end", run: () => benchEndToEnd(10) },
  { n: 4, title: "4. Deadlines", run: () => benchDeadlines(10_000) },
  { n: 5, title: "5. Memory", run: () => benchMemory(10_000) },
];

const sections = new Map<number, BenchSection & { seconds: number }>();
let failed = 0;
// BENCH_ONLY=2,3 runs only those parts (the document then lacks the others).
const only = process.env.BENCH_ONLY?.split(",").map(Number);
for (const step of plan.filter((p) => !only || only.includes(p.n))) {
  const t = Date.now();
  process.stderr.write(`bench: ${step.title} ...\n`);
  try {
    sections.set(step.n, { ...(await step.run()), seconds: (Date.now() - t) / 1000 });
  } catch (err) {
    failed++;
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    sections.set(step.n, { title: step.title, markdown: `**Failed**: ${message}`, summary: [[step.title, "**failed**", "", ""]], facts: {}, seconds: (Date.now() - t) / 1000 });
  }
  process.stderr.write(`bench: ${step.title} done in ${fmt((Date.now() - t) / 1000)} s\n`);
}

const f = (n: number, key: string) => sections.get(n)?.facts[key] ?? NaN;

/** Issue 18's targets against this run's figures (the closing note on the slowest stage is written by hand). */
function targets(): string {
  const yes = (ok: boolean) => (ok ? "met" : "**not met**");
  const rows: string[][] = [];
  const ingressShare = f(3, "default.rps") / f(3, "baseRps");
  rows.push(["webhook ingress >= 30% of bare Fastify, p99 < 50 ms", `${fmt(100 * ingressShare, 1)}%, p99 ${fmt(f(3, "default.p99"))} ms`, yes(ingressShare >= 0.3 && f(3, "default.p99") < 50)]);
  rows.push(["shipped pacing, 8/s for 60 s: every family confirmation out, p99 < 3 s", `${fmt(f(2, "default.r8.delivered"))}/${fmt(f(2, "default.r8.pushed"))}, p99 ${fmt(f(2, "default.r8.p99"))} ms`, yes(f(2, "default.r8.delivered") === f(2, "default.r8.pushed") && f(2, "default.r8.p99") < 3000)]);
  rows.push(["shipped pacing, 50/s for 10 s: family confirmations before traveller chatter", `${fmt(f(2, "default.r50.delivered"))}/${fmt(f(2, "default.r50.pushed"))} family out, the last ${fmt(f(2, "default.r50.familyLastMs") / 1000, 1)} s after the first push; ${fmt(f(2, "default.r50.travellerBeforeLastFamily"))} of ${fmt(f(2, "default.r50.travellerMsgs"))} traveller messages went out before it`, "see figures"]);
  rows.push(["pacing lifted: keeps up at 20/s, p99 < 2 s", `${f(2, "unpaced.r20.keptUp") === 1 ? "kept up" : "did not keep up"}, p99 ${fmt(f(2, "unpaced.r20.p99"))} ms`, yes(f(2, "unpaced.r20.keptUp") === 1 && f(2, "unpaced.r20.p99") < 2000)]);
  rows.push(["10,000 deadlines due in one second: max delay <= 2x bare BullMQ", `${fmt(f(4, "max"))} ms vs ${fmt(f(4, "bareMax"))} ms (${fmt(f(4, "max") / f(4, "bareMax"), 1)}x)`, yes(f(4, "max") / f(4, "bareMax") <= 2)]);
  rows.push(["<= 4 KB Redis per active traveller", `${fmt(f(5, "perTraveller"))} bytes`, yes(f(5, "perTraveller") <= 4096)]);
  // As the 38x: the app's default verifier (matcher in 2 threads) at concurrency 2, against the decode at concurrency 2.
  const x = f(1, "small.threaded.c2.p50") / f(1, "small.threaded.c2.floorP50");
  rows.push(["1280 px photo vs 5 references: p50 <= 20x bare sharp decode", `${fmt(x, 1)}x`, yes(x <= 20)]);
  return table(["target (issue 18)", "this run", ""], rows);
}

const summaryRows = [...sections.entries()].sort(([a], [b]) => a - b).flatMap(([, s]) => s.summary);
const doc = [
  "# SafeArrival benchmarks",
  "",
  `Command: \`npm run bench\` (tsx bench/run.ts). Ran ${new Date(started).toISOString()} on ${machine}. Whole run: ${fmt((Date.now() - started) / 1000)} s. Every figure has its baseline measured in the same run on the same machine; the machine is shared and noisy, so compare ratios rather than absolute numbers across runs.`,
  "",
  "## Summary",
  "",
  table(["measure", "result", "baseline (same run)", "ratio"], summaryRows),
  "",
  ...[...sections.entries()].sort(([a], [b]) => a - b).flatMap(([, s]) => [`## ${s.title}`, "", s.markdown, "", `(${fmt(s.seconds)} s)`, ""]),
  "## Targets (issue 18)",
  "",
  targets(),
  "",
  "## Slowest stage",
  "",
  "(written by hand after the run)",
  "",
].join("\n");

process.stdout.write(doc);
await writeFile(new URL("./results.md", import.meta.url), doc);
process.exit(failed ? 1 : 0);
