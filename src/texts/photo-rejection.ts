import type { PhotoRejectedError } from "../verification/contracts.ts";

/** Which message tells the sender why a photo was refused (in the turn, or later by the verify worker). */
export const PHOTO_REJECTION_MESSAGE: Record<PhotoRejectedError["code"], string> = {
  not_an_image: "photo-unreadable",
  truncated: "photo-truncated",
  too_many_pixels: "photo-too-many-pixels",
  too_large: "photo-too-large",
  too_small: "photo-too-small",
};
