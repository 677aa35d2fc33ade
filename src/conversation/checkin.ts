import { landmarkName } from "../domain/landmark.ts";
import { inspectPhoto } from "../verification/decode.ts";
import { PhotoRejectedError } from "../verification/contracts.ts";
import type { Inbound } from "./messages.ts";
import type { PendingLocation, PendingPhoto } from "../store/checkin-repository.ts";
import type { Feature, Turn } from "./turn.ts";

type PhotoMsg = Extract<Inbound, { kind: "photo" }>;
type LocationMsg = Extract<Inbound, { kind: "location" }>;

const BYTES_PER_MB = 1024 * 1024;

/** Which message tells the traveller why a photo was refused. */
export const PHOTO_REJECTION_MESSAGE: Record<PhotoRejectedError["code"], string> = {
  not_an_image: "photo-not-image",
  truncated: "photo-truncated",
  too_many_pixels: "photo-too-many-pixels",
  too_large: "photo-too-large",
  too_small: "photo-too-small",
};

async function activeTrip(turn: Turn) {
  const trip = await turn.deps.trips.get(turn.person.id);
  return trip?.status === "active" ? trip : undefined;
}

async function rejectPhoto(turn: Turn, code: PhotoRejectedError["code"]): Promise<void> {
  await turn.reply(turn.t(PHOTO_REJECTION_MESSAGE[code], { mb: Math.round(turn.deps.photoLimits.maxBytes / BYTES_PER_MB) }));
}

/** Files a completed photo+location pair as a check-in and queues its verification. */
async function completePair(turn: Turn, photo: PendingPhoto, location: PendingLocation, duress: boolean): Promise<void> {
  const { deps, person } = turn;
  const trip = await activeTrip(turn);
  if (!trip) {
    await deps.media.delete(photo.mediaId);
    return turn.reply(turn.t("checkin-no-trip"));
  }
  const checkin = await deps.checkins.create(
    { travellerId: person.id, tripId: trip.id, landmarkId: trip.landmarkId, photo, location, duress },
    deps.now(),
  );
  await deps.queues.verify({ checkinId: checkin.id });
  await turn.reply(turn.t("checkin-queued"));
}

/**
 * A word given with a check-in (a photo caption, or `/checkin <word>`): the duress word marks the
 * pending check-in; nothing the traveller sees depends on which word it was, or whether it matched.
 */
async function noteWord(turn: Turn, text: string | undefined): Promise<void> {
  const word = text?.trim();
  if (!word) return;
  if (turn.msg.messageRef) await turn.deps.messenger.remove(turn.person.address, turn.msg.messageRef);
  if ((await turn.deps.words.match(turn.person.id, word)) === "duress") await turn.deps.checkins.markPendingDuress(turn.person.id);
}

export async function receivePhoto(turn: Turn<PhotoMsg>): Promise<void> {
  const { deps, msg, person } = turn;
  const trip = await activeTrip(turn);
  if (!trip) return turn.reply(turn.t("checkin-no-trip"));
  if (msg.forwarded) return turn.reply(turn.t(msg.viaBot ? "photo-via-bot" : "photo-forwarded"));
  if (msg.size !== undefined && msg.size > deps.photoLimits.maxBytes) return rejectPhoto(turn, "too_large");
  let bytes: Buffer;
  try {
    bytes = await msg.download();
  } catch (err) {
    if (err instanceof PhotoRejectedError) return rejectPhoto(turn, err.code);
    deps.log.warn({ err: (err as Error).name }, "photo download failed");
    return turn.reply(turn.t("photo-download-failed"));
  }
  try {
    await inspectPhoto(bytes, deps.photoLimits);
  } catch (err) {
    if (err instanceof PhotoRejectedError) return rejectPhoto(turn, err.code);
    throw err;
  }
  await noteWord(turn, msg.caption);
  const mediaId = await deps.media.put(bytes);
  const result = await deps.checkins.addPart(person.id, {
    photo: { mediaId, asFile: msg.asFile, forwarded: msg.forwarded, at: msg.at },
  });
  if (result.replacedPhoto) await deps.media.delete(result.replacedPhoto.mediaId);
  if (result.complete) return completePair(turn, result.photo, result.location, result.duress);
  // The location is in already (handled next): asking for it would be one more message for nothing.
  if (msg.locationWaiting) return;
  await turn.reply({
    text: turn.t("checkin-need-location"),
    requestLocation: { label: turn.t("checkin-location-button") },
  });
}

export async function receiveLocation(turn: Turn<LocationMsg>): Promise<void> {
  const { msg, person, deps } = turn;
  if (msg.liveUpdate && !(await deps.checkins.pending(person.id)).photo) return;
  if (!(await activeTrip(turn))) return turn.reply(turn.t("checkin-no-trip"));
  if (msg.forwarded) return turn.reply(turn.t(msg.viaBot ? "location-via-bot" : "location-forwarded"));
  if (msg.venue) return turn.reply(turn.t("location-venue"));
  const result = await deps.checkins.addPart(person.id, {
    location: {
      lat: msg.lat,
      lon: msg.lon,
      accuracyM: msg.accuracyM,
      live: msg.live,
      forwarded: msg.forwarded,
      venue: msg.venue,
      at: msg.at,
    },
  });
  if (result.complete) return completePair(turn, result.photo, result.location, result.duress);
  await turn.reply(turn.t("checkin-need-photo"));
}

export const checkin: Feature = {
  needsConsent: ["checkin"],
  commands: {
    async checkin(turn, args) {
      await noteWord(turn, args);
      const trip = await activeTrip(turn);
      if (!trip) return turn.reply(turn.t("checkin-no-trip"));
      const stored = await turn.deps.landmarks.get(trip.landmarkId);
      await turn.reply({
        text: turn.t("checkin-howto", { landmark: stored ? landmarkName(stored.landmark, turn.locale) : trip.landmarkId }),
        requestLocation: { label: turn.t("checkin-location-button") },
      });
    },
  },
};
