/**
 * Photos that come as more than one message, so that the best image is the one verified:
 *
 * - HD photos: WhatsApp sends a standard-quality imageMessage, then the HD upload as a separate message
 *   wrapped in `associatedChildMessage` (which Baileys' normalizeMessageContent unwraps,
 *   lib/Utils/messages.js), its messageContextInfo.messageAssociation of type HD_IMAGE_DUAL_UPLOAD (10)
 *   pointing at the first one's key (WAProto.proto: MessageAssociation).
 * - Albums: an albumMessage with expectedImageCount, then each image with messageAssociation of type
 *   MEDIA_ALBUM (1) and the album's key as parentMessageKey (lib/Utils/messages.js, `albumParentKey`).
 *
 * Children are set aside as they arrive; a parent (a plain image, an album) waits a short time for its
 * children, then one message goes on: the HD child, or the album's largest image.
 */
import type { proto, WAMessage } from "@whiskeysockets/baileys";
import { toNumber } from "./wa-inbound.ts";

/** MessageAssociation.AssociationType values (WAProto.proto), kept here so the module loads without Baileys. */
export const MEDIA_ALBUM = 1;
export const HD_IMAGE_DUAL_UPLOAD = 10;

export interface MediaWaits {
  /** How long a plain photo waits for its HD upload. */
  hdMs: number;
  /** How long an album waits for all its images. */
  albumMs: number;
}

/** A child message's link to its parent: the association type and the parent's message id. */
export function parentLink(message: WAMessage): { type: number; parentId: string } | undefined {
  const outer = message.message;
  const inner = outer?.associatedChildMessage?.message;
  const association = inner?.messageContextInfo?.messageAssociation ?? outer?.messageContextInfo?.messageAssociation;
  const type = association?.associationType;
  const parentId = association?.parentMessageKey?.id;
  if ((type !== HD_IMAGE_DUAL_UPLOAD && type !== MEDIA_ALBUM) || !parentId) return undefined;
  return { type, parentId };
}

function image(message: WAMessage): proto.Message.IImageMessage | undefined {
  const m = message.message;
  return m?.imageMessage ?? m?.associatedChildMessage?.message?.imageMessage ?? undefined;
}

/** Pixels, then bytes: the larger image carries more for the matcher. */
function size(message: WAMessage): [number, number] {
  const img = image(message);
  return [(img?.width ?? 0) * (img?.height ?? 0), toNumber(img?.fileLength) ?? 0];
}

export function largest(messages: WAMessage[]): WAMessage | undefined {
  return messages.filter((m) => image(m)).sort((a, b) => {
    const [pa, ba] = size(a);
    const [pb, bb] = size(b);
    return pb - pa || bb - ba;
  })[0];
}

interface Group {
  children: WAMessage[];
  /** Called when a child arrives (the waiting parent checks whether it has enough). */
  wake?: () => void;
  /** Ends the parent's wait now (shutdown). */
  finish?: () => void;
  expires: NodeJS.Timeout;
}

export class WaMediaGroups {
  private readonly groups = new Map<string, Group>();

  constructor(private readonly waits: MediaWaits) {}

  /** Sets a child aside for its parent; true when the message is a child (the caller hands it on no further). */
  addChild(message: WAMessage): boolean {
    const link = parentLink(message);
    if (!link || !image(message)) return false;
    const group = this.group(message.key.remoteJid ?? "", link.parentId);
    group.children.push(message);
    group.wake?.();
    return true;
  }

  /**
   * The message to handle in place of this one: an image's HD child, an album's largest image (undefined
   * when none came), or the message itself.
   */
  async best(message: WAMessage): Promise<WAMessage | undefined> {
    const content = message.message;
    const id = message.key.id;
    if (!id) return message;
    if (content?.albumMessage) {
      const expected = content.albumMessage.expectedImageCount ?? 0;
      const children = await this.wait(message, this.waits.albumMs, (n) => expected > 0 && n >= expected);
      return largest(children);
    }
    if (content?.imageMessage) {
      const children = await this.wait(message, this.waits.hdMs, (n) => n > 0);
      return children.find((c) => parentLink(c)?.type === HD_IMAGE_DUAL_UPLOAD) ?? message;
    }
    return message;
  }

  private key(chat: string, parentId: string): string {
    return `${chat}\n${parentId}`;
  }

  private group(chat: string, parentId: string): Group {
    const key = this.key(chat, parentId);
    let group = this.groups.get(key);
    if (!group) {
      // A child whose parent never comes (or came long before) is not kept.
      const expires = setTimeout(() => this.groups.delete(key), Math.max(this.waits.albumMs, this.waits.hdMs) * 2 + 60_000);
      expires.unref();
      group = { children: [], expires };
      this.groups.set(key, group);
    }
    return group;
  }

  private async wait(parent: WAMessage, ms: number, enough: (n: number) => boolean): Promise<WAMessage[]> {
    const chat = parent.key.remoteJid ?? "";
    const key = this.key(chat, parent.key.id!);
    const group = this.group(chat, parent.key.id!);
    if (!enough(group.children.length)) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        group.finish = () => {
          clearTimeout(timer);
          resolve();
        };
        group.wake = () => {
          if (enough(group.children.length)) group.finish!();
        };
      });
    }
    clearTimeout(group.expires);
    this.groups.delete(key);
    return group.children;
  }

  clear(): void {
    for (const group of this.groups.values()) {
      clearTimeout(group.expires);
      group.finish?.();
    }
    this.groups.clear();
  }
}
