import type { ChannelId, ChatAddress } from "./identity.ts";
import type { Locale } from "./locale.ts";

/** Anyone who talks to the bot: a traveller, a family contact, or both. */
export interface Person {
  id: string;
  address: ChatAddress;
  /** Unset until the person picks a language. */
  locale?: Locale;
  /** The name the chat client shows; it is what a family sees in "X arrived". */
  displayName: string;
  /** When the person accepted the traveller consent text; unset for family-only contacts. */
  consentAt?: Date;
  createdAt: Date;
}

export interface Trip {
  id: string;
  travellerId: string;
  landmarkId: string;
  deadline: Date;
  createdAt: Date;
  status: "active" | "arrived";
  arrivedAt?: Date;
}

export type CheckinStatus = "queued" | "verified" | "partial" | "not_verified" | "rejected";

export interface Invite {
  code: string;
  travellerId: string;
  createdAt: Date;
  expiresAt: Date;
}

export function isChannel(value: string, channels: readonly ChannelId[]): value is ChannelId {
  return (channels as readonly string[]).includes(value);
}
