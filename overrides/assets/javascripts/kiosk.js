/*
 * Kiosk behaviour (kiosk build only: mkdocs.kiosk.yml lists this file, and the
 * markup it drives comes from overrides/partials/kiosk-*.html).
 *
 * 1. Idle reset. After kiosk_idle_seconds without a touch, key or wheel, the
 *    kiosk forgets the visitor: it fires a `kiosk:reset` event on window (so
 *    other scripts, e.g. the eligibility checker, can clear themselves), clears
 *    form fields (the search box), sessionStorage and this site's localStorage
 *    keys, then loads the Indonesian home page. Loading a page also wipes
 *    everything kept in memory.
 *    kiosk_warning_seconds before that, a "Masih di sini? / Still there?"
 *    dialog offers one large button to carry on (WCAG 2.2.1: warned at least
 *    20 s before, extended by one simple action, as often as wanted).
 *    On the Indonesian home page the timer only starts after someone touches
 *    the screen: a kiosk idling at home is left alone (no reload loop).
 * 2. The touch bar: Back (only within this visitor's own pages) and a
 *    larger-text switch (kept in sessionStorage, so the reset forgets it).
 * 3. No way out: a click on a link that leaves the site, or window.open, is
 *    stopped. The build already turns outside links into QR codes; this
 *    catches links that other scripts might create later.
 * 4. No printer: unless kiosk_printer is true, window.print does nothing and
 *    print controls marked .px-print or [data-px-print] are hidden (kiosk.css).
 *
 * FOR TESTS ONLY: set window.__kioskIdleSeconds and window.__kioskWarningSeconds
 * (numbers, fractions allowed) before this script runs, e.g. with Playwright's
 * add_init_script, to shorten the timers. The real kiosk never sets them; the
 * build-time values from mkdocs.kiosk.yml apply.
 *
 * Words come from the JSON in #px-kiosk-config (both languages); this file
 * holds no visible text.
 */
