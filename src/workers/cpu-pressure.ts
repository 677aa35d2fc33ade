/**
 * How starved for CPU this machine (or, in a cgroup v2 container, this container) has been: Linux pressure
 * stall information, the share of the last 10 s in which some runnable task waited for a CPU
 * (docs.kernel.org/accounting/psi.html: `some avg10=<percent> ...`). Undefined where the kernel does not
 * expose it (not Linux, or PSI off): the caller then judges by its queue alone.
 */
import { readFile } from "node:fs/promises";

/** The container's own first: the host's would count other tenants' load against a container with spare quota. */
const PRESSURE_FILES = ["/sys/fs/cgroup/cpu.pressure", "/proc/pressure/cpu"];

/** Percent of the last 10 s in which some task waited for a CPU, 0-100. */
export async function cpuPressure(files: readonly string[] = PRESSURE_FILES): Promise<number | undefined> {
  for (const file of files) {
    const text = await readFile(file, "utf8").catch(() => undefined);
    const avg10 = text && /^some avg10=(\d+(?:\.\d+)?)/m.exec(text)?.[1];
    if (avg10) return Number(avg10);
  }
  return undefined;
}
