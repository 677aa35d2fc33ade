/**
 * The stores as the conversation core, the workers and the trip lifecycle use them: each interface names only
 * the methods its users call, so a reader of a turn or a worker learns here what it can read and write
 * without opening the Redis repositories (src/store/*), and a test can hand it a small fake. The repositories
 * fit these shapes structurally; the app container (app.ts) is where TypeScript checks that they do.
 */
import type { Checkin, PendingLocation, PendingPhoto, UpgradeOffer } from "../domain/checkin.ts";
import type { ChatAddress } from "../domain/identity.ts";
import type { Landmark, ReferenceFingerprint } from "../domain/landmark.ts";
import type { Locale } from "../domain/locale.ts";
import type { NgoAlert, NgoAlertStatus, NgoTimelineEntry } from "../domain/ngo-alert.ts";
import type { Invite, Person, Trip, WordKind, WordMatch } from "../domain/person.ts";
import type { Verdict } from "../domain/verdict.ts";
import type { DeadlineJob } from "./jobs.ts";

export interface PersonStore {
  get(id: string): Promise<Person | undefined>;
  findByAddress(address: ChatAddress): Promise<Person | undefined>;
  /** Finds or creates the person behind an address, refreshing the retention clock and display name. */
  touch(address: ChatAddress, displayName: string, now: Date): Promise<Person>;
  setLocale(id: string, locale: Locale): Promise<void>;
  setConsent(id: string, at: Date): Promise<void>;
  setNgoConsent(id: string, consent: boolean): Promise<void>;
  /** Keeps the last verified check-in only: no location history. */
  setLastArrival(id: string, landmarkId: string, at: Date): Promise<void>;
  /** Deletes the records and destroys the data key, so copies elsewhere (AOF, backups) stay unreadable. */
  delete(person: Person): Promise<void>;
}

/** The family links between travellers and their contacts, and the single-use invites that create them. */
export interface ContactStore {
  createInvite(travellerId: string, now: Date): Promise<Invite>;
  /** Reads an invite without using it up (the family member still has to accept). */
  peekInvite(code: string): Promise<{ travellerId: string } | undefined>;
  /** Uses an invite up atomically: of any number of parallel redemptions exactly one gets it. */
  redeemInvite(code: string): Promise<{ travellerId: string } | undefined>;
  /** True when the link is new. */
  link(travellerId: string, contactId: string): Promise<boolean>;
  unlink(travellerId: string, contactId: string): Promise<boolean>;
  contactsOf(travellerId: string): Promise<string[]>;
  /** The travellers a contact follows. */
  followedBy(contactId: string): Promise<string[]>;
  isLinked(travellerId: string, contactId: string): Promise<boolean>;
  /** True the first time only, so the traveller is told once. */
  markUnreachable(contactId: string): Promise<boolean>;
  isUnreachable(contactId: string): Promise<boolean>;
  /** A contact who writes to the bot again can be reached again. */
  clearUnreachable(contactId: string): Promise<void>;
  /** Drops every link and open invite of a person, on both sides; returns who was on the other end. */
  forgetPerson(personId: string): Promise<{ contacts: string[]; travellers: string[] }>;
}

/** The end of a trip as the store records it: who had been alerted (to correct them), or why it did not end. */
export type TripEnding = { ok: true; alerted: string[] } | { ok: false; status?: string };

