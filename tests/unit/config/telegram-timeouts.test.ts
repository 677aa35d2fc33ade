/** The HTTP client timeout always outlasts the long poll: derived from it, and a clashing pair is refused. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { ConfigError, loadConfig } from "../../../src/config.ts";

test("unset, the client timeout is the poll timeout plus a margin", () => {
  const c = loadConfig({ TELEGRAM_POLL_TIMEOUT: "25s" });
  assert.equal(c.TELEGRAM_POLL_TIMEOUT, 25_000);
  assert.equal(c.TELEGRAM_TIMEOUT, 35_000);
  assert.ok(loadConfig({}).TELEGRAM_TIMEOUT > loadConfig({}).TELEGRAM_POLL_TIMEOUT);
});

test("a client timeout shorter than the poll timeout is refused with a clear error", () => {
  assert.throws(
    () => loadConfig({ TELEGRAM_POLL_TIMEOUT: "30s", TELEGRAM_TIMEOUT: "20s" }),
    (err: Error) => err instanceof ConfigError && /TELEGRAM_TIMEOUT: 20s must be at least TELEGRAM_POLL_TIMEOUT \(30s\) \+ 2s/.test(err.message),
  );
  assert.throws(() => loadConfig({ TELEGRAM_POLL_TIMEOUT: "30s", TELEGRAM_TIMEOUT: "31s" }), ConfigError);
  assert.equal(loadConfig({ TELEGRAM_POLL_TIMEOUT: "30s", TELEGRAM_TIMEOUT: "32s" }).TELEGRAM_TIMEOUT, 32_000);
});

test("the poll timeout is whole seconds within Telegram's 50 s maximum", () => {
  for (const bad of ["0s", "1500ms", "51s", "2m"]) assert.throws(() => loadConfig({ TELEGRAM_POLL_TIMEOUT: bad }), ConfigError, bad);
});
