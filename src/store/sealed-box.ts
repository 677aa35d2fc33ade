import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const VERSION = "v1";
/** First byte of the raw form (sealBytes); the text form starts with "v" (0x76). */
const BYTES_VERSION = Buffer.from([0x01]);
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * IVs come from a pool of random bytes filled 4 KB at a time: one CSPRNG call per 341 seals instead of one
 * each (each call costed as much as the AES itself on the webhook's path). Same randomness, same uniqueness.
 */
const IV_POOL_BYTES = 4_096 - (4_096 % IV_BYTES);
let ivPool = Buffer.alloc(0);
let ivAt = 0;

function nextIv(): Buffer {
  if (ivAt + IV_BYTES > ivPool.length) {
    ivPool = randomBytes(IV_POOL_BYTES);
    ivAt = 0;
  }
  // A copy: the pool's bytes are never handed out twice, nor kept alive by a caller.
  const iv = Buffer.from(ivPool.subarray(ivAt, ivAt + IV_BYTES));
  ivAt += IV_BYTES;
  return iv;
}

export class SealError extends Error {
  override name = "SealError";
}

/** What seals and opens values bound to a name: one key (SealedBox) or the app's key ring (KeyRing). */
export interface Sealer {
  seal(plain: string | Buffer, boundTo: string): string;
  open(sealed: string, boundTo: string): Buffer;
  /** The value sealed anew with the current key, or undefined when it already is (key rotation). */
  reseal(sealed: string, boundTo: string): string | undefined;
}

/**
 * AES-256-GCM with a 32-byte key (the app key, APP_KEY, or a per-record key). Each value is bound to the name it is stored under (the GCM
 * additional data), so a value copied to another key, or changed at all, does not open.
 */
export class SealedBox implements Sealer {
  private readonly key: Buffer;

  constructor(base64Key: string) {
    this.key = Buffer.from(base64Key, "base64");
    if (this.key.length !== 32) throw new SealError("a key must be 32 bytes, base64-encoded");
  }

  seal(plain: string | Buffer, boundTo: string): string {
    const iv = nextIv();
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    cipher.setAAD(Buffer.from(boundTo, "utf8"));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
  }

  /**
   * The same sealing as raw bytes: a version byte, IV, tag, ciphertext. 29 bytes over the plain text where
   * the text form is about 4/3 of that plus 3, so a short value (a landmark id) stays within Redis's
   * 64-byte limit for compact (listpack) hash fields.
   */
  sealBytes(plain: string | Buffer, boundTo: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    cipher.setAAD(Buffer.from(boundTo, "utf8"));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([BYTES_VERSION, iv, cipher.getAuthTag(), body]);
  }

  /** One key has nothing older to move from. */
  reseal(): undefined {
    return undefined;
  }

  /** Opens either form: the text one (seal) or, given as a Buffer, the raw one (sealBytes) or the text one's bytes. */
  open(sealed: string | Buffer, boundTo: string): Buffer {
    let raw: Buffer;
    if (Buffer.isBuffer(sealed) && sealed[0] === BYTES_VERSION[0]) raw = sealed.subarray(1);
    else {
      const [version, payload] = (Buffer.isBuffer(sealed) ? sealed.toString("latin1") : sealed).split(".", 2);
      if (version !== VERSION || !payload) throw new SealError("not a sealed value");
      raw = Buffer.from(payload, "base64");
    }
    if (raw.length < IV_BYTES + TAG_BYTES) throw new SealError("sealed value too short");
    const decipher = createDecipheriv("aes-256-gcm", this.key, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(boundTo, "utf8"));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    try {
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    } catch {
      throw new SealError("sealed value does not open with this key (wrong APP_KEY or tampered)");
    }
  }
}
