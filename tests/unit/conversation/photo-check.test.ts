/** Which photos go to the photo check: a /checkphoto caption, or the next photo within ten minutes of /checkphoto. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { isPhotoCheck, PHOTO_CHECK_WAIT_MS } from "../../../src/conversation/photo-check.ts";
import type { Turn } from "../../../src/conversation/turn.ts";
import type { DialogueState } from "../../../src/ports/stores.ts";

const NOW = Date.parse("2026-03-05T12:00:00Z");

function turnWith(caption: string | undefined, state: DialogueState | undefined): Parameters<typeof isPhotoCheck>[0] {
  return {
    msg: { kind: "photo", caption },
    person: { id: "p1" },
    deps: { states: { get: async () => state }, now: () => new Date(NOW) },
  } as unknown as Turn<Parameters<typeof isPhotoCheck>[0]["msg"]>;
}

test("a /checkphoto caption, with or without the bot's name, sends the photo to the check", async () => {
  assert.equal(await isPhotoCheck(turnWith("/checkphoto", undefined)), true);
  assert.equal(await isPhotoCheck(turnWith("  /CheckPhoto@SafeArrivalBot is this real?", undefined)), true);
  assert.equal(await isPhotoCheck(turnWith("/checkphotos", undefined)), false);
  assert.equal(await isPhotoCheck(turnWith("my word", undefined)), false, "a caption may be a check-in's secret word");
});

test("after /checkphoto the next photo is checked for ten minutes, then photos are check-ins again", async () => {
  assert.equal(await isPhotoCheck(turnWith(undefined, { step: "photo_check", until: NOW + 1 })), true);
  assert.equal(await isPhotoCheck(turnWith(undefined, { step: "photo_check", until: NOW })), false);
  assert.equal(await isPhotoCheck(turnWith(undefined, { step: "consent" })), false);
  assert.equal(PHOTO_CHECK_WAIT_MS, 600_000);
});
