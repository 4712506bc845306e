// The search as a reader's browser runs it, without a browser: loads a built site's
// search.js and search-index.<lang>.js in a bare context (no DOM) and checks what a reader
// relies on. Usage: node tests/search/test.mjs BUILT_SITE [NUMBER_VECTORS.json]
//                   node tests/search/test.mjs BUILT_SITE --bench   (times 100 queries)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

const [site, extra] = process.argv.slice(2);
const here = path.dirname(new URL(import.meta.url).pathname);

/** search.js and the index of `lang`, as a page would have them: the window object. */
function page(lang) {
  const ctx = { window: {} };
  vm.createContext(ctx);
  vm.runInContext(fs.readFileSync(path.join(site, 'search.js'), 'utf8'), ctx);
  const index = fs.readFileSync(path.join(site, `search-index.${lang}.js`), 'utf8');
  assert.ok(!index.includes('<'), 'the index script holds no raw <');
  vm.runInContext(index, ctx);
  return ctx.window;
}

/** Ids of the briefings `q` finds in `w`'s index. */
function ids(w, q) {
  return [...w.yoyakSearchCore.search(w.yoyakSearch, q, 50).results].map((r) => r.id);
}

const ko = page('ko');
const en = page('en');
const core = ko.yoyakSearchCore;

if (extra === '--bench') {
  const queries = ['오픈소스', '432만', '4.32 million', 'open-source', '생태계 확산', 'model', '깃허브', '없는말', 'ai', '2024'];
  for (const [name, w] of [['ko', ko], ['en', en]]) {
    const t0 = process.hrtime.bigint();
    let found = 0;
    for (let i = 0; i < 100; i++) {
      // A fresh copy of the postings cache each time: every query decodes what it reads.
      delete w.yoyakSearch._cache;
      found += w.yoyakSearchCore.search(w.yoyakSearch, queries[i % queries.length], 50).total;
    }
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    console.log(`${name}: ${w.yoyakSearch.docs.length} docs, 100 queries in ${ms.toFixed(1)} ms (${(ms / 100).toFixed(2)} ms each, ${found} hits)`);
  }
  process.exit(0);
}

const seed = 'spri-open-source-ai';
// Korean: a word finds its forms with particles (오픈소스AI를, 오픈소스로).
assert.deepEqual(ids(ko, '오픈소스'), [seed]);
assert.deepEqual(ids(ko, '오픈소스로'), [seed]);
// A particle typed after the word is not required: 오픈소스는 finds 오픈소스AI를 too.
assert.deepEqual(ids(ko, '오픈소스는'), [seed]);
assert.deepEqual(ids(ko, '생태계 확산'), [seed]);
// The snippet marks the match.
const hit = core.search(ko.yoyakSearch, '오픈소스', 5).results[0];
assert.ok(hit.titleMarks.length > 0, 'the title match is marked');
const [s, e] = hit.snippetMarks[0];
assert.equal(hit.snippet.slice(s, e), '오픈소스');
// English: words with simple stemming, hyphen or not.
assert.deepEqual(ids(en, 'open-source'), [seed]);
assert.deepEqual(ids(en, 'open source models'), [seed]);
assert.deepEqual(ids(en, 'Sunflower'), ['hostile-title']);
// Numbers by value, in either language's form, on either page.
for (const w of [ko, en]) {
  for (const q of ['432만', '4.32 million', '432만 개', '4,320,000', '47.3%']) {
    assert.deepEqual(ids(w, q), [seed], `${q} on the ${w.yoyakSearch.lang} page`);
  }
}
// Words that are nowhere find nothing; so does a number nowhere.
for (const q of ['펭귄', 'zebrafish', '433만', '오픈소스 펭귄']) {
  assert.deepEqual(ids(ko, q), [], q);
  assert.deepEqual(ids(en, q), [], q);
}
// The last word is matched as a prefix while it is typed.
assert.deepEqual(ids(en, 'sunfl'), ['hostile-title']);
assert.deepEqual(ids(en, 'sunfl '), []);

// The stemmer and the number reader agree with the Rust side's vectors.
for (const line of fs.readFileSync(path.join(here, '../fixtures/search/stems.tsv'), 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const [word, stem] = line.split('\t');
  assert.equal(core.stem(word), stem, `stem(${word})`);
}
if (extra) {
  const vectors = JSON.parse(fs.readFileSync(extra, 'utf8'));
  assert.ok(vectors.length >= 10);
  for (const { text, key } of vectors) {
    assert.deepEqual([...core.scanNumbers(text.toLowerCase()).keys], [key], `number in ${text}`);
  }
}

// Hostile text in a title stays text: rendered into a stand-in document that has no
// innerHTML at all, the title is a text node and no element but the page's own is made.
const made = [];
const fake = {
  createElement(name) {
    const el = { name, children: [], attrs: {}, className: '', textContent: '',
      appendChild(c) { this.children.push(c); return c; },
      removeChild(c) { this.children.splice(this.children.indexOf(c), 1); },
      setAttribute(k, v) { this.attrs[k] = v; },
      get firstChild() { return this.children[0]; } };
    Object.defineProperty(el, 'innerHTML', { set() { throw new Error('innerHTML used'); } });
    made.push(name);
    return el;
  },
  createTextNode(text) { return { text }; },
};
const list = fake.createElement('ol');
const status = fake.createElement('p');
made.length = 0;
const res = core.search(ko.yoyakSearch, '해바라기', 5);
core.render(fake, list, status, res, { count: '{n}건', none: '없음' }, { root: '', lang: 'ko', query: '해바라기' });
assert.equal(status.textContent, '1건');
assert.deepEqual([...new Set(made)].sort(), ['a', 'li', 'mark', 'p']);
/** Every text node under `n`. */
const texts = (n) => (n.text !== undefined ? [n.text] : n.children.flatMap(texts));
const title = texts(list.children[0].children[0]).join('');
assert.ok(title.startsWith('<img src=x onerror=alert(1)> 악성 제목 </script> 해바라기'), title);
assert.equal(list.children[0].children[0].children[0].attrs.href, 'hostile-title/hostile-title.ko.html');
console.log('search: all checks passed');
