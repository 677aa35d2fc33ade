/**
 * Ed25519 keys of confirmation codes (node:crypto): the current signing key (PROOF_SIGNING_KEY) and, during
 * a rotation, the one before it (PROOF_SIGNING_KEY_PREVIOUS), whose codes stay checkable until they expire.
 * The key id inside a code picks the key, so checking never tries keys in turn.
 */
import { createHash, createPrivateKey, createPublicKey, sign, verify, type KeyObject } from "node:crypto";
import { encodeClaim, KEY_ID_BYTES, MalformedCodeError, parseCode, type Confirmation } from "./confirmation-code.ts";

/** PKCS#8 DER of an Ed25519 private key is this prefix followed by the 32-byte seed (RFC 8410). */
const PKCS8_ED25519_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

export class ProofKeyError extends Error {
  override name = "ProofKeyError";
}

/** Reads a signing key: a base64 32-byte seed, a base64 PKCS#8 DER, or a PKCS#8 PEM. */
export function parseSigningKey(text: string): KeyObject {
  let key: KeyObject;
  try {
    if (text.includes("-----BEGIN")) key = createPrivateKey(text);
    else {
      const der = Buffer.from(text.trim(), "base64");
      const pkcs8 = der.length === 32 ? Buffer.concat([PKCS8_ED25519_PREFIX, der]) : der;
      key = createPrivateKey({ key: pkcs8, format: "der", type: "pkcs8" });
    }
  } catch {
    throw new ProofKeyError("not an Ed25519 key: a base64 32-byte seed or PKCS#8 key is expected");
  }
  if (key.asymmetricKeyType !== "ed25519") throw new ProofKeyError(`not an Ed25519 key (${key.asymmetricKeyType})`);
  return key;
}

/** The 32 raw bytes of an Ed25519 public key. */
function rawPublicKey(key: KeyObject): Buffer {
  const x = key.export({ format: "jwk" }).x;
  if (!x) throw new ProofKeyError("not an Ed25519 key");
  return Buffer.from(x, "base64url");
}

/** A key's id: the first 4 bytes of SHA-256 of its raw public key. */
export function proofKeyId(publicKey: KeyObject): Buffer {
  return createHash("sha256").update(rawPublicKey(publicKey)).digest().subarray(0, KEY_ID_BYTES);
}

export interface PublicProofKey {
  kid: string;
  kty: "OKP";
  crv: "Ed25519";
  /** base64url of the 32-byte public key (RFC 8037). */
  x: string;
  use: "sig";
  /** "current" signs new codes; "previous" only checks the codes it signed until they expire. */
  status: "current" | "previous";
}

/** The published document (a JWK Set): what anyone needs to check a code offline. */
export interface PublicProofKeys {
  keys: PublicProofKey[];
}

export type CheckResult =
  | { valid: true; confirmation: Confirmation; keyId: string }
  | { valid: false; why: "malformed" | "unknown_key" | "bad_signature" | "expired" };

/** Checks codes against a set of public keys; works offline from the published document. */
export class ProofVerifier {
  private readonly byId = new Map<string, KeyObject>();

  constructor(keys: readonly KeyObject[]) {
    for (const key of keys) this.byId.set(proofKeyId(key).toString("hex"), key);
  }

  /** From the published JSON document (a JWK Set), a PEM public key, or a base64 32-byte public key. */
  static fromPublished(text: string): ProofVerifier {
    const trimmed = text.trim();
    if (trimmed.startsWith("{")) {
      const doc = JSON.parse(trimmed) as { keys?: Array<{ kty?: string; crv?: string; x?: string }> };
      const keys = (doc.keys ?? []).filter((k) => k.kty === "OKP" && k.crv === "Ed25519" && typeof k.x === "string");
      if (keys.length === 0) throw new ProofKeyError("no Ed25519 key in the document");
      return new ProofVerifier(keys.map((k) => createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: k.x! }, format: "jwk" })));
    }
    if (trimmed.includes("-----BEGIN")) return new ProofVerifier([createPublicKey(trimmed)]);
    const raw = Buffer.from(trimmed, "base64");
    if (raw.length !== 32) throw new ProofKeyError("a public key file is the published JSON, a PEM key or 32 bytes in base64");
    return new ProofVerifier([createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x: raw.toString("base64url") }, format: "jwk" })]);
  }

  /** Valid only when well formed, signed by a known key, unedited and not expired at `now`. */
  check(code: string, now: Date): CheckResult {
    let parsed;
    try {
      parsed = parseCode(code.trim());
    } catch (err) {
      if (err instanceof MalformedCodeError) return { valid: false, why: "malformed" };
      throw err;
    }
    const keyId = parsed.keyId.toString("hex");
    const key = this.byId.get(keyId);
    if (!key) return { valid: false, why: "unknown_key" };
    if (!verify(null, parsed.claim, key, parsed.signature)) return { valid: false, why: "bad_signature" };
    if (parsed.confirmation.expiresAt.getTime() <= now.getTime()) return { valid: false, why: "expired" };
    return { valid: true, confirmation: parsed.confirmation, keyId };
  }
}

/** The service's keys: signs with the current one, checks with both. */
export class ProofKeys extends ProofVerifier {
  private readonly signing: KeyObject;
  private readonly keyId: Buffer;
  private readonly published: PublicProofKeys;

  constructor(current: KeyObject, previous?: KeyObject) {
    const currentPublic = createPublicKey(current);
    const previousPublic = previous && createPublicKey(previous);
    const distinct = previousPublic && !proofKeyId(previousPublic).equals(proofKeyId(currentPublic)) ? previousPublic : undefined;
    super(distinct ? [currentPublic, distinct] : [currentPublic]);
    this.signing = current;
    this.keyId = proofKeyId(currentPublic);
    const jwk = (key: KeyObject, status: PublicProofKey["status"]): PublicProofKey => ({
      kid: proofKeyId(key).toString("hex"), kty: "OKP", crv: "Ed25519", x: rawPublicKey(key).toString("base64url"), use: "sig", status,
    });
    this.published = { keys: [jwk(currentPublic, "current"), ...(distinct ? [jwk(distinct, "previous")] : [])] };
  }

  static fromText(current: string, previous?: string): ProofKeys {
    return new ProofKeys(parseSigningKey(current), previous ? parseSigningKey(previous) : undefined);
  }

  /** The code of a confirmation: deterministic (Ed25519), so a retried job sends the same code. */
  sign(confirmation: Confirmation): string {
    const claim = encodeClaim(this.keyId, confirmation);
    return Buffer.concat([claim, sign(null, claim, this.signing)]).toString("base64url");
  }

  publicKeys(): PublicProofKeys {
    return this.published;
  }
}
