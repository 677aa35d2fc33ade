import { localeOf, type Person } from "../domain/person.ts";
import type { MessageVars } from "../i18n/i18n.ts";
import { directionOf } from "../i18n/direction.ts";
import type { ConversationDeps } from "./deps.ts";
import type { Button, Inbound, Outbound } from "../ports/messaging.ts";

/** One inbound message being handled: who sent it, in which language to answer, and how. */
export class Turn<M extends Inbound = Inbound> {
  constructor(
    readonly deps: ConversationDeps,
    readonly msg: M,
    public person: Person,
  ) {}

  get locale(): ReturnType<typeof localeOf> {
    return localeOf(this.person, this.msg.languageHint);
  }

  t(id: string, vars?: MessageVars): string {
    return this.deps.i18n.t(this.locale, id, vars);
  }

  button(labelId: string, data: string, vars?: MessageVars): Button {
    return { label: this.t(labelId, vars), data };
  }

  /**
   * Replies go last at a busy channel and, where it has an outbox, never hold the turn (priority low). The
   * direction is the person's stored language's (kept current in `person` when the turn changes it), which the
   * messenger would otherwise look the person up again for, on every reply.
   */
  async reply(message: string | Outbound): Promise<void> {
    const direction = directionOf(this.person.locale);
    const out: Outbound = typeof message === "string" ? { text: message, priority: "low", direction } : { priority: "low", direction, ...message };
    await this.deps.messenger.send(this.person.address, out);
  }

  /** Renders a message in another person's own language and sends it to them. */
  async tell(other: Person, id: string, vars?: MessageVars): Promise<void> {
    const text = this.deps.i18n.t(localeOf(other), id, vars);
    await this.deps.messenger.send(other.address, { text, direction: directionOf(other.locale) });
  }
}

/** A feature's slice of the dialogue, like a grammY composer: the commands, buttons and steps it owns. */
export interface Feature {
  /** Command word without the slash -> handler with the rest of the line. */
  commands?: Record<string, (turn: Turn, args: string) => Promise<void>>;
  /** Button data prefix (before the first ':') -> handler with the rest. */
  choices?: Record<string, (turn: Turn, value: string) => Promise<void>>;
  /** Free text while a dialogue step of this feature is pending. */
  steps?: Record<string, (turn: Turn, text: string) => Promise<void>>;
  /** Whether the feature's commands need the traveller consent first. */
  needsConsent?: readonly string[];
}
