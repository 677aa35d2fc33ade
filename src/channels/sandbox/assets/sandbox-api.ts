// The sandbox page's transport for one chat: the requests to /sandbox/api/<chat>/... that the sandbox routes
// answer (channels/sandbox/sandbox-routes.ts). A refused or failed request is thrown as an Error whose message
// the pane shows; nothing here touches the page.

export type Chat = "traveller" | "family";

/** One line of a chat log, as GET /sandbox/api/:chat/messages returns it. */
export interface LogEntry {
  seq: number;
  dir: "in" | "out";
  at: number;
  text?: string;
  photoId?: string;
  buttons?: { label: string; data: string }[][];
  requestLocation?: { label?: string };
}

/** Who the pane's user says they are: sent with every message, as a chat client would. */
export interface Identity {
  name: string;
  language: string;
}

export interface LocationFields {
  lat: number;
  lon: number;
  accuracy: number | undefined;
  live: boolean;
  forwarded: boolean;
}

export class ChatApi {
  constructor(readonly chat: Chat) {}

  private url(path: string): string {
    return "/sandbox/api/" + this.chat + "/" + path;
  }

  private async send(path: string, init: RequestInit): Promise<void> {
    const res = await fetch(this.url(path), init);
    const body = (await res.json().catch(() => ({}))) as { ok?: boolean; error?: string; message?: string } | null;
    if (!res.ok || body?.ok === false) throw new Error(body?.error || body?.message || "HTTP " + res.status);
  }

  private postJson(path: string, who: Identity, extra: object): Promise<void> {
    return this.send(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...who, ...extra }) });
  }

  text(who: Identity, text: string): Promise<void> {
    return this.postJson("text", who, { text });
  }

  choice(who: Identity, data: string): Promise<void> {
    return this.postJson("choice", who, { data });
  }

  location(who: Identity, loc: LocationFields): Promise<void> {
    return this.postJson("location", who, loc);
  }

  photo(who: Identity, file: File, asFile: boolean, forwarded: boolean): Promise<void> {
    const form = new FormData();
    // Fields first: the server reads the fields that arrive before the file.
    form.append("name", who.name);
    form.append("language", who.language);
    form.append("asFile", asFile ? "true" : "false");
    form.append("forwarded", forwarded ? "true" : "false");
    form.append("photo", file, file.name || "photo.jpg");
    return this.send("photo", { method: "POST", body: form });
  }

  /** Clears the chat's log on the server. */
  async reset(): Promise<void> {
    const res = await fetch(this.url("reset"), { method: "POST" });
    if (!res.ok) throw new Error("HTTP " + res.status);
  }

  /** The log entries numbered after `seq`, in order. */
  async messagesAfter(seq: number): Promise<LogEntry[]> {
    const res = await fetch(this.url("messages?after=" + seq), { cache: "no-store" });
    if (!res.ok) throw new Error("HTTP " + res.status);
    const entries: unknown = await res.json();
    return Array.isArray(entries) ? (entries as LogEntry[]).sort((a, b) => a.seq - b.seq) : [];
  }
}
