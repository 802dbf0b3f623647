/* Scripts a page needs only once the reader opens something load then, not
   with the page (first-visit page weight, benchmarks/page_weight.py): the
   search help (search-help.js) when the search opens or its box gets focus.
   It sits in the same folder as this script (also once the build has joined
   the site's scripts into one file, hooks/sitekit/trim.py). */
(function () {
  "use strict";
  var self = document.currentScript;
  var toggle = document.getElementById("__search");
  var input = document.querySelector("input[data-md-component=search-query]");
  if (!self || !self.src || !toggle || !input) return;
  var folder = self.src.replace(/[^/]*$/, "");
  var loaded = false;

  function load() {
    if (loaded) return;
    loaded = true;
    var script = document.createElement("script");
    script.src = folder + "search-help.js";
    document.head.appendChild(script);
  }

  toggle.addEventListener("change", function () { if (toggle.checked) load(); });
  input.addEventListener("focus", load);
  if (toggle.checked || document.activeElement === input) load();
})();
