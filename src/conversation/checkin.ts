import { landmarkName } from "../domain/landmark.ts";
import { inspectPhoto } from "../verification/decode.ts";
import { PhotoRejectedError } from "../verification/contracts.ts";
import { validCoordinates } from "../verification/location.ts";
import type { Inbound } from "../ports/messaging.ts";
import { PHOTO_REJECTION_MESSAGE } from "../texts/verdict-text.ts";
import type { PendingLocation, PendingPhoto } from "../domain/checkin.ts";
import type { Trip } from "../domain/person.ts";
import type { Feature, Turn } from "./turn.ts";

type PhotoMsg = Extract<Inbound, { kind: "photo" }>;
type LocationMsg = Extract<Inbound, { kind: "location" }>;

const BYTES_PER_MB = 1024 * 1024;

async function activeTrip(turn: Turn) {
  const trip = await turn.deps.trips.get(turn.person.id);
  return trip?.status === "active" ? trip : undefined;
}

/**
 * HEIC/HEIF (iPhones' default): sharp's prebuilt libvips reads HEIF only with the patented HEVC codec,
 * which it does not ship, so it cannot be decoded here. Sent as a photo (not a file), the chat app
 * converts it to JPEG itself.
 */
export function isHeic(mime: string | undefined, bytes?: Buffer): boolean {
  if (mime && /^image\/hei[cf](-sequence)?$/i.test(mime)) return true;
  // ISO-BMFF: "ftyp" at 4, then a HEIF brand.
  return bytes !== undefined && bytes.length >= 12 && bytes.toString("latin1", 4, 8) === "ftyp" && /^(heic|heix|hevc|hevx|heim|heis|mif1|msf1)$/.test(bytes.toString("latin1", 8, 12));
}

async function rejectPhoto(turn: Turn, code: PhotoRejectedError["code"], heic = false): Promise<void> {
  if (code === "not_an_image" && heic) return turn.reply(turn.t("photo-heic"));
  await turn.reply(turn.t(PHOTO_REJECTION_MESSAGE[code], { mb: Math.round(turn.deps.photoLimits.maxBytes / BYTES_PER_MB) }));
}

/**
 * Files a completed photo+location pair as a check-in and queues its verification. `trip`: the active trip the
 * turn read before adding its part (reading it again here would not close the race with a trip ending meanwhile
 * either: that can happen after any read).
 */
async function completePair(turn: Turn, photo: PendingPhoto, location: PendingLocation, duress: boolean, trip: Trip): Promise<void> {
  const { deps, person } = turn;
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
async function noteWord(turn: Turn, text: string | undefined, upgrade = false): Promise<boolean> {
  const word = text?.trim();
  if (!word) return false;
  if (turn.msg.messageRef) await turn.deps.messenger.remove(turn.person.address, turn.msg.messageRef);
  const duress = (await turn.deps.words.match(turn.person.id, word)) === "duress";
  // An upgrade is filed at once, so it carries the mark itself instead of the pending pair.
  if (duress && !upgrade) await turn.deps.checkins.markPendingDuress(turn.person.id);
  return duress;
}

/**
 * Completes a partial check-in's upgrade offer with a further photo or a live location, if the offer
 * is still there (pairing window) and belongs to the traveller's current trip. Files the upgrade as
 * its own check-in; the verify worker decides whether the family hears about it.
 */
async function upgrade(
  turn: Turn,
  part: { photo: PendingPhoto; duress: boolean } | { location: PendingLocation },
): Promise<boolean> {
  const { deps, person } = turn;
  const offer = await deps.checkins.takeUpgrade(person.id);
  const trip = offer && (await deps.trips.get(person.id));
  if (!offer || trip?.id !== offer.tripId) {
    if (offer) await deps.media.delete(offer.photo.mediaId);
    return false;
  }
  const common = { travellerId: person.id, tripId: offer.tripId, landmarkId: offer.landmarkId, upgradeOf: offer.checkinId, baseline: offer.strength };
  let checkin;
  if ("photo" in part) {
    await deps.media.delete(offer.photo.mediaId);
    checkin = await deps.checkins.create({ ...common, photo: part.photo, location: offer.location, duress: part.duress }, deps.now());
  } else {
    checkin = await deps.checkins.create({ ...common, photo: offer.photo, location: part.location, duress: false, replayChecked: true }, deps.now());
  }
  await deps.queues.verify({ checkinId: checkin.id });
  await turn.reply(turn.t("checkin-queued"));
  return true;
}

export async function receivePhoto(turn: Turn<PhotoMsg>): Promise<void> {
  const { deps, msg, person } = turn;
  const trip = await activeTrip(turn);
  // No open trip: the photo may still upgrade a partial check-in made moments ago.
  if (!trip && !(await deps.checkins.hasUpgrade(person.id))) return turn.reply(turn.t("checkin-no-trip"));
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
    if (err instanceof PhotoRejectedError) return rejectPhoto(turn, err.code, isHeic(msg.mime, bytes));
    throw err;
  }
  if (!trip) {
    const duress = await noteWord(turn, msg.caption, true);
    const mediaId = await deps.media.put(bytes);
    const photo = { mediaId, asFile: msg.asFile, forwarded: msg.forwarded, at: msg.at };
    if (await upgrade(turn, { photo, duress })) return;
    await deps.media.delete(mediaId);
    return turn.reply(turn.t("checkin-no-trip"));
  }
  await noteWord(turn, msg.caption);
  const mediaId = await deps.media.put(bytes);
  const result = await deps.checkins.addPart(person.id, {
    photo: { mediaId, asFile: msg.asFile, forwarded: msg.forwarded, at: msg.at },
  });
  if (result.replacedPhoto) await deps.media.delete(result.replacedPhoto.mediaId);
  if (result.complete) return completePair(turn, result.photo, result.location, result.duress, trip);
  // The location is in already (handled next): asking for it would be one more message for nothing.
  if (await msg.locationWaiting?.()) return;
  await turn.reply({
    text: turn.t("checkin-need-location"),
    requestLocation: { label: turn.t("checkin-location-button") },
  });
}

export async function receiveLocation(turn: Turn<LocationMsg>): Promise<void> {
  const { msg, person, deps } = turn;
  if (msg.liveUpdate && !(await deps.checkins.pending(person.id)).photo) return;
  const trip = await activeTrip(turn);
  // No open trip: a live location (not a pin: it would prove nothing more) may upgrade a partial check-in.
  const upgrading = !trip && msg.live && (await deps.checkins.hasUpgrade(person.id));
  if (!trip && !upgrading) return turn.reply(turn.t("checkin-no-trip"));
  if (msg.forwarded) return turn.reply(turn.t(msg.viaBot ? "location-via-bot" : "location-forwarded"));
  if (msg.venue) return turn.reply(turn.t("location-venue"));
  if (msg.viaBot) return turn.reply(turn.t("location-via-bot"));
  // Null or empty coordinates must not become 0,0 (thousands of km from anywhere the traveller could be).
  if (!validCoordinates(msg)) return turn.reply(turn.t("location-invalid"));
  const location: PendingLocation = {
    lat: msg.lat,
    lon: msg.lon,
    accuracyM: msg.accuracyM,
    live: msg.live,
    forwarded: msg.forwarded,
    venue: msg.venue,
    at: msg.at,
  };
  if (!trip) {
    if (await upgrade(turn, { location })) return;
    return turn.reply(turn.t("checkin-no-trip"));
  }
  const result = await deps.checkins.addPart(person.id, { location });
  if (result.complete) return completePair(turn, result.photo, result.location, result.duress, trip);
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
