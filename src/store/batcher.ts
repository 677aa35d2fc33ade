/**
 * Gathers the calls made in one turn of the event loop into one call of `run` (one script call for many
 * firings instead of one each: a burst of deadlines is bounded by the commands per firing, and each command
 * costs a socket write and a reply to parse on both sides). The calls of one turn are those whose callers
 * woke up together, e.g. on the replies of one socket read; the batch goes out at the next setImmediate, so
 * none waits longer than that turn.
 *
 * `run` answers each request by its index: a value, or an Error for that request alone (the others still get
 * theirs); if `run` itself fails, every request of the batch fails with it.
 */
export class Batcher<Req, Res> {
  private pending: Array<{ req: Req; resolve: (res: Res) => void; reject: (err: unknown) => void }> = [];
  private scheduled = false;

  constructor(
    private readonly run: (reqs: Req[]) => Promise<Array<Res | Error>>,
    /** Requests per call at most: a script blocks Redis while it runs. */
    private readonly max = 100,
  ) {}

  add(req: Req): Promise<Res> {
    return new Promise<Res>((resolve, reject) => {
      this.pending.push({ req, resolve, reject });
      if (this.pending.length >= this.max) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          this.flush();
        });
      }
    });
  }

  private flush(): void {
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    this.run(batch.map((b) => b.req)).then(
      (results) => {
        for (const [i, b] of batch.entries()) {
          const res = results[i];
          if (res instanceof Error) b.reject(res);
          else if (i >= results.length) b.reject(new Error("batch: no answer for this request"));
          else b.resolve(res as Res);
        }
      },
      (err: unknown) => {
        for (const b of batch) b.reject(err);
      },
    );
  }
}
