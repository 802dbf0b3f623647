/*
 * Eligibility checker: one question at a time, then a result that names each
 * failing criterion with its provision.
 *
 * Everything it knows and every word it shows comes from the JSON the build
 * writes into the page (<script id="px-checker-data">, made from
 * rules/eligibility.yml). The evaluator below mirrors hooks/peraturan/
 * eligibility.py; the tests run both over the same cases.
 *
 * Privacy: answers live in this script's memory only. Nothing is sent (the
 * one fetch, of the site's own QR generator after "start", carries no answer),
 * nothing is written to localStorage, sessionStorage or cookies. "Start again"
 * and the kiosk's "kiosk:reset" event clear them.
 *
 * API (dev/CHECKER-API.md): window[NAME].evaluate(answers, {asOf}), where NAME
 * is the site's extra.peraturan.checker_global, carried in the data as "api".
 */
(function () {
  "use strict";

  var source = document.getElementById("px-checker-data");
  if (!source) return;
  var data = JSON.parse(source.textContent);
  var ui = data.ui;
  var byId = {};
  data.questions.forEach(function (q) { byId[q.id] = q; });

  // ------------------------------------------------------------ evaluator

  function fail(message) { throw new Error(data.api + ": " + message); }

  function day(value) {
    if (value === undefined || value === null) return data.as_of;
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
    return fail("asOf must be a date YYYY-MM-DD, got " + JSON.stringify(value));
  }

  function versionAt(rule, asOf) {
    for (var i = 0; i < rule.versions.length; i++) {
      var v = rule.versions[i];
      if ((!v.valid_from || v.valid_from <= asOf) && (!v.valid_to || asOf <= v.valid_to)) return i;
    }
    return -1;
  }

  function option(q, value) {
    for (var i = 0; i < q.options.length; i++) if (q.options[i].value === value) return q.options[i];
    return null;
  }

  // Errors are worded exactly as eligibility.py words them (a test compares the two).
  function distance(a, b) {
    var row = [], i, j, previous, kept;
    for (j = 0; j <= b.length; j++) row[j] = j;
    for (i = 1; i <= a.length; i++) {
      previous = row[0]; row[0] = i;
      for (j = 1; j <= b.length; j++) {
        kept = row[j];
        row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = kept;
      }
    }
    return row[b.length];
  }

  function closest(word, choices) {
    var best = "", bestDistance = 3;
    choices.forEach(function (c) {
      var d = distance(word.toLowerCase(), c);
      if (d < bestDistance) { best = c; bestDistance = d; }
    });
    return best ? " (did you mean '" + best + "'?)" : "";
  }

  function noOption(q, value) {
    fail("'" + q.id + "' has no option " + JSON.stringify(value) + " (options: " +
         q.options.map(function (o) { return o.value; }).join(", ") + ")");
  }

  function checkAnswer(q, value) {
    if (value === undefined || value === null) return null;
    if (q.kind === "number") {
      if (typeof value === "string" && /^\s*[0-9]+\s*$/.test(value)) value = parseInt(value, 10);
      if (typeof value !== "number" || !isFinite(value) || Math.floor(value) !== value) {
        fail("'" + q.id + "' needs a whole number, got " + JSON.stringify(value));
      }
      if (value < q.min || value > q.max) fail("'" + q.id + "' must be from " + q.min + " to " + q.max + ", got " + value);
      return value;
    }
    if (q.kind === "choice") {
      if (typeof value !== "string" || !option(q, value)) noOption(q, value);
      return value;
    }
    if (!Array.isArray(value) || !value.length) {
      fail("'" + q.id + "' needs a non-empty list of options, got " + JSON.stringify(value));
    }
    value.forEach(function (item, index) {
      if (typeof item !== "string" || !option(q, item)) noOption(q, item);
      if (value.indexOf(item) !== index) fail("'" + q.id + "' lists an option twice: " + JSON.stringify(value));
      if (value.length > 1 && option(q, item).exclusive) {
        fail("'" + q.id + "': an exclusive option must be the only answer, got " + JSON.stringify(value));
      }
    });
    return value.slice();
  }

  function state(q, v, answer) {
    if (answer === null || answer === undefined) return "unknown";
    if (q.kind === "number") {
      return (v.min !== null && answer < v.min) || (v.max !== null && answer > v.max) ? "fail" : "pass";
    }
    if (q.kind === "choice") {
      if (option(q, answer).unsure) return "unknown";
      return v.pass_if.indexOf(answer) >= 0 ? "pass" : "fail";
    }
    if (answer.some(function (a) { return v.fail_if.indexOf(a) >= 0; })) return "fail";
    return answer.some(function (a) { return option(q, a).unsure; }) ? "unknown" : "pass";
  }

  function evaluate(answers, options) {
    var asOf = day(options && options.asOf);
    var given = {};
    Object.keys(answers || {}).forEach(function (key) {
      if (!byId[key]) fail("unknown question '" + key + "'" + closest(key, Object.keys(byId)));
      given[key] = checkAnswer(byId[key], answers[key]);
    });
    var failed = [], unknown = [];
    data.rules.forEach(function (rule) {
      var index = versionAt(rule, asOf);
      if (index < 0) return;
      var v = rule.versions[index];
      var s = state(byId[rule.question], v, given.hasOwnProperty(rule.question) ? given[rule.question] : null);
      var entry = { rule: rule.id, provisions: v.provisions.slice() };
      if (s === "fail") failed.push(entry);
      else if (s === "unknown") unknown.push(entry);
    });
    return {
      outcome: failed.length ? "probably-not-eligible" : unknown.length ? "cannot-tell" : "eligible",
      failed: failed,
      unknown: unknown
    };
  }

  function questionsAt(asOf) {
    asOf = day(asOf);
    var used = {};
    data.rules.forEach(function (rule) { if (versionAt(rule, asOf) >= 0) used[rule.question] = true; });
    return data.questions.filter(function (q) { return used[q.id]; });
  }

  var api = window[data.api] = {
    evaluate: evaluate,
    questions: function (options) { return questionsAt(options && options.asOf); },
    data: data,
    reset: function () { reset(false); }
  };

  // ------------------------------------------------------------ the flow

  var root = document.getElementById("px-checker");
  if (!root) return;
  var screen = root.querySelector(".px-checker__screen");
  var live = root.querySelector(".px-checker__live");
  var questions = questionsAt();
  var answers = {};
  var step = 0;
  var returnToCheck = false;
  var moved = [];

  function text(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) {
      return values.hasOwnProperty(key) ? String(values[key]) : all;
    });
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) return;
      if (key === "text") node.textContent = value;
      else if (key === "onclick") node.addEventListener("click", value);
      else node.setAttribute(key, value === true ? "" : value);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function button(label, onclick, kind) {
    return el("button", { type: "button", "class": kind || "md-button", text: label, onclick: onclick });
  }

  function heading(level, label, id) {
    return el("h" + level, { id: id, tabindex: "-1", "class": "px-checker__heading", text: label });
  }

  function show(nodes, focus, mode) {
    restore();
    screen.textContent = "";
    nodes.forEach(function (node) { if (node) screen.appendChild(node); });
    document.documentElement.setAttribute("data-px-checker", mode);
    if (focus) focus.focus();
  }

  function move(node, parent) {
    if (!node) return;
    moved.push({ node: node, parent: node.parentNode, next: node.nextSibling });
    parent.appendChild(node);
  }

  function restore() {
    while (moved.length) {
      var m = moved.pop();
      m.parent.insertBefore(m.node, m.next);
    }
  }

  function formatDate(iso) {
    try {
      return new Intl.DateTimeFormat(data.lang === "en" ? "en-GB" : "id-ID",
        { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(iso + "T00:00:00Z"));
    } catch (e) {
      return iso;
    }
  }

  function answerText(q) {
    var value = answers[q.id];
    if (value === undefined || value === null) return ui.not_answered;
    if (q.kind === "number") return value + (q.unit ? " " + q.unit : "");
    if (q.kind === "choice") return option(q, value).label;
    return value.map(function (v) { return option(q, v).label; }).join("; ");
  }

  function start() {
    var title = heading(2, ui.start_title, "px-checker-start");
    show([
      title,
      el("p", { text: text(ui.start_intro, { total: questions.length }) }),
      button(ui.start, function () { loadQr(); step = 0; ask(); }, "md-button md-button--primary")
    ], null, "start");
    return title;
  }

  // One question page: GOV.UK "question pages" pattern.
  function ask(error) {
    var q = questions[step];
    var caption = el("span", { "class": "px-checker__caption",
      text: text(ui.question_of, { n: step + 1, total: questions.length }) });
    var title = heading(2, null, "px-q-heading");
    var hintId = q.hint ? "px-q-hint" : null;
    var errorId = error ? "px-q-error" : null;
    var describedBy = [hintId, errorId].filter(Boolean).join(" ") || null;
    var hint = q.hint ? el("p", { id: hintId, "class": "px-checker__hint", text: q.hint }) : null;
    var errorLine = error ? el("p", { id: errorId, "class": "px-checker__error", text: error }) : null;
    var firstInput;
    var field;
    if (q.kind === "number") {
      firstInput = el("input", { id: "px-q-input", name: q.id, type: "text", inputmode: "numeric",
        autocomplete: "off", spellcheck: "false", "class": "px-checker__number", "aria-describedby": describedBy,
        "aria-invalid": error ? "true" : null });
      if (answers[q.id] !== undefined) firstInput.value = answers[q.id];
      title.appendChild(el("label", { "for": "px-q-input", text: q.text }));
      field = el("div", { "class": "px-checker__field" + (error ? " px-checker__field--error" : "") }, [
        caption, title, hint, errorLine,
        el("div", { "class": "px-checker__input" }, [
          firstInput, q.unit ? el("span", { "class": "px-checker__suffix", "aria-hidden": "true", text: q.unit }) : null
        ])
      ]);
    } else {
      title.textContent = q.text;
      var type = q.kind === "multi" ? "checkbox" : "radio";
      var current = answers[q.id];
      var list = el("div", { "class": "px-checker__options" });
      var dividerDone = false;
      q.options.forEach(function (o, index) {
        if (!dividerDone && index > 0 && (o.exclusive || (q.kind === "choice" && o.unsure))) {
          list.appendChild(el("p", { "class": "px-checker__or", text: ui.or }));
          dividerDone = true;
        }
        var id = "px-opt-" + q.id + "-" + o.value;
        var checked = q.kind === "multi" ? !!current && current.indexOf(o.value) >= 0 : current === o.value;
        var input = el("input", { id: id, type: type, name: q.id, value: o.value, checked: checked,
          "data-exclusive": o.exclusive ? "true" : null });
        if (!firstInput) firstInput = input;
        list.appendChild(el("div", { "class": "px-checker__option" }, [input, el("label", { "for": id, text: o.label })]));
      });
      if (q.kind === "multi") {
        list.addEventListener("change", function (event) {
          var box = event.target;
          if (!box.checked) return;
          var exclusive = box.getAttribute("data-exclusive") === "true";
          Array.prototype.forEach.call(list.querySelectorAll("input"), function (other) {
            if (other !== box && (exclusive || other.getAttribute("data-exclusive") === "true")) other.checked = false;
          });
        });
      }
      field = el("fieldset", { "class": "px-checker__field" + (error ? " px-checker__field--error" : ""),
        "aria-describedby": describedBy }, [
        el("legend", {}, [caption, title]), hint, errorLine, list
      ]);
    }
    var summary = null;
    if (error) {
      var link = el("a", { href: "#" + firstInput.id, text: error, onclick: function (event) {
        event.preventDefault();
        firstInput.focus();
      } });
      summary = el("div", { "class": "px-checker__error-summary", tabindex: "-1", role: "alert",
        "aria-labelledby": "px-error-title" }, [
        el("h2", { id: "px-error-title", text: ui.error_title }),
        el("ul", {}, [el("li", {}, [link])])
      ]);
    }
    var form = el("form", { "class": "px-checker__form", novalidate: true }, [
      summary,
      field,
      el("details", { "class": "px-checker__why" }, [el("summary", { text: ui.why }), el("p", { text: q.why })]),
      el("button", { type: "submit", "class": "md-button md-button--primary", text: ui.continue })
    ]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      submit(q, form);
    });
    var back = button(ui.back, function () {
      if (returnToCheck) return check();
      if (step === 0) return start().focus();
      step -= 1;
      ask();
    }, "px-checker__back");
    show([back, form], summary || title, "question");
  }

  function submit(q, form) {
    var value;
    if (q.kind === "number") {
      var raw = form.querySelector("input").value.trim();
      value = /^[0-9]{1,3}$/.test(raw) ? parseInt(raw, 10) : NaN;
      if (isNaN(value) || value < q.min || value > q.max) return ask(text(ui.error_number, { min: q.min, max: q.max }));
    } else {
      var picked = Array.prototype.filter.call(form.querySelectorAll("input"), function (i) { return i.checked; })
        .map(function (i) { return i.value; });
      if (!picked.length) return ask(q.kind === "multi" ? ui.error_multi : ui.error_choice);
      value = q.kind === "multi" ? picked : picked[0];
    }
    answers[q.id] = value;
    if (returnToCheck || step === questions.length - 1) return check();
    step += 1;
    ask();
  }

  // Check your answers: GOV.UK summary list with a "Change" link per answer.
  function summaryList(withChange) {
    return el("dl", { "class": "px-checker__summary" }, questions.map(function (q, index) {
      var change = withChange ? el("dd", { "class": "px-checker__summary-action" }, [
        el("button", { type: "button", "class": "px-checker__link", onclick: function () {
          step = index;
          returnToCheck = true;
          ask();
        } }, [document.createTextNode(ui.change), el("span", { "class": "px-vh", text: " " + q.short })])
      ]) : null;
      return el("div", { "class": "px-checker__summary-row" }, [
        el("dt", { text: q.short }), el("dd", { text: answerText(q) }), change
      ]);
    }));
  }

  function check() {
    returnToCheck = true;
    var title = heading(2, ui.check_title, "px-check-heading");
    show([
      button(ui.back, function () { returnToCheck = false; step = questions.length - 1; ask(); }, "px-checker__back"),
      title,
      summaryList(true),
      button(ui.see_result, result, "md-button md-button--primary")
    ], title, "check");
  }

  function template(rule) {
    var index = versionAt(rule, data.as_of);
    return document.querySelector('[data-px-template="' + rule.id + "@" + index + '"]');
  }

  function ruleOf(id) {
    for (var i = 0; i < data.rules.length; i++) if (data.rules[i].id === id) return data.rules[i];
    return null;
  }

  // A button that shows or hides what follows it (WAI-ARIA disclosure). Closed by default,
  // so the result and its buttons fit in about two phone screens; print opens it (checker.css).
  var disclosures = 0;
  function disclosure(label, content) {
    disclosures += 1;
    var id = "px-checker-more-" + disclosures;
    var body = el("div", { id: id, "class": "px-checker__more-body", hidden: true }, [content]);
    var toggle = el("button", { type: "button", "class": "px-checker__more-toggle", "aria-expanded": "false",
      "aria-controls": id, text: label, onclick: function () {
        var open = toggle.getAttribute("aria-expanded") !== "true";
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
        body.hidden = !open;
      } });
    return el("div", { "class": "px-checker__more" }, [toggle, body]);
  }

  // The result, in the order a person needs it: the outcome and, when something stands in the
  // way, which criteria and why (the outcome's words say "these criteria"); then the program's
  // status and what to do next. What the check cannot see and the answers given are one tap
  // away. The QR summary is for the kiosk and for print (checker.css hides it on a phone).
  function result() {
    var outcome = evaluate(answers);
    var words = data.outcomes[outcome.outcome];
    var title = heading(2, words.title, "px-result-heading");
    title.className += " px-checker__result-title px-checker__result-title--" + outcome.outcome;
    var next = el("div", { "class": "px-checker__extras px-checker__extras--next" });
    var nodes = [title, el("p", { "class": "px-checker__result-body", text: words.body })];
    var lists = [];
    [["failed", ui.failed_title, null], ["unknown", ui.unknown_title, ui.unknown_intro]].forEach(function (part) {
      var entries = outcome[part[0]];
      if (!entries.length) return;
      nodes.push(el("h3", { text: part[1] }));
      if (part[2]) nodes.push(el("p", { text: part[2] }));
      var list = el("ul", { "class": "px-checker__criteria px-checker__criteria--" + part[0] });
      entries.forEach(function (entry) { lists.push([list, ruleOf(entry.rule)]); });
      nodes.push(list);
    });
    nodes.push(
      el("p", { "class": "px-checker__as-of", text: text(ui.as_of, { date: formatDate(data.as_of) }) }),
      el("p", { "class": "px-checker__disclaimer", role: "note", text: ui.disclaimer }),
      next
    );
    var notChecked = el("div", { "class": "px-checker__extras" });
    nodes.push(disclosure(ui.not_checked_title, notChecked));
    nodes.push(disclosure(ui.answers_title, summaryList(false)));
    nodes.push(qrFigure(outcome, words.title));
    nodes.push(el("div", { "class": "px-checker__actions" }, [
      data.print ? button(ui.print, function () { window.print(); }, "md-button md-button--primary px-checker__print") : null,
      button(ui.change_answers, check, "md-button"),
      button(ui.restart, function () { reset(true); }, "md-button")
    ]));
    show(nodes, null, "result");
    // Move (not copy) the rendered items, so their citation previews keep working.
    lists.forEach(function (pair) {
      var item = el("li");
      pair[0].appendChild(item);
      move(template(pair[1]), item);
    });
    move(document.getElementById("px-checker-status"), next);
    move(document.getElementById("px-checker-next"), next);
    move(document.getElementById("px-checker-not-checked"), notChecked);
    var qrText = qrSummary(outcome, words.title, lists);
    var figure = screen.querySelector(".px-checker__qr");
    if (figure) { qrWaiting = { figure: figure, value: qrText }; loadQr(); flushQr(); }
    title.focus();
    announce(text(ui.announce, { title: words.title }));
  }

  // The QR generator (11 KB gzip) is fetched when the visitor starts, not with the page:
  // most visits never reach a result. The result's figure waits for it if need be.
  var qrState = typeof window.qrcode === "function" ? "ready" : "idle"; // idle, loading, ready, failed
  var qrWaiting = null;

  function loadQr() {
    if (qrState !== "idle") return;
    var src = root.getAttribute("data-px-lib-qr");
    if (!src) { qrState = "failed"; return; }
    qrState = "loading";
    var script = document.createElement("script");
    script.src = src;
    script.onload = function () { qrState = typeof window.qrcode === "function" ? "ready" : "failed"; flushQr(); };
    script.onerror = function () { qrState = "failed"; flushQr(); };
    document.head.appendChild(script);
  }

  function flushQr() {
    if (!qrWaiting || qrState === "loading") return;
    var job = qrWaiting;
    qrWaiting = null;
    if (!job.figure.parentNode) return; // the visitor has moved on
    if (qrState === "ready") drawQr(job.figure, job.value);
    else job.figure.parentNode.removeChild(job.figure);
  }

  function qrFigure() {
    if (qrState === "failed") return null;
    return el("figure", { "class": "px-checker__qr" }, [
      el("figcaption", {}, [el("strong", { text: ui.qr_title }), el("span", { text: " " + ui.qr_hint })])
    ]);
  }

  function qrSummary(outcome, title, lists) {
    var lines = [ui.qr_heading, ui.qr_rules_date + ": " + data.as_of, ui.qr_result + ": " + title];
    lists.forEach(function (pair) {
      var rule = pair[1];
      var node = template(rule);
      var cites = node ? Array.prototype.map.call(node.querySelectorAll("a.px-cite"), function (a) {
        return a.textContent;
      }) : [];
      var prefix = pair[0].className.indexOf("--unknown") >= 0 ? "? " : "- ";
      lines.push(prefix + rule.name + (cites.length ? " (" + cites.join("; ") + ")" : ""));
    });
    lines.push(ui.answers_title + ": " + questions.map(function (q) { return q.short + ": " + answerText(q); }).join("; "));
    if (/^https?:$/.test(location.protocol)) lines.push(location.origin + location.pathname);
    return lines.join("\n");
  }

  function drawQr(figure, value) {
    var qr;
    try {
      window.qrcode.stringToBytes = window.qrcode.stringToBytesFuncs["UTF-8"];
      qr = window.qrcode(0, "M");
      qr.addData(value, "Byte");
      qr.make();
    } catch (e) {
      figure.parentNode.removeChild(figure);
      return;
    }
    var count = qr.getModuleCount();
    var size = count + 8;
    var path = "";
    for (var r = 0; r < count; r++) {
      for (var c = 0; c < count; c++) if (qr.isDark(r, c)) path += "M" + (c + 4) + " " + (r + 4) + "h1v1h-1z";
    }
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 " + size + " " + size);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", ui.qr_title);
    svg.setAttribute("class", "px-checker__qr-code");
    svg.setAttribute("shape-rendering", "crispEdges");
    svg.setAttribute("data-px-qr-text", value);
    var back = document.createElementNS(ns, "rect");
    back.setAttribute("width", size);
    back.setAttribute("height", size);
    back.setAttribute("fill", "#fff");
    var dots = document.createElementNS(ns, "path");
    dots.setAttribute("d", path);
    dots.setAttribute("fill", "#000");
    svg.appendChild(back);
    svg.appendChild(dots);
    figure.insertBefore(svg, figure.firstChild);
  }

  // Empty the live region, then fill it a moment later so screen readers notice the
  // change. The pending message is cancelled when the screen changes again (start again,
  // kiosk reset), so a stale result is never read out over the next visitor's start screen.
  var announceTimer = 0;
  function announce(message) {
    window.clearTimeout(announceTimer);
    live.textContent = "";
    if (message) announceTimer = window.setTimeout(function () { live.textContent = message; }, 50);
  }

  function reset(focus) {
    qrWaiting = null;
    answers = {};
    step = 0;
    returnToCheck = false;
    announce("");
    var title = start();
    if (focus) title.focus();
  }

  // The decision tables under the flow: collapsed behind their heading's button while the
  // flow runs (the page's HTML already shows them collapsed, so nothing moves now).
  var staticToggle = document.querySelector(".px-checker-static__toggle");
  var staticBody = document.getElementById("px-checker-static-body");
  if (staticToggle && staticBody) {
    staticToggle.addEventListener("click", function () {
      var open = staticToggle.getAttribute("aria-expanded") !== "true";
      staticToggle.setAttribute("aria-expanded", open ? "true" : "false");
      staticBody.hidden = !open;
    });
  }

  window.addEventListener("kiosk:reset", function () {
    if (staticToggle && staticBody) { staticToggle.setAttribute("aria-expanded", "false"); staticBody.hidden = true; }
    reset(false);
  });
  start(); // replaces the start screen the page already shows with the live one
  api.reset = function () { reset(false); };
})();
