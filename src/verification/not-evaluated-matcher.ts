import type { Landmark } from "../domain/landmark.ts";
import type { VisualSignal } from "../domain/verdict.ts";
import type { DecodedPhoto, VisualMatcher } from "./contracts.ts";

/**
 * The verifier with its visual stage switched off: it claims nothing, so a photo with a good location is
 * reported as "partial" rather than passed off as recognised. Used by tests that are about the other
 * signals, and by the bench as the floor that the visual stage's cost is measured against.
 */
export class NotEvaluatedMatcher implements VisualMatcher {
  readonly name = "not-evaluated";

  async match(_photo: DecodedPhoto, _landmark: Landmark): Promise<VisualSignal> {
    return { status: "not_evaluated" };
  }
}
