/** RFC 6238 test vectors for the TOTP second factor; the escaping template; alert urgency; password rules. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { base32Decode, base32Encode, hotp, totp, verifyTotp } from "../../../src/web/dashboard/totp.ts";
import { html, unsafeRaw } from "../../../src/web/dashboard/html.ts";
import { byUrgency } from "../../../src/web/dashboard/alert-pages.ts";
import { passwordProblem } from "../../../src/web/dashboard/password.ts";
import { fromAcceptLanguage } from "../../../src/web/dashboard/i18n.ts";
import type { NgoAlert } from "../../../src/domain/ngo-alert.ts";

test("RFC 6238 appendix B vectors (SHA-1, 8 digits), through the HOTP core", () => {
  const key = Buffer.from("12345678901234567890");
  const vectors: [number, string][] = [
    [59, "94287082"], [1111111109, "07081804"], [1111111111, "14050471"], [1234567890, "89005924"], [2000000000, "69279037"], [20000000000, "65353130"],
  ];
  for (const [seconds, code] of vectors) assert.equal(hotp(key, Math.floor(seconds / 30), 8), code, `T=${seconds}`);
});

test("RFC 6238 vectors through the base32 secret, 6 digits, with one step of drift allowed", () => {
  const secret = base32Encode(Buffer.from("12345678901234567890"));
  assert.equal(secret, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  assert.deepEqual(base32Decode(secret), Buffer.from("12345678901234567890"));
  assert.equal(totp(secret, new Date(59_000)), "287082");
  assert.equal(totp(secret, new Date(1111111109_000)), "081804");
  const at = new Date(1234567890_000);
  assert.equal(verifyTotp(secret, "005924", at), Math.floor(1234567890 / 30));
  assert.notEqual(verifyTotp(secret, totp(secret, new Date(at.getTime() - 30_000)), at), undefined, "previous step");
  assert.equal(verifyTotp(secret, totp(secret, new Date(at.getTime() - 90_000)), at), undefined, "three steps old");
  assert.equal(verifyTotp(secret, "12345", at), undefined);
  assert.equal(verifyTotp(secret, "abcdef", at), undefined);
});

test("html`` escapes every interpolation unless it is html or explicitly raw", () => {
  const name = `<script>alert("x")</script>'&`;
  assert.equal(html`<p title="${name}">${name}</p>`.text, `<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;&amp;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;&amp;</p>`);
  assert.equal(html`<ul>${["<a>", html`<li>ok</li>`]}</ul>`.text, "<ul>&lt;a&gt;<li>ok</li></ul>");
  assert.equal(html`${undefined}${null}${false}${0}`.text, "0");
  assert.equal(html`${unsafeRaw("<b>")}`.text, "<b>");
});

test("alerts sort by urgency: duress first, then missed deadlines by age", () => {
  const a = (id: string, kind: "missed" | "duress", deadlineMin: number): NgoAlert => ({
    id, kind, status: "open", orgId: "default", landmarkId: "x", deadline: new Date(deadlineMin * 60_000), language: "en", channel: "sandbox", createdAt: new Date(deadlineMin * 60_000),
  });
  const sorted = [a("m-new", "missed", 50), a("d-new", "duress", 40), a("m-old", "missed", 10), a("d-old", "duress", 5)].sort(byUrgency);
  assert.deepEqual(sorted.map((x) => x.id), ["d-old", "d-new", "m-old", "m-new"]);
});

test("weak passwords are refused", () => {
  assert.equal(passwordProblem("short"), "too_short");
  assert.equal(passwordProblem("aaaaaaaaaaaaaaaa"), "too_few_characters");
  assert.equal(passwordProblem("123456789012"), "common");
  assert.equal(passwordProblem("amina.k-2026-travel", "amina.k@example.org"), "contains_email");
  assert.equal(passwordProblem("correct horse battery staple", "x@example.org"), undefined);
});

test("Accept-Language picks a dashboard language by weight", () => {
  assert.equal(fromAcceptLanguage("de-DE,fr;q=0.8,ar;q=0.9"), "ar");
  assert.equal(fromAcceptLanguage("fr-CA"), "fr");
  assert.equal(fromAcceptLanguage("de"), undefined);
  assert.equal(fromAcceptLanguage(undefined), undefined);
});