(function () {
  "use strict";

  var configEl = document.getElementById("px-kiosk-config");
  if (!configEl) return;
  var cfg = JSON.parse(configEl.textContent);
  var lang = cfg.strings[document.documentElement.lang] ? document.documentElement.lang : "id";
  var words = cfg.strings[lang];
  var root = document.documentElement;

  function seconds(override, fallback) {
    return typeof override === "number" && override > 0 ? override : fallback;
  }
  var idleMs = seconds(window.__kioskIdleSeconds, cfg.idleSeconds) * 1000;
  var warningMs = Math.min(seconds(window.__kioskWarningSeconds, cfg.warningSeconds) * 1000, idleMs);

  var resetUrl = new URL(cfg.resetUrl, location.href);
  var siteRoot = new URL(".", resetUrl);

  // "…/index.html", "…/" and "…/index.html?x#y" are all the same page.
  function pageKey(url) {
    var u = new URL(url, location.href);
    return u.origin + u.pathname.replace(/index\.html$/, "");
  }
  var atResetPage = pageKey(location.href) === pageKey(resetUrl);

  /* ---------------------------------------------------------------- storage */

  function storageGet(key) {
    try { return sessionStorage.getItem(key); } catch (e) { return null; }
  }
  function storageSet(key, value) {
    try { sessionStorage.setItem(key, value); } catch (e) { /* storage off: features degrade */ }
  }

  /* ------------------------------------------------------------ larger text */

  var TEXT_KEY = "px-kiosk-text";
  var textButton = document.querySelector('[data-px-kiosk="text-size"]');
  function applyTextSize(large) {
    root.classList.toggle("px-kiosk-large", large);
    if (textButton) textButton.setAttribute("aria-pressed", large ? "true" : "false");
  }
  applyTextSize(storageGet(TEXT_KEY) === "large");
  if (textButton) {
    textButton.addEventListener("click", function () {
      var large = !root.classList.contains("px-kiosk-large");
      applyTextSize(large);
      storageSet(TEXT_KEY, large ? "large" : "normal");
    });
  }

  /* ------------------------------------------------------------------- back */

  // How many pages deep this visitor is. Kept in history.state, so Back/forward
  // land on the right number, and handed to the next page through
  // sessionStorage on pagehide. After a reset sessionStorage is empty, so the
  // home page is depth 1 and Back cannot reach the previous visitor's pages.
  var DEPTH_KEY = "px-kiosk-depth";
  var resetting = false;
  var depth;
  if (history.state && typeof history.state.pxDepth === "number") {
    depth = history.state.pxDepth;
  } else {
    depth = (parseInt(storageGet(DEPTH_KEY), 10) || 0) + 1;
    try { history.replaceState({ pxDepth: depth }, ""); } catch (e) { /* very old browser */ }
  }
  var backButton = document.querySelector('[data-px-kiosk="back"]');
  if (backButton) {
    backButton.disabled = depth <= 1;
    backButton.addEventListener("click", function () { history.back(); });
  }
  window.addEventListener("pagehide", function () {
    if (!resetting) storageSet(DEPTH_KEY, String(depth));
  });

  /* ------------------------------------------------------------ no way out */

  function leavesSite(url) {
    var target = new URL(url, location.href);
    if (target.protocol === "javascript:") return false;
    if (target.protocol !== location.protocol) return true;
    // file: URLs have an opaque origin, so compare hosts instead (both "" from a USB stick).
    return target.host !== location.host;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href]");
    if (link && leavesSite(link.href)) event.preventDefault();
  }, true);
  window.open = function () { return null; };

  /* ---------------------------------------------------------------- printer */

  if (!cfg.printer) {
    root.classList.add("px-kiosk-no-printer");
    window.print = function () {};
  }

  /* ------------------------------------------------------------- idle reset */

  var dialog = document.getElementById("px-kiosk-idle");
  var countdown = document.getElementById("px-kiosk-idle-countdown");
  var continueButton = dialog && dialog.querySelector(".px-kiosk-idle__continue");
  var lastActivity = Date.now();
  // At the reset page nobody is using the kiosk until someone touches it.
  var armed = !atResetPage;

  function warningOpen() {
    return !!(dialog && dialog.open);
  }

  function activity() {
    if (warningOpen()) return; // only the dialog's own "continue" counts while it shows
    lastActivity = Date.now();
    armed = true;
  }
  ["pointerdown", "keydown", "wheel", "touchstart", "input"].forEach(function (type) {
    window.addEventListener(type, activity, { capture: true, passive: true });
  });
  // Coming back from the back/forward cache counts as a fresh page view.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) { lastActivity = Date.now(); armed = !atResetPage; }
  });

  function showCountdown(remainingMs) {
    if (countdown) {
      countdown.textContent = words.idle_countdown.replace("{seconds}", String(Math.max(0, Math.ceil(remainingMs / 1000))));
    }
  }

  function openWarning(remainingMs) {
    showCountdown(remainingMs);
    if (!dialog) return;
    if (typeof dialog.showModal === "function") dialog.showModal();
    else dialog.setAttribute("open", "");
  }

  function carryOn() {
    lastActivity = Date.now();
    armed = true;
    if (warningOpen()) dialog.close();
  }
  if (dialog) {
    if (continueButton) continueButton.addEventListener("click", carryOn);
    // Escape closes a modal dialog; a tap on the dimmed backdrop targets the dialog itself.
    dialog.addEventListener("close", carryOn);
    dialog.addEventListener("click", function (event) { if (event.target === dialog) carryOn(); });
  }

  function clearSiteLocalStorage() {
    try {
      // Material keeps e.g. the chosen content tab here, keyed by the site's path.
      for (var i = localStorage.length - 1; i >= 0; i--) {
        var key = localStorage.key(i);
        if (key && key.indexOf(siteRoot.pathname) === 0) localStorage.removeItem(key);
      }
    } catch (e) { /* storage off */ }
  }

  function reset() {
    resetting = true;
    // First tell other scripts, while their state still exists, then wipe.
    try {
      window.dispatchEvent(new CustomEvent("kiosk:reset", { detail: { reason: "idle" } }));
    } catch (e) { /* a listener failed: reset anyway */ }
    document.querySelectorAll("input, textarea, select").forEach(function (field) {
      if (field.type === "checkbox" || field.type === "radio") field.checked = field.defaultChecked;
      else if (field.tagName === "SELECT") field.selectedIndex = -1;
      else field.value = "";
    });
    try { sessionStorage.clear(); } catch (e) { /* storage off */ }
    clearSiteLocalStorage();
    // replace(): the abandoned page is not kept in history for the next visitor.
    location.replace(resetUrl.href);
  }

  setInterval(function () {
    if (!armed || resetting) return;
    var remaining = idleMs - (Date.now() - lastActivity);
    if (remaining <= 0) {
      reset();
    } else if (remaining <= warningMs) {
      if (!warningOpen()) openWarning(remaining);
      else showCountdown(remaining);
    }
  }, 200);
})();
