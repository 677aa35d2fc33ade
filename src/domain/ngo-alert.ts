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
