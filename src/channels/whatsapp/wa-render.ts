import type { Button, Outbound } from "../../ports/messaging.ts";
import type { WaContent } from "./wa-socket.ts";

/** WhatsApp's practical caption length; longer text goes as its own message after the photo. */
const CAPTION_LIMIT = 1024;

/** The rendered parts of one outbound message, in sending order. */
export function renderParts(message: Pick<Outbound, "text" | "photo">, buttons: Button[] = [], firstNumber = 1): WaContent[] {
  const lines = buttons.map((b, i) => `${firstNumber + i}. ${b.label}`);
  // Text is sent as plain text; WhatsApp formats *bold* and _italic_ itself, which plain names rarely trigger.
  const text = lines.length > 0 ? `${message.text}\n\n${lines.join("\n")}` : message.text;
  if (!message.photo) return [{ text }];
  if (text.length <= CAPTION_LIMIT) return [{ image: message.photo, caption: text }];
  return [{ image: message.photo }, { text }];
}
