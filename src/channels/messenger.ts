import type { ChatAddress } from "../domain/identity.ts";
import { UnreachableError, type ChannelSender, type Messenger, type Outbound } from "../ports/messaging.ts";
import { withDirection, type Direction } from "../i18n/direction.ts";

/**
 * Routes each outbound message to the sender of the recipient's channel. Every channel's text passes
 * here, so this is where it gets the reader's paragraph direction (RLM or LRM on each line).
 */
export class ChannelMessenger implements Messenger {
  private readonly senders = new Map<string, ChannelSender>();

  /** @param direction the reader's text direction, by their language (left to right when unknown). */
  constructor(private readonly direction: (to: ChatAddress) => Promise<Direction> = async () => "ltr") {}

  register(sender: ChannelSender): this {
    this.senders.set(sender.id, sender);
    return this;
  }

  async send(to: ChatAddress, message: Outbound): Promise<void> {
    const sender = this.senders.get(to.channel);
    if (!sender) throw new UnreachableError("unknown_channel");
    await sender.send(to.chatId, { ...message, text: withDirection(message.text, await this.direction(to)) });
  }

  async forget(to: ChatAddress): Promise<void> {
    await this.senders.get(to.channel)?.forget?.(to.chatId);
  }

  async remove(to: ChatAddress, messageRef: string): Promise<boolean> {
    const sender = this.senders.get(to.channel);
    return (await sender?.remove?.(to.chatId, messageRef).catch(() => false)) ?? false;
  }
}
