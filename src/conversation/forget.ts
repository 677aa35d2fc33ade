import type { ConversationDeps } from "./deps.ts";
import { localeOf, type Person } from "../domain/person.ts";
import type { Feature } from "./turn.ts";

/**
 * Deletes everything about a person at once: queued jobs, photos, check-ins, trip, links, invites,
 * dialogue state and the person record. The people on the other end of a link learn only that it ended.
 */
export async function forgetPerson(deps: ConversationDeps, person: Person): Promise<void> {
  const [checkinIds, contactIds] = await Promise.all([deps.checkins.idsOf(person.id), deps.contacts.contactsOf(person.id)]);
  await deps.queues.removeForCheckins(checkinIds, contactIds);
  const mediaIds = await deps.checkins.deleteAllOf(person.id);
  await deps.media.delete(...mediaIds);
  const trip = await deps.trips.get(person.id);
  if (trip) await deps.lifecycle.drop(trip);
  await deps.words.delete(person.id);
  const { contacts, travellers } = await deps.contacts.forgetPerson(person.id);
  await deps.states.clear(person.id);
  await deps.messenger.forget(person.address);
  await deps.persons.delete(person);
  const others = [
    ...contacts.map((id) => ({ id, message: "link-ended" })),
    ...travellers.map((id) => ({ id, message: "link-ended-contact" })),
  ];
  for (const { id, message } of others) {
    const other = await deps.persons.get(id);
    if (!other) continue;
    const text = deps.i18n.t(localeOf(other), message, { name: person.displayName });
    await deps.messenger.send(other.address, { text }).catch((err: Error) => {
      deps.log.warn({ err: err.name }, "could not tell a contact that a link ended");
    });
  }
}

export const forget: Feature = {
  commands: {
    async forget(turn) {
      await turn.deps.states.set(turn.person.id, { step: "forget_confirm" });
      await turn.reply({
        text: turn.t("forget-confirm"),
        buttons: [[turn.button("forget-yes", "forget:y"), turn.button("forget-no", "forget:n")]],
      });
    },
  },
  choices: {
    async forget(turn, value) {
      const state = await turn.deps.states.get(turn.person.id);
      if (value !== "y" || state?.step !== "forget_confirm") {
        await turn.deps.states.clear(turn.person.id);
        return turn.reply(turn.t("forget-kept"));
      }
      const reply = turn.t("forget-done");
      await forgetPerson(turn.deps, turn.person);
      await turn.reply(reply);
    },
  },
};
