/** Confirmation codes: signed, compact, self-contained; edits, forgeries, expiry and unknown keys are refused. */
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { ProofKeys, ProofVerifier, parseSigningKey, ProofKeyError } from "../../../src/proof/proof-keys.ts";
import type { Confirmation } from "../../../src/proof/confirmation-code.ts";
import { resolveProofKeys } from "../../../src/proof/signing-key.ts";
import { renderProofPage } from "../../../src/web/proof/proof-page.ts";
import { I18n } from "../../../src/i18n/i18n.ts";
import { createLogger } from "../../../src/log.ts";
import { mkdtemp, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

const seed = () => randomBytes(32).toString("base64");
const confirmation: Confirmation = {
  landmarkId: "paris-gare-du-nord",
  at: new Date("2026-03-05T14:31:00Z"),
  expiresAt: new Date("2026-04-04T14:31:00Z"),
  status: "verified",
  reasons: [
    { code: "visual_match", ok: true },
    { code: "location_within", ok: true, vars: { distance: 42, source: "live" } },
    { code: "capture_time_missing", ok: false },
    { code: "photo_original", ok: true },
  ],
};
const during = new Date("2026-03-06T00:00:00Z");

describe("confirmation codes", () => {
  test("a code verifies and carries landmark, minute, verdict, reasons and expiry; it is compact", () => {
    const keys = ProofKeys.fromText(seed());
    const code = keys.sign(confirmation);
    assert.match(code, /^[A-Za-z0-9_-]+$/);
    assert.ok(code.length < 160, `compact: ${code.length} characters`);
    const result = keys.check(code, during);
    assert.ok(result.valid);
    assert.deepEqual(result.confirmation, confirmation);
    assert.equal(result.keyId, keys.publicKeys().keys[0]!.kid);
    assert.equal(keys.sign(confirmation), code, "deterministic: a retried notification sends the same code");
  });

  test("an edited code (any single byte), a forged one and an expired one are not valid", () => {
    const keys = ProofKeys.fromText(seed());
    const code = keys.sign(confirmation);
    const bytes = Buffer.from(code, "base64url");
    for (let i = 0; i < bytes.length; i++) {
      const edited = Buffer.from(bytes);
      edited[i] = edited[i]! ^ 0x01;
      assert.equal(keys.check(edited.toString("base64url"), during).valid, false, `byte ${i} edited`);
    }
    // "partial" edited to "verified": the signature no longer matches.
    const partial = Buffer.from(keys.sign({ ...confirmation, status: "partial" }), "base64url");
    partial[13] = 0;
    assert.deepEqual(keys.check(partial.toString("base64url"), during), { valid: false, why: "bad_signature" });
    const forger = ProofKeys.fromText(seed());
    assert.deepEqual(keys.check(forger.sign(confirmation), during), { valid: false, why: "unknown_key" });
    assert.deepEqual(keys.check(code, confirmation.expiresAt), { valid: false, why: "expired" });
    assert.deepEqual(keys.check("not-a-code", during), { valid: false, why: "malformed" });
    assert.deepEqual(keys.check(`${code}A`, during).valid, false);
  });

  test("reason codes and variables added after the code table still travel, by name", () => {
    const keys = ProofKeys.fromText(seed());
    const later = { ...confirmation, reasons: [{ code: "photo_known_elsewhere" as never, ok: false, vars: { sightings: 3, where: "web", ratio: 0.5 } }] };
    const result = keys.check(keys.sign(later), during);
    assert.ok(result.valid);
    assert.deepEqual(result.confirmation.reasons, [{ code: "photo_known_elsewhere", ok: false, vars: { sightings: 3, where: "web", ratio: "0.5" } }]);
  });

  test("a partial check-in with a photo not recognised in the dark keeps its 'night' in the code", () => {
    const keys = ProofKeys.fromText(seed());
    const partial: Confirmation = { ...confirmation, status: "partial", reasons: [{ code: "visual_no_match", ok: false, vars: { light: "night" } }, confirmation.reasons[1]!] };
    const code = keys.sign(partial);
    const result = keys.check(code, during);
    assert.ok(result.valid);
    assert.deepEqual(result.confirmation.reasons, partial.reasons);
  });

  test("rotation: codes of the previous key stay valid until they expire; new codes use the new key", () => {
    const oldSeed = seed();
    const before = ProofKeys.fromText(oldSeed);
    const oldCode = before.sign(confirmation);
    const rotated = ProofKeys.fromText(seed(), oldSeed);
    assert.equal(rotated.check(oldCode, during).valid, true);
    assert.deepEqual(rotated.check(oldCode, confirmation.expiresAt), { valid: false, why: "expired" });
    assert.deepEqual(rotated.publicKeys().keys.map((k) => k.status), ["current", "previous"]);
    const newCode = rotated.sign(confirmation);
    assert.equal(before.check(newCode, during).valid, false, "the old key does not know the new one");
    // After the previous key is dropped, its codes are no longer checkable.
    const after = ProofKeys.fromText(seed());
    assert.equal(after.check(oldCode, during).valid, false);
  });

  test("offline: the published document alone checks codes", () => {
    const keys = ProofKeys.fromText(seed(), seed());
    const offline = ProofVerifier.fromPublished(JSON.stringify(keys.publicKeys()));
    assert.equal(offline.check(keys.sign(confirmation), during).valid, true);
    const pem = generateKeyPairSync("ed25519");
    const pemKeys = new ProofKeys(pem.privateKey);
    const fromPem = ProofVerifier.fromPublished(pem.publicKey.export({ format: "pem", type: "spki" }).toString());
    assert.equal(fromPem.check(pemKeys.sign(confirmation), during).valid, true);
  });

  test("signing keys: a seed or PKCS#8 (DER base64 or PEM); anything else is refused", () => {
    const pair = generateKeyPairSync("ed25519");
    const der = pair.privateKey.export({ format: "der", type: "pkcs8" }).toString("base64");
    const pem = pair.privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    assert.equal(parseSigningKey(der).asymmetricKeyType, "ed25519");
    assert.equal(parseSigningKey(pem).asymmetricKeyType, "ed25519");
    assert.throws(() => parseSigningKey(randomBytes(16).toString("base64")), ProofKeyError);
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ format: "der", type: "pkcs8" }).toString("base64");
    assert.throws(() => parseSigningKey(rsa), /not an Ed25519 key/);
  });
});

