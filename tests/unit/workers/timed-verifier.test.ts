/** timedVerifier (src/workers/timed-verifier.ts): every verification is timed under its verdict, a failure as "error". */
import assert from "node:assert/strict";
import { test } from "node:test";
import { Counter, Histogram, Registry } from "prom-client";
import { timedVerifier } from "../../../src/workers/timed-verifier.ts";
import type { VerificationInput } from "../../../src/verification/contracts.ts";
import { ScriptedVerifier, VERIFIED_SIGNALS } from "../../support/worker-harness.ts";

function histogram() {
  return new Histogram({ name: "verification_seconds", help: "test", labelNames: ["verdict"] as const, registers: [new Registry()] });
}

async function counts(h: Histogram<"verdict">): Promise<Record<string, number>> {
  const { values } = await h.get();
  return Object.fromEntries(values.filter((v) => v.metricName === "verification_seconds_count").map((v) => [String(v.labels.verdict), v.value]));
}

const input = {} as VerificationInput;

test("each verification is counted under its verdict, and the outcome passed through unchanged", async () => {
  const h = histogram();
  const inner = new ScriptedVerifier(VERIFIED_SIGNALS);
  const timed = timedVerifier(inner, h);
  const outcome = await timed.verify(input);
  assert.equal(outcome.verdict.status, "verified");
  assert.equal(inner.calls[0], input);
  inner.signals = { ...VERIFIED_SIGNALS, visual: { status: "no_match", score: 0 } };
  await timed.verify(input);
  await timed.verify(input);
  assert.deepEqual(await counts(h), { verified: 1, partial: 2 });
});

test("a verification that throws is timed as an error and the error rethrown", async () => {
  const h = histogram();
  const timed = timedVerifier(new ScriptedVerifier(new Error("decoder crashed")), h);
  await assert.rejects(timed.verify(input), /decoder crashed/);
  assert.deepEqual(await counts(h), { error: 1 });
});

test("a verification asked without the learned third opinion is counted as shed", async () => {
  const shed = new Counter({ name: "learned_shed_total", help: "test", registers: [new Registry()] });
  const inner = new ScriptedVerifier(VERIFIED_SIGNALS);
  const timed = timedVerifier(inner, histogram(), shed);
  await timed.verify(input);
  await timed.verify({ ...input, learnedOpinion: false });
  assert.equal((await shed.get()).values[0]?.value, 1);
  assert.equal(inner.calls[1]?.learnedOpinion, false, "passed through to the verifier");
});
