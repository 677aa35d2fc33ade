/** Checks on what a request sent: a secret token (in constant time), a cross-site POST, a path to go back to. */
import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyRequest } from "fastify";

/**
 * Constant-time comparison of a secret token with what a request sent. Both sides are hashed first: the
 * digests always have the same length, so a token of another byte length (non-ASCII text of the same
 * character count) is a plain mismatch instead of an exception from timingSafeEqual.
 */
export function sameToken(expected: string, given: unknown): boolean {
  if (typeof given !== "string" || !expected) return false;
  const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/** A POST from another site is refused before the token is checked. Pages use Referrer-Policy same-origin, so browsers send the real Origin (no-referrer would make it "null"). */
export function crossOrigin(req: FastifyRequest): boolean {
  const origin = req.headers.origin;
  if (!origin || origin === "null") return origin === "null";
  try {
    return new URL(origin).host !== req.headers.host;
  } catch {
    return true;
  }
}

const LOCAL_ORIGIN = "http://localhost";
// Browsers drop tabs and newlines from URLs and read a backslash as a slash, so "/\t/evil" and "/\\evil" become "//evil".
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_PATH = /[\u0000-\u001f\u007f\\]/;

/**
 * A path of this site, or undefined. Only a same-origin relative path passes: it must start with one "/", hold no
 * control character or backslash, and still resolve to this origin when parsed as a URL.
 */
export function localPath(to: string): string | undefined {
  if (!to.startsWith("/") || to.startsWith("//") || UNSAFE_IN_PATH.test(to)) return undefined;
  let url: URL;
  try {
    url = new URL(to, LOCAL_ORIGIN);
  } catch {
    return undefined;
  }
  if (url.origin !== LOCAL_ORIGIN) return undefined;
  const local = `${url.pathname}${url.search}${url.hash}`;
  return local.startsWith("//") ? undefined : local;
}
