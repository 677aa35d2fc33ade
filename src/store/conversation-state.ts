import type { RedisClient } from "./redis.ts";
import type { Keys } from "./keys.ts";
import type { DialogueState } from "../ports/stores.ts";

/** States are short-lived so an abandoned flow does not linger. */
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
