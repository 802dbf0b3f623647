/* When the search finds nothing, say so and offer the eligibility checker and
   the questions-and-answers page (in the page's language). Material writes
   "no results" into the result meta line; this adds one short paragraph of
   links after it. Links are taken from the page's own navigation, so they are
   right on the public site (folder URLs) and on the kiosk (.html files).
   Loaded when the search opens (on-demand.js), not with the page. */
(function () {
  "use strict";
  const TEXT = {
    id: ["Coba kata lain, atau buka ", " atau ", "."],
    en: ["Try other words, or open ", " or ", "."],
  };
  const PAGES = [/(^|\/)cek-kelayakan(\/|\.html|\/index\.html)?$/, /(^|\/)tanya-jawab(\/|\.html|\/index\.html)?$/];

  function navLink(pattern) {
    for (const link of document.querySelectorAll("nav.md-nav a.md-nav__link[href]")) {
      if (pattern.test(link.getAttribute("href").split("#")[0])) return link;
    }
    return null;
  }

  function start() {
    const result = document.querySelector("[data-md-component=search-result]");
    const input = document.querySelector("input[data-md-component=search-query]");
    if (!result || !input) return;
    const meta = result.querySelector(".md-search-result__meta");
    const list = result.querySelector(".md-search-result__list");
    const lang = document.documentElement.lang === "en" ? "en" : "id";
    const links = PAGES.map(navLink);
    if (!meta || !list || links.some((link) => !link)) return;
    const help = document.createElement("p");
    help.className = "px-search-help";
    const words = TEXT[lang];
    help.append(words[0]);
    links.forEach((link, i) => {
      const a = document.createElement("a");
      a.href = link.href;
      a.textContent = link.textContent.trim();
      help.append(a, words[i + 1]);
    });
    help.hidden = true;
    meta.after(help);
    let none = null;
    try {
      none = JSON.parse(document.getElementById("__config").textContent).translations["search.result.none"];
    } catch (error) {
      return;
    }
    const update = () => {
      help.hidden = !(input.value.trim() && list.children.length === 0 && meta.textContent.trim() === none);
    };
    new MutationObserver(update).observe(meta, { childList: true, characterData: true, subtree: true });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
