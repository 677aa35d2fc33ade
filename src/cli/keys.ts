/** `safe-arrival keys rotate`: moves everything sealed or named with the old app key (APP_KEY_PREVIOUS) to APP_KEY. */
import type { Config } from "../config.ts";
import { createLogger } from "../log.ts";
import { rotateKeys } from "../store/key-rotation.ts";
import { withApp } from "./with-app.ts";

export const KEYS_HELP = `Usage: safe-arrival keys rotate
  Set APP_KEY to the new key and APP_KEY_PREVIOUS to the old one, run this once, then drop APP_KEY_PREVIOUS.
`;

/** Returns the exit code: 0 done, 2 wrong usage or no previous key to rotate from. */
export async function runKeys(args: string[], config: Config, out: (text: string) => void, err: (text: string) => void): Promise<number> {
  if (args[0] !== "rotate") {
    out(KEYS_HELP);
    return 2;
  }
  if (!config.APP_KEY_PREVIOUS) {
    err("keys rotate moves data from the old key to the new one: set APP_KEY to the new key and APP_KEY_PREVIOUS to the old one\n");
    return 2;
  }
  await withApp(config, createLogger(config.LOG_LEVEL), async (app) => {
    const report = await rotateKeys(app.deps.persons, app.rotationSteps());
    for (const [what, n] of Object.entries(report)) out(`${what}: ${n}\n`);
    out("done: every process can now run with APP_KEY alone (remove APP_KEY_PREVIOUS)\n");
  });
  return 0;
}