/** One current trip per traveller; each change is atomic against the trip's id, so a stale caller finds it changed. */
export interface TripStore {
  /** Starts the traveller's trip, replacing any earlier one. */
  create(travellerId: string, landmarkId: string, deadline: Date, now: Date): Promise<Trip>;
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

/** A photo or location joins the pending pair; a complete pair is taken out, ready to become a check-in. */
export type AddPartResult =
  | { complete: false; replacedPhoto?: PendingPhoto }
  | { complete: true; photo: PendingPhoto; location: PendingLocation; duress: boolean; replacedPhoto?: PendingPhoto };

export interface CheckinStore {
  /** Adds a photo or location to the traveller's pending pair (kept for the pairing window). */
  addPart(travellerId: string, part: { photo: PendingPhoto } | { location: PendingLocation }): Promise<AddPartResult>;
  /**
   * Remembers that the pending check-in carries the duress word; the pair window starts here if this
   * is the first part. Only the fact is kept, never the word.
   */
  markPendingDuress(travellerId: string): Promise<void>;
  pending(travellerId: string): Promise<{ photo?: PendingPhoto; location?: PendingLocation }>;
  clearPending(travellerId: string): Promise<PendingPhoto | undefined>;
  create(input: Omit<Checkin, "id" | "status" | "createdAt">, now: Date): Promise<Checkin>;
  get(id: string): Promise<Checkin | undefined>;
  idsOf(travellerId: string): Promise<string[]>;
  /** Deletes every check-in and pending part of the traveller; returns the media ids of their photos, to delete. */
  deleteAllOf(travellerId: string): Promise<string[]>;
  recordVerdict(id: string, verdict: Verdict, cleanMediaId: string | undefined, phash: string): Promise<void>;
  recordRejection(id: string, code: string): Promise<void>;
  /** True for the first caller only: each side effect of a check-in (telling, duress) happens once. */
  claimOnce(id: string, what: string): Promise<boolean>;
  /** Keeps a partial check-in's parts (sealed, for the pairing window) so a later photo or location can upgrade it. */
  offerUpgrade(travellerId: string, offer: UpgradeOffer): Promise<void>;
  hasUpgrade(travellerId: string): Promise<boolean>;
  /** Takes the offer out, so that one further photo or live location makes exactly one upgrade. */
  takeUpgrade(travellerId: string): Promise<UpgradeOffer | undefined>;
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
  /** The catalog's landmarks, without their fingerprints: what a traveller picks a trip's destination from. */
  list(): Promise<Landmark[]>;
}

/** What a multi-step dialogue waits for next; short-lived so an abandoned flow does not linger. */
export type DialogueState =
  | { step: "consent" }
  | { step: "trip_landmark" }
  | { step: "trip_deadline"; landmarkId: string }
  | { step: "forget_confirm" }
  | { step: "invite_language"; code: string }
  | { step: "invite_accept"; code: string }
  /** /checkphoto: the next photo is checked for the sender, not taken as a check-in. */
  | { step: "photo_check"; until: number };

export interface DialogueStateStore {
  get(personId: string): Promise<DialogueState | undefined>;
  set(personId: string, state: DialogueState): Promise<void>;
  clear(personId: string): Promise<void>;
}

/**
 * Fixed-window counters, shared by all processes, keyed by the sender's chat address (never the person, so
 * /forget cannot reset a limit).
 */
export interface RateLimits {
  /** Counts one use of `kind` by the sender; false once `limit` uses happened in the current window. */
  take(kind: string, sender: ChatAddress, limit: number, windowMs: number): Promise<boolean>;
  /** Counts one use and returns how many uses the sender made in the current window, this one included. */
  count(kind: string, sender: ChatAddress, windowMs: number): Promise<number>;
  /**
   * Counts one use of each check's kind in turn (as `count` one after the other) and stops at the first past
   * its limit: its index and count, the kinds after it not counted; undefined when all are within.
   */
  countUntilOver(checks: readonly RateCheck[], sender: ChatAddress): Promise<{ index: number; count: number } | undefined>;
}

/** One per-sender limit: at most `limit` uses of `kind` in a fixed window of `windowMs`. */
export interface RateCheck {
  kind: string;
  limit: number;
  windowMs: number;
}

/** A traveller's secret and duress words, kept only as salted hashes. */
export interface WordStore {
  set(personId: string, kind: WordKind, word: string): Promise<void>;
  has(personId: string, kind: WordKind): Promise<boolean>;
  /** Which stored word `word` is, if any; both are always checked, so timing does not tell which one matched. */
  match(personId: string, word: string | undefined): Promise<WordMatch>;
  delete(personId: string): Promise<void>;
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

/** Where and in which language a message reaches a person: all a reminder needs of the person record. */
export interface Recipient {
  id: string;
  address: ChatAddress;
  locale?: Locale;
}

/** A ladder stage as a firing sees it: when it is due, and the reminder it sends the traveller (its alert id), if any. */
export interface FiringStage {
  dueAt: number;
  reminderId?: string;
}

/** What a firing reads before it acts. */
export interface FiringState {
  trip?: Trip;
  /** The traveller as a reminder needs them (address and language only). */
  traveller?: Recipient;
  /** The reminder's send claim, when one was asked for. */
  claim?: SendClaim;
}

/** A deadline's timer (DeadlineTimers) and when its next stage is due; undefined after the last stage. */
export interface FiringTimer {
  member: string;
  nextDueAt?: number;
}

/** What a claim of due deadlines took (their members, see DeadlineTimerStore), and when the next is due (ms). */
export interface ClaimedDeadlines {
  members: string[];
  /** Undefined when no deadline is scheduled. */
  nextAt?: number;
}

/**
 * When each trip deadline is next looked at (store/deadline-timers.ts), one timer per deadline, its member
 * the deadline's lean form (ports/jobs.ts, deadlineJobData): the trip lifecycle schedules and cancels, the
 * sweeper takes the due ones, the deadline processor moves a timer to a stage not due yet or drops one whose
 * trip changed, the reconciler checks that every open deadline has one.
 */
export interface DeadlineTimerStore {
  /** Schedules the deadline at `dueAt`; an existing timer of that deadline is left as it is. */
  schedule(job: DeadlineJob, dueAt: Date): Promise<void>;
  cancel(job: DeadlineJob): Promise<void>;
  /** By member (FiringTimer.member), from a firing. */
  remove(member: string): Promise<void>;
  reschedule(member: string, at: Date): Promise<void>;
  /** Leases up to `max` due deadlines until `leaseUntil` (ms) to the caller. */
  claim(now: number, max: number, leaseUntil: number): Promise<ClaimedDeadlines>;
  /** Extends the caller's leases (member -> the lease end it holds) to `until`, each only while still held. */
  renew(leases: ReadonlyMap<string, number>, until: number): Promise<boolean[]>;
  /** Counts a failure and moves the timer to the retry; the failures in a row, 0 when no longer scheduled. */
  failed(member: string, retry: { firstMs: number; maxMs: number }): Promise<number>;
  /** Whether each deadline has a timer. */
  scheduled(jobs: readonly DeadlineJob[]): Promise<boolean[]>;
}

/** The Redis work of one deadline firing, in as few round trips as its crash-safe order allows. */
export interface DeadlineFiring {
  /**
   * The trip, its traveller, and (when the job's trip is active with its current stage due by `dueBy`) the
   * claim on that stage's reminder, in one round trip. `stages`: the ladder, as this deadline's due times and
   * reminder ids. Release a claim that goes unused.
   */
  load(job: { travellerId: string; tripId: string; deadline: number }, stages: readonly FiringStage[], dueBy: number): Promise<FiringState>;
  /**
   * Marks the reminder sent (when it was) and advances the trip past `stage`, in one step; with `timer`, the
   * deadline's timer moves to its next stage (or goes, after the last) in the same step. True for the one
   * caller that advanced it.
   */
  advance(trip: Trip, stage: number, escalates: boolean, sentReminderId?: string, timer?: FiringTimer): Promise<boolean>;
  releaseClaim(reminderId: string): Promise<void>;
}

/** Thrown while another attempt holds the claim: BullMQ retries later, by then it has sent or given up. */
export class SendInProgressError extends Error {
  override name = "SendInProgressError";
}
