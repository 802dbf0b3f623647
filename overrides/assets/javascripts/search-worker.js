/* The site search worker: replaces Material's lunr worker (same messages).
 *
 * Material's bundle loads search/index.<page language>.json (or .js from
 * file://) and posts it here; we answer queries with results in Material's
 * format, so its search box, result list and keyboard handling stay as they are.
 *
 * The index is built by hooks/sitekit/sitesearch.py: plain text per page
 * section, the Snowball stem of every word on the site, a synonym field and
 * the language's word lists. Words are cut and stemmed exactly as
 * hooks/sitekit/searchwords.py does (fold, [a-z0-9]+, two letters or more,
 * stop words out, protected words whole, word families joined); the stemmers are in
 * search-stemmers.js, joined in front of this file by the build.
 *
 * Ranking, in order of weight:
 *  - BM25 per field: title x3, text x1, synonyms x0.7 (a modest boost);
 *  - each query word takes its best match: exact stem 1, the site's word for
 *    it in the synonym list 0.6 (a query of one word: "apply" -> register), word prefix 0.5,
 *    (words of four letters or more), one-letter typo 0.35 (only for words of five letters or more that match
 *    nothing exactly), so exact matches rank first;
 *  - pages matching more of the query words rank higher (squared share);
 *  - regulation pages x0.25 unless the query has a legal word (Pasal, Perpres, ...).
 */
