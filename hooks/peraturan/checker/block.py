"""The ``<!-- px:checker -->`` block: the eligibility checker of a page.

It renders, from the same ruleset the evaluators use:

- the mount point of the question-by-question flow (``checker.js``), holding
  its start screen so the page does not move when the script takes over
  (hidden by a ``<noscript>`` style when scripts are off);
- a static decision table per rule type, the earlier rule versions, what the
  check cannot verify and what to do next: all readable without JavaScript;
- hidden result templates, one per rule version, whose citations the engine
  renders like any other (so their previews work when the script moves them
  into a result);
- the rules as JSON (``<script type="application/json" id="px-checker-data">``)
  and the page-local CSS and scripts.

Citations are written as ``[[...]]`` into the Markdown, so the citation engine
links them and adds their previews. Asset addresses start with ``ROOT``,
which the MkDocs adapter replaces by the page's relative path to the site root.
Plain Python: no MkDocs import.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from ..build import blocks
from ..build.profile import default_profile
from ..build.safe import markdown as safe_markdown
from ..build.safe import text as escape
from ..legal.render import format_date
from .model import Question, Rule, Ruleset, RuleVersion

ROOT = "__PX_CHECKER_ROOT__"
ASSETS = {
    "css": "assets/stylesheets/checker.css",
    "js": "assets/javascripts/checker.js",
    "qr": "assets/javascripts/vendor/qrcode-generator.js",
}


@dataclass
class CheckerSetup:
    """What the block needs from the build, set by the MkDocs adapter (hooks/checker.py) in
    the build's state (``BuildState.checker``)."""

    ruleset: Ruleset | None = None
    printing: bool = True  # false on a kiosk without a printer
    api_name: str | None = None  # the site profile's checker_global (None: the engine's default)


@blocks.renderer("checker", once=True)
def render_block(request: blocks.BlockRequest) -> str:
    state = getattr(request.build, "checker", None) or CheckerSetup()
    if state.ruleset is None:
        raise blocks.BlockError("the eligibility rules are not loaded",
                                "list hooks/checker.py under hooks: in the MkDocs config")
    if request.args:
        raise blocks.BlockError(f"takes no arguments, got {' '.join(request.args)}")
    return checker_markdown(state.ruleset, request.lang, printing=state.printing, api_name=state.api_name)


def checker_markdown(ruleset: Ruleset, lang: str, *, printing: bool = True, api_name: str | None = None) -> str:
    """``api_name``: the name ``checker.js`` gives its API on ``window`` (the site
    profile's ``checker_global``; it travels in the page's data, so the script has none)."""
    ui = {key: text.get(lang) for key, text in ruleset.ui.items()}
    payload = {"api": api_name or default_profile().checker_global, **ruleset.to_json(lang, printing=printing)}
    data = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    data = data.replace("</", "<\\/").replace("<!--", "<\\!--")
    parts = [
        # Without JavaScript the flow cannot run: hide it, and say the tables below answer instead.
        '<noscript><style>#px-checker{display:none}</style></noscript>',
        # The QR generator is fetched by checker.js when a visitor starts (most never see a result).
        f'<div class="px-checker" id="px-checker" data-px-lib-qr="{ROOT}/{ASSETS["qr"]}">',
        f'<link rel="stylesheet" href="{ROOT}/{ASSETS["css"]}">',
        '<div class="px-checker__live px-vh" role="status" aria-live="polite" aria-atomic="true"></div>',
        f'<div class="px-checker__screen">{start_screen(ruleset, ui)}</div>',
        "</div>",
        "",
        f'<noscript><p class="px-checker__noscript">{escape(ui["static_noscript"])}</p></noscript>',
        "",
        static_section(ruleset, lang),
        "",
        status_section(ruleset, lang),
        "",
        extra_section("px-checker-not-checked", ui["not_checked_title"], ruleset.not_checked, lang),
        "",
        extra_section("px-checker-next", ui["next_title"], ruleset.next_steps, lang),
        "",
        f'<p class="px-checker__disclaimer" id="px-checker-disclaimer">{escape(ui["disclaimer"])}</p>',
        "",
        templates(ruleset, lang),
        "",
        f'<script type="application/json" id="px-checker-data">{data}</script>',
        "",
        f'<script src="{ROOT}/{ASSETS["js"]}" defer></script>',
        "",
    ]
    return "\n".join(parts)


