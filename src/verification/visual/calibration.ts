/**
 * From geometric evidence to a 0..1 score and a decision. The evidence is the number of RANSAC inliers
 * of the best reference after the rotation-consistency filter. A raw count is not a probability: the
 * background model (unrelated photos: other landmarks and distractors, bench/verify.ts) says how many
 * inliers chance produces. The threshold sits above the background's worst case with a margin, and the
 * score is a logistic in the inlier count centred on that threshold, so score >= 0.5 <=> match.
 */

export interface InlierThreshold {
  /** Inliers at and above which a photo matches (score 0.5). */
  matchInliers: number;
  /** Largest inlier count seen on any unrelated pair while calibrating (score well below 0.5). */
  backgroundMax: number;
}

/** The learned opinion's threshold, on LighterGlue's matches that score above `cut` (a match probability). */
export interface LearnedThreshold extends InlierThreshold {
  cut: number;
}

export interface Calibration extends InlierThreshold {
  /** The AKAZE second opinion's own threshold: its background was measured separately. */
  secondOpinion: InlierThreshold;
  /** The XFeat + LighterGlue third opinion's (learned/learned-opinion.ts), chosen by bench/verify.ts's rule. */
  learned: LearnedThreshold;
  /** Inliers from which stage-2 (pixel correlation) replay checks run; copies produce far more. */
  replayCheckInliers: number;
  /** Warped-pixel correlation at and above which a photo is a copy of the reference. */
  replayCorrelation: number;
}

export const DEFAULT_CALIBRATION: Calibration = {
  matchInliers: 12,
  backgroundMax: 8,
  secondOpinion: { matchInliers: 12, backgroundMax: 7 },
  learned: { cut: 0.5, matchInliers: 12, backgroundMax: 7 },
  replayCheckInliers: 25,
  replayCorrelation: 0.92,
};

/**
 * Logistic score: backgroundMax maps to ~0.1, matchInliers to 0.5, and every further
 * (matchInliers - backgroundMax) inliers multiplies the odds by 9.
 */
export function scoreFromInliers(inliers: number, cal: InlierThreshold = DEFAULT_CALIBRATION): number {
  const slope = Math.log(9) / Math.max(1, cal.matchInliers - cal.backgroundMax);
  const s = 1 / (1 + Math.exp(-slope * (inliers - cal.matchInliers)));
  return Math.round(s * 1000) / 1000;
}

export function isMatch(inliers: number, cal: InlierThreshold = DEFAULT_CALIBRATION): boolean {
  return inliers >= cal.matchInliers;
}

/**
 * Twice the threshold: a score of ~0.999 (scoreFromInliers), so more references could not change the
 * verdict; the matcher may stop comparing the planned landmark's references there (matcher.ts).
 */
export function isClearMatch(inliers: number, cal: InlierThreshold = DEFAULT_CALIBRATION): boolean {
  return inliers >= 2 * cal.matchInliers;
}
