import type { RedisClient } from "./redis.ts";
import type { Keys } from "./keys.ts";

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

const STATE_TTL_MS = 60 * 60 * 1000;

export class ConversationStateStore {
  constructor(
    private readonly redis: RedisClient,
    private readonly keys: Keys,
  ) {}

  async get(personId: string): Promise<DialogueState | undefined> {
    const raw = await this.redis.get(this.keys.state(personId));
    return raw ? (JSON.parse(raw) as DialogueState) : undefined;
  }

  async set(personId: string, state: DialogueState): Promise<void> {
    await this.redis.set(this.keys.state(personId), JSON.stringify(state), "PX", STATE_TTL_MS);
  }

  async clear(personId: string): Promise<void> {
    await this.redis.del(this.keys.state(personId));
  }
}
