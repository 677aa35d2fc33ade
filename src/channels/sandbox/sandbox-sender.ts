import type { ChannelSender, Outbound } from "../../ports/messaging.ts";
import type { SandboxChatLog } from "./sandbox-chat-log.ts";

export const SANDBOX_CHAT_ID = /^[a-z0-9-]{1,32}$/;

export class SandboxSender implements ChannelSender {
  readonly id = "sandbox" as const;

  constructor(private readonly log: SandboxChatLog) {}

  async forget(chatId: string): Promise<void> {
    await this.log.clear(chatId);
  }

  async send(chatId: string, message: Outbound): Promise<void> {
    await this.log.append(chatId, {
      dir: "out",
      text: message.text,
      buttons: message.buttons,
      requestLocation: message.requestLocation,
      photo: message.photo,
    });
  }
}