def start_screen(ruleset: Ruleset, ui: dict[str, str]) -> str:
    """The first screen of the flow, as checker.js's ``start()`` draws it.

    Why in the HTML: the flow's box then has its final size at first paint, and the
    script replaces it with the same screen, so nothing below it moves when the
    script arrives (Lighthouse measured a layout shift of 0.11 when it was hidden)."""
    intro = ui["start_intro"].replace("{total}", str(len(ruleset.questions_at())))
    return (f'<h2 id="px-checker-start" tabindex="-1" class="px-checker__heading">{escape(ui["start_title"])}</h2>'
            f"<p>{escape(intro)}</p>"
            f'<button type="button" class="md-button md-button--primary">{escape(ui["start"])}</button>')


# --------------------------------------------------------------------------- static table


def static_section(ruleset: Ruleset, lang: str) -> str:
    ui = {key: text.get(lang) for key, text in ruleset.ui.items()}
    as_of = ruleset.as_of
    # Collapsed under its heading's button (checker.js opens and closes it), so the flow and
    # its result are not followed by four long tables; the <noscript> style opens it for
    # readers without JavaScript, who answer their question from these tables.
    out = [
        '<section class="px-checker-static" id="px-checker-static" markdown="1">',
        "",
        '<noscript><style>#px-checker-static-body[hidden]{display:block}'
        '.px-checker-static__toggle{pointer-events:none}.px-checker-static__toggle::after{display:none}</style>'
        "</noscript>",
        "",
        f'<h2 class="px-checker-static__title" id="px-checker-static-title"><button type="button" '
        f'class="px-checker-static__toggle" aria-expanded="false" aria-controls="px-checker-static-body">'
        f"{escape(ui['static_title'])}</button></h2>",
        "",
        '<div class="px-checker-static__body" id="px-checker-static-body" hidden markdown="1">',
        "",
        _md(ui["static_intro"].replace("{date}", format_date(as_of, lang))),
        "",
    ]
    for kind in ("syarat", "pengecualian", "kebijakan"):
        rows = [(rule, rule.version_at(as_of)) for rule in ruleset.rules if rule.type == kind]
        rows = [(rule, version) for rule, version in rows if version is not None]
        if not rows:
            continue
        last = ui["sources"] if kind == "kebijakan" else ui["col_basis"]
        out += [f"### {escape(ui['section_' + kind])}", "",
                _row(ui["col_criterion"], ui["col_fails_if"], ui["col_reason"], last),
                "| --- | --- | --- | --- |"]
        for rule, version in rows:
            question = ruleset.questions[rule.question]
            out.append(f"| **{_cell(rule.name.get(lang))}** | {_cell(fails_if(question, version, ruleset, lang))} "
                       f"| {_cell(version.reason.get(lang))} | {basis(version, ruleset, lang)} |")
        out.append("")
    out += [_md(ui["static_unsure"]), ""]
    history = [(rule, version) for rule in ruleset.rules for version in rule.versions if not version.in_force(as_of)]
    if history:
        out += [f"### {escape(ui['section_history'])}", "",
                _row(ui["col_criterion"], ui["col_period"], ui["col_fails_if"], ui["col_basis"]),
                "| --- | --- | --- | --- |"]
        for rule, version in history:
            question = ruleset.questions[rule.question]
            note = f'<br><span class="px-note">{_cell(version.note.get(lang))}</span>' if version.note else ""
            out.append(f"| **{_cell(rule.name.get(lang))}** | {_cell(period(version, ruleset, lang))} "
                       f"| {_cell(fails_if(question, version, ruleset, lang))}{note} "
                       f"| {basis(version, ruleset, lang)} |")
        out.append("")
    out += ["</div>", "", "</section>"]
    return "\n".join(out)


def fails_if(question: Question, version: RuleVersion, ruleset: Ruleset, lang: str) -> str:
    """The answers that fail a rule version, in words generated from the data."""
    ui = ruleset.ui
    test = version.test
    if question.kind == "number":
        if test.min is not None and test.max is not None:
            words = ui["number_outside"].get(lang)
        elif test.min is not None:
            words = ui["number_below"].get(lang)
        else:
            words = ui["number_above"].get(lang)
        words = words.replace("{min}", str(test.min)).replace("{max}", str(test.max))
        unit = f" {question.unit.get(lang)}" if question.unit else ""
        return f"{question.short.get(lang)}: {words}{unit}"
    if question.kind == "choice":
        failing = [o for o in question.options if o.value not in test.pass_if and not o.unsure]
    else:
        failing = [o for o in question.options if o.value in test.fail_if]
    return f"{question.short.get(lang)}: " + " / ".join(o.label.get(lang) for o in failing)


