/** Staff passwords: Argon2id (argon2 package, bundled prebuilds) and a strength rule that refuses weak ones. */
import argon2 from "argon2";

/** OWASP's Argon2id minimum is m=19 MiB, t=2; this is above it and takes ~50 ms on a small server. */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 3, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Spends about the time of a real verification, so an unknown email does not answer faster. */
let dummyHash: Promise<string> | undefined;
export async function verifyDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("not-a-real-password-0000");
  await verifyPassword(await dummyHash, password);
  return false;
}

const COMMON = new Set([
  "password", "password1", "passw0rd", "123456789012", "qwertyuiop", "letmein123", "safearrival", "changeme123",
  "administrator", "iloveyou123", "welcome123", "111111111111", "000000000000", "abcdefghijkl",
]);

export type PasswordProblem = "too_short" | "too_long" | "common" | "contains_email" | "too_few_characters";

/** English explanations, for the CLI; the dashboard shows its translated ones. */
export const PASSWORD_PROBLEM_TEXT: Record<PasswordProblem, string> = {
  too_short: "use at least 12 characters",
  too_long: "use at most 256 characters",
  common: "this password is too common",
  contains_email: "do not use your email in the password",
  too_few_characters: "use more different characters",
};

/** Why a password is refused, or undefined when it is acceptable: 12+ characters, not common, not the email, varied. */
export function passwordProblem(password: string, email?: string): PasswordProblem | undefined {
  if (password.length < 12) return "too_short";
  if (password.length > 256) return "too_long";
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return "common";
  const local = email?.toLowerCase().split("@")[0] ?? "";
  if (local.length >= 4 && lower.includes(local)) return "contains_email";
  if (new Set(password).size < 6) return "too_few_characters";
  return undefined;
}
