import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";

interface TurnScope {
  updateId: number;
  replies: number;
}

const scope = new AsyncLocalStorage<TurnScope>();

/**
 * Runs the turn for one stored update. A turn can run twice (its process died after the reply was queued but
 * before the update was acknowledged, and another took it over): its replies are then named as before.
 */
export function inTurn<T>(updateId: number, turn: () => Promise<T>): Promise<T> {
  return scope.run({ updateId, replies: 0 }, turn);
}

/**
 * A name for the reply being queued: the same for the same reply of the same update (the nth reply to
 * `chatId` with the same text), so a second run queues nothing new; undefined outside a turn (a worker's).
 */
export function turnReplyId(chatId: string, text: string): string | undefined {
  const turn = scope.getStore();
  if (!turn) return undefined;
  const n = turn.replies++;
  return createHash("sha256").update(`${turn.updateId}\0${n}\0${chatId}\0${text}`).digest("base64url").slice(0, 22);
}
