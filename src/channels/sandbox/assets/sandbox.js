// The sandbox chat page's script, plain JavaScript the browser loads as it is (a file, not inline: the
// Content-Security-Policy allows scripts from this site only).
"use strict";
(function () {
  var POLL_MS = 700;
  var HIDDEN_POLL_MS = 3000;
  var COMMANDS = ["/start", "/contact", "/trip", "/checkin", "/status", "/contacts", "/cancel", "/forget", "/help", "/language"];
  var LANGS = ["en", "fr", "ar", "es", "fa", "uk"];
  var PANES = [
    { chat: "traveller", title: "Traveller", name: "Amina", toolsOpen: true },
    { chat: "family", title: "Family", name: "Yusuf", toolsOpen: false }
  ];
  var LINK_RE = /https?:\/\/[^\s<>"'\u2068\u2069]+/g;
  var START_RE = /[?&]start=([A-Za-z0-9_-]{1,64})/;

  var panes = {};
  var landmarks = [];

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) node.setAttribute(k, attrs[k]);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function store(key, value) {
    try { if (value === undefined) return localStorage.getItem(key); localStorage.setItem(key, value); } catch (e) { return null; }
    return null;
  }

  function otherChat(chat) { return chat === "traveller" ? "family" : "traveller"; }

  function timeOf(ms) {
    var d = new Date(ms);
    return String(d.getHours()).padStart(2, "0") + ":" + String(d.getMinutes()).padStart(2, "0");
  }

  /** Fills `node` with text and clickable links; text only ever goes in via text nodes. */
  function renderText(node, text, links) {
    var last = 0;
    var m;
    LINK_RE.lastIndex = 0;
    while ((m = LINK_RE.exec(text)) !== null) {
      var url = m[0].replace(/[.,;:!?)\]]+$/, "");
      if (m.index > last) node.appendChild(document.createTextNode(text.slice(last, m.index)));
      var a = el("a", { href: url, target: "_blank", rel: "noopener noreferrer" }, url);
      node.appendChild(a);
      links.push(url);
      last = m.index + url.length;
      LINK_RE.lastIndex = last;
    }
    if (last < text.length) node.appendChild(document.createTextNode(text.slice(last)));
  }

  function Pane(cfg) {
    var self = this;
    this.chat = cfg.chat;
    this.lastSeq = 0;
    this.polling = false;
    this.pollAgain = false;
    this.timer = null;
    var root = document.getElementById("pane-template").content.firstElementChild.cloneNode(true);
    this.root = root;
    root.id = "pane-" + cfg.chat;
    root.setAttribute("data-chat", cfg.chat);
    root.setAttribute("aria-label", cfg.title + " chat");
    var q = function (sel) { return root.querySelector(sel); };
    q(".title").textContent = cfg.title;
    q(".chat-id").textContent = "chat id “" + cfg.chat + "”";
    this.nameInput = q(".name");
    this.langSelect = q(".language");
    this.log = q(".log");
    this.log.setAttribute("aria-label", cfg.title + " messages");
    this.stick = true;
    this.log.addEventListener("scroll", function () { self.stick = self.nearBottom(); }, { passive: true });
    this.textInput = q(".text");
    this.statusEl = q(".status");
    var uid = "p-" + cfg.chat;
    this.textInput.id = uid + "-text";
    q(".composer label").setAttribute("for", this.textInput.id);
    this.textInput.setAttribute("aria-label", cfg.title + " message");

    this.nameInput.value = store("sandbox.name." + cfg.chat) || cfg.name;
    this.defaultName = cfg.name;
    var lang = store("sandbox.lang." + cfg.chat);
    this.langSelect.value = LANGS.indexOf(lang) >= 0 ? lang : "en";
    this.nameInput.addEventListener("change", function () { store("sandbox.name." + cfg.chat, self.nameInput.value); });
    this.langSelect.addEventListener("change", function () { store("sandbox.lang." + cfg.chat, self.langSelect.value); });

    q(".reset").addEventListener("click", function () { self.reset(); });

    var quick = q(".quick");
    quick.setAttribute("aria-label", cfg.title + " quick commands");
    COMMANDS.forEach(function (cmd) {
      var b = el("button", { type: "button", title: "Send " + cmd }, cmd);
      b.addEventListener("click", function () { self.sendText(cmd); });
      quick.appendChild(b);
    });

    q(".composer").addEventListener("submit", function (ev) {
      ev.preventDefault();
      var text = self.textInput.value.trim();
      if (!text) return;
      self.sendText(text).then(function (ok) { if (ok) self.textInput.value = ""; });
    });

    // Photo tool
    this.photoDetails = q(".photo-tool");
    this.photoDetails.open = cfg.toolsOpen;
    var fileInput = q(".photo-file");
    var preview = q(".preview");
    var previewUrl = null;
    fileInput.addEventListener("change", function () {
      if (previewUrl) URL.revokeObjectURL(previewUrl);
      previewUrl = null;
      var f = fileInput.files && fileInput.files[0];
      if (f && /^image\//.test(f.type)) {
        previewUrl = URL.createObjectURL(f);
        preview.src = previewUrl;
        preview.classList.add("shown");
      } else {
        preview.removeAttribute("src");
        preview.classList.remove("shown");
      }
    });
    q(".photo-form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      var asFile = ev.submitter ? ev.submitter.value === "file" : true;
      var f = fileInput.files && fileInput.files[0];
      if (!f) { self.setStatus("Choose a photo first.", true); fileInput.focus(); return; }
      self.sendPhoto(f, asFile, q(".photo-forwarded").checked);
    });

    // Location tool
    this.locationDetails = q(".location-tool");
    this.locationDetails.open = cfg.toolsOpen;
    this.landmarkSelect = q(".landmark");
    this.latInput = q(".lat");
    this.lonInput = q(".lon");
    this.accInput = q(".accuracy");
    this.landmarkSelect.addEventListener("change", function () { self.fillFromLandmark(); });
    q(".location-form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      self.sendLocation({
        lat: Number(self.latInput.value),
        lon: Number(self.lonInput.value),
        accuracy: self.accInput.value === "" ? undefined : Number(self.accInput.value),
        live: q(".live").checked,
        forwarded: q(".loc-forwarded").checked
      });
    });
    q(".browser-location").addEventListener("click", function () { self.useBrowserLocation(); });

    // Unique ids so labels and tests can find controls.
    [".name", ".language", ".photo-file", ".photo-forwarded", ".landmark", ".lat", ".lon", ".accuracy", ".live", ".loc-forwarded"].forEach(function (sel) {
      q(sel).id = uid + "-" + sel.slice(1);
    });

    this.showEmpty();
  }

  Pane.prototype.identity = function () {
    var name = this.nameInput.value.trim().slice(0, 64) || this.defaultName;
    return { name: name, language: this.langSelect.value };
  };

  Pane.prototype.setStatus = function (text, isError) {
    this.statusEl.textContent = text || "";
    this.statusEl.classList.toggle("error", Boolean(isError));
  };

  Pane.prototype.request = function (path, init, what) {
    var self = this;
    self.setStatus(what ? "Sending " + what + "…" : "");
    return fetch("/sandbox/api/" + this.chat + "/" + path, init).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (body) {
        if (!res.ok || (body && body.ok === false)) {
          throw new Error((body && (body.error || body.message)) || "HTTP " + res.status);
        }
        self.setStatus("");
        self.pollSoon();
        return true;
      });
    }).catch(function (err) {
      self.setStatus("Could not send" + (what ? " " + what : "") + ": " + err.message, true);
      return false;
    });
  };

  Pane.prototype.postJson = function (path, extra, what) {
    var body = this.identity();
    for (var k in extra) if (Object.prototype.hasOwnProperty.call(extra, k)) body[k] = extra[k];
    return this.request(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }, what);
  };

  Pane.prototype.sendText = function (text) { return this.postJson("text", { text: text }, "message"); };
  Pane.prototype.sendChoice = function (data) { return this.postJson("choice", { data: data }, "choice"); };
  Pane.prototype.sendLocation = function (loc) {
    if (!isFinite(loc.lat) || !isFinite(loc.lon) || this.latInput.value === "" || this.lonInput.value === "") {
      this.setStatus("Enter a latitude and longitude, or choose a landmark.", true);
      this.latInput.focus();
      return Promise.resolve(false);
    }
    return this.postJson("location", loc, "location");
  };

  Pane.prototype.sendPhoto = function (file, asFile, forwarded) {
    var id = this.identity();
    var form = new FormData();
    // Fields first: the server reads the fields that arrive before the file.
    form.append("name", id.name);
    form.append("language", id.language);
    form.append("asFile", asFile ? "true" : "false");
    form.append("forwarded", forwarded ? "true" : "false");
    form.append("photo", file, file.name || "photo.jpg");
    return this.request("photo", { method: "POST", body: form }, asFile ? "file" : "photo");
  };

  Pane.prototype.reset = function () {
    var self = this;
    return fetch("/sandbox/api/" + this.chat + "/reset", { method: "POST" }).then(function (res) {
      if (!res.ok) throw new Error("HTTP " + res.status);
      self.log.textContent = "";
      self.showEmpty();
      self.setStatus("Chat log cleared.");
    }).catch(function (err) { self.setStatus("Could not reset: " + err.message, true); });
  };

  Pane.prototype.showEmpty = function () {
    if (!this.log.querySelector(".msg")) {
      this.log.textContent = "";
      this.log.appendChild(el("li", { "class": "empty" }, this.chat === "traveller"
        ? "No messages yet. Press /start to begin."
        : "No messages yet. Open the traveller’s invite link here."));
    }
  };

  Pane.prototype.openLocationPanel = function () {
    this.locationDetails.open = true;
    this.locationDetails.scrollIntoView({ behavior: "smooth", block: "nearest" });
    (this.landmarkSelect.value ? this.root.querySelector(".send-location") : this.landmarkSelect).focus({ preventScroll: true });
  };

  Pane.prototype.fillFromLandmark = function () {
    var id = this.landmarkSelect.value;
    var l = landmarks.filter(function (x) { return x.id === id; })[0];
    if (!l) return;
    // About 30 m north-east of the landmark's centre.
    var d = 30 / Math.SQRT2;
    var lat = l.lat + d / 111320;
    var lon = l.lon + d / (111320 * Math.cos(l.lat * Math.PI / 180));
    this.latInput.value = lat.toFixed(6);
    this.lonInput.value = lon.toFixed(6);
    if (this.accInput.value === "") this.accInput.value = "15";
  };

  Pane.prototype.useBrowserLocation = function () {
    var self = this;
    if (!navigator.geolocation) { self.setStatus("This browser cannot share its location.", true); return; }
    self.setStatus("Asking the browser for your location…");
    navigator.geolocation.getCurrentPosition(function (pos) {
      self.landmarkSelect.value = "";
      self.latInput.value = pos.coords.latitude.toFixed(6);
      self.lonInput.value = pos.coords.longitude.toFixed(6);
      self.accInput.value = String(Math.round(pos.coords.accuracy));
      self.setStatus("Browser location filled in. Press “Send location”.");
    }, function (err) {
      self.setStatus("Browser location unavailable: " + err.message, true);
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  };

  Pane.prototype.render = function (entry) {
    var self = this;
    var empty = this.log.querySelector(".empty");
    if (empty) empty.remove();
    var li = el("li", { "class": "msg " + (entry.dir === "in" ? "in" : "out"), "data-seq": String(entry.seq) });
    if (entry.photoId) {
      var img = el("img", { "class": "photo", alt: "Photo", src: "/sandbox/media/" + encodeURIComponent(entry.photoId) });
      img.addEventListener("error", function () {
        img.replaceWith(el("span", { "class": "meta" }, "(photo no longer available)"));
      });
      img.addEventListener("load", function () { self.stickToBottom(); });
      li.appendChild(img);
    }
    var links = [];
    if (entry.text) {
      var bubble = el("div", { "class": "bubble", dir: "auto" });
      renderText(bubble, entry.text, links);
      li.appendChild(bubble);
    }
    var starts = [];
    links.forEach(function (url) {
      var m = START_RE.exec(url);
      if (m && starts.indexOf(m[1]) < 0) starts.push(m[1]);
    });
    if (starts.length && entry.dir === "out") {
      var la = el("div", { "class": "link-actions" });
      var target = otherChat(this.chat);
      starts.forEach(function (code) {
        var b = el("button", { type: "button", "class": "primary open-invite" }, "Open in " + target + " pane");
        b.addEventListener("click", function () { panes[target].sendText("/start " + code); });
        la.appendChild(b);
      });
      li.appendChild(la);
    }
    if ((entry.buttons && entry.buttons.length) || entry.requestLocation) {
      var actions = el("div", { "class": "actions" });
      (entry.buttons || []).forEach(function (row) {
        var r = el("div", { "class": "row" });
        row.forEach(function (btn) {
          var b = el("button", { type: "button", "data-choice": btn.data, dir: "auto" }, btn.label);
          b.addEventListener("click", function () {
            Array.prototype.forEach.call(actions.querySelectorAll("button.chosen"), function (x) { x.classList.remove("chosen"); });
            b.classList.add("chosen");
            self.sendChoice(btn.data);
          });
          r.appendChild(b);
        });
        actions.appendChild(r);
      });
      if (entry.requestLocation) {
        var r2 = el("div", { "class": "row" });
        var lb = el("button", { type: "button", "class": "request-location", dir: "auto" }, entry.requestLocation.label || "Send my location");
        lb.addEventListener("click", function () { self.openLocationPanel(); });
        r2.appendChild(lb);
        actions.appendChild(r2);
      }
      li.appendChild(actions);
    }
    li.appendChild(el("span", { "class": "meta" }, (entry.dir === "in" ? "you · " : "bot · ") + timeOf(entry.at)));
    this.log.appendChild(li);
  };

  Pane.prototype.nearBottom = function () {
    return this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < 80;
  };
  Pane.prototype.stickToBottom = function () {
    if (this.stick) this.log.scrollTop = this.log.scrollHeight;
  };

  Pane.prototype.poll = function () {
    var self = this;
    if (self.polling) { self.pollAgain = true; return; }
    self.polling = true;
    clearTimeout(self.timer);
    fetch("/sandbox/api/" + self.chat + "/messages?after=" + self.lastSeq, { cache: "no-store" })
      .then(function (res) {
        if (!res.ok) throw new Error("HTTP " + res.status);
        return res.json();
      })
      .then(function (entries) {
        if (self.offline) { self.offline = false; self.setStatus(""); }
        if (!Array.isArray(entries) || !entries.length) return;
        var wasNear = self.stick || self.nearBottom();
        entries.sort(function (a, b) { return a.seq - b.seq; });
        entries.forEach(function (e) {
          if (e.seq <= self.lastSeq) return;
          self.render(e);
          self.lastSeq = e.seq;
        });
        self.stick = wasNear;
        self.stickToBottom();
      })
      .catch(function (err) {
        self.offline = true;
        self.setStatus("Cannot reach the sandbox server (" + err.message + "). Retrying…", true);
      })
      .then(function () {
        self.polling = false;
        if (self.pollAgain) { self.pollAgain = false; self.poll(); return; }
        self.timer = setTimeout(function () { self.poll(); }, document.hidden ? HIDDEN_POLL_MS : POLL_MS);
      });
  };
  Pane.prototype.pollSoon = function () { this.poll(); };

  function loadLandmarks() {
    return fetch("/sandbox/api/landmarks", { cache: "no-store" }).then(function (res) {
      if (!res.ok) throw new Error("HTTP " + res.status);
      return res.json();
    }).then(function (list) {
      landmarks = Array.isArray(list) ? list : [];
      Object.keys(panes).forEach(function (chat) {
        var sel = panes[chat].landmarkSelect;
        landmarks.forEach(function (l) {
          sel.appendChild(el("option", { value: l.id }, l.name));
        });
      });
    }).catch(function () {
      Object.keys(panes).forEach(function (chat) { panes[chat].setStatus("Could not load the landmark list.", true); });
    });
  }

  /** Opened from an invite link (…/sandbox?start=CODE): offer to open it in the family pane. */
  function offerStartFromUrl() {
    var m = START_RE.exec(location.search);
    if (!m) return;
    var code = m[1];
    var banner = document.getElementById("start-banner");
    var box = el("div");
    box.appendChild(el("span", null, "This page was opened from an invite link."));
    var b = el("button", { type: "button", "class": "primary" }, "Open in family pane");
    b.addEventListener("click", function () {
      panes.family.sendText("/start " + code);
      banner.hidden = true;
      history.replaceState(null, "", location.pathname);
    });
    box.appendChild(b);
    banner.appendChild(box);
    banner.hidden = false;
  }

  var main = document.getElementById("panes");
  PANES.forEach(function (cfg) {
    var p = new Pane(cfg);
    panes[cfg.chat] = p;
    main.appendChild(p.root);
  });
  loadLandmarks();
  offerStartFromUrl();
  Object.keys(panes).forEach(function (chat) { panes[chat].poll(); });
  window.addEventListener("resize", function () {
    Object.keys(panes).forEach(function (chat) { panes[chat].stickToBottom(); });
  });
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) Object.keys(panes).forEach(function (chat) { panes[chat].poll(); });
  });
})();
