/**
 * Whether a verify job may ask the matcher's learned third opinion (~200 ms of CPU for a photo ORB and AKAZE
 * do not recognise). It is spare-capacity work: a check-in that waited longer than VERIFY_LEARNED_MAX_WAIT_MS
 * (the job's timestamp is when it was queued; a retry keeps it), one verified while any other check-in is
 * being verified or waiting, or one within LEARNED_OPINION_INTERVAL_MS of this process's last learned opinion
 * is matched without it, as before it existed. The interval bounds its CPU at ~20% of a core per worker
 * process, whatever the traffic; an NGO's check-ins minutes apart never meet it. An empty queue is not an
 * idle machine (the bot, Redis and other workers share its cores): where the kernel reports CPU pressure,
 * a machine whose tasks waited for a CPU more than LEARNED_MAX_CPU_PRESSURE percent of the last 10 s sheds
 * it too (docs/verification.md: at 20 check-ins/s ~7 ms more per check-in tipped a machine with a tenth to spare).
 */
import type { JobProducer } from "../ports/jobs.ts";
import { cpuPressure } from "./cpu-pressure.ts";

/** At most one learned third opinion per this long per worker process. */
export const LEARNED_OPINION_INTERVAL_MS = 1_000;
/** Percent of the last 10 s with some task waiting for a CPU above which the opinion is not asked. */
export const LEARNED_MAX_CPU_PRESSURE = 10;

export class LearnedOpinionBudget {
  #lastAskedAt = -Infinity;

  constructor(
    private readonly queues: Pick<JobProducer, "verifyLoad">,
    /** VERIFY_LEARNED_MAX_WAIT_MS; 0 turns the opinion off for verify workers. */
    private readonly maxWaitMs: number,
    private readonly now: () => number = Date.now,
    private readonly pressure: () => Promise<number | undefined> = cpuPressure,
  ) {}

  /** Takes the budget for the job queued at `queuedAt` (ms since the epoch) when it may ask. */
  async mayAsk(queuedAt: number): Promise<boolean> {
    const now = this.now();
    if (this.maxWaitMs <= 0 || now - queuedAt > this.maxWaitMs || now - this.#lastAskedAt < LEARNED_OPINION_INTERVAL_MS) return false;
    // Redis unreachable: as if busy, the check-in goes on without the opinion rather than wait.
    if ((await this.queues.verifyLoad().catch(() => Infinity)) > 1) return false;
    if (((await this.pressure().catch(() => undefined)) ?? 0) > LEARNED_MAX_CPU_PRESSURE) return false;
    this.#lastAskedAt = now;
    return true;
  }
}
