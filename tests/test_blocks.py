"""Generated-block markers: unknown names and bad arguments are located errors."""

from __future__ import annotations

import pytest

from peraturan.build import blocks
from peraturan.build.diagnostics import EngineError


@blocks.renderer("test-echo")
def _echo(request: blocks.BlockRequest) -> str:
    if "fail" in request.args:
        raise blocks.BlockError("asked to fail", "remove fail=")
    return f"echo {request.lang} {request.args.get('word', '')} line {request.line}"


def test_block_is_replaced_in_the_page_language():
    out = blocks.expand("a\n<!-- px:test-echo word=hai -->\nb", "id", "x.md", "docs/id/x.md")
    assert out == "a\necho id hai line 2\nb"


def test_unknown_block_names_a_close_one_and_the_file_line_after_front_matter():
    with pytest.raises(EngineError) as caught:
        blocks.expand("\n<!-- px:test-ecko -->", "en", "x.md", "docs/en/x.md", first_line=4)
    assert caught.value.report() == "docs/en/x.md:5:1: unknown block 'px:test-ecko' (did you mean 'test-echo'?)"


def test_renderer_errors_are_collected_together():
    with pytest.raises(EngineError) as caught:
        blocks.expand("<!-- px:test-echo fail=1 -->\n<!-- px:nope -->", "id", "x.md", "docs/id/x.md")
    assert [d.line for d in caught.value.diagnostics] == [1, 2]
    assert "asked to fail (remove fail=)" in caught.value.report()


def test_markers_inside_fenced_code_stay_as_they_are():
    text = "```\n<!-- px:nope -->\n```"
    assert blocks.expand(text, "id", "x.md", "docs/id/x.md") == text


def test_rendered_gives_each_block_at_its_file_line_and_skips_bad_ones():
    text = "---\ntitle: x\n---\n<!-- px:test-echo word=a -->\n<!-- px:nope -->\n<!-- px:test-echo fail=1 -->"
    assert blocks.rendered(text, "en", "x.md", "docs/en/x.md") == [(4, "echo en a line 4")]


def test_has_markers_accepts_every_spelling_the_block_pattern_accepts():
    assert blocks.has_markers("text\n  <!--px:test-echo -->\n")
    assert blocks.has_markers("<!-- px:test-echo word=a -->")
    assert not blocks.has_markers("text about px:something <!-- a comment -->")


@blocks.renderer("test-once", once=True)
def _once(request: blocks.BlockRequest) -> str:
    return '<div id="only-one"></div>'


def test_a_block_with_ids_twice_on_a_page_is_an_error():
    with pytest.raises(EngineError) as caught:
        blocks.expand("<!-- px:test-once -->\n\ntext\n<!-- px:test-once -->", "id", "x.md", "docs/id/x.md")
    assert caught.value.report() == ("docs/id/x.md:4:1: block 'px:test-once' is used twice on this page "
                                     "(first at line 1) (keep one: it writes element ids)")


def test_a_repeatable_block_may_repeat():
    out = blocks.expand("<!-- px:test-echo -->\n<!-- px:test-echo -->", "id", "x.md", "docs/id/x.md")
    assert out.count("echo id") == 2


def test_a_block_inside_an_admonition_is_an_error():
    with pytest.raises(EngineError) as caught:
        blocks.expand("!!! note\n\n    <!-- px:test-echo -->\n", "id", "x.md", "docs/id/x.md")
    assert caught.value.report().startswith("docs/id/x.md:3:1: block 'px:test-echo' is indented")
