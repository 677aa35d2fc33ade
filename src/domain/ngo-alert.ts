import { createHash } from "node:crypto";

/** An NGO alert holds the minimum a caseworker needs to follow up, and nothing that locates a person. */
export type NgoAlertKind = "missed" | "duress";
export type NgoAlertStatus = "open" | "acknowledged" | "resolved";

export interface NgoAlert {
  id: string;
  kind: NgoAlertKind;
  status: NgoAlertStatus;
  /** The organisation the traveller chose; alerts stored before organisations existed read as "default". */
  orgId: string;
  /** The planned landmark and deadline of the trip the alert is about. */
  landmarkId: string;
  deadline: Date;
  /** The last verified check-in, if any. */
  lastArrival?: { landmarkId: string; at: Date };
  language: string;
  channel: string;
  createdAt: Date;
}

export interface NgoTimelineEntry {
  at: Date;
  event: string;
  /** Staff id for dashboard actions; absent for system events. */
  by?: string;
  /** A caseworker's note (event "note"). */
  note?: string;
}

/**
 * The organisation configured by NGO_NAME: the one travellers consent to today, and the one of alerts
 * stored before there were several.
 */
export const DEFAULT_ORG_ID = "default";

/** One alert per (trip, kind): the id is derived, so a retried job opens the same alert. */
export function ngoAlertId(tripId: string, kind: NgoAlertKind): string {
  const h = createHash("sha256").update(`${kind}:${tripId}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
