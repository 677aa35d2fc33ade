import { landmarkName } from "../domain/landmark.ts";
import { formatLocalTime } from "../i18n/format.ts";
import type { Feature } from "./turn.ts";

export const status: Feature = {
  commands: {
    async status(turn) {
      const { deps, person } = turn;
      const trip = await deps.trips.get(person.id);
      const lines: string[] = [];
      if (!trip) lines.push(turn.t("status-no-trip"));
      else {
        const stored = await deps.landmarks.get(trip.landmarkId);
        const landmark = stored ? landmarkName(stored.landmark, turn.locale) : trip.landmarkId;
        const zone = stored?.landmark.timeZone ?? "UTC";
        // A trip ended by "I am safe" must not read as still running towards its deadline.
        const endedAt = trip.arrivedAt ? formatLocalTime(trip.arrivedAt, turn.locale, zone) : undefined;
        lines.push(
          trip.status === "arrived" && endedAt
            ? turn.t("status-arrived", { landmark, time: endedAt, zone })
            : trip.status === "safe" && endedAt
              ? turn.t("status-safe", { landmark, time: endedAt, zone })
              : turn.t("status-trip", { landmark, deadline: formatLocalTime(trip.deadline, turn.locale, zone), zone }),
        );
      }
      lines.push(turn.t("status-contacts", { count: (await deps.contacts.contactsOf(person.id)).length }));
      const checkins = await Promise.all((await deps.checkins.idsOf(person.id)).map((id) => deps.checkins.get(id)));
      const last = checkins
        .filter((c) => c !== undefined)
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
      if (last) lines.push(turn.t("status-last-checkin", { result: turn.t(`status-result-${last.status}`) }));
      await turn.reply(lines.join("\n"));
    },
  },
};
