/*
 * Citation previews: show a provision's text and evidence tag next to a citation.
 *
 * The previews are already in the page (hidden, built from the registry), so
 * nothing is fetched. Mouse: hover shows, the link still navigates on click.
 * Keyboard: focus shows, Escape hides. Touch: the first tap shows the preview
 * (with a link to open the article), a second tap on the citation follows it.
 * WCAG 1.4.13: the preview can be dismissed, hovered, and stays until dismissed.
 * A note mark that stands for several citations shows each one's provisions,
 * each followed by its own link to the article.
 */
(function () {
  "use strict";

  var store = document.querySelector(".px-previews");
  var data = document.getElementById("px-words");
  if (!store || !data) return;
  // The page's words, in its language (words.yml "preview", written by main.html): none here.
  var words = JSON.parse(data.textContent).preview;

  var tip = document.createElement("div");
  tip.className = "px-tip";
  tip.id = "px-tip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  // Inside <main>, so people who move by landmark find it (axe "region"); no ancestor
  // of <main> is positioned, so the preview's coordinates are the page's.
  (document.querySelector("main") || document.body).appendChild(tip);

  var owner = null;
  var lastPointer = "mouse";
  var pressing = false; // a pointer press is in progress: focus comes from it, not from the keyboard
  var hideTimer = null;

  function blocks(ids) {
    (ids || "").split(" ").forEach(function (id) {
      var block = id && document.getElementById(id);
      if (block) tip.appendChild(block.cloneNode(true)).removeAttribute("id");
    });
  }

  function openLink(href, text) {
    var p = document.createElement("p");
    p.className = "px-tip__actions";
    var open = document.createElement("a");
    open.href = href;
    open.textContent = text;
    p.appendChild(open);
    return p;
  }

  // A note mark ("[3, 4]", legalbasis.py) names its entries in the page's legal-basis
  // list; several entries each get their own "open" link, so every Pasal stays one tap away.
  function notes(link) {
    return (link.getAttribute("data-px-notes") || "").split(" ").map(function (id) {
      var item = id && document.getElementById(id);
      return item && item.querySelector("a.px-cite");
    }).filter(Boolean);
  }

  function fill(link) {
    tip.textContent = "";
    var entries = notes(link);
    if (entries.length > 1) {
      entries.forEach(function (entry) {
        blocks(entry.getAttribute("data-px-preview"));
        tip.appendChild(openLink(entry.href, words.open + ": " + entry.textContent));
      });
    } else {
      blocks(link.getAttribute("data-px-preview"));
    }
    var actions = entries.length > 1 ? document.createElement("p") : openLink(link.href, words.open);
    actions.className = "px-tip__actions";
    var close = document.createElement("button");
    close.type = "button";
    close.className = "px-tip__close";
    close.textContent = words.close;
    close.addEventListener("click", function () { hide(true); });
    actions.appendChild(close);
    tip.appendChild(actions);
  }

  function place(link) {
    var rect = link.getBoundingClientRect();
    var width = Math.min(28 * 16, document.documentElement.clientWidth - 16);
    tip.style.width = width + "px";
    var left = Math.max(8, Math.min(rect.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
    tip.style.left = left + "px";
    tip.style.top = rect.bottom + window.scrollY + 6 + "px";
  }

  function show(link) {
    clearTimeout(hideTimer);
    if (owner === link && !tip.hidden) return;
    owner = link;
    fill(link);
    tip.hidden = false;
    place(link);
    link.setAttribute("aria-describedby", "px-tip");
    link.setAttribute("aria-expanded", "true");
  }

  function hide(returnFocus) {
    clearTimeout(hideTimer);
    if (!owner) return;
    var link = owner;
    owner = null;
    tip.hidden = true;
    link.removeAttribute("aria-describedby");
    link.setAttribute("aria-expanded", "false");
    if (returnFocus) link.focus();
  }

  function later() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () { hide(false); }, 300);
  }

  var links = document.querySelectorAll("a.px-cite[data-px-preview]");
  Array.prototype.forEach.call(links, function (link) {
    link.setAttribute("aria-expanded", "false");
    link.addEventListener("pointerdown", function (event) {
      lastPointer = event.pointerType || "mouse";
      pressing = true;
    });
    link.addEventListener("mouseenter", function () { if (lastPointer === "mouse") show(link); });
    link.addEventListener("mouseleave", later);
    link.addEventListener("focus", function () { if (!pressing) show(link); });
    link.addEventListener("blur", function (event) {
      if (!tip.contains(event.relatedTarget)) later();
    });
    link.addEventListener("click", function (event) {
      // A tap opens the preview first; the "open" link inside it navigates.
      if (lastPointer !== "mouse" && (owner !== link || tip.hidden)) {
        event.preventDefault();
        show(link);
      }
      lastPointer = "mouse";
      pressing = false;
    });
  });

  tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
  tip.addEventListener("mouseleave", later);
  tip.addEventListener("focusout", function (event) {
    if (!tip.contains(event.relatedTarget) && event.relatedTarget !== owner) later();
  });
  document.addEventListener("keydown", function (event) {
    // Focus goes back to the citation only from the citation or its preview: Escape pressed
    // elsewhere (the menu button, while a preview is still fading out) keeps focus there.
    if (event.key === "Escape" && owner) {
      hide(document.activeElement === owner || tip.contains(document.activeElement));
    }
  });
  document.addEventListener("pointerdown", function (event) {
    if (owner && !tip.contains(event.target) && event.target !== owner && !owner.contains(event.target)) hide(false);
  });
  window.addEventListener("resize", function () { if (owner) place(owner); });
})();

/*
 * The "print this page" button (overrides/main.html) ships hidden: without this script it
 * could do nothing. It lives in this file, loaded on every page anyway, to save a request;
 * a file, not an inline script, so a Content-Security-Policy without inline scripts keeps it.
 */
(function () {
  "use strict";
  var buttons = document.querySelectorAll("button[data-px-print]");
  Array.prototype.forEach.call(buttons, function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