(function () {
  "use strict";

  const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
  const FIELDS = [["title", 3], ["text", 1], ["syn", 0.7]];
  const K1 = 1.2, B = 0.75;
  const EXACT = 1, SYNONYM = 0.6, PREFIX = 0.5, TYPO = 0.35;
  const REGULATION = 1, REGULATION_WEIGHT = 0.25;
  const MAX_GROUPS = 25, SNIPPET = 260;

  let S = null;

  function fold(text) {
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }

  function words(text) {
    return (fold(text).match(/[a-z0-9]+/g) || []).filter((word) => word.length > 1);
  }

  function escapeHTML(text) {
    return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  }

  function setup(index) {
    const px = index.config.px;
    const stemmer = self.pxStemmers[px.lang];
    const wordStem = new Map(Object.entries(px.words));
    const stemId = new Map(px.stems.map((stem, i) => [stem, i]));
    const postings = new Map();
    const docs = index.docs;
    const lengths = FIELDS.map(() => new Float64Array(docs.length));
    const pageOf = [];
    const pageDoc = new Map();
    docs.forEach((doc, d) => {
      const counts = new Map();
      const add = (id, field) => {
        let entry = counts.get(id);
        if (!entry) counts.set(id, entry = [0, 0, 0]);
        entry[field] += 1;
        lengths[field][d] += 1;
      };
      for (const word of words(doc.title)) if (wordStem.has(word)) add(wordStem.get(word), 0);
      for (const word of words(doc.text)) if (wordStem.has(word)) add(wordStem.get(word), 1);
      for (const id of px.synonyms[d] || []) add(id, 2);
      for (const [id, tf] of counts) {
        let list = postings.get(id);
        if (!list) postings.set(id, list = []);
        list.push([d, tf]);
      }
      const page = doc.location.split("#")[0];
      pageOf.push(page);
      if (!pageDoc.has(page)) pageDoc.set(page, d);
    });
    const average = lengths.map((values) => Math.max(1, values.reduce((a, b) => a + b, 0) / docs.length));
    S = {
      px, stemmer, wordStem, stemId, postings, docs, lengths, average, pageOf, pageDoc,
      stop: new Set(px.stop), protect: new Set(px.protected), legal: new Set(px.legal),
      families: new Map(Object.entries(px.families || {})), expand: new Map(Object.entries(px.expand || {})),
      vocabulary: [...wordStem.keys()],
    };
  }

  function stem(word) {
    if (S.protect.has(word) || /^[0-9]+$/.test(word)) return word;
    const found = S.stemmer(word);
    return S.families.get(found) || found;
  }

  /* Damerau-Levenshtein distance is at most one (one letter added, dropped,
     changed, or two neighbours swapped). */
  function oneEdit(a, b) {
    if (a === b) return true;
    const la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    let i = 0;
    while (i < la && i < lb && a[i] === b[i]) i++;
    if (la === lb) {
      if (a.slice(i + 1) === b.slice(i + 1)) return true;
      return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    }
    return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
  }

  /* Stem ids a query word may mean, each with a weight. */
  function candidates(word) {
    const found = new Map();
    const put = (id, weight) => {
      if (id !== undefined && (found.get(id) || 0) < weight) found.set(id, weight);
    };
    put(S.stemId.get(stem(word)), EXACT);
    put(S.wordStem.get(word), EXACT);
    for (const id of S.expand.get(stem(word)) || []) put(id, SYNONYM);
    const exact = found.size > 0;
    if (word.length >= 4) {
      let n = 0;
      for (const known of S.vocabulary) {
        if (known.length > word.length && known.startsWith(word)) {
          put(S.wordStem.get(known), PREFIX);
          if (++n >= 40) break;
        }
      }
    }
    if (!exact && word.length >= 5) {
      for (const known of S.vocabulary) {
        if (known.length >= 4 && oneEdit(word, known)) put(S.wordStem.get(known), TYPO);
      }
      const stemmed = stem(word);
      for (const [known, id] of S.stemId) {
        if (known.length >= 4 && oneEdit(stemmed, known)) put(id, TYPO);
      }
    }
    return found;
  }

  function fieldScore(id, d, tf) {
    const list = S.postings.get(id);
    const n = S.docs.length, df = list ? list.length : 0;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    let score = 0;
    FIELDS.forEach(([, boost], f) => {
      if (!tf[f]) return;
      const norm = 1 - B + B * (S.lengths[f][d] / S.average[f]);
      score += boost * (tf[f] * (K1 + 1)) / (tf[f] + K1 * norm);
    });
    return idf * score;
  }

  function mark(text, stems) {
    return escapeHTML(text).replace(/[A-Za-z0-9\u00C0-\u024F]+/g, (token) => {
      const folded = fold(token);
      return stems.has(S.wordStem.get(folded)) ? `<mark>${token}</mark>` : token;
    });
  }

  function snippet(text, stems) {
    const pattern = /[A-Za-z0-9\u00C0-\u024F]+/g;
    let start = 0, match;
    while ((match = pattern.exec(text))) {
      if (stems.has(S.wordStem.get(fold(match[0])))) {
        start = Math.max(0, match.index - 60);
        break;
      }
    }
    if (start > 0) {
      const space = text.indexOf(" ", start);
      start = space >= 0 && space < start + 20 ? space + 1 : start;
    }
    let end = Math.min(text.length, start + SNIPPET);
    if (end < text.length) {
      const space = text.lastIndexOf(" ", end);
      end = space > start ? space : end;
    }
    return (start > 0 ? "… " : "") + mark(text.slice(start, end), stems) + (end < text.length ? " …" : "");
  }

  function search(query) {
    const raw = words(query);
    if (!raw.length) return { items: [] };
    let asked = [...new Set(raw.filter((word) => !S.stop.has(word)))];
    if (!asked.length) asked = [...new Set(raw)];
    const legal = raw.some((word) => S.legal.has(word) || /^[0-9]+$/.test(word));
    const scores = new Map();
    const hit = new Map();
    const matchedStems = new Set();
    asked.forEach((word, q) => {
      const best = new Map();
      for (const [id, weight] of candidates(word)) {
        matchedStems.add(id);
        for (const [d, tf] of S.postings.get(id) || []) {
          const value = weight * fieldScore(id, d, tf);
          if (value > (best.get(d) || 0)) best.set(d, value);
        }
      }
      for (const [d, value] of best) {
        scores.set(d, (scores.get(d) || 0) + value);
        if (!hit.has(d)) hit.set(d, new Set());
        hit.get(d).add(q);
      }
    });
    const results = [];
    for (const [d, total] of scores) {
      const share = hit.get(d).size / asked.length;
      let score = total * share * share;
      if (!legal && S.px.kinds[d] === REGULATION) score *= REGULATION_WEIGHT;
      results.push([d, score]);
    }
    results.sort((a, b) => b[1] - a[1]);
    const groups = new Map();
    for (const [d, score] of results) {
      const page = S.pageOf[d];
      if (!groups.has(page)) {
        if (groups.size >= MAX_GROUPS) continue;
        groups.set(page, []);
      }
      groups.get(page).push([d, score]);
    }
    const items = [];
    for (const [page, members] of groups) {
      const article = S.pageDoc.get(page);
      if (!members.some(([d]) => d === article)) members.push([article, 0]);
      items.push(members.map(([d, score]) => item(d, score, asked, hit.get(d), matchedStems)));
    }
    return { items };
  }

  function item(d, score, asked, hits, stems) {
    const doc = S.docs[d];
    const terms = {};
    let shown = 0;
    for (const word of words(doc.title + " " + doc.text)) {
      if (shown >= 8) break;
      if (!(word in terms) && stems.has(S.wordStem.get(word))) {
        terms[word] = true;
        shown++;
      }
    }
    asked.forEach((word, q) => {
      if (!hits || !hits.has(q)) terms[word] = false;
    });
    return {
      location: doc.location,
      title: mark(doc.title, stems),
      text: snippet(doc.text, stems),
      score,
      terms,
    };
  }

  addEventListener("message", (event) => {
    const message = event.data;
    if (message.type === SETUP) {
      setup(message.data);
      postMessage({ type: READY });
    } else if (message.type === QUERY) {
      let data;
      try {
        data = S ? search(message.data) : { items: [] };
      } catch (error) {
        console.warn(error);
        data = { items: [] };
      }
      postMessage({ type: RESULT, data });
    }
  });

  /* For the tests: the same analysis the build does, without messages. */
  self.pxSearch = { setup, search, words, stem: (word) => stem(word) };
})();
