"""How much of an explainer page's visible text is citation text (issue 11: at most 5%).

Shared by tests/test_citation_display.py (asserted) and benchmarks/reading_screens.py
(reported). Counted in the browser: every visible, non-space character of the article,
without the hidden previews, visually hidden text (what only screen readers hear),
the page's closing legal-basis list (a reference section, like notes in a book) and
heading permalinks; citation text is what of that sits inside a citation link in running
text. A citation that is a value (``px-cite--value``: a table cell of regulations or of
"who sets it", the amount cards' "who sets it" line) counts as page text, not as citation
text: it is the answer, not an interruption. ``value`` reports those characters apart.
"""

CITATION_SHARE_JS = r"""() => {
  const article = document.querySelector('article.md-content__inner');
  const skip = '.px-previews, .px-vh, .px-basis, .px-basis__heading, .headerlink, script, style, template';
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  let total = 0, cite = 0, value = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest(skip) || !parent.checkVisibility({visibilityProperty: true})) continue;
    const count = node.textContent.replace(/\s+/g, '').length;
    total += count;
    if (parent.closest('a.px-cite--value')) value += count;
    else if (parent.closest('a.px-cite')) cite += count;
  }
  return {total, cite, value, share: total ? cite / total : 0};
}"""
