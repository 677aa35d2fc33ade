/**
 * The channel-agnostic message shapes. Channel adapters map their updates to Inbound and render
 * Outbound; the conversation core sees nothing channel-specific.
 */
import type { ChannelId, ChatAddress } from "../domain/identity.ts";
import type { LocationReport } from "../domain/location-report.ts";

interface InboundBase {
  from: ChatAddress;
  /** The sender's display name as the client shows it. Untrusted text. */
  name: string;
  /** The client's language tag, when the channel tells it. */
  languageHint?: string;
  at: Date;
  /** The channel's id of this message, for deleting it (a message that set a secret word). */
  messageRef?: string;
}

export type Inbound =
  | (InboundBase & { kind: "text"; text: string })
  /** A button press; `data` is what the core put in the button. */
  | (InboundBase & { kind: "choice"; data: string })
  | (InboundBase & {
      kind: "photo";
      /** Sent as a file (document) rather than a compressed photo: EXIF survives. */
      asFile: boolean;
      forwarded: boolean;
      /** Sent through an inline bot (Telegram `via_bot`); also counted as forwarded. */
      viaBot?: boolean;
      /** Size as announced by the channel before download, when known. */
      size?: number;
      mime?: string;
      /** Text sent with the photo; may carry the secret or duress word. */
      caption?: string;
      /**
       * Whether the channel holds a location the same chat sent after this photo, to be handled next. Asked when
       * the photo is stored, not when it arrives: a location sent together with it has had time to come in.
       */
      locationWaiting?(): Promise<boolean>;
      download(): Promise<Buffer>;
    })
  | (InboundBase & { kind: "document"; mime?: string; size?: number })
  | (InboundBase &
      LocationReport & {
        kind: "location";
        /** A later position of a live location already shared: handled silently. */
        liveUpdate?: boolean;
        /** Sent through an inline bot (Telegram `via_bot`); also counted as forwarded. */
        viaBot?: boolean;
      })
  | (InboundBase & { kind: "unsupported" });

export interface Button {
  label: string;
  /** Returned as Inbound "choice" data. At most 64 bytes (Telegram's callback limit). */
  data: string;
}

export interface Outbound {
  /** Plain text: channels must never interpret it as markup. */
  text: string;
  buttons?: Button[][];
  /** Ask for the sender's location with the channel's native control, when it has one. */
  requestLocation?: { label: string };
  photo?: Buffer;
  /**
   * Order at a busy channel (outbound pacing): `high` (NGO alerts) goes before normal messages (family
   * confirmations, alerts), which go before `low` ones: a person's own replies, which channels with an
   * outbox queue instead of sending during the turn. Normal when unset.
   */
  priority?: SendPriority;
  /**
   * The reader's paragraph direction, when the sender has their language at hand: spares the messenger
   * reading the recipient's record again (it looks the direction up when unset).
   */
  direction?: "rtl" | "ltr";
}

/** Which waiting send goes first when a channel's pacing is the bottleneck (see Outbound.priority). */
export type SendPriority = "high" | "normal" | "low";

/** Why a queued message may not go yet (Pacer.tryTake). */
export type PaceDenial = { kind: "granted" } | { kind: "global"; ms: number } | { kind: "chat"; ms: number } | { kind: "behind" };

/**
 * Outbound pacing shared by every process (store/send-pacer.ts, on Redis): at most so many sends to one chat
 * and overall in any second, spaced evenly. Waiting senders stand in one line ordered by priority, then by
 * arrival; a busy chat never holds up sends to other chats.
 */
export interface Pacer {
  /** Waits for a slot to send to `chatId`; resolves once the send may go out (the slot is then used). */
  wait(chatId: string, priority?: SendPriority): Promise<void>;
  /** One attempt in the line (`ticket` keeps its place): 0 when granted, otherwise ms to wait (negative: someone ahead could go now). */
  take(chatId: string, ticket: string, priority: SendPriority, firstAsked: number): Promise<number>;
  /**
   * For queued messages: takes the slot if it is free now, without joining the line (the queue orders and
   * retries them). Waiters ahead in the line still go first.
   */
  tryTake(chatId: string, priority: SendPriority, firstAsked: number): Promise<PaceDenial>;
}

/** Sends to any address on any configured channel. */
export interface Messenger {
  send(to: ChatAddress, message: Outbound): Promise<void>;
  /** Deletes a message the person sent, where the channel allows it; false where it cannot. */
  remove(to: ChatAddress, messageRef: string): Promise<boolean>;
  /** Drops what the channel itself keeps about a chat (opt-ins, pending choices), for /forget. */
  forget(to: ChatAddress): Promise<void>;
}

/** A channel's outbound side. */
export interface ChannelSender {
  readonly id: ChannelId;
  send(chatId: string, message: Outbound): Promise<void>;
  remove?(chatId: string, messageRef: string): Promise<boolean>;
  forget?(chatId: string): Promise<void>;
}

/** The link a family member opens to accept an invite, per channel. */
export interface InviteLinks {
  link(channel: ChannelId, code: string): string;
}

export class UnreachableError extends Error {
  override name = "UnreachableError";
  constructor(readonly reason: "blocked" | "not_found" | "unknown_channel") {
    super(`recipient unreachable: ${reason}`);
  }
}
