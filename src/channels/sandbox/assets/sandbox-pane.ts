// One chat pane of the sandbox page (traveller or family): its log, composer, quick commands and the photo
// and location tools. Built from the page's #pane-template; talks to /sandbox/api/<chat>/... .
import { el, message, must, renderText, START_RE, store, timeOf } from "./sandbox-dom.ts";

const POLL_MS = 700;
const HIDDEN_POLL_MS = 3000;
const COMMANDS = ["/start", "/contact", "/trip", "/checkin", "/status", "/contacts", "/cancel", "/forget", "/help", "/language"];
const LANGS = ["en", "fr", "ar", "es", "fa", "uk"];
export type Chat = "traveller" | "family";
export interface PaneConfig {
  chat: Chat;
  title: string;
  name: string;
  toolsOpen: boolean;
}

/** One line of a chat log, as GET /sandbox/api/:chat/messages returns it (channels/sandbox/sandbox-routes.ts). */
export interface LogEntry {
  seq: number;
  dir: "in" | "out";
  at: number;
  text?: string;
  photoId?: string;
  buttons?: { label: string; data: string }[][];
  requestLocation?: { label?: string };
}
export interface Landmark {
  id: string;
  name: string;
  lat: number;
  lon: number;
}
interface LocationFields {
  lat: number;
  lon: number;
  accuracy: number | undefined;
  live: boolean;
  forwarded: boolean;
}

/** What a pane needs from the page: the landmark list, and the other pane (an invite opens there). */
export interface PaneHost {
  landmarks(): readonly Landmark[];
  pane(chat: Chat): Pane;
}

function otherChat(chat: Chat): Chat {
  return chat === "traveller" ? "family" : "traveller";
}

export class Pane {
  readonly chat: Chat;
  readonly root: HTMLElement;
  lastSeq = 0;
  polling = false;
  pollAgain = false;
  offline = false;
  timer: ReturnType<typeof setTimeout> | undefined = undefined;
  stick = true;
  readonly nameInput: HTMLInputElement;
  readonly langSelect: HTMLSelectElement;
  readonly log: HTMLOListElement;
  readonly textInput: HTMLInputElement;
  readonly statusEl: HTMLElement;
  readonly defaultName: string;
  readonly photoDetails: HTMLDetailsElement;
  readonly locationDetails: HTMLDetailsElement;
  readonly landmarkSelect: HTMLSelectElement;
  readonly latInput: HTMLInputElement;
  readonly lonInput: HTMLInputElement;
  readonly accInput: HTMLInputElement;

  constructor(
    cfg: PaneConfig,
    private readonly host: PaneHost,
  ) {
    this.chat = cfg.chat;
    const template = must<HTMLTemplateElement>(document, "#pane-template");
    const root = template.content.firstElementChild!.cloneNode(true) as HTMLElement;
    this.root = root;
    root.id = "pane-" + cfg.chat;
    root.setAttribute("data-chat", cfg.chat);
    root.setAttribute("aria-label", cfg.title + " chat");
    const q = <T extends Element = HTMLElement>(sel: string): T => must<T>(root, sel);
    q(".title").textContent = cfg.title;
    q(".chat-id").textContent = "chat id “" + cfg.chat + "”";
    this.nameInput = q<HTMLInputElement>(".name");
    this.langSelect = q<HTMLSelectElement>(".language");
    this.log = q<HTMLOListElement>(".log");
    this.log.setAttribute("aria-label", cfg.title + " messages");
    this.log.addEventListener("scroll", () => (this.stick = this.nearBottom()), { passive: true });
    this.textInput = q<HTMLInputElement>(".text");
    this.statusEl = q(".status");
    const uid = "p-" + cfg.chat;
    this.textInput.id = uid + "-text";
    q(".composer label").setAttribute("for", this.textInput.id);
    this.textInput.setAttribute("aria-label", cfg.title + " message");

    this.nameInput.value = store("sandbox.name." + cfg.chat) || cfg.name;
    this.defaultName = cfg.name;
    const lang = store("sandbox.lang." + cfg.chat);
    this.langSelect.value = lang !== null && LANGS.includes(lang) ? lang : "en";
    this.nameInput.addEventListener("change", () => store("sandbox.name." + cfg.chat, this.nameInput.value));
    this.langSelect.addEventListener("change", () => store("sandbox.lang." + cfg.chat, this.langSelect.value));

    q(".reset").addEventListener("click", () => void this.reset());

    const quick = q(".quick");
    quick.setAttribute("aria-label", cfg.title + " quick commands");
    for (const cmd of COMMANDS) {
      const b = el("button", { type: "button", title: "Send " + cmd }, cmd);
      b.addEventListener("click", () => void this.sendText(cmd));
      quick.appendChild(b);
    }

    q(".composer").addEventListener("submit", (ev) => {
      ev.preventDefault();
      const text = this.textInput.value.trim();
      if (!text) return;
      void this.sendText(text).then((ok) => {
        if (ok) this.textInput.value = "";
      });
    });

    // Photo tool
    this.photoDetails = q<HTMLDetailsElement>(".photo-tool");
    this.photoDetails.open = cfg.toolsOpen;
    const fileInput = q<HTMLInputElement>(".photo-file");
    const preview = q<HTMLImageElement>(".preview");
    let previewUrl: string | null = null;
    fileInput.addEventListener("change", () => {
      if (previewUrl) URL.revokeObjectURL(previewUrl);
      previewUrl = null;
      const f = fileInput.files?.[0];
      if (f && /^image\//.test(f.type)) {
        previewUrl = URL.createObjectURL(f);
        preview.src = previewUrl;
        preview.classList.add("shown");
      } else {
        preview.removeAttribute("src");
        preview.classList.remove("shown");
      }
    });
    q(".photo-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      const submitter = (ev as SubmitEvent).submitter as HTMLButtonElement | null;
      const asFile = submitter ? submitter.value === "file" : true;
      const f = fileInput.files?.[0];
      if (!f) {
        this.setStatus("Choose a photo first.", true);
        fileInput.focus();
        return;
      }
      void this.sendPhoto(f, asFile, q<HTMLInputElement>(".photo-forwarded").checked);
    });

