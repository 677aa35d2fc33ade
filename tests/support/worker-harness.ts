/**
 * The workers' processors on the app's real dependencies (stores, queues, lifecycle on a real redis-server),
 * sharing a ConversationHarness's recording channel so that people onboarded, linked and checked in through
 * the conversation core then hear what a processor sends them. Processors are called directly with a job's
 * data, as the BullMQ worker would after parsing it.
 */
import type { WorkerDeps } from "../../src/workers/deps.ts";
import { UnreachableError, type Messenger } from "../../src/ports/messaging.ts";
import type { ChatAddress } from "../../src/domain/identity.ts";
import { decideVerdict, type Signals } from "../../src/domain/verdict.ts";
import type { VerificationInput, VerificationOutcome, Verifier } from "../../src/verification/contracts.ts";
import type { ConversationHarness } from "./conversation-harness.ts";

/** The app's worker dependencies with the harness's recording messenger, I18n and clock. */
export function workerDeps(h: ConversationHarness, overrides: Partial<WorkerDeps> = {}): WorkerDeps {
  return { ...h.app.workerDeps, messenger: h.messenger, i18n: h.i18n, now: () => h.now(), ...overrides };
}

/**
 * The recording messenger, refusing sends to `blocked` addresses the way a channel does for a chat that blocked
 * the bot (ChannelMessenger throws UnreachableError; see src/channels/telegram/telegram-sender.ts).
 */
export function blockingMessenger(h: ConversationHarness, blocked: (to: ChatAddress) => boolean): Messenger {
  return {
    ...h.messenger,
    send: async (to, message) => {
      if (blocked(to)) throw new UnreachableError("blocked");
      await h.messenger.send(to, message);
    },
  };
}

/** Signals of a check-in at the landmark whose photo matched: verified. Change fields for other verdicts. */
export const VERIFIED_SIGNALS: Signals = {
  photoForwarded: false,
  location: { status: "within", source: "pin", distanceM: 40 },
  captureTime: { status: "fresh", ageMs: 60_000 },
  replay: { status: "original" },
  visual: { status: "match", score: 0.9 },
};

/**
 * A verifier that answers the signals it is given (through the real rule table, decideVerdict), so a test
 * chooses the verdict; the real PhotoVerifier has tests of its own (tests/unit/verification/). Counts calls.
 */
export class ScriptedVerifier implements Verifier {
  calls: VerificationInput[] = [];
  constructor(
    public signals: Signals | Error = VERIFIED_SIGNALS,
    public phash = "f".repeat(64),
  ) {}

  async verify(input: VerificationInput): Promise<VerificationOutcome> {
    this.calls.push(input);
    if (this.signals instanceof Error) throw this.signals;
    return { verdict: decideVerdict(this.signals), signals: this.signals, phash: this.phash, cleanJpeg: Buffer.from("clean-jpeg"), exif: {} };
  }
}
