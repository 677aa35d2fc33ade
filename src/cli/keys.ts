/** `safe-arrival keys rotate`: moves everything sealed or named with the old app key (APP_KEY_PREVIOUS) to APP_KEY. */
import type { Config } from "../config.ts";
import { createLogger } from "../log.ts";
import { rotateKeys, stillUnderPreviousKey } from "../store/key-rotation.ts";
import { withApp } from "./with-app.ts";

export const KEYS_HELP = `Usage: safe-arrival keys rotate
  Set APP_KEY to the new key and APP_KEY_PREVIOUS to the old one, run this, then drop APP_KEY_PREVIOUS.
  Exit code 3: messages received before the rotation are still waiting to be handled under the old key;
  keep APP_KEY_PREVIOUS and run it again a little later.
`;

/** Returns the exit code: 0 done, 2 wrong usage or no previous key to rotate from, 3 the old key is still needed. */
export async function runKeys(args: string[], config: Config, out: (text: string) => void, err: (text: string) => void): Promise<number> {
  if (args[0] !== "rotate") {
    out(KEYS_HELP);
    return 2;
  }
  if (!config.APP_KEY_PREVIOUS) {
    err("keys rotate moves data from the old key to the new one: set APP_KEY to the new key and APP_KEY_PREVIOUS to the old one\n");
    return 2;
  }
  return withApp(config, createLogger(config.LOG_LEVEL), async (app) => {
    const steps = app.rotationSteps();
    const report = await rotateKeys(app.deps.persons, steps);
    for (const [what, n] of Object.entries(report)) out(`${what}: ${n}\n`);
    const waiting = Object.entries(await stillUnderPreviousKey(steps)).filter(([, n]) => n > 0);
    if (waiting.length > 0) {
      // Removing the old key now would make these unreadable: a user's message lost.
      for (const [what, n] of waiting) out(`${what}: ${n}\n`);
      out("not done: keep APP_KEY_PREVIOUS until the messages above are handled, then run `keys rotate` again\n");
      return 3;
    }
    out("done: every process can now run with APP_KEY alone (remove APP_KEY_PREVIOUS)\n");
    return 0;
  });
}
