/**
 * "Check a photo I was sent": anyone (a family contact, anyone who writes to the bot, no consent needed
 * since nothing about them is kept) sends /checkphoto and then a photo, or a photo with /checkphoto as its
 * caption. The photo is kept only as transient media for the verify worker, which answers and deletes it.
 */
import { inspectPhoto } from "../verification/decode.ts";
import { PhotoRejectedError } from "../verification/contracts.ts";
import { PHOTO_REJECTION_MESSAGE } from "../texts/photo-rejection.ts";
import type { Inbound } from "../ports/messaging.ts";
import type { Feature, Turn } from "./turn.ts";

type PhotoMsg = Extract<Inbound, { kind: "photo" }>;

const BYTES_PER_MB = 1024 * 1024;
const HOUR_MS = 3_600_000;
export const PHOTO_CHECK_COMMAND = "checkphoto";
/** After /checkphoto, the next photo within this time is checked (later ones are check-ins again). */
export const PHOTO_CHECK_WAIT_MS = 10 * 60_000;
const CAPTION = new RegExp(`^\\s*/${PHOTO_CHECK_COMMAND}(?:@\\w+)?\\b`, "i");

/** Whether this photo is meant for the photo check rather than as a check-in. */
export async function isPhotoCheck(turn: Turn<PhotoMsg>): Promise<boolean> {
  if (turn.msg.caption && CAPTION.test(turn.msg.caption)) return true;
  const state = await turn.deps.states.get(turn.person.id);
  // Short-lived: a traveller's arrival photo an hour later must not be taken for a photo check.
  return state?.step === "photo_check" && state.until > turn.deps.now().getTime();
}

async function reject(turn: Turn, code: PhotoRejectedError["code"]): Promise<void> {
  await turn.reply(turn.t(PHOTO_REJECTION_MESSAGE[code], { mb: Math.round(turn.deps.photoLimits.maxBytes / BYTES_PER_MB) }));
}

export async function receiveCheckPhoto(turn: Turn<PhotoMsg>): Promise<void> {
  const { deps, msg, person } = turn;
  await deps.states.clear(person.id);
  // Each check is matched against the whole catalog: a tighter limit than photos in general.
  if ((await deps.rates.count("photocheck", msg.from, HOUR_MS)) > deps.config.PHOTO_CHECK_RATE_PER_HOUR) {
    return turn.reply(turn.t("photocheck-rate-limited"));
  }
  if (msg.size !== undefined && msg.size > deps.photoLimits.maxBytes) return reject(turn, "too_large");
  let bytes: Buffer;
  try {
    bytes = await msg.download();
    await inspectPhoto(bytes, deps.photoLimits);
  } catch (err) {
    if (err instanceof PhotoRejectedError) return reject(turn, err.code);
    deps.log.warn({ err: (err as Error).name }, "photo check download failed");
    return turn.reply(turn.t("photo-download-failed"));
  }
  const mediaId = await deps.media.put(bytes);
  await deps.queues.photoCheck({ requesterId: person.id, mediaId, asFile: msg.asFile, receivedAt: msg.at.getTime(), locale: turn.locale });
  await turn.reply(turn.t("photocheck-queued"));
}

export const photoCheck: Feature = {
  commands: {
    async [PHOTO_CHECK_COMMAND](turn) {
      await turn.deps.states.set(turn.person.id, { step: "photo_check", until: turn.deps.now().getTime() + PHOTO_CHECK_WAIT_MS });
      await turn.reply(turn.t("photocheck-howto"));
    },
  },
};
