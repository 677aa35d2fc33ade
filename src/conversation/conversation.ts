import { localeOf, type Person } from "../domain/person.ts";
import { checkin, isHeic, receiveLocation, receivePhoto } from "./checkin.ts";
import { contacts } from "./contacts.ts";
import type { ConversationDeps } from "./deps.ts";
import { forget } from "./forget.ts";
import type { Inbound } from "../ports/messaging.ts";
import type { RateCheck } from "../ports/stores.ts";
import { onboarding } from "./onboarding.ts";
import { isPhotoCheck, photoCheck, receiveCheckPhoto } from "./photo-check.ts";
import { safety } from "./safety.ts";
import { status } from "./status.ts";
import { trips } from "./trips.ts";
import { Turn, type Feature } from "./turn.ts";

const FEATURES: readonly Feature[] = [onboarding, contacts, trips, checkin, safety, status, forget, photoCheck];
const COMMAND = /^\/([a-z_]{1,32})(?:@\w+)?(?:\s+([\s\S]*))?$/i;
const MAX_NAME_LENGTH = 64;
/** Buttons that family contacts and not-yet-consented people may press. */
const OPEN_CHOICES = new Set(["lang", "consent", "inv", "unl", "forget"]);

type Handler<A> = (turn: Turn, arg: A) => Promise<void>;

function table<A>(pick: (f: Feature) => Record<string, Handler<A>> | undefined): Map<string, Handler<A>> {
  const map = new Map<string, Handler<A>>();
  for (const f of FEATURES) for (const [key, handler] of Object.entries(pick(f) ?? {})) map.set(key, handler);
  return map;
}

/** Control characters could break a client's rendering; names are otherwise kept as the person wrote them. */
function cleanName(name: string): string {
  const cleaned = name.replace(/[\p{Cc}\p{Cf}]/gu, "").trim().slice(0, MAX_NAME_LENGTH);
  return cleaned || "?";
}

/** The channel-agnostic dialogue: one inbound message in, replies and notifications out through the messenger. */
export class Conversation {
  private readonly commands = table((f) => f.commands);
  private readonly choices = table((f) => f.choices);
  private readonly steps = table((f) => f.steps);
  private readonly needsConsent = new Set(FEATURES.flatMap((f) => f.needsConsent ?? []));

  constructor(private readonly deps: ConversationDeps) {}

  async handle(msg: Inbound): Promise<void> {
    if (!(await this.withinRate(msg))) return;
    const person = await this.deps.persons.touch(msg.from, cleanName(msg.name), this.deps.now());
    await this.deps.contacts.clearUnreachable(person.id);
    const turn = new Turn(this.deps, msg, person);
    try {
      await this.route(turn);
    } catch (err) {
      this.deps.log.error({ err: (err as Error).name, kind: msg.kind, channel: msg.from.channel }, "conversation turn failed");
      await turn.reply(turn.t("error-generic")).catch(() => undefined);
      // The transport decides what a failed turn means (a webhook answers 5xx so Telegram delivers it again).
      throw err;
    }
  }

  private async route(turn: Turn): Promise<void> {
    const { msg } = turn;
    switch (msg.kind) {
      case "text":
        return this.text(turn, msg.text);
      case "choice": {
        const [prefix = "", ...rest] = msg.data.split(":");
        const handler = this.choices.get(prefix);
        if (!handler) return turn.reply(turn.t("not-understood"));
        if (!OPEN_CHOICES.has(prefix) && !(await this.consented(turn))) return;
        return handler(turn, rest.join(":"));
      }
      case "photo":
        // Checking a photo one was sent needs no consent: nothing about the sender is kept.
        if (await isPhotoCheck(turn as Turn<typeof msg>)) return receiveCheckPhoto(turn as Turn<typeof msg>);
        if (!(await this.consented(turn))) return;
        return receivePhoto(turn as Turn<typeof msg>);
      case "location":
        if (!(await this.consented(turn))) return;
        return receiveLocation(turn as Turn<typeof msg>);
      case "document":
        return turn.reply(turn.t(isHeic(msg.mime) ? "photo-heic" : "photo-unreadable"));
      case "unsupported":
        return turn.reply(turn.t("unsupported-message"));
    }
  }

  private async text(turn: Turn, text: string): Promise<void> {
    const command = COMMAND.exec(text.trim());
    if (command) {
      const name = command[1]!.toLowerCase();
      const handler = this.commands.get(name);
      if (!handler) return turn.reply(turn.t("unknown-command"));
      if (this.needsConsent.has(name) && !(await this.consented(turn))) return;
      await this.deps.states.clear(turn.person.id).catch(() => undefined);
      return handler(turn, command[2] ?? "");
    }
    const state = await this.deps.states.get(turn.person.id);
    const step = state && this.steps.get(state.step);
    if (step) return step(turn, text);
    await turn.reply(turn.t("not-understood"));
  }

  /**
   * Per-sender limits on messages and photos, checked before anything is stored. Past the limit the
   * sender is told once per window, then ignored until it ends.
   */
  private async withinRate(msg: Inbound): Promise<boolean> {
    const { rates, config } = this.deps;
    const checks: RateCheck[] = [{ kind: "msg", limit: config.MESSAGE_RATE_PER_MINUTE, windowMs: 60_000 }];
    if (msg.kind === "photo") checks.push({ kind: "photo", limit: config.PHOTO_RATE_PER_HOUR, windowMs: 3_600_000 });
    // Both counted in one round trip; a photo past the message limit is not counted as a photo.
    const over = await rates.countUntilOver(checks, msg.from);
    if (!over) return true;
    if (over.count === checks[over.index]!.limit + 1) {
      const person = await this.deps.persons.findByAddress(msg.from);
      const locale = localeOf(person, msg.languageHint);
      await this.deps.messenger.send(msg.from, { text: this.deps.i18n.t(locale, "rate-limited") }).catch(() => undefined);
    }
    return false;
  }

  private async consented(turn: Turn): Promise<boolean> {
    if (turn.person.consentAt) return true;
    await turn.reply(turn.t("consent-required"));
    return false;
  }

  /** For tests and the sandbox: the person behind an address. */
  person(msg: Pick<Inbound, "from">): Promise<Person | undefined> {
    return this.deps.persons.findByAddress(msg.from);
  }
}
