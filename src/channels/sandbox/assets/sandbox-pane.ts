// One chat pane of the sandbox page (traveller or family): its log, composer, quick commands and the photo
// and location tools. Built from the page's #pane-template; its requests go through sandbox-api.ts, its log
// lines are drawn by sandbox-entry.ts.
import { ChatApi, type Chat, type LocationFields, type LogEntry } from "./sandbox-api.ts";
import { el, message, must, store } from "./sandbox-dom.ts";
import { renderEntry } from "./sandbox-entry.ts";

const POLL_MS = 700;
const HIDDEN_POLL_MS = 3000;
const COMMANDS = ["/start", "/contact", "/trip", "/checkin", "/status", "/contacts", "/cancel", "/forget", "/help", "/language"];
const LANGS = ["en", "fr", "ar", "es", "fa", "uk"];
export type { Chat } from "./sandbox-api.ts";
export interface PaneConfig {
  chat: Chat;
  title: string;
  name: string;
  toolsOpen: boolean;
}

export interface Landmark {
  id: string;
  name: string;
  lat: number;
  lon: number;
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
  private readonly api: ChatApi;
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
    this.api = new ChatApi(cfg.chat);
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

  /** Runs one request with the pane's status line: "Sending …", then cleared, or why it failed. */
  private async request(what: string, call: () => Promise<void>): Promise<boolean> {
    this.setStatus(what ? "Sending " + what + "…" : "");
    try {
      await call();
      this.setStatus("");
      this.pollSoon();
      return true;
    } catch (err) {
      this.setStatus("Could not send" + (what ? " " + what : "") + ": " + message(err), true);
      return false;
    }
  }

  sendText(text: string): Promise<boolean> {
    return this.request("message", () => this.api.text(this.identity(), text));
  }

  sendChoice(data: string): Promise<boolean> {
    return this.request("choice", () => this.api.choice(this.identity(), data));
  }

  sendLocation(loc: LocationFields): Promise<boolean> {
    if (!isFinite(loc.lat) || !isFinite(loc.lon) || this.latInput.value === "" || this.lonInput.value === "") {
      this.setStatus("Enter a latitude and longitude, or choose a landmark.", true);
      this.latInput.focus();
      return Promise.resolve(false);
    }
    return this.request("location", () => this.api.location(this.identity(), loc));
  }

  sendPhoto(file: File, asFile: boolean, forwarded: boolean): Promise<boolean> {
    return this.request(asFile ? "file" : "photo", () => this.api.photo(this.identity(), file, asFile, forwarded));
  }

  async reset(): Promise<void> {
    try {
      await this.api.reset();
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
    const other = otherChat(this.chat);
    this.log.appendChild(renderEntry(entry, {
      otherPane: other,
      openInvite: (code) => void this.host.pane(other).sendText("/start " + code),
      choose: (data) => void this.sendChoice(data),
      requestLocation: () => this.openLocationPanel(),
      photoLoaded: () => this.stickToBottom(),
    }));
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
      const entries = await this.api.messagesAfter(this.lastSeq);
      if (this.offline) {
        this.offline = false;
        this.setStatus("");
      }
      if (!entries.length) return;
      const wasNear = this.stick || this.nearBottom();
      for (const e of entries) {
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