    // Location tool
    this.locationDetails = q<HTMLDetailsElement>(".location-tool");
    this.locationDetails.open = cfg.toolsOpen;
    this.landmarkSelect = q<HTMLSelectElement>(".landmark");
    this.latInput = q<HTMLInputElement>(".lat");
    this.lonInput = q<HTMLInputElement>(".lon");
    this.accInput = q<HTMLInputElement>(".accuracy");
    this.landmarkSelect.addEventListener("change", () => this.fillFromLandmark());
    q(".location-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      void this.sendLocation({
        lat: Number(this.latInput.value),
        lon: Number(this.lonInput.value),
        accuracy: this.accInput.value === "" ? undefined : Number(this.accInput.value),
        live: q<HTMLInputElement>(".live").checked,
        forwarded: q<HTMLInputElement>(".loc-forwarded").checked,
      });
    });
    q(".browser-location").addEventListener("click", () => this.useBrowserLocation());

    // Unique ids so labels and tests can find controls.
    for (const sel of [".name", ".language", ".photo-file", ".photo-forwarded", ".landmark", ".lat", ".lon", ".accuracy", ".live", ".loc-forwarded"]) {
      q(sel).id = uid + "-" + sel.slice(1);
    }

    this.showEmpty();
  }

  identity(): { name: string; language: string } {
    const name = this.nameInput.value.trim().slice(0, 64) || this.defaultName;
    return { name, language: this.langSelect.value };
  }

  setStatus(text: string, isError = false): void {
    this.statusEl.textContent = text || "";
    this.statusEl.classList.toggle("error", isError);
  }

  async request(path: string, init: RequestInit, what: string): Promise<boolean> {
    this.setStatus(what ? "Sending " + what + "…" : "");
    try {
      const res = await fetch("/sandbox/api/" + this.chat + "/" + path, init);
      const body = (await res.json().catch(() => ({}))) as { ok?: boolean; error?: string; message?: string } | null;
      if (!res.ok || body?.ok === false) throw new Error(body?.error || body?.message || "HTTP " + res.status);
      this.setStatus("");
      this.pollSoon();
      return true;
    } catch (err) {
      this.setStatus("Could not send" + (what ? " " + what : "") + ": " + message(err), true);
      return false;
    }
  }

  postJson(path: string, extra: object, what: string): Promise<boolean> {
    const body = { ...this.identity(), ...extra };
    return this.request(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }, what);
  }

  sendText(text: string): Promise<boolean> {
    return this.postJson("text", { text }, "message");
  }

  sendChoice(data: string): Promise<boolean> {
    return this.postJson("choice", { data }, "choice");
  }

  sendLocation(loc: LocationFields): Promise<boolean> {
    if (!isFinite(loc.lat) || !isFinite(loc.lon) || this.latInput.value === "" || this.lonInput.value === "") {
      this.setStatus("Enter a latitude and longitude, or choose a landmark.", true);
      this.latInput.focus();
      return Promise.resolve(false);
    }
    return this.postJson("location", loc, "location");
  }

  sendPhoto(file: File, asFile: boolean, forwarded: boolean): Promise<boolean> {
    const id = this.identity();
    const form = new FormData();
    // Fields first: the server reads the fields that arrive before the file.
    form.append("name", id.name);
    form.append("language", id.language);
    form.append("asFile", asFile ? "true" : "false");
    form.append("forwarded", forwarded ? "true" : "false");
    form.append("photo", file, file.name || "photo.jpg");
    return this.request("photo", { method: "POST", body: form }, asFile ? "file" : "photo");
  }

  async reset(): Promise<void> {
    try {
      const res = await fetch("/sandbox/api/" + this.chat + "/reset", { method: "POST" });
      if (!res.ok) throw new Error("HTTP " + res.status);
      this.log.textContent = "";
      this.showEmpty();
      this.setStatus("Chat log cleared.");
    } catch (err) {
      this.setStatus("Could not reset: " + message(err), true);
    }
  }

  showEmpty(): void {
    if (!this.log.querySelector(".msg")) {
      this.log.textContent = "";
      this.log.appendChild(
        el(
          "li",
          { class: "empty" },
          this.chat === "traveller" ? "No messages yet. Press /start to begin." : "No messages yet. Open the traveller’s invite link here.",
        ),
      );
    }
  }

  openLocationPanel(): void {
    this.locationDetails.open = true;
    this.locationDetails.scrollIntoView({ behavior: "smooth", block: "nearest" });
    (this.landmarkSelect.value ? must<HTMLElement>(this.root, ".send-location") : this.landmarkSelect).focus({ preventScroll: true });
  }

  fillFromLandmark(): void {
    const id = this.landmarkSelect.value;
    const l = this.host.landmarks().find((x) => x.id === id);
    if (!l) return;
    // About 30 m north-east of the landmark's centre.
    const d = 30 / Math.SQRT2;
    const lat = l.lat + d / 111320;
    const lon = l.lon + d / (111320 * Math.cos((l.lat * Math.PI) / 180));
    this.latInput.value = lat.toFixed(6);
    this.lonInput.value = lon.toFixed(6);
    if (this.accInput.value === "") this.accInput.value = "15";
  }

  useBrowserLocation(): void {
    // Absent in some browsers and on insecure origins, whatever the DOM typings say.
    if (!(navigator.geolocation as Geolocation | undefined)) {
      this.setStatus("This browser cannot share its location.", true);
      return;
    }
    this.setStatus("Asking the browser for your location…");
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        this.landmarkSelect.value = "";
        this.latInput.value = pos.coords.latitude.toFixed(6);
        this.lonInput.value = pos.coords.longitude.toFixed(6);
        this.accInput.value = String(Math.round(pos.coords.accuracy));
        this.setStatus("Browser location filled in. Press “Send location”.");
      },
      (err) => this.setStatus("Browser location unavailable: " + err.message, true),
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
    );
  }

  render(entry: LogEntry): void {
    this.log.querySelector(".empty")?.remove();
    const li = el("li", { class: "msg " + (entry.dir === "in" ? "in" : "out"), "data-seq": String(entry.seq) });
    if (entry.photoId) {
      const img = el("img", { class: "photo", alt: "Photo", src: "/sandbox/media/" + encodeURIComponent(entry.photoId) });
      img.addEventListener("error", () => img.replaceWith(el("span", { class: "meta" }, "(photo no longer available)")));
      img.addEventListener("load", () => this.stickToBottom());
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
      const target = otherChat(this.chat);
      for (const code of starts) {
        const b = el("button", { type: "button", class: "primary open-invite" }, "Open in " + target + " pane");
        b.addEventListener("click", () => void this.host.pane(target).sendText("/start " + code));
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
            void this.sendChoice(btn.data);
          });
          r.appendChild(b);
        }
        actions.appendChild(r);
      }
      if (entry.requestLocation) {
        const r2 = el("div", { class: "row" });
        const lb = el("button", { type: "button", class: "request-location", dir: "auto" }, entry.requestLocation.label || "Send my location");
        lb.addEventListener("click", () => this.openLocationPanel());
        r2.appendChild(lb);
        actions.appendChild(r2);
      }
      li.appendChild(actions);
    }
    li.appendChild(el("span", { class: "meta" }, (entry.dir === "in" ? "you · " : "bot · ") + timeOf(entry.at)));
    this.log.appendChild(li);
  }

  nearBottom(): boolean {
    return this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < 80;
  }

  stickToBottom(): void {
    if (this.stick) this.log.scrollTop = this.log.scrollHeight;
  }

  poll(): void {
    if (this.polling) {
      this.pollAgain = true;
      return;
    }
    this.polling = true;
    clearTimeout(this.timer);
    void this.fetchNew().finally(() => {
      this.polling = false;
      if (this.pollAgain) {
        this.pollAgain = false;
        this.poll();
        return;
      }
      this.timer = setTimeout(() => this.poll(), document.hidden ? HIDDEN_POLL_MS : POLL_MS);
    });
  }

  private async fetchNew(): Promise<void> {
    try {
      const res = await fetch("/sandbox/api/" + this.chat + "/messages?after=" + this.lastSeq, { cache: "no-store" });
      if (!res.ok) throw new Error("HTTP " + res.status);
      const entries: unknown = await res.json();
      if (this.offline) {
        this.offline = false;
        this.setStatus("");
      }
      if (!Array.isArray(entries) || !entries.length) return;
      const wasNear = this.stick || this.nearBottom();
      (entries as LogEntry[]).sort((a, b) => a.seq - b.seq);
      for (const e of entries as LogEntry[]) {
        if (e.seq <= this.lastSeq) continue;
        this.render(e);
        this.lastSeq = e.seq;
      }
      this.stick = wasNear;
      this.stickToBottom();
    } catch (err) {
      this.offline = true;
      this.setStatus("Cannot reach the sandbox server (" + message(err) + "). Retrying…", true);
    }
  }

  pollSoon(): void {
    this.poll();
  }
}
