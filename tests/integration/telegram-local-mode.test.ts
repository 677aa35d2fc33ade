/**
 * A self-hosted Bot API server run with `--local`: getFile gives an absolute path on the server's disk and no
 * download route exists, so the bot reads photos from the shared volume (TELEGRAM_LOCAL_MODE, TELEGRAM_LOCAL_FILE_DIR).
 */
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { App } from "../../src/app.ts";
import { makeUser, type FakeBotApi } from "../support/fake-bot-api.ts";
import { makeJpeg } from "../support/photos.ts";
import type { RedisServerHandle } from "../support/redis-server.ts";
import type { TelegramDriver } from "../support/telegram-driver.ts";
import { startTelegramHarness, stopTelegramHarness } from "../support/telegram-harness.ts";

let redis: RedisServerHandle;
let fake: FakeBotApi;
let app: App;
let bot: TelegramDriver;
const volume = mkdtempSync(path.join(tmpdir(), "sa-tba-"));

before(async () => {
  // The server writes under its own --dir (/var/lib/telegram-bot-api); this process sees that volume at `volume`.
  ({ redis, fake, app, bot } = await startTelegramHarness({
    fake: { local: { dir: volume, serverDir: "/var/lib/telegram-bot-api" } },
    env: { TELEGRAM_LOCAL_MODE: "on", TELEGRAM_LOCAL_FILE_DIR: volume },
  }));
});

after(async () => {
  await stopTelegramHarness({ app, fake, redis });
  rmSync(volume, { recursive: true, force: true });
});

test("a photo is read from the local server's disk, its absolute path re-rooted on the shared volume", async () => {
  const t = makeUser();
  await bot.onboard(t);
  await bot.ask(t, () => fake.text(t, "/trip rome-termini-station 2h"), /Trip saved/);
  const photo = await makeJpeg({ width: 960, height: 720, seed: "local-mode" });
  await bot.ask(t, () => fake.photo(t, photo), /send your location/, 15_000);
  const got = fake.calls("getFile").at(-1)!;
  assert.match(String((got.response as { file_path: string }).file_path), /^\/var\/lib\/telegram-bot-api\/\d+~[^/]+\/photos\//, "the fake answered an absolute server path");
});
