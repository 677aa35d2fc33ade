import type { Verdict } from "../domain/verdict.ts";
import type { ProofKeys } from "./proof-keys.ts";

/** The path of the public check page; the code follows it. */
export const CHECK_PATH = "/c/";

export interface SignedConfirmation {
  code: string;
  /** PUBLIC_URL + /c/<code>, when PUBLIC_URL is set; otherwise the code is given alone. */
  link?: string;
}

/**
 * Signs what an arrival confirmation says (landmark, minute, verdict and reasons), for the family message.
 * The code expires RETENTION after the check-in, when the check-in's own records expire; it is derived from
 * the check-in alone, so a retried notification carries the same code and nothing new is stored.
 */
export class ConfirmationSigner {
  constructor(
    private readonly keys: ProofKeys,
    private readonly opts: { publicUrl?: string; retentionMs: number },
  ) {}

  sign(checkin: { landmarkId: string; createdAt: Date; verdict: Verdict }): SignedConfirmation {
    const code = this.keys.sign({
      landmarkId: checkin.landmarkId,
      at: checkin.createdAt,
      expiresAt: new Date(checkin.createdAt.getTime() + this.opts.retentionMs),
      status: checkin.verdict.status,
      reasons: checkin.verdict.reasons,
    });
    const base = this.opts.publicUrl?.replace(/\/+$/, "");
    return { code, link: base ? `${base}${CHECK_PATH}${code}` : undefined };
  }
}
