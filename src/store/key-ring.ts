import { createHash, createHmac } from "node:crypto";
import { SealError, SealedBox, type Sealer } from "./sealed-box.ts";

/** A short public id of a master key, stored in front of what it wraps so the right key is picked without trial. */
export function keyIdOf(base64Key: string): string {
  return createHash("sha256").update(Buffer.from(base64Key, "base64")).digest("hex").slice(0, 8);
}

interface MasterKey {
  id: string;
  box: SealedBox;
  /** HMAC key of the chat-address index (derived, so the master key itself never keys a hash). */
  indexKey: Buffer;
}

function masterKey(base64Key: string): MasterKey {
  return {
    id: keyIdOf(base64Key),
    box: new SealedBox(base64Key),
    indexKey: createHmac("sha256", Buffer.from(base64Key, "base64")).update("address-index").digest(),
  };
}

/**
 * The app key (APP_KEY) and, during a rotation, the one before it (APP_KEY_PREVIOUS): the one place that
 * knows both. It seals with the current key and opens with either, and gives the keyed hash of a chat
 * address under each, so that lookups can fall back to the previous key's hash until `keys rotate` ran.
 */
export class KeyRing implements Sealer {
  readonly current: MasterKey;
  readonly previous?: MasterKey;

  constructor(currentKey: string, previousKey?: string) {
    this.current = masterKey(currentKey);
    if (previousKey && keyIdOf(previousKey) !== this.current.id) this.previous = masterKey(previousKey);
  }

  seal(plain: string | Buffer, boundTo: string): string {
    return this.current.box.seal(plain, boundTo);
  }

  open(sealed: string, boundTo: string): Buffer {
    return this.openWithKey(sealed, boundTo).plain;
  }

  /** The value sealed with the current key, or undefined when it already is (or does not open with either key). */
  reseal(sealed: string, boundTo: string): string | undefined {
    if (!this.previous) return undefined;
    try {
      const { plain, stale } = this.openWithKey(sealed, boundTo);
      return stale ? this.seal(plain, boundTo) : undefined;
    } catch (err) {
      if (err instanceof SealError) return undefined;
      throw err;
    }
  }

  /**
   * A keyed hash of a chat address, for index keys: Redis never holds a chat id or phone number in clear,
   * and without the master key the hash cannot be matched against a list of numbers.
   */
  addressIndex(channel: string, chatId: string): string {
    return indexWith(this.current.indexKey, channel, chatId);
  }

  /** The same hash under APP_KEY_PREVIOUS, while it is set. */
  previousAddressIndex(channel: string, chatId: string): string | undefined {
    return this.previous ? indexWith(this.previous.indexKey, channel, chatId) : undefined;
  }

  private openWithKey(sealed: string, boundTo: string): { plain: Buffer; stale: boolean } {
    try {
      return { plain: this.current.box.open(sealed, boundTo), stale: false };
    } catch (err) {
      if (!(err instanceof SealError) || !this.previous) throw err;
      return { plain: this.previous.box.open(sealed, boundTo), stale: true };
    }
  }
}

function indexWith(key: Buffer, channel: string, chatId: string): string {
  return createHmac("sha256", key).update(`${channel}:${chatId}`).digest("base64url").slice(0, 32);
}
