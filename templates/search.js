/* yoyak search: reads the static index (search-index.<lang>.js) the build wrote; no service,
   no dependencies, ES2017. The rules mirror src/render/search/terms.rs: CJK runs match by
   syllable bigrams, other words by a small stemmer, numbers by value (432만 = 4.32 million). */
(function (root) {
  'use strict';
  var B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  var MAX_WORD = 40;
  var KO_SCALES = { '조': 12, '억': 8, '만': 4, '천': 3 };
  var EN_SCALES = { thousand: 3, million: 6, billion: 9, trillion: 12 };
  var UNITS = ['퍼센트', '개사', '달러', '개', '명', '원', '건', '곳', '배', '년', '%', 'percent', 'won', 'dollars', 'dollar'];
  /* Particles a reader may type after a word: the word is searched without them. */
  var PARTICLES = ['에서', '으로', '에게', '까지', '부터', '처럼', '보다', '이나', '를', '을', '이', '가', '은', '는', '의', '에', '로', '와', '과', '도'];

  function code(s, i) { return s.charCodeAt(i); }
  function isCjk(n) { return (n >= 0xAC00 && n <= 0xD7A3) || (n >= 0x4E00 && n <= 0x9FFF) || (n >= 0x3040 && n <= 0x30FF); }
  function isDigit(n) { return n >= 48 && n <= 57; }
  function isWordChar(n) {
    return isDigit(n) || (n >= 97 && n <= 122) || (n >= 65 && n <= 90) || (n >= 0xC0 && n <= 0x24F && n !== 0xD7 && n !== 0xF7);
  }
  function isVowel(c) { return 'aeiouy'.indexOf(c) >= 0; }
  function ends(w, s) { return w.length >= s.length && w.slice(w.length - s.length) === s; }

  /* The stemmer of terms.rs::stem, step for step. */
  function stem(w) {
    if (w.length <= 3) return w;
    if (ends(w, 'ies') && w.length > 4) w = w.slice(0, -3) + 'y';
    else if (ends(w, 'sses')) w = w.slice(0, -2);
    else if (ends(w, 's') && !ends(w, 'ss') && !ends(w, 'us') && !ends(w, 'is')) w = w.slice(0, -1);
    var verb = ends(w, 'ing') ? 3 : ends(w, 'ed') ? 2 : 0;
    var rest = w.length - verb;
    if (verb > 0 && rest >= 3 && /[aeiouy]/.test(w.slice(0, rest))) {
      w = w.slice(0, rest);
      var a = w[w.length - 1];
      if (a === w[w.length - 2] && !isVowel(a) && 'lsz'.indexOf(a) < 0) w = w.slice(0, -1);
    }
    if (ends(w, 'ly') && w.length >= 5) w = w.slice(0, -2);
    if (ends(w, 'e') && w.length > 4) w = w.slice(0, -1);
    return w;
  }

  function wordKey(w) {
    return w.length >= 2 && w.length <= MAX_WORD && /[^0-9]/.test(w) ? stem(w) : null;
  }

  /* A decimal as an integer mantissa m and d decimal places; null when not exact in a double. */
  function scaled(v, e) {
    if (!v) return null;
    if (e >= v.d) { var m = v.m * Math.pow(10, e - v.d); return Number.isSafeInteger(m) ? { m: m, d: 0 } : null; }
    return { m: v.m, d: v.d - e };
  }
  function add(a, b) {
    if (!a || !b) return null;
    var d = Math.max(a.d, b.d), m = a.m * Math.pow(10, d - a.d) + b.m * Math.pow(10, d - b.d);
    return Number.isSafeInteger(m) ? { m: m, d: d } : null;
  }
  /* '#' and the value in plain digits without trailing zeros: terms.rs::number_key. */
  function numberKey(v) {
    var s = String(v.m);
    if (v.d === 0) return '#' + s;
    while (s.length <= v.d) s = '0' + s;
    var frac = s.slice(s.length - v.d).replace(/0+$/, '');
    return '#' + s.slice(0, s.length - v.d) + (frac ? '.' + frac : '');
  }

  /* Digits (commas between groups allowed) and an optional fraction at s[i]. */
  function readDigits(s, i) {
    var j = i, digits = '', frac = '';
    while (j < s.length && (isDigit(code(s, j)) || (s[j] === ',' && digits && isDigit(code(s, j + 1))))) {
      if (s[j] !== ',') digits += s[j];
      j++;
    }
    if (s[j] === '.' && isDigit(code(s, j + 1))) {
      j++;
      while (j < s.length && isDigit(code(s, j))) frac += s[j++];
    }
    var m = Number(digits + frac);
    return Number.isSafeInteger(m) ? { v: { m: m, d: frac.length }, end: j } : { v: null, end: j };
  }

  /* One number phrase at s[i] (lowercase): 432만, 2조 5000억, 1만2000, 4.32 million, 47.3%. */
  function readNumber(s, i) {
    var first = readDigits(s, i), total = null, v = first.v, j = first.end, last = 99;
    for (;;) {
      var ko = KO_SCALES[s[j]];
      if (ko !== undefined && ko < last) {
        total = add(total || { m: 0, d: 0 }, scaled(v, ko));
        last = ko;
        j++;
        var k = j;
        while (s[k] === ' ') k++;
        if (!isDigit(code(s, k))) break;
        var next = readDigits(s, k);
        v = next.v;
        if (KO_SCALES[s[next.end]] === undefined) { total = add(total, v); j = next.end; v = null; break; }
        j = next.end;
        continue;
      }
      var word = /^\s*([a-z]+)/.exec(s.slice(j));
      if (word && EN_SCALES[word[1]] !== undefined && last === 99) {
        total = scaled(v, EN_SCALES[word[1]]);
        j += word[0].length;
      } else if (last === 99) {
        total = v;
      }
      break;
    }
    var rest = s.slice(j), unit = /^\s*/.exec(rest)[0];
    for (var u = 0; u < UNITS.length; u++) {
      var tail = rest.slice(unit.length);
      if (tail.indexOf(UNITS[u]) === 0 && !isWordChar(code(tail, UNITS[u].length) || 32)) { j += unit.length + UNITS[u].length; break; }
    }
    return { key: total ? numberKey(total) : null, end: j };
  }

  /* The numbers of a query: keys, and the query with them blanked out. */
  function scanNumbers(s) {
    var keys = [], spans = [], out = '', i = 0;
    while (i < s.length) {
      var before = i > 0 ? code(s, i - 1) : 32;
      if (isDigit(code(s, i)) && !isWordChar(before) && s[i - 1] !== '.') {
        var n = readNumber(s, i);
        if (n.key && !isWordChar(code(s, n.end) || 32)) {
          keys.push(n.key);
          spans.push(s.slice(i, n.end).trim());
          out += ' ';
          i = n.end;
          continue;
        }
      }
      out += s[i++];
    }
    return { keys: keys, spans: spans, rest: out };
  }

  /* A Korean word without the particle typed after it (오픈소스를 → 오픈소스), if it keeps two syllables. */
  function bare(run) {
    for (var i = 0; i < PARTICLES.length; i++) {
      var p = PARTICLES[i];
      if (ends(run, p) && run.length - p.length >= 2) return run.slice(0, run.length - p.length);
    }
    return run;
  }

  /* What a query asks for: keys every result holds (groups of alternatives) and the text to mark. */
  function parseQuery(q) {
    var lower = String(q || '').toLowerCase();
    var nums = scanNumbers(lower);
    var groups = nums.keys.map(function (k) { return [k]; });
    var needles = nums.spans.slice();
    var s = nums.rest + ' ', run = '', word = '';
    var open = !/\s$/.test(lower);
    for (var i = 0; i < s.length; i++) {
      var n = code(s, i);
      if (isCjk(n)) run += s[i];
      else if (run) {
        run = bare(run);
        needles.push(run);
        if (run.length === 1) groups.push([run]);
        for (var r = 0; r + 1 < run.length; r++) groups.push([run.substr(r, 2)]);
        run = '';
      }
      if (isWordChar(n)) word += s[i];
      else if (word) {
        var key = wordKey(word);
        if (key) {
          needles.push(word);
          groups.push(open && i === s.length - 1 ? [key, { prefix: word }] : [key]);
        }
        word = '';
      }
    }
    return { groups: groups, needles: needles };
  }

  /* Document numbers of postings p among n documents (postings.rs::decode). */
  function decode(p, n) {
    var out = [];
    if (p[0] === '~') {
      for (var i = 1; i < p.length; i++) {
        var v = B64.indexOf(p[i]);
        for (var b = 0; b < 6; b++) if (v & (1 << b)) { var id = (i - 1) * 6 + b; if (id < n) out.push(id); }
      }
      return out;
    }
    var prev = 0;
    p.split(',').forEach(function (g, k) { if (g) { prev = k === 0 ? parseInt(g, 36) : prev + parseInt(g, 36); out.push(prev); } });
    return out;
  }

  function postings(index, key) {
    var cache = index._cache || (index._cache = {});
    if (!cache[key]) cache[key] = index.keys[key] ? decode(index.keys[key], index.docs.length) : [];
    return cache[key];
  }

  /* Count, per document, the groups it holds an alternative of. */
  function countGroup(index, group, count) {
    var seen = new Uint8Array(count.length);
    function mark(d) { if (!seen[d]) { seen[d] = 1; count[d]++; } }
    group.forEach(function (alt) {
      if (typeof alt === 'string') { postings(index, alt).forEach(mark); return; }
      var all = index._keys || (index._keys = Object.keys(index.keys));
      for (var i = 0; i < all.length; i++) if (all[i].indexOf(alt.prefix) === 0) postings(index, all[i]).forEach(mark);
    });
  }

  /* Ranges [start, end) of every needle in text, case-insensitive, merged. */
  function marks(text, needles) {
    var lower = text.toLowerCase(), out = [];
    needles.forEach(function (n) {
      if (!n) return;
      for (var i = lower.indexOf(n); i >= 0; i = lower.indexOf(n, i + n.length)) out.push([i, i + n.length]);
    });
    out.sort(function (a, b) { return a[0] - b[0]; });
    return out.reduce(function (acc, r) {
      var last = acc[acc.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]); else acc.push(r.slice());
      return acc;
    }, []);
  }

  /* A window of text around the first mark (about 120 characters), with its marks. */
  function snippet(text, needles) {
    var all = marks(text, needles), start = 0;
    if (all.length) start = Math.max(0, all[0][0] - 30);
    var end = Math.min(text.length, start + 120);
    var shown = all.filter(function (r) { return r[0] >= start && r[1] <= end; })
      .map(function (r) { return [r[0] - start + (start ? 1 : 0), r[1] - start + (start ? 1 : 0)]; });
    return { text: (start ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : ''), marks: shown };
  }

  /* Briefings matching query q in index, best first (a match in the title, then in the
     stored text, then newest); at most limit of them, and how many there are. */
  function search(index, q, limit) {
    var p = parseQuery(q);
    if (!index || !p.groups.length) return { total: 0, results: [] };
    var n = index.docs.length, count = new Uint16Array(n), hits = [];
    p.groups.forEach(function (g) { countGroup(index, g, count); });
    // Lowercased once per page: ranking then costs one indexOf per needle and document.
    var lower = index._lower || (index._lower = index.docs.map(function (d) { return [d[2].toLowerCase(), d[5].toLowerCase()]; }));
    function has(text) { return p.needles.some(function (x) { return text.indexOf(x) >= 0; }); }
    for (var d = 0; d < n; d++) {
      if (count[d] === p.groups.length) hits.push({ d: d, score: (has(lower[d][0]) ? 2 : 0) + (has(lower[d][1]) ? 1 : 0) });
    }
    hits.sort(function (a, b) { return b.score - a.score || a.d - b.d; });
    return {
      total: hits.length,
      results: hits.slice(0, limit || 50).map(function (h) {
        var doc = index.docs[h.d], snip = snippet(doc[5], p.needles);
        return { id: doc[0], title: doc[2], titleMarks: marks(doc[2], p.needles), other: doc[3], date: doc[4], snippet: snip.text, snippetMarks: snip.marks };
      })
    };
  }

  /* text into parent as text nodes, the marked ranges in <mark>: never as HTML. */
  function appendMarked(doc, parent, text, ranges) {
    var at = 0;
    ranges.forEach(function (r) {
      if (r[0] > at) parent.appendChild(doc.createTextNode(text.slice(at, r[0])));
      var m = doc.createElement('mark');
      m.appendChild(doc.createTextNode(text.slice(r[0], r[1])));
      parent.appendChild(m);
      at = r[1];
    });
    if (at < text.length) parent.appendChild(doc.createTextNode(text.slice(at)));
  }

  function element(doc, name, cls) { var e = doc.createElement(name); if (cls) e.className = cls; return e; }

  /* Show result r (from search) in list and its count in status; words: {count, none}. */
  function render(doc, list, status, res, words, opts) {
    while (list.firstChild) list.removeChild(list.firstChild);
    status.textContent = res.total ? words.count.replace('{n}', String(res.total)) : (opts.query ? words.none : '');
    res.results.forEach(function (r) {
      var li = element(doc, 'li'), title = element(doc, 'p', 'title'), a = element(doc, 'a');
      a.setAttribute('href', opts.root + r.id + '/' + r.id + '.' + opts.lang + '.html');
      appendMarked(doc, a, r.title, r.titleMarks);
      title.appendChild(a);
      li.appendChild(title);
      if (r.other) {
        var o = element(doc, 'p', 'other');
        // The other titles are in the other language (with two languages, exactly one).
        if (opts.other && opts.other.length === 1) o.setAttribute('lang', opts.other[0]);
        o.appendChild(doc.createTextNode(r.other));
        li.appendChild(o);
      }
      var meta = element(doc, 'p', 'meta');
      meta.appendChild(doc.createTextNode(r.date));
      li.appendChild(meta);
      var s = element(doc, 'p', 'snippet');
      appendMarked(doc, s, r.snippet, r.snippetMarks);
      li.appendChild(s);
      list.appendChild(li);
    });
  }

  /* Wire the search box of the page: the index loads on first focus or when ?q= is given. */
  function init(doc, win) {
    var form = doc.querySelector('form.search');
    if (!form) return;
    var input = form.querySelector('input[name="q"]');
    var list = form.querySelector('.search-results'), status = form.querySelector('.search-count');
    var opts = { lang: form.getAttribute('data-lang'), root: form.getAttribute('data-root') || '',
      other: (form.getAttribute('data-other') || '').split(' ').filter(Boolean) };
    var words = { count: form.getAttribute('data-count') || '{n}', none: form.getAttribute('data-none') || '' };
    var waiting = null, timer = null;
    function load(then) {
      var idx = win.yoyakSearch;
      if (idx && idx.lang === opts.lang) { then(idx); return; }
      if (waiting) { waiting.push(then); return; }
      waiting = [then];
      var s = doc.createElement('script');
      s.src = opts.root + 'search-index.' + opts.lang + '.js';
      s.onload = function () { var w = waiting; waiting = null; w.forEach(function (f) { f(win.yoyakSearch); }); };
      doc.head.appendChild(s);
    }
    function run() {
      var q = input.value;
      opts.query = q.trim();
      if (!opts.query) { render(doc, list, status, { total: 0, results: [] }, words, opts); return; }
      load(function (idx) { if (input.value === q) render(doc, list, status, search(idx, q, 50), words, opts); });
    }
    input.addEventListener('focus', function () { load(function () {}); });
    input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(run, 60); });
    // Enter submits the form to the search page with ?q=: a link to share, served or from file://.
    var q = new URLSearchParams(win.location.search).get('q');
    if (q) { input.value = q; run(); }
  }

  root.yoyakSearchCore = { stem: stem, wordKey: wordKey, scanNumbers: scanNumbers, parseQuery: parseQuery, decode: decode, search: search, render: render };
  if (typeof document !== 'undefined') {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { init(document, root); });
    else init(document, root);
  }
})(typeof window !== 'undefined' ? window : this);
