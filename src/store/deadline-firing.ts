import type { Trip } from "../domain/person.ts";
import type { Keys } from "./keys.ts";
import { RECIPIENT_FIELDS, type PersonRepository, type Recipient } from "./person-repository.ts";
import type { RecordKeys } from "./record-keys.ts";
import type { RedisClient } from "./redis.ts";
import type { SendClaim, SentMarkers } from "./sent-markers.ts";
import type { TripRepository } from "./trip-repository.ts";

/** What a firing reads before it acts. */
export interface FiringState {
  trip?: Trip;
  /** The traveller as a reminder needs them (address and language only). */
  traveller?: Recipient;
  /** The reminder's send claim, when one was asked for. */
  claim?: SendClaim;
}

/**
 * The Redis work of one deadline firing in as few round trips as its crash-safe order allows (see
 * DeadlineProcessor): one pipeline reads the trip, the traveller's recipient fields and (when not cached)
 * their data key, and takes the reminder's send claim; one more marks the reminder sent and advances the
 * stage. A burst of deadlines is bounded by Redis commands per firing, so each one counts.
 */
export class DeadlineFiringStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
    private readonly recordKeys: RecordKeys,
    private readonly trips: TripRepository,
    private readonly persons: PersonRepository,
    private readonly sent: SentMarkers,
  ) {}

  /** `reminderId`: the reminder's sent-marker id, claimed in the same round trip (release it if unused). */
  async load(travellerId: string, reminderId?: string): Promise<FiringState> {
    const cached = this.recordKeys.cached(travellerId);
    const p = this.redis.pipeline().hgetall(this.keys.trip(travellerId)).hmget(this.keys.person(travellerId), ...RECIPIENT_FIELDS);
    if (!cached) p.get(this.recordKeys.dataKeyOf(travellerId));
    if (reminderId) this.sent.claimIn(p, reminderId);
    const replies = (await p.exec())!.map(([err, reply]) => {
      if (err) throw err;
      return reply;
    });
    const [tripHash, personFields] = replies as [Record<string, string>, (string | null)[]];
    const claim = reminderId ? this.sent.claimFrom(replies.at(-2), replies.at(-1)) : undefined;
    if (!tripHash.id && !personFields[0]) return { claim };
    const cipher = cached ?? this.recordKeys.fromWrapped(travellerId, replies[2] as string | null) ?? (await this.recordKeys.forPerson(travellerId));
    return {
      trip: this.trips.parse(travellerId, tripHash, cipher),
      traveller: this.persons.recipientFrom(travellerId, personFields, cipher),
      claim,
    };
  }

  /**
   * Marks the reminder sent (when it was) and advances the trip past `stage`, in one round trip, in that
   * order. True for the one caller that advanced the stage.
   */
  async advance(trip: Trip, stage: number, escalates: boolean, sentReminderId?: string): Promise<boolean> {
    const p = this.redis.pipeline();
    if (sentReminderId) this.sent.markIn(p, sentReminderId);
    this.trips.fireStageIn(p, trip.travellerId, trip.id, trip.deadline, stage, escalates);
    const replies = (await p.exec())!;
    const [err, fired] = replies.at(-1)!;
    if (err) throw err;
    for (const [e] of replies) if (e) throw e;
    return fired === 1;
  }

  async releaseClaim(reminderId: string): Promise<void> {
    await this.sent.release(reminderId);
  }
}
