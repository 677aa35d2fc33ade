// One line of a sandbox chat log as the page shows it: the bubble with its links, a photo, the bot's buttons
// and location request, and "open in the other pane" for an invite link. What a click does is the pane's
// (sandbox-pane.ts); text only enters the page through text nodes and attributes (sandbox-dom.ts).
import type { LogEntry } from "./sandbox-api.ts";
import { el, renderText, START_RE, timeOf } from "./sandbox-dom.ts";

/** What the pane does when the user acts on a rendered line. */
export interface EntryActions {
  /** The name of the other pane, where an invite link opens. */
  otherPane: string;
  openInvite(code: string): void;
  choose(data: string): void;
  requestLocation(): void;
  /** A photo finished loading: the log may need to scroll. */
  photoLoaded(): void;
}

export function renderEntry(entry: LogEntry, act: EntryActions): HTMLLIElement {
  const li = el("li", { class: "msg " + (entry.dir === "in" ? "in" : "out"), "data-seq": String(entry.seq) });
  if (entry.photoId) {
    const img = el("img", { class: "photo", alt: "Photo", src: "/sandbox/media/" + encodeURIComponent(entry.photoId) });
    img.addEventListener("error", () => img.replaceWith(el("span", { class: "meta" }, "(photo no longer available)")));
    img.addEventListener("load", () => act.photoLoaded());
    li.appendChild(img);
  }
  const links: string[] = [];
  if (entry.text) {
    const bubble = el("div", { class: "bubble", dir: "auto" });
    renderText(bubble, entry.text, links);
    li.appendChild(bubble);
  }
  const starts: string[] = [];
  for (const url of links) {
    const code = START_RE.exec(url)?.[1];
    if (code !== undefined && !starts.includes(code)) starts.push(code);
  }
  if (starts.length && entry.dir === "out") {
    const la = el("div", { class: "link-actions" });
    for (const code of starts) {
      const b = el("button", { type: "button", class: "primary open-invite" }, "Open in " + act.otherPane + " pane");
      b.addEventListener("click", () => act.openInvite(code));
      la.appendChild(b);
    }
    li.appendChild(la);
  }
  if (entry.buttons?.length || entry.requestLocation) {
    const actions = el("div", { class: "actions" });
    for (const row of entry.buttons ?? []) {
      const r = el("div", { class: "row" });
      for (const btn of row) {
        const b = el("button", { type: "button", "data-choice": btn.data, dir: "auto" }, btn.label);
        b.addEventListener("click", () => {
          actions.querySelectorAll("button.chosen").forEach((x) => x.classList.remove("chosen"));
          b.classList.add("chosen");
          act.choose(btn.data);
        });
        r.appendChild(b);
      }
      actions.appendChild(r);
    }
    if (entry.requestLocation) {
      const r2 = el("div", { class: "row" });
      const lb = el("button", { type: "button", class: "request-location", dir: "auto" }, entry.requestLocation.label || "Send my location");
      lb.addEventListener("click", () => act.requestLocation());
      r2.appendChild(lb);
      actions.appendChild(r2);
    }
    li.appendChild(actions);
  }
  li.appendChild(el("span", { class: "meta" }, (entry.dir === "in" ? "you · " : "bot · ") + timeOf(entry.at)));
  return li;
}
