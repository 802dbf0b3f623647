/* When the search finds nothing, say so and offer the eligibility checker and
   the questions-and-answers page. Material writes "no results" into the result
   meta line; this adds one short paragraph of links after it. Its sentence is
   the page's (words.yml "search_help", in the page's language, written into
   #px-words by main.html); each {placeholder} in it becomes a link, taken from
   the page's own navigation, so it is right on the public site (folder URLs)
   and on the kiosk (.html files).
   Loaded when the search opens (on-demand.js), not with the page. */
(function () {
  "use strict";
  const PAGES = {
    checker: /(^|\/)cek-kelayakan(\/|\.html|\/index\.html)?$/,
    questions: /(^|\/)tanya-jawab(\/|\.html|\/index\.html)?$/,
  };

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
    const data = document.getElementById("px-words");
    if (!meta || !list || !data) return;
    // "Try other words, or open {checker} or {questions}.": text, name, text, name, text.
    const parts = JSON.parse(data.textContent).search_help.nothing_found.split(/\{(\w+)\}/);
    const links = parts.filter((_, i) => i % 2).map((name) => PAGES[name] && navLink(PAGES[name]));
    if (links.some((link) => !link)) return;
    const help = document.createElement("p");
    help.className = "px-search-help";
    parts.forEach((part, i) => {
      if (i % 2 === 0) {
        if (part) help.append(part);
        return;
      }
      const link = links[(i - 1) / 2];
      const a = document.createElement("a");
      a.href = link.href;
      a.textContent = link.textContent.trim();
      help.append(a);
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
