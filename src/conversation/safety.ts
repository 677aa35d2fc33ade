import { parseDuration } from "../domain/duration.ts";
import { formatLocalTime } from "../i18n/format.ts";
import { WORD_PATTERN, type WordKind } from "../domain/person.ts";
import type { Feature, Turn } from "./turn.ts";

const MORE_TIME_MS = 60 * 60 * 1000;

/** Deletes the message that carried a word, where the channel allows it, so a seized phone does not show it. */
async function eraseMessage(turn: Turn): Promise<void> {
  if (turn.msg.messageRef) await turn.deps.messenger.remove(turn.person.address, turn.msg.messageRef);
}

async function setWord(turn: Turn, kind: WordKind, word: string): Promise<void> {
  const { deps, person } = turn;
  await eraseMessage(turn);
  if (!WORD_PATTERN.test(word.trim())) return turn.reply(turn.t("word-usage"));
  const other: WordKind = kind === "secret" ? "duress" : "secret";
  if ((await deps.words.match(person.id, word)) === other) return turn.reply(turn.t("words-must-differ"));
  await deps.words.set(person.id, kind, word);
  await turn.reply(turn.t(kind === "secret" ? "secret-set" : "duress-set"));
}

/** Moves the deadline of the current trip, within the cap; after escalation only with the secret word. */
async function extendTrip(turn: Turn, byMs: number, word: string | undefined, doneId = "extend-done"): Promise<void> {
  const { deps, person } = turn;
  const trip = await deps.trips.get(person.id);
  if (!trip || trip.status !== "active") return turn.reply(turn.t("extend-no-trip"));
  const stored = await deps.landmarks.get(trip.landmarkId);
  const zone = stored?.landmark.timeZone ?? "UTC";
  const match = await deps.words.match(person.id, word);
  if (trip.escalated && match === "none") return turn.reply(turn.t("extend-needs-secret"));
  const base = Math.max(trip.deadline.getTime(), deps.now().getTime());
  const max = trip.originalDeadline.getTime() + deps.config.EXTEND_CAP;
  const wanted = base + byMs;
  if (wanted > max) {
    return turn.reply(turn.t("extend-capped", { max: formatLocalTime(new Date(max), turn.locale, zone), zone }));
  }
  const deadline = new Date(wanted);
  if (match === "duress") await deps.lifecycle.raiseDuress(trip, "duress", `extend-${deadline.getTime()}`);
  await deps.lifecycle.extend(trip, deadline);
  await turn.reply(turn.t(doneId, { deadline: formatLocalTime(deadline, turn.locale, zone), zone }));
}

/** After the traveller accepted the terms: the optional NGO choice, then the optional words. */
export async function afterConsent(turn: Turn): Promise<void> {
  const ngo = turn.deps.config.NGO_NAME;
  if (ngo && turn.person.ngoConsent === undefined) {
    return turn.reply({
      text: turn.t("ngo-consent-question", { ngo }),
      buttons: [[turn.button("ngo-consent-yes", "ngo:y"), turn.button("ngo-consent-no", "ngo:n")]],
    });
  }
  await turn.reply(wordsIntro(turn));
}

/** Names the NGO only when one is configured: with none, nobody but the family is told. */
function wordsIntro(turn: Turn): string {
  const ngo = turn.deps.config.NGO_NAME;
  return ngo ? turn.t("words-intro", { ngo }) : turn.t("words-intro-no-ngo");
}

export const safety: Feature = {
  needsConsent: ["extend", "secret", "duress"],
  commands: {
    async extend(turn, args) {
      const [amount, word] = args.trim().split(/\s+/);
      const byMs = amount ? parseDuration(amount) : undefined;
      if (word) await eraseMessage(turn);
      if (byMs === undefined) return turn.reply(turn.t("extend-usage"));
      await extendTrip(turn, byMs, word);
    },
    async secret(turn, args) {
      await setWord(turn, "secret", args);
    },
    async duress(turn, args) {
      await setWord(turn, "duress", args);
    },
  },
  choices: {
    /** The one-tap answers under a deadline reminder. */
    async rem(turn, value) {
      const { deps, person } = turn;
      const trip = await deps.trips.get(person.id);
      if (!trip || trip.status !== "active") return turn.reply(turn.t("extend-no-trip"));
      if (value === "t") return extendTrip(turn, MORE_TIME_MS, undefined, "reminder-more-time-ack");
      await deps.lifecycle.finish(trip, deps.now(), "safe", `safe-${deps.now().getTime()}`);
      await turn.reply(turn.t("reminder-safe-ack"));
    },
    async ngo(turn, value) {
      const { deps, person } = turn;
      const ngo = deps.config.NGO_NAME ?? "";
      await deps.persons.setNgoConsent(person.id, value === "y");
      turn.person = { ...person, ngoConsent: value === "y" };
      await turn.reply(turn.t(value === "y" ? "ngo-consent-given" : "ngo-consent-refused", { ngo }));
      await turn.reply(wordsIntro(turn));
    },
  },
};
