import type { Landmark } from "../domain/landmark.ts";
import type { VisualSignal } from "../domain/verdict.ts";
import type { DecodedPhoto, VisualMatcher } from "./contracts.ts";

/**
 * Stands in until a real visual matcher exists: it claims nothing, so a photo with a good location
 * is reported as "partial" rather than passed off as recognised.
 */
export class NotEvaluatedMatcher implements VisualMatcher {
  readonly name = "not-evaluated";

  async match(_photo: DecodedPhoto, _landmark: Landmark): Promise<VisualSignal> {
    return { status: "not_evaluated" };
  }
}
