/**
 * The binary layout of a confirmation code: what a signed arrival confirmation says, compactly. Pure: no
 * keys here (signing and checking are in proof-keys.ts). Layout, version 1 (all integers big-endian):
 *
 *   version (1) | key id (4) | time, minutes since 1970 (4) | expiry, minutes since 1970 (4) | verdict (1)
 *   | landmark id: length (1) + UTF-8 | reasons: count (1), each: code byte, vars
 *   | Ed25519 signature over everything before it (64)
 *
 * A reason's code byte is its index in REASON_CODES with 0x80 set when the reason speaks for the arrival;
 * index 127 is followed by the code's name (for codes added after this table). Its vars: count (1), each a
 * name byte (index in VAR_NAMES, 255 + name for others) and a value: 0 unsigned integer (LEB128), 1 text.
 * The whole is written base64url. Nothing in it names or locates a person: landmark, minute and reasons only.
 */
import type { Reason, ReasonCode, VerdictStatus } from "../domain/verdict.ts";

export const CODE_VERSION = 1;
export const KEY_ID_BYTES = 4;
export const SIGNATURE_BYTES = 64;
const MINUTE_MS = 60_000;

/**
 * Append only: a code's index is in every confirmation already sent. Strings, not the ReasonCode type: codes
 * of the evidence rules (issue 17) are listed ahead of their arrival, and unknown ones travel by name.
 */
export const REASON_CODES: readonly string[] = [
  "photo_forwarded", "photo_replay_reference", "photo_replay_earlier", "photo_original",
  "location_within", "location_outside", "location_forwarded", "location_venue", "location_missing",
  "capture_time_fresh", "capture_time_stale", "capture_time_future", "capture_time_missing",
  "visual_match", "visual_no_match", "visual_other_landmark", "visual_not_evaluated",
  "location_via_bot", "photo_gps_agrees", "photo_gps_contradicts",
];
/** Append only, like REASON_CODES. */
export const VAR_NAMES: readonly string[] = ["distance", "minutes", "source", "landmark", "light"];
/** Append only, like REASON_CODES; a verdict not listed travels by name (255, then the name). */
export const VERDICTS: readonly string[] = ["verified", "partial", "not_verified", "needs_attention"];
const ESCAPE_CODE = 127;
const ESCAPE_VERDICT = 255;
const ESCAPE_VAR = 255;

/** What a code certifies. Times are whole minutes. */
export interface Confirmation {
  landmarkId: string;
  at: Date;
  expiresAt: Date;
  status: VerdictStatus;
  reasons: Reason[];
}

export class MalformedCodeError extends Error {
  override name = "MalformedCodeError";
}

