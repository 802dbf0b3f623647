"""MkDocs adapter for the offline kiosk build (``mkdocs.kiosk.yml``).

It does nothing unless ``extra.kiosk`` is true, so listing it for the public
site would be harmless. Event by event:

- ``on_config``: check the kiosk settings (idle time, warning time, printer)
  and prepare the dates shown in the data statement.
- ``on_post_page`` / ``on_post_template`` (the 404 page): replace every outside
  link with a numbered note and the page's sources section, or (outside the
  running text) its printed address and a QR code; spell each abbreviation out
  once per page (the logic is in ``sitekit.kiosk_links`` and
  ``sitekit.kiosk_pages``, which do not know MkDocs). The 404 pages get
  addresses relative to their folder, so they work from ``file://`` too.
- ``on_post_build``: copy the ``iframe-worker`` shim from ``node_modules`` into
  the site. Material's offline search needs it from ``file://``, and without a
  local copy the offline plugin would load it from unpkg.com.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from peraturan.build.dates import iso_date
from peraturan.build.safe import url_problem
from peraturan.state import current
from sitekit import kiosk_links, kiosk_pages

# Where extra.polyfills in mkdocs.kiosk.yml expects the shim, relative to the site root.
SHIM_TARGET = "assets/javascripts/iframe-worker-shim.js"
SHIM_SOURCE = "node_modules/iframe-worker/shim/index.js"

# WCAG 2.2.1 Timing Adjustable: warn at least 20 seconds before the time runs out.
MIN_WARNING_SECONDS = 20
DEFAULT_IDLE_SECONDS = 120
DEFAULT_WARNING_SECONDS = 30


def _is_kiosk(config) -> bool:
    return bool(config.extra.get("kiosk"))


def _whole_seconds(config, key: str, default: int) -> int:
    value = config.extra.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int):
        raise PluginError(f"mkdocs.kiosk.yml: extra.{key} must be a whole number of seconds, got {value!r}")
    return value


def _as_date(value, what: str) -> dt.date:
    day = iso_date(value)
    if day is None:
        raise PluginError(f"{what} must be a date YYYY-MM-DD, got {value!r}")
    return day


def _build_date() -> dt.date:
    """Today in UTC, or SOURCE_DATE_EPOCH when set, so a rebuild of the same
    sources can give a byte-identical zip (the same rule MkDocs itself uses)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.datetime.now(tz=dt.UTC).date()


def _home_pages(config) -> tuple[str, dict[str, str]]:
    """Default language and {language: home page path}, from static-i18n's settings."""
    i18n = config.plugins.get("i18n")
    language = config.theme.get("language") or current().languages[0]
    if i18n is None:
        return language, {language: "index.html"}
    homes = {}
    default = language
    for lang in i18n.config.languages:
        if lang.default:
            default = lang.locale
    for lang in i18n.config.languages:
        homes[lang.locale] = "index.html" if lang.locale == default else f"{lang.locale}/index.html"
    return default, homes


def _setting_at(config, key: str) -> str:
    """``file:line:col`` of an extra setting in the config file, so the error is located."""
    path = Path(config.config_file_path or "mkdocs.kiosk.yml")
    try:
        lines = path.read_text(encoding="utf-8").split("\n")
    except OSError:
        return path.name
    for number, line in enumerate(lines, start=1):
        if line.lstrip().startswith(f"{key}:"):
            return f"{path.name}:{number}:{len(line) - len(line.lstrip()) + 1}"
    return path.name


