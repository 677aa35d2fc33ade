/**
 * The escalation ladder: what happens, and to whom, after a trip's deadline passes with no arrival.
 * Pure: the deadline worker asks it which stage is due when.
 */
import { z } from "zod";
import { parseDuration } from "./duration.ts";

export const AUDIENCES = ["traveller", "family", "ngo"] as const;
export type Audience = (typeof AUDIENCES)[number];

export interface EscalationStage {
  /** Delay after the deadline. */
  afterMs: number;
  tell: Audience[];
}

export type EscalationLadder = readonly EscalationStage[];

export function defaultLadder(graceMs: number): EscalationLadder {
  return [
    { afterMs: 0, tell: ["traveller"] },
    { afterMs: graceMs, tell: ["family", "ngo"] },
  ];
}

const ladderJson = z
  .array(z.object({ after: z.string(), tell: z.array(z.enum(AUDIENCES)).min(1) }))
  .min(1)
  .max(10);

/** Parses a deployment's ladder, e.g. `[{"after":"0s","tell":["traveller"]},{"after":"30m","tell":["family","ngo"]}]`. */
export function parseLadder(json: string): EscalationLadder {
  const stages = ladderJson.parse(JSON.parse(json)).map((s) => {
    const afterMs = /^\s*0\s*[smhd]?\s*$/.test(s.after) ? 0 : parseDuration(s.after);
    if (afterMs === undefined) throw new Error(`escalation ladder: not a duration: ${s.after}`);
    return { afterMs, tell: s.tell };
  });
  for (let i = 1; i < stages.length; i++) {
    if (stages[i]!.afterMs < stages[i - 1]!.afterMs) throw new Error("escalation ladder: stages must be in time order");
  }
  return stages;
}

/** When stage `stage` of a trip with this deadline is due, or undefined past the last stage. */
export function stageDueAt(ladder: EscalationLadder, deadline: Date, stage: number): Date | undefined {
  const s = ladder[stage];
  return s ? new Date(deadline.getTime() + s.afterMs) : undefined;
}

/** Whether reaching this stage means people other than the traveller have been told. */
export function alertsOthers(ladder: EscalationLadder, stage: number): boolean {
  return ladder[stage]?.tell.some((a) => a !== "traveller") ?? false;
}