describe("the signing key, kept like APP_KEY", () => {
  const log = createLogger("silent");

  test("development: generated once into DATA_DIR/proof.key (owner-only), then reused", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "proof-key-"));
    try {
      const config = { NODE_ENV: "development" as const, DATA_DIR: dir, PROOF_SIGNING_KEY: undefined, PROOF_SIGNING_KEY_PREVIOUS: undefined };
      const first = resolveProofKeys(config, log);
      const second = resolveProofKeys(config, log);
      assert.deepEqual(second.publicKeys(), first.publicKeys());
      assert.equal((await stat(path.join(dir, "proof.key"))).mode & 0o777, 0o600);
      assert.equal(second.check(first.sign(confirmation), during).valid, true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("production: refused without PROOF_SIGNING_KEY; the configured keys are used as given", () => {
    const base = { NODE_ENV: "production" as const, DATA_DIR: "/nonexistent", PROOF_SIGNING_KEY_PREVIOUS: undefined };
    assert.throws(() => resolveProofKeys({ ...base, PROOF_SIGNING_KEY: undefined }, log), /PROOF_SIGNING_KEY is required in production/);
    const key = seed();
    assert.deepEqual(resolveProofKeys({ ...base, PROOF_SIGNING_KEY: key }, log).publicKeys(), ProofKeys.fromText(key).publicKeys());
  });
});

describe("the check page reads codes from other releases", () => {
  test("a verdict and a reason this release has no words for are shown by their code, not as an error", () => {
    const keys = ProofKeys.fromText(seed());
    const code = keys.sign({ ...confirmation, status: "under_review" as never, reasons: [{ code: "photo_seen_on_web" as never, ok: false }] });
    const result = keys.check(code, during);
    assert.ok(result.valid);
    const page = renderProofPage({ i18n: new I18n(), locale: "en", result, names: () => undefined }).text;
    assert.match(page, /This confirmation is genuine/);
    assert.match(page, /<dd>under_review<\/dd>/);
    assert.match(page, /✘ photo_seen_on_web/);
  });

  test("needs_attention has its words in every locale", () => {
    const i18n = new I18n();
    for (const locale of i18n.locales()) assert.ok(i18n.has(locale, "proof-verdict-needs_attention"), locale);
  });
});
