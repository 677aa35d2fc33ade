import { chromium, type Browser } from "playwright-core";

/** Debian's Chromium; tests never download a browser. */
export const CHROMIUM = "/usr/bin/chromium";

/** Headless Chromium with the flags this closed network needs (no background connections, no sandbox as root). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}
