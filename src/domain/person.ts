import type { ChannelId, ChatAddress } from "./identity.ts";
import { DEFAULT_LOCALE, matchLocale, type Locale } from "./locale.ts";

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
  /** The traveller agreed that the deployment's NGO is alerted when they miss a deadline. */
  ngoConsent?: boolean;
  /** The last verified check-in only: no location history is kept. */
  lastArrival?: { landmarkId: string; at: Date };
  createdAt: Date;
}

export type TripStatus = "active" | "arrived" | "safe";

export interface Trip {
  id: string;
  travellerId: string;
  landmarkId: string;
  deadline: Date;
  /** The deadline as first planned: extensions are capped relative to it. */
  originalDeadline: Date;
  createdAt: Date;
  status: TripStatus;
  arrivedAt?: Date;
  /** How many escalation stages have fired for the current deadline. */
  stage: number;
  /** Family or NGO have been alerted: extending now needs the secret word, an arrival needs a correction. */
  escalated: boolean;
}

export type CheckinStatus = "queued" | "verified" | "partial" | "needs_attention" | "not_verified" | "rejected";

export interface Invite {
  code: string;
  travellerId: string;
  createdAt: Date;
  expiresAt: Date;
}

/** A traveller's two words: the secret one (to extend an escalated trip) and the duress one (a check-in under threat). */
export type WordKind = "secret" | "duress";
export type WordMatch = WordKind | "none";

/** What a traveller may choose as a word: 4 to 32 letters (their accents or vowel signs count towards the length) or digits, in any script. */
export const WORD_PATTERN = /^[\p{L}\p{M}\p{N}]{4,32}$/u;

export function isChannel(value: string, channels: readonly ChannelId[]): value is ChannelId {
  return (channels as readonly string[]).includes(value);
}

/** The language a person is written to in: the one they chose, else their chat client's (when told), else the default. */
export function localeOf(person: Pick<Person, "locale"> | undefined, clientHint?: string): Locale {
  return person?.locale ?? matchLocale(clientHint) ?? DEFAULT_LOCALE;
}