def basis(version: RuleVersion, ruleset: Ruleset, lang: str) -> str:
    if version.cites:
        return "; ".join(f"[[{body}]]" for body in version.cites)
    return "; ".join(_source(source, ruleset, lang) for source in version.sources)


def _source(source, ruleset: Ruleset, lang: str) -> str:
    label = _cell(source.label.get(lang))
    if source.url:
        return f"[{label}]({source.url})"
    return f"{label} ({_cell(ruleset.ui['no_source_url'].get(lang))})"


def period(version: RuleVersion, ruleset: Ruleset, lang: str) -> str:
    ui = ruleset.ui
    start = format_date(version.valid_from, lang) if version.valid_from else None
    end = format_date(version.valid_to, lang) if version.valid_to else None
    if start and end:
        return ui["period_between"].get(lang).replace("{from}", start).replace("{to}", end)
    if end:
        return ui["period_to"].get(lang).replace("{to}", end)
    return ui["period_from"].get(lang).replace("{from}", start or "")


def status_section(ruleset: Ruleset, lang: str) -> str:
    """The program's current status (registration closed? moving ministry?), one sourced
    paragraph; checker.js moves it into the result before the next steps."""
    if ruleset.status is None:
        return ""
    title = escape(ruleset.ui["status_title"].get(lang))
    return "\n".join(['<div class="px-checker-extra px-checker-status" id="px-checker-status" markdown="1">', "",
                      f"### {title}", "", safe_markdown(ruleset.status.get(lang)), "", "</div>"])


def extra_section(dom_id: str, title: str, items, lang: str) -> str:
    lines = [f'<div class="px-checker-extra" id="{dom_id}" markdown="1">', "", f"### {escape(title)}", ""]
    lines += [f"- {safe_markdown(item.get(lang))}" for item in items]
    lines += ["", "</div>"]
    return "\n".join(lines)


# --------------------------------------------------------------------------- result templates


def templates(ruleset: Ruleset, lang: str) -> str:
    """One hidden result item per rule version; checker.js moves the ones a result needs.

    The items are <section>s, not <div>s: Material's search parser ends a
    data-search-exclude region at the first closing tag of the same name."""
    ui = ruleset.ui
    out = ['<div class="px-checker-templates" hidden data-search-exclude="true" markdown="1">', ""]
    for rule in ruleset.rules:
        for index, version in enumerate(rule.versions):
            out.append(_template(rule, index, version, ruleset, lang, ui))
            out.append("")
    out.append("</div>")
    return "\n".join(out)


def _template(rule: Rule, index: int, version: RuleVersion, ruleset: Ruleset, lang: str, ui) -> str:
    kind_label = ui[f"type_{rule.type}"].get(lang)
    head = (f'<p class="px-result-rule__name"><strong>{escape(rule.name.get(lang))}</strong> '
            f'<span class="px-rule-type px-rule-type--{rule.type}">{escape(kind_label)}</span></p>')
    reason = f'<p class="px-result-rule__reason">{escape(version.reason.get(lang))}</p>'
    label = ui["sources"] if rule.type == "kebijakan" else ui["basis"]
    basis_md = basis(version, ruleset, lang)
    return "\n".join([
        f'<section class="px-result-rule" data-px-template="{escape(rule.id)}@{index}" markdown="1">',
        head,
        reason,
        f'<p class="px-result-rule__basis" markdown="span">{escape(label.get(lang))}: {basis_md}</p>',
        "</section>",
    ])


# --------------------------------------------------------------------------- helpers


def _row(*cells: str) -> str:
    """A Markdown table row of data texts."""
    return "| " + " | ".join(_cell(cell) for cell in cells) + " |"


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return escape(text).replace("\n", " ")


def _md(text: str) -> str:
    """Plain text safe as Markdown: no accidental emphasis, HTML or citations."""
    return escape(text)


def relative_root(page_url: str) -> str:
    """From a page's URL (``cek-kelayakan/`` or ``en/cek-kelayakan.html``) back to the site root."""
    depth = page_url.count("/")
    return "/".join([".."] * depth) or "."


