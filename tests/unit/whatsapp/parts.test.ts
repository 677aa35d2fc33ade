import { test } from "node:test";
import assert from "node:assert/strict";
import { SealedBox } from "../../../src/store/sealed-box.ts";
import { backoffDelay } from "../../../src/channels/whatsapp/wa-connection.ts";
import { normalizeJid, parseJid } from "../../../src/channels/whatsapp/wa-jid.ts";
import { renderParts } from "../../../src/channels/whatsapp/wa-render.ts";
import { unreachableReason } from "../../../src/channels/whatsapp/wa-outbox-processor.ts";

const KEY = Buffer.alloc(32, 7).toString("base64");

test("sealed values open only with the same key and the same name", () => {
  const box = new SealedBox(KEY);
  const sealed = box.seal("secret creds", "creds");
  assert.ok(!sealed.includes("secret"));
  assert.equal(box.open(sealed, "creds").toString(), "secret creds");
  assert.throws(() => box.open(sealed, "pre-key:1"), /does not open/);
  assert.throws(() => new SealedBox(Buffer.alloc(32, 8).toString("base64")).open(sealed, "creds"), /does not open/);
  const tampered = sealed.slice(0, -4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
  assert.throws(() => box.open(tampered, "creds"));
  assert.throws(() => new SealedBox(Buffer.alloc(16).toString("base64")), /32 bytes/);
});

test("buttons render as numbered lines; a photo carries the text as caption unless it is too long", () => {
  const parts = renderParts({ text: "Join?" }, [{ label: "Accept", data: "inv:y:x" }, { label: "Decline", data: "inv:n:x" }], 3);
  assert.deepEqual(parts, [{ text: "Join?\n\n3. Accept\n4. Decline" }]);
  const photo = Buffer.from("jpeg");
  assert.deepEqual(renderParts({ text: "arrived", photo }), [{ image: photo, caption: "arrived" }]);
  const long = "x".repeat(2000);
  assert.deepEqual(renderParts({ text: long, photo }), [{ image: photo }, { text: long }]);
});

test("JIDs: device parts dropped, legacy c.us read as a phone JID, garbage refused", () => {
  assert.equal(normalizeJid("207856412398711:12@lid"), "207856412398711@lid");
  assert.equal(normalizeJid("447700900123@c.us"), "447700900123@s.whatsapp.net");
  assert.equal(parseJid("not a jid"), undefined);
});

test("reconnect backoff grows, is capped and jittered", () => {
  const b = { baseMs: 1_000, maxMs: 60_000 };
  assert.equal(backoffDelay(0, b, () => 1), 1_000);
  assert.equal(backoffDelay(3, b, () => 1), 8_000);
  assert.equal(backoffDelay(20, b, () => 1), 60_000);
  assert.equal(backoffDelay(3, b, () => 0), 4_000);
});

test("send errors that mean the recipient is unreachable, and those worth a retry", () => {
  assert.equal(unreachableReason(Object.assign(new Error("forbidden"), { output: { statusCode: 403 } })), "blocked");
  assert.equal(unreachableReason(Object.assign(new Error("item-not-found"), { output: { statusCode: 404 } })), "not_found");
  assert.equal(unreachableReason(new Error("Connection Closed")), undefined);
  assert.equal(unreachableReason(Object.assign(new Error("timed out"), { output: { statusCode: 408 } })), undefined);
});
