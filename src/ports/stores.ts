/**
 * The stores as the workers and the trip lifecycle use them: each interface names only the methods its
 * users call, so a reader of a worker learns here what it can read and write without opening the Redis
 * repositories (src/store/*), and a test can hand it a small fake. The repositories fit these shapes
 * structurally; the app container (app.ts) is where TypeScript checks that they do.
 */
import type { Checkin, UpgradeOffer } from "../domain/checkin.ts";
import type { Landmark, ReferenceFingerprint } from "../domain/landmark.ts";
import type { NgoAlert, NgoAlertStatus, NgoTimelineEntry } from "../domain/ngo-alert.ts";
import type { Person, Trip } from "../domain/person.ts";
import type { Verdict } from "../domain/verdict.ts";

export interface PersonStore {
  get(id: string): Promise<Person | undefined>;
  /** Keeps the last verified check-in only: no location history. */
  setLastArrival(id: string, landmarkId: string, at: Date): Promise<void>;
}

/** The family links between travellers and their contacts. */
export interface ContactStore {
  contactsOf(travellerId: string): Promise<string[]>;
  isLinked(travellerId: string, contactId: string): Promise<boolean>;
  /** True the first time only, so the traveller is told once. */
  markUnreachable(contactId: string): Promise<boolean>;
  isUnreachable(contactId: string): Promise<boolean>;
}

/** The end of a trip as the store records it: who had been alerted (to correct them), or why it did not end. */
export type TripEnding = { ok: true; alerted: string[] } | { ok: false; status?: string };

/** One current trip per traveller; each change is atomic against the trip's id, so a stale caller finds it changed. */
export interface TripStore {
  get(travellerId: string): Promise<Trip | undefined>;
  extend(travellerId: string, tripId: string, deadline: Date): Promise<boolean>;
  finish(travellerId: string, tripId: string, at: Date, status?: "arrived" | "safe"): Promise<TripEnding>;
  delete(travellerId: string): Promise<boolean>;
  /** True for exactly one caller per (trip, deadline, stage): a retried or duplicated stage job fires nothing twice. */
  fireStage(
    travellerId: string, tripId: string, deadline: Date, stage: number, escalates: boolean,
    sent?: { key: string; retentionMs: number },
  ): Promise<boolean>;
  /** Records that `recipient` is about to be alerted; false when the trip ended meanwhile (an arrival in the same second). */
  claimAlert(travellerId: string, tripId: string, recipient: string): Promise<boolean>;
  markAlertSent(travellerId: string, recipient: string): Promise<void>;
  alertState(travellerId: string, recipient: string): Promise<"claimed" | "sent" | undefined>;
  /** Whose trips are active: what the deadline reconciler compares with the pending stage jobs. */
  activeTravellerIds(): Promise<string[]>;
  /** The schedule fields of these travellers' trips, in one round trip (undefined where none). */
  schedulesOf(travellerIds: readonly string[]): Promise<Array<TripSchedule | undefined>>;
}

/** What a trip's pending stage jobs are derived from. */
export type TripSchedule = Pick<Trip, "id" | "travellerId" | "status" | "deadline" | "stage">;

export interface CheckinStore {
  get(id: string): Promise<Checkin | undefined>;
  recordVerdict(id: string, verdict: Verdict, cleanMediaId: string | undefined, phash: string): Promise<void>;
  recordRejection(id: string, code: string): Promise<void>;
  /** True for the first caller only: each side effect of a check-in (telling, duress) happens once. */
  claimOnce(id: string, what: string): Promise<boolean>;
  /** Keeps a partial check-in's parts (sealed, for the pairing window) so a later photo or location can upgrade it. */
  offerUpgrade(travellerId: string, offer: UpgradeOffer): Promise<void>;
}

/** Photos, sealed and short-lived: a traveller's photo until it is verified, the cleaned copy for the family. */
export interface MediaStore {
  put(bytes: Buffer, id?: string): Promise<string>;
  get(id: string): Promise<Buffer | undefined>;
  delete(...ids: string[]): Promise<void>;
}

/** What the workers read of a catalog landmark: the landmark and the reference fingerprints it is verified against. */
export interface CatalogEntry {
  landmark: Landmark;
  references: ReferenceFingerprint[];
}

export interface LandmarkStore {
  get(id: string): Promise<CatalogEntry | undefined>;
}

export interface NgoAlertStore {
  /** Opens the alert unless it exists (its id is derived from trip and kind); returns whether this call opened it. */
  open(input: Omit<NgoAlert, "status" | "orgId"> & { orgId?: string }): Promise<boolean>;
  get(id: string): Promise<NgoAlert | undefined>;
  setStatus(id: string, status: NgoAlertStatus, entry: NgoTimelineEntry): Promise<void>;
  addEvent(id: string, entry: NgoTimelineEntry): Promise<void>;
  /** Adds to the timeline only of an alert that exists: events about travellers without a case go nowhere. */
  addEventIfOpen(id: string, entry: NgoTimelineEntry): Promise<void>;
}

/** "claimed": go ahead and send; "sent": done already; "busy": another attempt is sending. */
export type SendClaim = "claimed" | "sent" | "busy";

/**
 * At most one attempt at a time sends a given outgoing message, and once sent it is never sent again
 * (markers keyed by the job's deterministic id).
 */
export interface SentMarkers {
  was(jobId: string): Promise<boolean>;
  claim(jobId: string): Promise<SendClaim>;
  /** Gives the claim back after a failed attempt, so the retry does not wait for it to expire. */
  release(jobId: string): Promise<void>;
  mark(jobId: string): Promise<void>;
}

/** Thrown while another attempt holds the claim: BullMQ retries later, by then it has sent or given up. */
export class SendInProgressError extends Error {
  override name = "SendInProgressError";
}
