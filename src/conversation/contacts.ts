import { matchLocale } from "../domain/locale.ts";
import { showLanguagePicker } from "./language-picker.ts";
import type { Feature, Turn } from "./turn.ts";

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** A family member opened an invite link: show who invites them and what they will get, then ask. */
export async function openInvite(turn: Turn, code: string): Promise<void> {
  const { deps } = turn;
  if (!(await deps.rates.take("redeem", turn.person.address, deps.config.REDEEM_RATE_PER_HOUR, HOUR_MS))) {
    return turn.reply(turn.t("redeem-rate-limited"));
  }
  const invite = await deps.contacts.peekInvite(code);
  const traveller = invite && (await deps.persons.get(invite.travellerId));
  if (!invite || !traveller) return turn.reply(turn.t("invite-invalid"));
  if (traveller.id === turn.person.id) return turn.reply(turn.t("invite-own"));
  if (!turn.person.locale) {
    const hinted = matchLocale(turn.msg.languageHint);
    if (!hinted) {
      await deps.states.set(turn.person.id, { step: "invite_language", code });
      return showLanguagePicker(turn);
    }
    await deps.persons.setLocale(turn.person.id, hinted);
    turn.person = { ...turn.person, locale: hinted };
  }
  await deps.states.clear(turn.person.id);
  await turn.reply({
    text: turn.t("invite-preview", { traveller: traveller.displayName }),
    buttons: [[turn.button("invite-accept", `inv:y:${code}`), turn.button("invite-decline", `inv:n:${code}`)]],
  });
}

async function acceptInvite(turn: Turn, code: string): Promise<void> {
  const { deps } = turn;
  const peeked = await deps.contacts.peekInvite(code);
  if (peeked?.travellerId === turn.person.id) return turn.reply(turn.t("invite-own"));
  const invite = await deps.contacts.redeemInvite(code);
  const traveller = invite && (await deps.persons.get(invite.travellerId));
  if (!invite || !traveller) return turn.reply(turn.t("invite-invalid"));
  const added = await deps.contacts.link(traveller.id, turn.person.id);
  if (!added) return turn.reply(turn.t("invite-already-linked", { traveller: traveller.displayName }));
  // Families are the ones sent fake "arrival" photos: they learn about the photo check as they join.
  await turn.reply(`${turn.t("invite-accepted", { traveller: traveller.displayName })}\n${turn.t("photocheck-hint")}`);
  await turn.tell(traveller, "invite-linked", { contact: turn.person.displayName });
}

export const contacts: Feature = {
  needsConsent: ["contact"],
  commands: {
    async contact(turn) {
      const { deps } = turn;
      if (!(await deps.rates.take("invite", turn.person.address, deps.config.INVITE_RATE_PER_HOUR, HOUR_MS))) {
        return turn.reply(turn.t("invite-rate-limited"));
      }
      const invite = await deps.contacts.createInvite(turn.person.id, deps.now());
      await turn.reply(
        turn.t("invite-created", {
          link: deps.inviteLinks.link(turn.person.address.channel, invite.code),
          days: Math.round(deps.config.INVITE_TTL / DAY_MS),
        }),
      );
    },
    async contacts(turn) {
      const { deps, person } = turn;
      const [contactIds, travellerIds] = await Promise.all([
        deps.contacts.contactsOf(person.id),
        deps.contacts.followedBy(person.id),
      ]);
      const [contactPeople, travellers] = await Promise.all([
        Promise.all(contactIds.map((id) => deps.persons.get(id))),
        Promise.all(travellerIds.map((id) => deps.persons.get(id))),
      ]);
      const known = <T>(xs: (T | undefined)[]) => xs.filter((x): x is T => x !== undefined);
      if (contactIds.length === 0 && travellerIds.length === 0) return turn.reply(turn.t("contacts-none"));
      if (contactIds.length > 0) {
        await turn.reply({
          text: turn.t("contacts-list"),
          buttons: known(contactPeople).map((c) => [turn.button("contacts-remove", `unl:c:${c.id}`, { name: c.displayName })]),
        });
      }
      if (travellerIds.length > 0) {
        await turn.reply({
          text: turn.t("following-list"),
          buttons: known(travellers).map((t) => [turn.button("following-leave", `unl:t:${t.id}`, { name: t.displayName })]),
        });
      }
    },
  },
  choices: {
    async inv(turn, value) {
      const [answer, code = ""] = [value.slice(0, 1), value.slice(2)];
      if (answer === "y") return acceptInvite(turn, code);
      const invite = await turn.deps.contacts.peekInvite(code);
      const traveller = invite && (await turn.deps.persons.get(invite.travellerId));
      await turn.reply(turn.t("invite-declined", { traveller: traveller?.displayName ?? "" }));
    },
    async unl(turn, value) {
      const { deps, person } = turn;
      const [side, otherId = ""] = [value.slice(0, 1), value.slice(2)];
      const [travellerId, contactId] = side === "c" ? [person.id, otherId] : [otherId, person.id];
      const other = await deps.persons.get(otherId);
      if (!(await deps.contacts.unlink(travellerId, contactId)) || !other) return;
      if (side === "c") {
        await turn.reply(turn.t("unlinked-traveller", { name: other.displayName }));
        await turn.tell(other, "link-ended", { name: person.displayName });
      } else {
        await turn.reply(turn.t("unlinked-contact", { name: other.displayName }));
        await turn.tell(other, "link-ended-contact", { name: person.displayName });
      }
    },
  },
};
