import { isLocale } from "../domain/locale.ts";
import { openInvite } from "./contacts.ts";
import { showLanguagePicker } from "./language-picker.ts";
import { afterConsent } from "./safety.ts";
import type { Feature, Turn } from "./turn.ts";

const DAY_MS = 86_400_000;

async function showConsent(turn: Turn): Promise<void> {
  await turn.deps.states.set(turn.person.id, { step: "consent" });
  await turn.reply({
    text: turn.t("consent-text", {
      days: Math.round(turn.deps.config.RETENTION / DAY_MS),
      // How long a partial check-in's photo and location are kept for an upgrade.
      minutes: Math.round(turn.deps.config.CHECKIN_PAIR_WINDOW / 60_000),
    }),
    buttons: [[turn.button("consent-accept", "consent:y"), turn.button("consent-decline", "consent:n")]],
  });
}

/** The command list, and the photo check, which anyone may use. */
function helpText(turn: Turn): string {
  return `${turn.t("help")}\n${turn.t("photocheck-hint")}`;
}

export const onboarding: Feature = {
  commands: {
    async start(turn, args) {
      const code = args.trim();
      if (code) return openInvite(turn, code);
      if (!turn.person.locale) return showLanguagePicker(turn);
      if (!turn.person.consentAt) return showConsent(turn);
      await turn.reply(helpText(turn));
    },
    async language(turn) {
      await showLanguagePicker(turn);
    },
    async help(turn) {
      await turn.reply(helpText(turn));
    },
  },
  choices: {
    async lang(turn, value) {
      if (!isLocale(value)) return;
      await turn.deps.persons.setLocale(turn.person.id, value);
      turn.person = { ...turn.person, locale: value };
      await turn.reply(turn.t("language-set"));
      const state = await turn.deps.states.get(turn.person.id);
      if (state?.step === "invite_language") return openInvite(turn, state.code);
      // A family contact changing language is not asked to accept the traveller terms (/start does that).
      if (!turn.person.consentAt && (await turn.deps.contacts.followedBy(turn.person.id)).length === 0) await showConsent(turn);
    },
    async consent(turn, value) {
      const { deps, person } = turn;
      if (value === "y") {
        await deps.persons.setConsent(person.id, deps.now());
        await deps.states.clear(person.id);
        turn.person = { ...person, consentAt: deps.now() };
        await turn.reply(turn.t("consent-accepted"));
        return afterConsent(turn);
      }
      await deps.states.clear(person.id);
      const linked = (await deps.contacts.followedBy(person.id)).length > 0;
      // A family contact who declines the traveller terms keeps their family links; anyone else leaves no trace.
      if (!linked && !person.consentAt) await deps.persons.delete(person);
      await turn.reply(turn.t("consent-declined"));
    },
  },
};
