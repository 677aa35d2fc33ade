import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { cpuPressure } from "../../../src/workers/cpu-pressure.ts";

let dir: string;
before(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "psi-"));
});
after(() => rm(dir, { recursive: true, force: true }));

// The format of /proc/pressure/cpu and cgroup v2's cpu.pressure (docs.kernel.org/accounting/psi.html).
const PSI = "some avg10=12.34 avg60=30.45 avg300=37.77 total=1292524299\nfull avg10=0.00 avg60=0.00 avg300=0.00 total=0\n";

test("reads 'some avg10' from the first pressure file that exists", async () => {
  const cgroup = path.join(dir, "cpu.pressure");
  const host = path.join(dir, "cpu");
  await writeFile(host, PSI.replace("12.34", "50.00"));
  assert.equal(await cpuPressure([cgroup, host]), 50);
  await writeFile(cgroup, PSI);
  assert.equal(await cpuPressure([cgroup, host]), 12.34);
});

test("no pressure file, or one without a 'some' line: undefined", async () => {
  assert.equal(await cpuPressure([path.join(dir, "missing")]), undefined);
  const odd = path.join(dir, "odd");
  await writeFile(odd, "full avg10=1.00 avg60=0.00 avg300=0.00 total=0\n");
  assert.equal(await cpuPressure([odd]), undefined);
});

test("this machine's own reading is a percentage where the kernel has one", async () => {
  const p = await cpuPressure();
  if (p !== undefined) assert.ok(p >= 0 && p <= 100, String(p));
});
