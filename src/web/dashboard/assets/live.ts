// Progressive enhancement: refreshes the alert list every few seconds. The page works without it.
// A module (`export {}`): served as JavaScript by src/browser-script.ts, its names stay out of the global scope.
export {};

const list = document.getElementById("alerts");
const url = list?.getAttribute("data-live");
if (list && url && typeof window.fetch === "function") {
  const status = document.getElementById("live-status");
  let busy = false;
  const editing = (): boolean => {
    const el = document.activeElement;
    return !!el && list.contains(el) && (el.tagName === "INPUT" || el.tagName === "TEXTAREA");
  };
  const tick = async (): Promise<void> => {
    if (busy || document.hidden || editing()) return;
    busy = true;
    try {
      const res = await fetch(url, { credentials: "same-origin", headers: { accept: "text/html" } });
      if (res.status === 401) window.location.href = "/login";
      const text = res.ok ? await res.text() : null;
      if (text !== null && text !== list.innerHTML) list.innerHTML = text;
      if (status) status.hidden = false;
    } catch {
      // Offline or the server restarting: the next tick tries again.
    } finally {
      busy = false;
    }
  };
  setInterval(() => void tick(), 5000);
}
