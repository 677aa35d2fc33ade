import type { Logger } from "pino";
import type { RedisClient } from "./redis.ts";

export interface WatchedConnection {
  /** For the logs: "app", "verify:blocking", ... */
  name: string;
  client: RedisClient;
}

export interface RedisWatchdogOptions {
  /** Time between two PINGs of a connection; each PING may take a little less. */
  intervalMs: number;
  /** Unanswered PINGs in a row after which the connection is torn down and opened again. */
  misses?: number;
}

/** States in which the client holds a live socket: only then can a stall be told from a reconnect under way. */
const LIVE = new Set(["connect", "ready"]);

/**
 * Notices a silent stall and reconnects. When the network between a process and Redis drops packets without
 * resetting the connection (a NAT or firewall forgetting the flow, a paused VM), ioredis sees nothing: the
 * socket stays open and every command just waits, for hours. The watchdog PINGs each connection it watches;
 * after `misses` unanswered PINGs in a row on a live socket it forces a reconnect (`disconnect(true)`), whose
 * unanswered commands ioredis sends again on the new connection, and logs it. BullMQ guards its own blocking
 * connections the same way (a timer around each blocking read); the watched connections are the others.
 */
export class RedisWatchdog {
  private timer?: NodeJS.Timeout;
  private readonly misses = new Map<string, number>();
  private readonly inFlight = new Set<string>();
  private stopped = true;
  /** Reconnects forced so far (for tests and metrics). */
  reconnects = 0;

  constructor(
    private readonly connections: () => readonly WatchedConnection[],
    private readonly opts: RedisWatchdogOptions,
    private readonly log: Logger,
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      for (const conn of this.connections()) this.check(conn);
      this.schedule();
    }, this.opts.intervalMs);
    this.timer.unref();
  }

  /** One PING with a deadline; a PING still out from the last round counts as a miss, not as a second PING. */
  private check(conn: WatchedConnection): void {
    const { name, client } = conn;
    if (this.inFlight.has(name)) return;
    if (!LIVE.has(client.status)) {
      // Connecting or reconnecting: ioredis' own retry owns the socket now (tearing it down here would stop it).
      this.misses.delete(name);
      return;
    }
    this.inFlight.add(name);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<false>((resolve) => {
      // A little under the interval, so the verdict is in before the next round.
      timer = setTimeout(() => resolve(false), Math.max(1, Math.floor(this.opts.intervalMs * 0.8)));
    });
    const ping = client.ping().then(
      () => true,
      () => false,
    );
    void Promise.race([ping, deadline]).then((answered) => {
      clearTimeout(timer);
      this.inFlight.delete(name);
      if (this.stopped) return;
      if (answered) {
        this.misses.delete(name);
        return;
      }
      const misses = (this.misses.get(name) ?? 0) + 1;
      this.misses.set(name, misses);
      if (misses < (this.opts.misses ?? 3) || !LIVE.has(client.status)) return;
      this.misses.delete(name);
      this.reconnects++;
      this.log.warn({ connection: name, misses, intervalMs: this.opts.intervalMs }, "redis connection stalled: reconnecting");
      client.disconnect(true);
    });
  }
}
