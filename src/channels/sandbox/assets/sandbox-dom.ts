// Small DOM helpers of the sandbox chat page (sandbox.ts, sandbox-pane.ts, sandbox-entry.ts): text only ever enters the page
// through text nodes and attributes, never as HTML.

export const LINK_RE = /https?:\/\/[^\s<>"'\u2068\u2069]+/g;
export const START_RE = /[?&]start=([A-Za-z0-9_-]{1,64})/;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Record<string, string> | null, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (attrs) for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Reads (no value) or writes localStorage; null when storage is unavailable (private mode, blocked). */
export function store(key: string, value?: string): string | null {
  try {
    if (value === undefined) return localStorage.getItem(key);
    localStorage.setItem(key, value);
  } catch {
    return null;
  }
  return null;
}

export function timeOf(ms: number): string {
  const d = new Date(ms);
  return String(d.getHours()).padStart(2, "0") + ":" + String(d.getMinutes()).padStart(2, "0");
}

export function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Fills `node` with text and clickable links; text only ever goes in via text nodes. */
export function renderText(node: HTMLElement, text: string, links: string[]): void {
  let last = 0;
  let m: RegExpExecArray | null;
  LINK_RE.lastIndex = 0;
  while ((m = LINK_RE.exec(text)) !== null) {
    const url = m[0].replace(/[.,;:!?)\]]+$/, "");
    if (m.index > last) node.appendChild(document.createTextNode(text.slice(last, m.index)));
    node.appendChild(el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, url));
    links.push(url);
    last = m.index + url.length;
    LINK_RE.lastIndex = last;
  }
  if (last < text.length) node.appendChild(document.createTextNode(text.slice(last)));
}

/** The element the page's template must hold; a missing one is a bug in sandbox-page.html. */
export function must<T extends Element>(root: ParentNode, selector: string): T {
  const node = root.querySelector<T>(selector);
  if (!node) throw new Error(`sandbox page: no ${selector}`);
  return node;
}
