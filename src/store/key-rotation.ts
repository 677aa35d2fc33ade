import type { ChatAddress } from "../domain/identity.ts";
import type { Keys } from "./keys.ts";
import type { PersonRepository } from "./person-repository.ts";
import type { RecordKeys } from "./record-keys.ts";
import type { RedisClient } from "./redis.ts";
import { scanKeys } from "./reseal.ts";

/** One kind of thing sealed or keyed with the app key, and how to move it to the current key. */
export interface RotationStep {
  /** What the count is, for the report ("data keys re-wrapped"). */
  what: string;
  /** Runs once over the whole store. */
  all?(): Promise<number>;
  /** Runs for every stored person's chat address (what is named by a keyed hash of it). */
  perAddress?(address: ChatAddress): Promise<number>;
  /**
   * Counts what is still under the previous key and cannot be moved, only waited for (it is deleted once
   * handled): until every such count is 0, APP_KEY_PREVIOUS must stay.
   */
  waiting?(): Promise<number>;
}

export type RotationReport = Record<string, number>;

/** The store's own steps: data keys re-wrapped (the sealed fields themselves do not change), addresses re-indexed. */
export function storeRotationSteps(redis: RedisClient, keys: Keys, recordKeys: RecordKeys, persons: PersonRepository): RotationStep[] {
  return [
    {
      what: "data keys re-wrapped",
      async all() {
        let n = 0;
        for await (const key of scanKeys(redis, keys.dataKey("*"))) if (await recordKeys.rewrap(key)) n++;
        return n;
      },
    },
    { what: "chat addresses re-indexed", perAddress: async (address) => Number(await persons.reindexAddress(address)) },
  ];
}

/**
 * Moves everything sealed or keyed-hashed with APP_KEY_PREVIOUS to APP_KEY. Every step is atomic per value
 * and safe to run again, and while running the app keeps reading both keys, so it can run next to live processes.
 */
export async function rotateKeys(persons: PersonRepository, steps: readonly RotationStep[]): Promise<RotationReport> {
  const report: RotationReport = Object.fromEntries(steps.map((s) => [s.what, 0]));
  for (const step of steps) if (step.all) report[step.what]! += await step.all();
  const perAddress = steps.filter((s) => s.perAddress);
  if (perAddress.length > 0) {
    for await (const address of persons.addresses()) {
      for (const step of perAddress) report[step.what]! += await step.perAddress!(address);
    }
  }
  return report;
}

/** The steps' `waiting` counts, by what they count: all 0 when APP_KEY_PREVIOUS can go. */
export async function stillUnderPreviousKey(steps: readonly RotationStep[]): Promise<RotationReport> {
  const report: RotationReport = {};
  for (const step of steps) if (step.waiting) report[step.what] = await step.waiting();
  return report;
}
