import path from "node:path";
import { fileURLToPath } from "node:url";

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** p50/p95/p99 (nearest rank) of unsorted samples; NaN when there are none. */
export function quantiles(samples: readonly number[]): { n: number; p50: number; p95: number; p99: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s.at(-1) ?? NaN };
}

/** A number for a table cell: "n/a" for NaN, fixed decimals otherwise. */
export function fmt(x: number, digits = 0): string {
  return Number.isFinite(x) ? x.toFixed(digits) : "n/a";
}

/** "a / b" as "2.3x"; "n/a" when either side is missing. */
export function ratio(a: number, b: number, digits = 1): string {
  return Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? `${(a / b).toFixed(digits)}x` : "n/a";
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Samples this process's RSS every `everyMs` while running; peak() is the largest sample so far, in MB. */
export class RssSampler {
  #peak = 0;
  readonly #timer: NodeJS.Timeout;
  constructor(everyMs = 20) {
    this.#sample();
    this.#timer = setInterval(() => this.#sample(), everyMs);
  }
  #sample() {
    this.#peak = Math.max(this.#peak, process.memoryUsage.rss());
  }
  /** Stops sampling and returns the peak in MB. */
  stop(): number {
    clearInterval(this.#timer);
    this.#sample();
    return this.#peak / 1e6;
  }
}

/** One benchmark's part of the report: a Markdown section and a headline row for the summary table. */
export interface BenchSection {
  title: string;
  markdown: string;
  /** [measure, result, baseline, ratio] rows for the summary table. */
  summary: string[][];
  /** Facts the closing note draws on. */
  facts: Record<string, number>;
}

/** True when the module at `metaUrl` is the script node was started with (a CLI entry). */
export function isMain(metaUrl: string): boolean {
  const entry = process.argv[1];
  return entry !== undefined && path.resolve(entry) === fileURLToPath(metaUrl);
}

/** Wilson score interval (95 % by default) of k successes in n trials: how far a proportion from few samples can be trusted. */
export function wilson(k: number, n: number, z = 1.96): { low: number; high: number } {
  if (n === 0) return { low: NaN, high: NaN };
  const p = k / n;
  const z2 = z * z;
  const d = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / d;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / d;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
