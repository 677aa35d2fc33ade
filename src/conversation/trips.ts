import { parseDeadline } from "../domain/duration.ts";
import { landmarkName } from "../domain/landmark.ts";
import { formatLocalTime } from "../i18n/format.ts";
import type { Feature, Turn } from "./turn.ts";

const DEADLINE_CHOICES = ["1h", "3h", "6h", "1d"] as const;

async function askLandmark(turn: Turn): Promise<void> {
  const landmarks = await turn.deps.landmarks.list();
  if (landmarks.length === 0) return turn.reply(turn.t("trip-no-landmarks"));
  await turn.deps.states.set(turn.person.id, { step: "trip_landmark" });
  await turn.reply({
    text: turn.t("trip-choose-landmark"),
    buttons: landmarks.map((l) => [{ label: landmarkName(l, turn.locale), data: `trip:l:${l.id}` }]),
  });
}

async function askDeadline(turn: Turn, landmarkId: string): Promise<void> {
  const stored = await turn.deps.landmarks.get(landmarkId);
  if (!stored) return turn.reply(turn.t("trip-unknown-landmark", { id: landmarkId }));
  await turn.deps.states.set(turn.person.id, { step: "trip_deadline", landmarkId });
  await turn.reply({
    text: turn.t("trip-choose-deadline", { landmark: landmarkName(stored.landmark, turn.locale) }),
    buttons: [
      DEADLINE_CHOICES.slice(0, 2).map((d) => turn.button(`trip-deadline-${d}`, `trip:d:${d}`)),
      DEADLINE_CHOICES.slice(2).map((d) => turn.button(`trip-deadline-${d}`, `trip:d:${d}`)),
    ],
  });
}

async function planTrip(turn: Turn, landmarkId: string, deadlineText: string): Promise<void> {
  const { deps, person } = turn;
  const stored = await deps.landmarks.get(landmarkId);
  if (!stored) return turn.reply(turn.t("trip-unknown-landmark", { id: landmarkId }));
  const parsed = parseDeadline(deadlineText, deps.now());
  if (!parsed.ok) return turn.reply(turn.t(`trip-${parsed.error.replaceAll("_", "-")}`));
  const previous = await deps.trips.get(person.id);
  if (previous?.status === "active") await deps.lifecycle.drop(previous);
  const trip = await deps.trips.create(person.id, landmarkId, parsed.at, deps.now());
  await deps.lifecycle.scheduleNext(trip);
  await deps.states.clear(person.id);
  await turn.reply(
    turn.t("trip-created", {
      landmark: landmarkName(stored.landmark, turn.locale),
      deadline: formatLocalTime(parsed.at, turn.locale, stored.landmark.timeZone),
      zone: stored.landmark.timeZone,
    }),
  );
}

export const trips: Feature = {
  needsConsent: ["trip", "cancel"],
  commands: {
    async trip(turn, args) {
      const [landmarkId, ...rest] = args.trim().split(/\s+/).filter(Boolean);
      if (!landmarkId) return askLandmark(turn);
      if (rest.length === 0) return askDeadline(turn, landmarkId.toLowerCase());
      await planTrip(turn, landmarkId.toLowerCase(), rest.join(" "));
    },
    async cancel(turn, args) {
      const { deps, person } = turn;
      const word = args.trim() || undefined;
      if (word && turn.msg.messageRef) await deps.messenger.remove(person.address, turn.msg.messageRef);
      const trip = await deps.trips.get(person.id);
      if (!trip || trip.status !== "active") return turn.reply(turn.t("cancel-none"));
      const match = await deps.words.match(person.id, word);
      // With a secret word set, a trip is cancelled only with it: whoever holds the phone cannot stop the alerts.
      if (match === "none" && (await deps.words.has(person.id, "secret"))) return turn.reply(turn.t("cancel-needs-secret"));
      if (match === "duress") await deps.lifecycle.raiseDuress(trip, "duress_cancel", `cancel-${deps.now().getTime()}`);
      await deps.states.clear(person.id);
      const pending = await deps.checkins.clearPending(person.id);
      if (pending) await deps.media.delete(pending.mediaId);
      await deps.lifecycle.drop(trip);
      await turn.reply(turn.t("cancel-done"));
    },
  },
  choices: {
    async trip(turn, value) {
      const [kind, rest = ""] = [value.slice(0, 1), value.slice(2)];
      if (kind === "l") return askDeadline(turn, rest);
      const state = await turn.deps.states.get(turn.person.id);
      if (state?.step !== "trip_deadline") return askLandmark(turn);
      await planTrip(turn, state.landmarkId, rest);
    },
  },
  steps: {
    async trip_deadline(turn, text) {
      const state = await turn.deps.states.get(turn.person.id);
      if (state?.step === "trip_deadline") await planTrip(turn, state.landmarkId, text);
    },
    async trip_landmark(turn, text) {
      await askDeadline(turn, text.trim().toLowerCase());
    },
  },
};