def on_config(config):
    if not _is_kiosk(config):
        return config
    idle = _whole_seconds(config, "kiosk_idle_seconds", DEFAULT_IDLE_SECONDS)
    warning = _whole_seconds(config, "kiosk_warning_seconds", DEFAULT_WARNING_SECONDS)
    if warning < MIN_WARNING_SECONDS:
        raise PluginError(
            f"{_setting_at(config, 'kiosk_warning_seconds')}: extra.kiosk_warning_seconds is {warning}; WCAG 2.2.1 "
            f"needs a warning at least {MIN_WARNING_SECONDS} seconds before the reset"
        )
    if idle <= warning:
        raise PluginError(
            f"{_setting_at(config, 'kiosk_idle_seconds')}: extra.kiosk_idle_seconds ({idle}) must be longer than "
            f"extra.kiosk_warning_seconds ({warning})"
        )
    printer = config.extra.get("kiosk_printer", False)
    if not isinstance(printer, bool):
        raise PluginError(f"{_setting_at(config, 'kiosk_printer')}: extra.kiosk_printer must be true or false, "
                          f"got {printer!r}")
    source = config.extra.get("kiosk_regulation_source")
    if source is not None and url_problem(source):  # printed and linked on every kiosk page
        raise PluginError(f"{_setting_at(config, 'kiosk_regulation_source')}: extra.kiosk_regulation_source "
                          f"{url_problem(source)}")
    as_of = _as_date(config.extra.get("as_of"), "extra.as_of")
    built = _build_date()
    default_lang, homes = _home_pages(config)
    config.extra.update(
        # Each language's home page, relative to the site root (the kiosk bar's Home button);
        # the idle reset always goes to the default language's home.
        kiosk_default_language=default_lang,
        kiosk_homes=homes,
        kiosk_idle_seconds=idle,
        kiosk_warning_seconds=warning,
        kiosk_printer=printer,
        # Dates for the data statement, already worded per language (templates cannot format them well).
        kiosk_as_of_text={lang: kiosk_links.long_date(as_of, lang) for lang in kiosk_links.MONTHS},
        kiosk_as_of_iso=as_of.isoformat(),
        kiosk_built_text={lang: kiosk_links.long_date(built, lang) for lang in kiosk_links.MONTHS},
        kiosk_built_iso=built.isoformat(),
    )
    return config


def _rewrite(html: str, where: str, config) -> str:
    result = kiosk_links.rewrite_outside_links(html, config.theme.get("language") or current().languages[0])
    if result.problems:
        raise PluginError(f"{where}: " + "; ".join(result.problems))
    return kiosk_pages.mark_first_abbreviations(result.html)


def _folder_depth(config) -> int:
    """How deep this language's 404 page ends up: the default language's at the root,
    the others in their language folder (hooks/i18n_pages.py copies them there)."""
    i18n = config.plugins.get("i18n")
    if i18n is None or i18n.current_language == i18n.default_language:
        return 0
    return 1


@event_priority(-90)  # after other hooks have finished the page, so links they add are caught too
def on_post_page(output, page, config):
    return _rewrite(output, page.file.src_uri, config) if _is_kiosk(config) else output


@event_priority(-90)
def on_post_template(output_content, template_name, config):
    """Static templates (the 404 page) skip on_post_page, but carry the data statement's link too."""
    if not _is_kiosk(config) or not template_name.endswith(".html"):
        return output_content
    output_content = _rewrite(output_content, template_name, config)
    if template_name == "404.html":
        output_content = kiosk_pages.relative_root_links(output_content, _folder_depth(config))
    return output_content


@event_priority(100)  # every language build; cheap and idempotent
def on_post_build(config):
    # The kiosk, and any other offline build that names the shim (mkdocs.zim.yml), needs the file.
    if not (_is_kiosk(config) or SHIM_TARGET in (config.extra.get("polyfills") or [])):
        return
    source = Path(config.config_file_path).parent / SHIM_SOURCE
    if not source.is_file():
        raise PluginError(f"{SHIM_SOURCE} is missing: run 'npm ci' (make kiosk does it for you)")
    text = source.read_text(encoding="utf-8")
    if "://" in text:  # the whole point of shipping it is that nothing is fetched from outside
        raise PluginError(f"{SHIM_SOURCE} mentions an outside address; check the iframe-worker version")
    target = Path(config.site_dir) / SHIM_TARGET
    target.parent.mkdir(parents=True, exist_ok=True)
    # The MIT licence asks for its notice to travel with every copy.
    shutil.copyfile(source.parent.parent / "LICENSE", target.with_suffix(".LICENSE.txt"))
    target.write_text(f"/*! iframe-worker shim, MIT licence: see {target.with_suffix('.LICENSE.txt').name} */\n"
                      + text, encoding="utf-8")
