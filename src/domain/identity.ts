/** The chat channels a person can use. A person's identity is always (channel, chatId). */
export const CHANNEL_IDS = ["telegram", "sandbox", "whatsapp"] as const;
export type ChannelId = (typeof CHANNEL_IDS)[number];

export interface ChatAddress {
  channel: ChannelId;
  chatId: string;
}

export function addressKey(a: ChatAddress): string {
  return `${a.channel}:${a.chatId}`;
}

/** Reads "channel:chatId" (as in NGO_DUTY_CHAT); undefined for an unset or malformed value. */
export function parseAddress(text: string | undefined): ChatAddress | undefined {
  const m = text ? /^([a-z]+):(.+)$/.exec(text.trim()) : null;
  if (!m || !(CHANNEL_IDS as readonly string[]).includes(m[1]!)) return undefined;
  return { channel: m[1] as ChannelId, chatId: m[2]! };
}
