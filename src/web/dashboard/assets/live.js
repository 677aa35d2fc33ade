// Progressive enhancement: refreshes the alert list every few seconds. The page works without it.
(function () {
  var list = document.getElementById("alerts");
  if (!list || !window.fetch) return;
  var url = list.getAttribute("data-live");
  var status = document.getElementById("live-status");
  var busy = false;
  function editing() {
    var el = document.activeElement;
    return el && list.contains(el) && (el.tagName === "INPUT" || el.tagName === "TEXTAREA");
  }
  function tick() {
    if (busy || document.hidden || editing()) return;
    busy = true;
    fetch(url, { credentials: "same-origin", headers: { accept: "text/html" } })
      .then(function (res) {
        if (res.status === 401) { window.location.href = "/login"; return null; }
        return res.ok ? res.text() : null;
      })
      .then(function (text) {
        if (text !== null && text !== list.innerHTML) list.innerHTML = text;
        if (status) status.hidden = false;
      })
      .catch(function () {})
      .then(function () { busy = false; });
  }
  setInterval(tick, 5000);
})();
