/** Paths from a `--local` Bot API server: re-rooted on the mounted volume, never outside the bot's directory. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { LocalBotApiFiles } from "../../../src/channels/telegram/telegram-local-files.ts";

const TOKEN = "123:ABC";

test("same machine: the absolute path is used as given", () => {
  assert.equal(new LocalBotApiFiles(TOKEN).resolve("/var/lib/tba/123~ABC/photos/file_1.jpg"), "/var/lib/tba/123~ABC/photos/file_1.jpg");
});

test("mounted elsewhere: re-rooted from the bot's directory on", () => {
  assert.equal(new LocalBotApiFiles(TOKEN, "/mnt/tba").resolve("/var/lib/tba/123~ABC/photos/file_1.jpg"), "/mnt/tba/123~ABC/photos/file_1.jpg");
  assert.equal(new LocalBotApiFiles(TOKEN, "/mnt/tba").resolve("/srv/123:ABC/documents/a.png"), "/mnt/tba/123:ABC/documents/a.png");
});

test("a relative path, one outside the bot's directory, or one climbing out of it is refused", () => {
  const files = new LocalBotApiFiles(TOKEN, "/mnt/tba");
  assert.throws(() => files.resolve("photos/file_1.jpg"), /relative/);
  assert.throws(() => files.resolve("/etc/passwd"), /outside/);
  assert.throws(() => files.resolve("/var/lib/tba/123~ABC/../../../etc/passwd"), /leaves/);
});
