/*
 * The "print this page" button (overrides/main.html). The button ships hidden: without
 * this script it could do nothing. A file, not an inline script, so a Content-Security-Policy
 * that forbids inline scripts leaves it working.
 */
(function () {
  "use strict";
  var buttons = document.querySelectorAll("button[data-px-print]");
  Array.prototype.forEach.call(buttons, function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
