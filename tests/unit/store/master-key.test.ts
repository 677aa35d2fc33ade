/** resolveMasterKey (src/store/master-key.ts): APP_KEY when set, refused missing in production, generated once for development. */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { pino } from "pino";
import { ConfigError } from "../../../src/config.ts";
import { resolveMasterKey } from "../../../src/store/master-key.ts";

const log = pino({ level: "silent" });
const dir = mkdtempSync(path.join(os.tmpdir(), "safe-arrival-master-key-"));
after(() => rmSync(dir, { recursive: true, force: true }));

test("APP_KEY is used as given, and no file is written", () => {
  const key = randomBytes(32).toString("base64");
  const dataDir = path.join(dir, "given");
  assert.equal(resolveMasterKey({ APP_KEY: key, NODE_ENV: "production", DATA_DIR: dataDir }, log), key);
  assert.throws(() => statSync(path.join(dataDir, "app.key")), { code: "ENOENT" });
});

test("production without APP_KEY is refused", () => {
  assert.throws(() => resolveMasterKey({ APP_KEY: undefined, NODE_ENV: "production", DATA_DIR: path.join(dir, "prod") }, log), ConfigError);
});

test("development without APP_KEY: a 32-byte key generated once, owner-only, and the same one next time", () => {
  const dataDir = path.join(dir, "dev", "nested");
  const first = resolveMasterKey({ APP_KEY: undefined, NODE_ENV: "development", DATA_DIR: dataDir }, log);
  assert.equal(Buffer.from(first, "base64").length, 32);
  assert.equal(statSync(path.join(dataDir, "app.key")).mode & 0o777, 0o600);
  assert.equal(resolveMasterKey({ APP_KEY: undefined, NODE_ENV: "development", DATA_DIR: dataDir }, log), first);
});
