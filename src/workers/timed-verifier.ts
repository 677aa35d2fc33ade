import type { Counter, Histogram } from "prom-client";
import type { Verifier } from "../verification/contracts.ts";

/**
 * Wraps a verifier so each verification is timed, by verdict ("error" when it throws), in `histogram`, and each one
 * asked without the learned third opinion (the queue was behind) is counted in `shed`.
 */
export function timedVerifier(inner: Verifier, histogram: Histogram<"verdict">, shed?: Counter): Verifier {
  return {
    async verify(input) {
      if (input.learnedOpinion === false) shed?.inc();
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
