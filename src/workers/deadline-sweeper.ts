import type { Logger } from "pino";
import { deadlineFromLean, jobIds } from "../ports/jobs.ts";
import type { DeadlineTimerStore } from "../ports/stores.ts";
import type { DeadlineProcessor } from "./deadline-processor.ts";

export interface SweeperOptions {
  /** Deadlines fired at once by this process. */
  concurrency: number;
  /**
   * How long a deadline taken by this process is its alone, renewed every third of it while it fires: one
   * whose process died (or froze) is due again when its lease has passed, and fires then (the stage repeats
   * harmlessly, or has advanced and only waits).
   */
  leaseMs: number;
  /** Longest sleep while nothing is due: a deadline scheduled by another process is seen within this. */
  pollMs: number;
  retry: { firstMs: number; maxMs: number; tellOperatorsAt: number };
  /** Told once a deadline has failed `retry.tellOperatorsAt` times in a row (it keeps retrying). */
  tellOperators(text: string): void;
}

/**
 * Fires the due deadlines of the timers (DeadlineTimerStore) in this worker process: takes them in batches, each
 * leased for a while (one claim script per batch), and runs each through the DeadlineProcessor, which hands
 * it on to its next stage's time in its stage advance. A deadline that fails retries after a second, twice
 * as long after each further failure in a row up to an hour, and is never dropped; operators are told at
 * the `tellOperatorsAt`-th failure in a row.
 */
export class DeadlineSweeper {
  private running = false;
  private inFlight = 0;
  private readonly idle = new Set<() => void>();
  private wake?: () => void;
  private wakeSoon = false;
  private sleeping?: NodeJS.Timeout;
  private loop?: Promise<void>;
  /** The deadlines under way here, each with the lease it holds (an object per firing, renewed in place). */
  private readonly leases = new Map<string, { until: number }>();
  private renewal?: NodeJS.Timeout;

  constructor(
    private readonly timers: Pick<DeadlineTimerStore, "claim" | "renew" | "failed" | "remove">,
    private readonly processor: Pick<DeadlineProcessor, "process">,
    private readonly opts: SweeperOptions,
    private readonly log: Logger,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
    this.renewal = setInterval(() => void this.renew(), Math.max(1, Math.floor(this.opts.leaseMs / 3))).unref();
  }

  /** Takes no more deadlines, and waits for those under way. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    while (this.inFlight > 0) await new Promise<void>((resolve) => this.idle.add(resolve));
    clearInterval(this.renewal);
  }

  /** Extends the leases of the firings still under way (a slow channel, a long pacing wait). */
  private async renew(): Promise<void> {
    if (this.leases.size === 0) return;
    const held = [...this.leases];
    const until = Date.now() + this.opts.leaseMs;
    try {
      const renewed = await this.timers.renew(new Map(held.map(([member, lease]) => [member, lease.until])), until);
      for (const [i, [member, lease]] of held.entries()) {
        if (renewed[i] && this.leases.get(member) === lease) lease.until = until;
      }
    } catch (err) {
      // The next renewal tries again; a lease that lapses meanwhile only lets another worker repeat the stage.
      this.log.warn({ err: (err as Error).name }, "deadline sweeper could not renew its leases");
    }
  }

  private async run(): Promise<void> {
    const { concurrency, leaseMs, pollMs } = this.opts;
    while (this.running) {
      const room = concurrency - this.inFlight;
      // Full: wait for firings to end (they end in groups, their stage advances sharing a script call).
      if (room <= 0) {
        await this.sleep(pollMs);
        continue;
      }
      let nextAt: number | undefined;
      let taken = 0;
      try {
        const now = Date.now();
        const claimed = await this.timers.claim(now, room, now + leaseMs);
        nextAt = claimed.nextAt;
        taken = claimed.members.length;
        for (const member of claimed.members) this.fire(member, now + leaseMs);
      } catch (err) {
        this.log.warn({ err: (err as Error).name }, "deadline sweeper could not take due deadlines; retrying");
      }
      if (taken === room) continue;
      // Nothing more due now: sleep until the next one is, or a firing ends, at most pollMs.
      await this.sleep(nextAt === undefined ? pollMs : Math.min(pollMs, Math.max(0, nextAt - Date.now())));
    }
  }

  private fire(member: string, leaseUntil: number): void {
    this.inFlight++;
    const lease = { until: leaseUntil };
    this.leases.set(member, lease);
    void this.fireOne(member).finally(() => {
      this.inFlight--;
      if (this.leases.get(member) === lease) this.leases.delete(member);
      // Woken on the next turn, so that the firings ending together make room for one claim, not one each.
      if (!this.wakeSoon) {
        this.wakeSoon = true;
        setImmediate(() => {
          this.wakeSoon = false;
          this.wake?.();
        });
      }
      if (this.inFlight === 0) {
        for (const resolve of this.idle) resolve();
        this.idle.clear();
      }
    });
  }

  private async fireOne(member: string): Promise<void> {
    const job = deadlineFromLean(member);
    try {
      if (!job) {
        await this.timers.remove(member);
        return;
      }
      await this.processor.process(job, { timer: member });
    } catch (err) {
      const { retry } = this.opts;
      const failures = await this.timers.failed(member, retry).catch(() => undefined);
      const jobId = job && jobIds.deadline(job);
      this.log.warn({ deadline: jobId, tripId: job?.tripId, failures, err: (err as Error).name }, "deadline failed; retrying");
      if (failures === retry.tellOperatorsAt) {
        this.opts.tellOperators(`SafeArrival operators: deadline ${jobId} failed ${failures} times in a row (${(err as Error).name}); it keeps retrying. Check the worker logs.`);
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(this.sleeping);
        this.wake = undefined;
        resolve();
      };
      this.wake = done;
      this.sleeping = setTimeout(done, ms);
    });
  }
}
