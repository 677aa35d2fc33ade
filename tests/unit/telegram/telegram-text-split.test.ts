/** Long texts split for Telegram's limits: on paragraph, line, then word boundaries; pairs and isolates kept whole. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { splitText } from "../../../src/channels/telegram/telegram-text-split.ts";

const FSI = "\u2068";
const PDI = "\u2069";
const balanced = (s: string) => {
  let d = 0;
  for (const ch of s) {
    if (ch === FSI) d++;
    if (ch === PDI) d--;
    if (d < 0) return false;
  }
  return d === 0;
};
const loneSurrogate = (s: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

test("short text is one part", () => {
  assert.deepEqual(splitText("hello", 10), ["hello"]);
});

test("splits on a paragraph break first, then a line break, then a space", () => {
  assert.deepEqual(splitText("aaaa bbbb\ncccc\n\ndddd", 16), ["aaaa bbbb\ncccc", "dddd"]);
  assert.deepEqual(splitText("aaaa bbbb\ncccc dddd", 16), ["aaaa bbbb", "cccc dddd"]);
  assert.deepEqual(splitText("aaaa bbbb cccc dddd", 16), ["aaaa bbbb cccc", "dddd"]);
});

test("never inside a surrogate pair", () => {
  const text = "😀".repeat(10); // 20 code units, no spaces
  const parts = splitText(text, 7);
  for (const p of parts) {
    assert.ok(p.length <= 7);
    assert.equal(loneSurrogate(p), false, JSON.stringify(p));
  }
  assert.equal(parts.join(""), text);
});

test("never inside an FSI/PDI isolate", () => {
  const text = `Trip to ${FSI}Rome Termini Station${PDI} saved for ${FSI}Amina Yusuf${PDI}.`;
  // From the longest isolate's length up (a single longer isolate has to be cut somewhere).
  for (let limit = `${FSI}Rome Termini Station${PDI}`.length; limit < text.length; limit++) {
    const parts = splitText(text, limit);
    for (const p of parts) {
      assert.ok(p.length <= limit, `${limit}: ${p.length}`);
      assert.ok(balanced(p), `limit ${limit}: ${JSON.stringify(p)}`);
    }
  }
});

test("a first part of its own size (a caption), then the rest", () => {
  const parts = splitText(`${"a ".repeat(700)}\n\n${"b ".repeat(3000)}`, 4096, 1024);
  assert.ok(parts[0]!.length <= 1024);
  assert.ok(parts.slice(1).every((p) => p.length <= 4096));
  const words = (s: string) => s.split(/\s+/).filter(Boolean);
  assert.deepEqual(words(parts.join(" ")), words(`${"a ".repeat(700)}${"b ".repeat(3000)}`));
});
