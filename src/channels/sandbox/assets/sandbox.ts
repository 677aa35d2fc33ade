// The sandbox chat page's script: the two panes (sandbox-pane.ts), the landmark list, an invite link the page
// was opened from. TypeScript, type-checked and linted with the rest; the browser gets these modules as
// JavaScript files (not inline: the Content-Security-Policy allows scripts from this site only), see
// src/browser-script.ts and the sandbox routes.
import { el, must, START_RE } from "./sandbox-dom.ts";
import { type Chat, type Landmark, Pane, type PaneConfig } from "./sandbox-pane.ts";

const PANES: PaneConfig[] = [
  { chat: "traveller", title: "Traveller", name: "Amina", toolsOpen: true },
  { chat: "family", title: "Family", name: "Yusuf", toolsOpen: false },
];

const panes = {} as Record<Chat, Pane>;
let landmarks: Landmark[] = [];
const host = { landmarks: () => landmarks, pane: (chat: Chat) => panes[chat] };

function allPanes(): Pane[] {
  return Object.values(panes);
}

async function loadLandmarks(): Promise<void> {
  try {
    const res = await fetch("/sandbox/api/landmarks", { cache: "no-store" });
    if (!res.ok) throw new Error("HTTP " + res.status);
    const list: unknown = await res.json();
    landmarks = Array.isArray(list) ? (list as Landmark[]) : [];
    for (const pane of allPanes()) {
      for (const l of landmarks) pane.landmarkSelect.appendChild(el("option", { value: l.id }, l.name));
    }
  } catch {
    for (const pane of allPanes()) pane.setStatus("Could not load the landmark list.", true);
  }
}

/** Opened from an invite link (…/sandbox?start=CODE): offer to open it in the family pane. */
function offerStartFromUrl(): void {
  const code = START_RE.exec(location.search)?.[1];
  if (code === undefined) return;
  const banner = must<HTMLElement>(document, "#start-banner");
  const box = el("div");
  box.appendChild(el("span", null, "This page was opened from an invite link."));
  const b = el("button", { type: "button", class: "primary" }, "Open in family pane");
  b.addEventListener("click", () => {
    void panes.family.sendText("/start " + code);
    banner.hidden = true;
    history.replaceState(null, "", location.pathname);
  });
  box.appendChild(b);
  banner.appendChild(box);
  banner.hidden = false;
}

const main = must<HTMLElement>(document, "#panes");
for (const cfg of PANES) {
  const p = new Pane(cfg, host);
  panes[cfg.chat] = p;
  main.appendChild(p.root);
}
void loadLandmarks();
offerStartFromUrl();
for (const pane of allPanes()) pane.poll();
window.addEventListener("resize", () => {
  for (const pane of allPanes()) pane.stickToBottom();
});
document.addEventListener("visibilitychange", () => {
  if (!document.hidden) for (const pane of allPanes()) pane.poll();
});
