/**
 * The webhook's reading of a body (readUpdate): parsed once, its bytes kept as received for sealing; anything
 * that is not a JSON object with an integer update_id is malformed (answered 200 and counted, never stored).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { readUpdate } from "../../../src/channels/telegram/telegram-webhook.ts";

test("an update keeps its bytes as received (no re-serialising) beside the parsed object", () => {
  const raw = Buffer.from(`{"update_id": 17,  "message":{"message_id":1,"text":"ünïcode"}}`);
  const got = readUpdate(raw);
  assert.equal(got?.update.update_id, 17);
  assert.equal(got?.update.message?.text, "ünïcode");
  assert.equal(got?.raw, raw);
});

test("not JSON, not an object, or no integer update_id: malformed", () => {
  for (const body of ["", "{", "null", "[1]", "17", `"x"`, `{"update_id":"17"}`, `{"update_id":1.5}`, `{"update_id":1e300}`, `{"message":{}}`]) {
    assert.equal(readUpdate(Buffer.from(body)), undefined, body);
  }
});
