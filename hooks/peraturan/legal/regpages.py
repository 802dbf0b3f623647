"""Regulation pages generated from the registry, in both languages.

The pages are real Markdown files (static-i18n breaks on in-memory pages,
MKDOCS-NOTES pitfall 6), written only when their content changes so that
``mkdocs serve`` does not loop. Anchors are in the Markdown, so MkDocs' own
anchor validation checks every citation link a second time.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from ..build import words
from ..build.safe import markdown as safe_markdown
from ..build.safe import text as escape
from .corpus import Corpus
from .model import Instrument, Provision, Registry, Version
from .render import evidence_badge, format_date, item_list, label, ref_display, version_body, version_period

WORDS = words.table("regulation_pages")  # hooks/peraturan/build/words.yml


def page_path(instrument: Instrument) -> str:
    return f"{instrument.id}.md"


def write_if_changed(path: Path, content: str) -> bool:
    """Write only when the text differs, so file watchers do not rebuild forever."""
    if path.exists() and path.read_text(encoding="utf-8") == content:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return True


def generate(registry: Registry, corpus: Corpus, docs_dir: Path, languages: list[str], as_of: dt.date,
             folder: str) -> list[Path]:
    """Write every regulation page and the index, in every language. Returns changed files."""
    changed = []
    for lang in languages:
        target = docs_dir / lang / folder
        wanted = {"index.md"} | {page_path(i) for i in registry.instruments.values()}
        for stale in target.glob("*.md") if target.exists() else []:
            if stale.name not in wanted:
                stale.unlink()
                changed.append(stale)
        pages = {"index.md": index_page(registry, lang, as_of)}
        for instrument in registry.ordered():
            pages[page_path(instrument)] = instrument_page(instrument, registry, corpus, lang, as_of, folder)
        for name, content in pages.items():
            if write_if_changed(target / name, content):
                changed.append(target / name)
    return changed


def _w(lang: str, key: str) -> str:
    return WORDS[lang][key]


def _date(day: dt.date | None, lang: str) -> str:
    return format_date(day, lang)


def _title(instrument: Instrument, lang: str) -> str:
    if instrument.title is None:
        return label(lang, "unknown")
    if lang == "id":
        return escape(instrument.title.id)
    original = f'<span lang="id">{escape(instrument.title.id)}</span>'
    return f"{escape(instrument.title.en)}{_w(lang, 'unofficial_title')} — {original}"


def index_page(registry: Registry, lang: str, as_of: dt.date) -> str:
    rows = []
    for instrument in registry.ordered():
        title = escape(instrument.title.get(lang)) if instrument.title else escape(label(lang, "unknown"))
        rows.append(
            f"| [{instrument.cite_as}]({page_path(instrument)}) | {escape(instrument.name.get(lang))} | {title} "
            f"| {_date(instrument.dates['ditetapkan'], lang)} | {evidence_badge(instrument.title_evidence, lang)} |"
        )
    head = (f"| {_w(lang, 'instrument')} | {_w(lang, 'type')} | {_w(lang, 'title')} | {_w(lang, 'ditetapkan')} "
            f"| {_w(lang, 'title_evidence')} |\n|---|---|---|---|---|")
    return "\n".join([
        "---",
        "generated: true",
        "---",
        "",
        f"# {_w(lang, 'index_title')}",
        "",
        _w(lang, "index_intro"),
        "",
        head,
        *rows,
        "",
        f"## {_w(lang, 'timeline')} {{ #linimasa }}",
        "",
        timeline_html(registry, lang),
        "",
        f'<p class="px-export"><a href="{"../../" if lang != "id" else "../"}api/regulations.json" '
        f'type="application/json">{_w(lang, "export")}</a></p>',
    ]).rstrip() + "\n"


def timeline_events(registry: Registry) -> list[tuple[dt.date, str, str, Instrument]]:
    """(date, kind, detail, instrument): signing dates and dated changes to provisions."""
    events = []
    for instrument in registry.instruments.values():
        if instrument.dates["ditetapkan"]:
            events.append((instrument.dates["ditetapkan"], "made", "", instrument))
        for relation in instrument.relations:
            if relation.type != "amends":
                continue
            target = registry.instruments[relation.target]
            starts = sorted({v.valid_from for p in target.provisions.values() for v in p.versions
                             if v.valid_from and v.by and v.by.startswith(instrument.cite_as)})
            for start in starts:
                events.append((start, "changed", target.cite_as, instrument))
    return sorted(events, key=lambda e: (e[0], e[1], e[3].cite_as))


def timeline_html(registry: Registry, lang: str) -> str:
    """A dated list; Markdown links so MkDocs checks and rewrites them."""
    items = []
    for day, kind, detail, instrument in timeline_events(registry):
        link = f"[{instrument.cite_as}]({page_path(instrument)})"
        if kind == "made":
            text = f"{link} {_w(lang, 'made')}"
        else:
            verb = "mulai berlaku dan mengubah" if lang == "id" else "comes into force and amends"
            text = f"{link} {verb} {detail}"
        items.append(f'1. <time datetime="{day.isoformat()}">{_date(day, lang)}</time> — {text}')
    return '<div class="px-timeline" markdown>\n\n' + "\n".join(items) + "\n\n</div>"


def instrument_page(instrument: Instrument, registry: Registry, corpus: Corpus, lang: str, as_of: dt.date,
                    folder: str) -> str:
    about = [
        metadata_table(instrument, registry, lang),
        "",
        relations_block(instrument, registry, lang),
        "",
    ]
    if instrument.notes:
        about += [f"### {_w(lang, 'notes')} {{ #catatan }}", ""]
        about += [f"- {safe_markdown(note.get(lang))}" for note in instrument.notes]
        about.append("")
    # The law is the page: what it is, one line on its standing, then the articles. How we know
    # (dates, gazette, sources, relations, research notes) waits in a collapsed box.
    out = [
        "---",
        "generated: true",
        f"title: {json.dumps(instrument.cite_as)}",
        "---",
        "",
        f"# {instrument.cite_as}",
        "",
        f"<p class=\"px-reg-name\">{escape(instrument.name.get(lang))}: {_title(instrument, lang)}</p>",
        "",
        f'<p class="px-reg-standing">{_w(lang, "consolidation")}</p>',
        "",
        f'??? info "{_w(lang, "about")}"',
        "",
        *[f"    {line}" if line else "" for block in about for line in block.split("\n")],
        "",
    ]
    out += [f"## {_w(lang, 'provisions')} {{ #pasal }}", ""]
    if not instrument.provisions:
        out += [_w(lang, "no_provisions"), ""]
    for pasal in instrument.pasal_numbers():
        group = instrument.provisions_in_pasal(pasal)
        whole = len(group) == 1 and not group[0].ref.ayat
        if not whole:
            out += [f"### Pasal {pasal} {{ #pasal-{pasal.lower()} }}", ""]
        for provision in group:
            out += provision_block(provision, instrument, corpus, lang, as_of, level=3 if whole else 4)
    out.append(json_ld(instrument, registry, as_of))
    return "\n".join(out).rstrip() + "\n"


def metadata_table(instrument: Instrument, registry: Registry, lang: str) -> str:
    rows = [
        (_w(lang, "type"), escape(registry.type_name(instrument.type, lang))),
        (_w(lang, "title"), _title(instrument, lang) + " " + evidence_badge(instrument.title_evidence, lang)),
        (_w(lang, "ditetapkan"), _date(instrument.dates["ditetapkan"], lang)),
        (_w(lang, "diundangkan"), _date(instrument.dates["diundangkan"], lang)),
        (_w(lang, "berlaku"), _date(instrument.dates["berlaku"], lang)),
        (_w(lang, "gazette"), escape(instrument.gazette) if instrument.gazette else label(lang, "unknown")),
    ]
    if instrument.status:
        rows.append((_w(lang, "status"), escape(instrument.status.get(lang))))
    sources = "<br>".join(
        f'<a href="{escape(s.url)}">{escape(s.label.get(lang))}</a>'
        + (f" ({_w(lang, 'read')} {_date(s.read, lang)})" if s.read else "")
        for s in instrument.sources
    )
    rows.append((_w(lang, "sources"), sources))
    body = "".join(f"<tr><th scope=\"row\">{escape(k)}</th><td>{v}</td></tr>" for k, v in rows)
    return f'<table class="px-meta">\n<tbody>{body}</tbody>\n</table>'


def relations_block(instrument: Instrument, registry: Registry, lang: str) -> str:
    if not instrument.relations:
        return ""
    lines = [f"### {_w(lang, 'relations')} {{ #hubungan }}", ""]
    order = ("amends", "amended-by", "replaces", "replaced-by", "implements", "implemented-by")
    for relation in sorted(instrument.relations, key=lambda r: (order.index(r.type), r.target)):
        target = registry.instruments[relation.target]
        via = f" ({_w(lang, 'via')} {escape(relation.via)})" if relation.via else ""
        lines.append(f"- {_w(lang, relation.type)} [{target.cite_as}]({page_path(target)}){via} "
                     f"{evidence_badge(relation.evidence, lang)}")
    return "\n".join(lines)


def version_anchor(provision: Provision, version: Version) -> str:
    start = version.valid_from.isoformat() if version.valid_from else "awal"
    return f"{provision.ref.anchor()}--v{start}"


def provision_block(provision: Provision, instrument: Instrument, corpus: Corpus, lang: str, as_of: dt.date,
                    level: int) -> list[str]:
    hashes = "#" * level
    anchor = provision.ref.anchor()
    out = [f"{hashes} {ref_display(provision.ref, lang)}: {escape(provision.heading.get(lang))} {{ #{anchor} }}", ""]
    current = provision.version_at(as_of)
    ordered = list(reversed(provision.versions))
    shown_current = current or ordered[0]
    out.append(version_html(provision, shown_current, lang, item_anchors=current is not None))
    out.append("")
    older = [v for v in ordered if v is not shown_current]
    if older:
        inner = "".join(version_html(provision, v, lang, item_anchors=False) for v in older)
        out += [f'<details class="px-history"><summary>{escape(_w(lang, "history"))} ({len(older)})</summary>'
                f"{inner}</details>", ""]
    pages = corpus.citing_pages(instrument.id, anchor, lang)
    out.append(f'<p class="px-cited-on"><strong>{escape(_w(lang, "cited_on"))}:</strong></p>')
    out.append("")
    if pages:
        out += [f"- [{escape(p.title or p.rel)}]({_relative_to_folder(p.rel)})" for p in pages]
    else:
        out.append(_w(lang, "not_cited"))
    out.append("")
    return out


def _relative_to_folder(rel: str) -> str:
    return "../" + rel


def version_html(provision: Provision, version: Version, lang: str, item_anchors: bool) -> str:
    """The wording first, in full contrast; its standing (evidence, period) under it; the
    source and any research note in a collapsed "About this text" box."""
    meta = [evidence_badge(version.evidence, lang), escape(version_period(version, lang))]
    if version.by:
        meta.append(f"{escape(label(lang, 'by'))}: {escape(version.by)}")
    items = items_html(provision, version, lang, item_anchors)
    about = f'<p><a href="{escape(version.source)}">{escape(label(lang, "source"))}</a></p>'
    if version.note:
        about += f'<p class="px-note">{escape(version.note.get(lang))}</p>'
    return (f'<div class="px-version" id="{version_anchor(provision, version)}">'
            f"{version_body(version, lang)}{items}"
            f'<p class="px-version__meta">{" · ".join(meta)}</p>'
            f'<details class="px-version__about"><summary>{escape(_w(lang, "about"))}</summary>{about}</details>'
            "</div>")


def items_html(provision: Provision, version: Version, lang: str, anchors: bool) -> str:
    """The huruf/angka of a version; with anchors (the version in force) each can be cited."""
    base = provision.ref.anchor()
    return item_list(version.items, lang,
                     (lambda path: base + "".join(f"-{lvl}-{val}" for lvl, val in path)) if anchors else None)


def json_ld(instrument: Instrument, registry: Registry, as_of: dt.date) -> str:
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Legislation",
        "name": instrument.name.id + (f" tentang {instrument.title.id}" if instrument.title else ""),
        "legislationIdentifier": instrument.cite_as,
        "legislationType": registry.type_name(instrument.type, "id"),
        "inLanguage": "id",
        "legislationJurisdiction": "ID",
    }
    if instrument.dates["ditetapkan"]:
        data["legislationDate"] = instrument.dates["ditetapkan"].isoformat()
    if instrument.dates["berlaku"]:
        data["legislationDateVersion"] = instrument.dates["berlaku"].isoformat()
    force = legal_force(instrument, as_of)
    if force:
        data["legislationLegalForce"] = force
    changes = [registry.instruments[r.target] for r in instrument.relations if r.type == "amends"]
    if changes:
        data["legislationChanges"] = [{"@type": "Legislation", "legislationIdentifier": t.cite_as} for t in changes]
    changed_by = [registry.instruments[r.target] for r in instrument.relations if r.type == "amended-by"]
    if changed_by:
        data["legislationChangedBy"] = [{"@type": "Legislation", "legislationIdentifier": t.cite_as}
                                        for t in changed_by]
    basis = [registry.instruments[r.target] for r in instrument.relations if r.type == "implements"]
    if basis:
        data["isBasedOn"] = [{"@type": "Legislation", "legislationIdentifier": t.cite_as} for t in basis]
    if instrument.sources:
        data["sameAs"] = [s.url for s in instrument.sources if s.kind == "official"] or None
        if data["sameAs"] is None:
            del data["sameAs"]
    payload = json.dumps(data, ensure_ascii=False, indent=None).replace("</", "<\\/")
    return f'\n<script type="application/ld+json">{payload}</script>\n'


def legal_force(instrument: Instrument, as_of: dt.date) -> str | None:
    """schema.org legal force as far as the registry records it (never guessed)."""
    if any(r.type == "replaced-by" for r in instrument.relations):
        return "NotInForce"
    if any(p.version_at(as_of) for p in instrument.provisions.values()):
        return "InForce"
    return None
