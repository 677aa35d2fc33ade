import type { Histogram } from "prom-client";
import type { Verifier } from "../verification/contracts.ts";

/** Wraps a verifier so each verification is timed, by verdict ("error" when it throws), in `histogram`. */
export function timedVerifier(inner: Verifier, histogram: Histogram<"verdict">): Verifier {
  return {
    async verify(input) {
      const end = histogram.startTimer();
      try {
        const outcome = await inner.verify(input);
        end({ verdict: outcome.verdict.status });
        return outcome;
      } catch (err) {
        end({ verdict: "error" });
        throw err;
      }
    },
  };
}
