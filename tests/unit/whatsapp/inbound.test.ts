/**
 * The inbound mapping against Baileys messages. The recorded JSON fixtures (tests/fixtures/whatsapp) are
 * read through Baileys' own protobuf types (fromObject, then the wire round trip encode/decode), so what
 * the mapping sees has the shapes a real socket hands over (null defaults, longs).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { normalizeMessageContent, proto, type WAMessage } from "@whiskeysockets/baileys";
import { toInbound, type WaInboundContext } from "../../../src/channels/whatsapp/wa-inbound.ts";
import type { Inbound } from "../../../src/ports/messaging.ts";

const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures/whatsapp");
function load(name: string): WAMessage {
  const raw = JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), "utf8")) as { key: Record<string, unknown> };
  const info = proto.WebMessageInfo.decode(proto.WebMessageInfo.encode(proto.WebMessageInfo.fromObject(raw)).finish()) as WAMessage;
  // Key fields Baileys adds in JS, outside the protobuf (lib/Utils/decode-wa-message.js).
  for (const field of ["remoteJidAlt", "participantAlt", "addressingMode"]) {
    if (raw.key[field] !== undefined) Object.assign(info.key, { [field]: raw.key[field] });
  }
  return info;
}

const LID = "207856412398711@lid";

function context(over: Partial<WaInboundContext> = {}): WaInboundContext & { downloads: string[] } {
  const downloads: string[] = [];
  return {
    downloads,
    maxBytes: 16 * 1024 * 1024,
    download: async (m) => {
      downloads.push(m.key.id!);
      return Buffer.from("jpeg");
    },
    choice: async (chatId, n) => (chatId === LID && n === 2 ? "consent:y" : undefined),
    ...over,
  };
}

async function map(name: string, ctx = context()): Promise<Inbound | undefined> {
  return toInbound(load(name), ctx);
}

test("a text command from a LID sender: the LID is the chat id", async () => {
  const msg = await map("text-lid");
  assert.equal(msg?.kind, "text");
  assert.deepEqual(msg.from, { channel: "whatsapp", chatId: LID });
  assert.equal(msg.kind === "text" && msg.text, "/help");
  assert.equal(msg.name, "Amina");
  assert.equal(msg.messageRef, "3EB0C4F1A2B3C4D5E6F7");
  assert.equal(msg.at.toISOString(), "2026-01-01T00:00:00.000Z");
});

test("a phone-number chat with a LID as alternate JID maps to the same LID (device part dropped)", async () => {
  const msg = await map("text-pn-with-lid-alt");
  assert.deepEqual(msg?.from, { channel: "whatsapp", chatId: LID });
  assert.equal(msg?.kind === "text" && msg.text, "/status");
  assert.equal(msg?.at.getTime(), 1767225660_000, "protobuf long timestamps");
});

test("a phone-number-only sender: the LID WhatsApp mapped is used; only without one is the phone JID kept", async () => {
  const mapped = await map("text-pn-only", context({ lidForPn: async (pn) => (pn === "447700900124@s.whatsapp.net" ? "209900000000001@lid" : undefined) }));
  assert.equal(mapped?.from.chatId, "209900000000001@lid");
  assert.equal(mapped?.kind === "text" && mapped.text, "hello", "disappearing-message wrapper unwrapped");
  const unmapped = await map("text-pn-only", context({ lidForPn: async () => undefined }));
  assert.equal(unmapped?.from.chatId, "447700900124@s.whatsapp.net");
});

test("a number answering a numbered list becomes the button's choice; an unknown number stays text", async () => {
  const msg = await map("choice-reply");
  assert.deepEqual(msg?.kind === "choice" && msg.data, "consent:y");
  const plain = await map("choice-reply", context({ choice: async () => undefined }));
  assert.equal(plain?.kind === "text" && plain.text, " 2 ");
});

test("a bare invite code (from a wa.me link) is read as /start <code>", async () => {
  const msg = await map("invite-code");
  assert.equal(msg?.kind === "text" && msg.text, "/start Qx7vN2kLm9pR4sT6uW8yZ0aB");
  assert.equal(msg?.from.chatId, "209911223344556@lid");
});

test("an image: a compressed photo (no EXIF), downloaded on demand", async () => {
  const ctx = context();
  const msg = await map("image", ctx);
  assert.equal(msg?.kind, "photo");
  if (msg?.kind !== "photo") return;
  assert.equal(msg.asFile, false);
  assert.equal(msg.forwarded, false);
  assert.equal(msg.size, 183204);
  assert.equal(msg.caption, "here");
  assert.equal(ctx.downloads.length, 0, "nothing downloaded before the core asks");
  assert.equal((await msg.download()).toString(), "jpeg");
  assert.deepEqual(ctx.downloads, ["3EB0IMG0000000000001"]);
});

test("a forwarded image is flagged, and one announced over the size limit is refused without downloading", async () => {
  const ctx = context({ maxBytes: 1_000_000 });
  const msg = await map("image-forwarded", ctx);
  assert.equal(msg?.kind === "photo" && msg.forwarded, true);
  if (msg?.kind !== "photo") return;
  await assert.rejects(msg.download(), (err: Error) => err.name === "PhotoRejectedError");
  assert.equal(ctx.downloads.length, 0);
});

test("an image sent as a document keeps its EXIF: asFile", async () => {
  const msg = await map("document-image");
  assert.equal(msg?.kind, "photo");
  if (msg?.kind !== "photo") return;
  assert.equal(msg.asFile, true);
  assert.equal(msg.mime, "image/jpeg");
  assert.equal(msg.size, 2456789);
  assert.equal(msg.caption, "arrived");
});

test("a document that is not an image", async () => {
  const msg = await map("document-pdf");
  assert.deepEqual(msg?.kind === "document" && { mime: msg.mime, size: msg.size }, { mime: "application/pdf", size: 53211 });
});

test("a location uses accuracyInMeters; a venue is flagged; a forwarded one is flagged", async () => {
  const loc = await map("location");
  assert.ok(loc?.kind === "location");
  assert.deepEqual({ lat: loc.lat, lon: loc.lon, acc: loc.accuracyM, live: loc.live, fwd: loc.forwarded, venue: loc.venue }, {
    lat: 37.97551, lon: 23.73549, acc: 14, live: false, fwd: false, venue: false,
  });
  const venue = await map("location-venue");
  assert.ok(venue?.kind === "location" && venue.venue);
  assert.equal(venue.accuracyM, undefined);
  const fwd = await map("location-forwarded");
  assert.ok(fwd?.kind === "location" && fwd.forwarded);
});

test("a live location is live, with its accuracy; a forwarded live location is flagged", async () => {
  const live = await map("live-location");
  assert.ok(live?.kind === "location");
  assert.deepEqual({ lat: live.lat, acc: live.accuracyM, live: live.live, fwd: live.forwarded }, { lat: 37.97562, acc: 22, live: true, fwd: false });
  const fwd = await map("live-location-forwarded");
  assert.ok(fwd?.kind === "location" && fwd.live && fwd.forwarded);
});

test("ignored: groups, the bot's own messages, protocol traffic; a sticker is unsupported", async () => {
  assert.equal(await map("group-text"), undefined);
  assert.equal(await map("own-message"), undefined);
  assert.equal(await map("protocol-only"), undefined);
  assert.equal((await map("sticker"))?.kind, "unsupported");
});

test("an HD upload (associatedChildMessage) maps to the photo inside, as Baileys' normalizeMessageContent unwraps it", async () => {
  const info = proto.WebMessageInfo.fromObject({
    key: { remoteJid: LID, fromMe: false, id: "3EB0HDCHILD" },
    messageTimestamp: 1767225600,
    message: {
      associatedChildMessage: {
        message: {
          imageMessage: { mimetype: "image/jpeg", fileLength: 2_000_000, width: 4000, height: 3000 },
          messageContextInfo: { messageAssociation: { associationType: proto.MessageAssociation.AssociationType.HD_IMAGE_DUAL_UPLOAD, parentMessageKey: { id: "3EB0PARENT" } } },
        },
      },
    },
  });
  const message = proto.WebMessageInfo.decode(proto.WebMessageInfo.encode(info).finish()) as WAMessage;
  assert.ok(normalizeMessageContent(message.message)?.imageMessage, "Baileys unwraps it to an imageMessage");
  const ctx = context();
  const msg = await toInbound(message, ctx);
  assert.equal(msg?.kind, "photo");
  assert.equal(msg.kind === "photo" && msg.size, 2_000_000);

  const album = proto.WebMessageInfo.decode(
    proto.WebMessageInfo.encode(proto.WebMessageInfo.fromObject({ key: { remoteJid: LID, id: "3EB0ALBUM" }, message: { albumMessage: { expectedImageCount: 3 } } })).finish(),
  ) as WAMessage;
  assert.equal(await toInbound(album, ctx), undefined, "an album header is not 'unsupported': its images follow");
});
