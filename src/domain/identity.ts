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