class Writer {
  private readonly parts: number[] = [];
  byte(n: number): void {
    this.parts.push(n & 0xff);
  }
  uint32(n: number): void {
    this.parts.push((n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
  }
  varint(n: number): void {
    do {
      const low = n % 128;
      n = Math.floor(n / 128);
      this.byte(n > 0 ? low | 0x80 : low);
    } while (n > 0);
  }
  text(s: string): void {
    const bytes = Buffer.from(s, "utf8");
    if (bytes.length > 255) throw new RangeError("text too long for a confirmation code");
    this.byte(bytes.length);
    for (const b of bytes) this.byte(b);
  }
  bytes(b: Uint8Array): void {
    for (const x of b) this.byte(x);
  }
  done(): Buffer {
    return Buffer.from(this.parts);
  }
}

class Reader {
  private at = 0;
  constructor(private readonly buf: Buffer) {}
  byte(): number {
    if (this.at >= this.buf.length) throw new MalformedCodeError("truncated");
    return this.buf[this.at++]!;
  }
  uint32(): number {
    return ((this.byte() << 24) >>> 0) + (this.byte() << 16) + (this.byte() << 8) + this.byte();
  }
  varint(): number {
    let n = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      const b = this.byte();
      n += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return n;
      scale *= 128;
    }
    throw new MalformedCodeError("number too long");
  }
  text(): string {
    const length = this.byte();
    if (this.at + length > this.buf.length) throw new MalformedCodeError("truncated");
    const s = this.buf.subarray(this.at, this.at + length);
    this.at += length;
    const text = s.toString("utf8");
    if (!Buffer.from(text, "utf8").equals(s)) throw new MalformedCodeError("not UTF-8");
    return text;
  }
  get remaining(): number {
    return this.buf.length - this.at;
  }
}

/** The signed part of a code: everything but the signature. */
export function encodeClaim(keyId: Buffer, c: Confirmation): Buffer {
  if (keyId.length !== KEY_ID_BYTES) throw new RangeError("key id must be 4 bytes");
  const w = new Writer();
  w.byte(CODE_VERSION);
  w.bytes(keyId);
  w.uint32(Math.floor(c.at.getTime() / MINUTE_MS));
  w.uint32(Math.floor(c.expiresAt.getTime() / MINUTE_MS));
  const verdict = VERDICTS.indexOf(c.status);
  w.byte(verdict >= 0 ? verdict : ESCAPE_VERDICT);
  if (verdict < 0) w.text(c.status);
  w.text(c.landmarkId);
  w.byte(c.reasons.length);
  for (const r of c.reasons) {
    const index = REASON_CODES.indexOf(r.code);
    w.byte((r.ok ? 0x80 : 0) | (index >= 0 ? index : ESCAPE_CODE));
    if (index < 0) w.text(r.code);
    const vars = Object.entries(r.vars ?? {});
    w.byte(vars.length);
    for (const [name, value] of vars) {
      const v = VAR_NAMES.indexOf(name);
      w.byte(v >= 0 ? v : ESCAPE_VAR);
      if (v < 0) w.text(name);
      if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) {
        w.byte(0);
        w.varint(value);
      } else {
        w.byte(1);
        w.text(String(value));
      }
    }
  }
  return w.done();
}

export interface ParsedCode {
  keyId: Buffer;
  claim: Buffer;
  signature: Buffer;
  confirmation: Confirmation;
}

/** Splits and reads a code; throws MalformedCodeError for anything that is not a well-formed version-1 code. */
export function parseCode(code: string): ParsedCode {
  if (!/^[A-Za-z0-9_-]{20,1000}$/.test(code)) throw new MalformedCodeError("not base64url");
  const buf = Buffer.from(code, "base64url");
  // Decoding is lenient (trailing bits); a code that does not re-encode to itself was edited.
  if (buf.toString("base64url") !== code || buf.length <= SIGNATURE_BYTES) throw new MalformedCodeError("not a code");
  const claim = buf.subarray(0, buf.length - SIGNATURE_BYTES);
  const signature = buf.subarray(buf.length - SIGNATURE_BYTES);
  const r = new Reader(claim);
  if (r.byte() !== CODE_VERSION) throw new MalformedCodeError("unknown version");
  const keyId = Buffer.from([r.byte(), r.byte(), r.byte(), r.byte()]);
  const at = new Date(r.uint32() * MINUTE_MS);
  const expiresAt = new Date(r.uint32() * MINUTE_MS);
  const verdictByte = r.byte();
  const status = (verdictByte === ESCAPE_VERDICT ? r.text() : VERDICTS[verdictByte]) as VerdictStatus | undefined;
  if (!status) throw new MalformedCodeError("unknown verdict");
  const landmarkId = r.text();
  const reasons: Reason[] = [];
  for (let n = r.byte(); n > 0; n--) {
    const head = r.byte();
    const index = head & 0x7f;
    const code = index === ESCAPE_CODE ? r.text() : REASON_CODES[index];
    if (!code) throw new MalformedCodeError("unknown reason");
    const reason: Reason = { code: code as ReasonCode, ok: (head & 0x80) !== 0 };
    const count = r.byte();
    if (count > 0) reason.vars = {};
    for (let v = 0; v < count; v++) {
      const nameIndex = r.byte();
      const name = nameIndex === ESCAPE_VAR ? r.text() : VAR_NAMES[nameIndex];
      if (!name) throw new MalformedCodeError("unknown variable");
      const type = r.byte();
      if (type === 0) reason.vars![name] = r.varint();
      else if (type === 1) reason.vars![name] = r.text();
      else throw new MalformedCodeError("unknown value type");
    }
    reasons.push(reason);
  }
  if (r.remaining !== 0) throw new MalformedCodeError("trailing bytes");
  return { keyId, claim, signature, confirmation: { landmarkId, at, expiresAt, status, reasons } };
}
