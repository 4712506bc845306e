//! The static search index: per language edition, one script (`search-index.<lang>.js`) that
//! assigns the index to `window.yoyakSearch`, so the search box works from `file://` (where a
//! browser refuses `fetch`) as well as served, with no service and no CDN.
//!
//! Each briefing's edition is a [`SearchDoc`]: what a result shows (title, other titles, date,
//! a stored excerpt for the snippet) and the keys it matches ([`terms`]: syllable bigrams,
//! word stems, numbers by value). The index inverts the keys into postings ([`postings`]).

pub mod page;
pub mod postings;
mod script;
pub mod terms;

use super::{fact_value_text, printable};
use crate::content::refs::Resolver;
use crate::content::{Briefing, Config, Text};
use crate::markdown::{self, Block, Inline};
use script::{ScriptSafe, is_script_safe};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

/// Bump when the index layout changes: an index of another version is not reused.
pub const FORMAT: u32 = 1;

/// Bytes of text stored per edition for snippets (the rest is matched through keys only):
/// at 1,000 briefings full bodies would make the index several megabytes per language.
pub const STORED_BYTES: usize = 900;

/// How many characters of a content hash an index keeps to recognise an unchanged briefing.
const HASH_CHARS: usize = 16;

/// The file of the search index in `lang`, relative to the output folder.
pub fn index_file(lang: &str) -> String {
    format!("search-index.{lang}.js")
}

/// The search page in `lang`, relative to the output folder.
pub fn page_file(lang: &str) -> String {
    format!("search.{lang}.html")
}

/// The search script every listing page loads, relative to the output folder.
pub const SCRIPT_FILE: &str = "search.js";

/// One edition of one briefing as the search index holds it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchDoc {
    /// Briefing id (the result links to `<id>/<id>.<lang>.html`).
    pub id: String,
    /// The start of the briefing's content hash: a later build reuses this document while the
    /// briefing is unchanged.
    pub hash: String,
    /// Title in the edition's language.
    pub title: String,
    /// Titles in the other languages, joined by ` / `.
    pub other: String,
    /// Date written for the language.
    pub date_text: String,
    /// Key points, headings, lead and facts, cut at [`STORED_BYTES`]: the snippet's text.
    pub text: String,
    /// Every key the edition matches.
    pub keys: BTreeSet<String>,
}

/// The plain text of a trimmed, printable field in `lang`, if it has one.
fn field(t: &Text, lang: &str, b: &Briefing, config: &Config) -> Option<String> {
    t.get(lang).map(|s| printable(with_figures(s.trim(), lang, b, config).trim()).into_owned())
}

/// `text` with its fact references written out as readers see them (`$(id)` → `432만 개`), so
/// a figure given by reference is found by its words and its value.
fn with_figures(text: &str, lang: &str, b: &Briefing, config: &Config) -> String {
    Resolver::new(b, lang, &config.numbers).expand(text).text()
}

/// Append the plain text of Markdown blocks to `out`, a space between runs.
fn plain_blocks(blocks: &[Block], out: &mut String) {
    for b in blocks {
        match b {
            Block::P { c } | Block::H { c, .. } => plain_inlines(c, out),
            Block::List { items, .. } => items.iter().for_each(|i| plain_blocks(i, out)),
            Block::Quote { c } => plain_blocks(c, out),
            Block::Code { s } => out.push_str(s),
            Block::Table { head, rows, .. } => {
                for cell in head.iter().chain(rows.iter().flatten()) {
                    plain_inlines(cell, out);
                    out.push(' ');
                }
            }
            Block::Rule => {}
        }
        out.push(' ');
    }
}

/// Append the plain text of inline runs to `out`.
fn plain_inlines(xs: &[Inline], out: &mut String) {
    for x in xs {
        match x {
            Inline::Text { s } | Inline::Code { s } | Inline::Figure { s, .. } => out.push_str(s),
            Inline::Strong { c } | Inline::Emph { c } | Inline::Link { c, .. } => {
                plain_inlines(c, out)
            }
            Inline::Br => out.push(' '),
        }
    }
}

/// The plain text of a Markdown field in `lang`.
fn plain(t: &Text, lang: &str, b: &Briefing, config: &Config) -> String {
    let mut out = String::new();
    if let Some(md) = t.get(lang) {
        let md = with_figures(md, lang, b, config);
        plain_blocks(&markdown::to_blocks(&printable(&md)), &mut out);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `s` cut to at most `max` bytes at a character boundary.
fn cut(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The search document of `b`'s edition in `lang`; `hash` is its content hash. Keys come
/// from the title (every language), publisher, lead, key points, headings, bodies, fact
/// labels, values and notes; numbers are read with the grammar of the text's language.
pub fn document(b: &Briefing, hash: &str, lang: &str, config: &Config) -> SearchDoc {
    let dateline = crate::content::parse_date(&b.date);
    let mut keys = BTreeSet::new();
    let mut add = |text: &str, l: &str| {
        terms::text_keys(text, &mut keys);
        terms::number_keys(text, l, dateline, &mut keys);
    };
    let others: Vec<(String, String)> = config
        .languages
        .iter()
        .filter(|l| *l != lang)
        .filter_map(|l| Some((l.clone(), field(&b.title, l, b, config)?)))
        .collect();
    for (l, t) in &others {
        add(t, l);
    }
    let title = field(&b.title, lang, b, config).unwrap_or_default();
    let summary: Vec<String> = b.summary.iter().filter_map(|t| field(t, lang, b, config)).collect();
    let headings: Vec<String> =
        b.sections.iter().filter_map(|s| field(&s.heading, lang, b, config)).collect();
    let lead = b.lead.as_ref().map(|t| plain(t, lang, b, config)).unwrap_or_default();
    let mut facts = Vec::new();
    for f in &b.facts {
        let label = field(&f.label, lang, b, config).unwrap_or_default();
        facts.push(format!("{label} {}", fact_value_text(f, lang, config)));
        if let Some(q) = f.quantity(lang) {
            terms::quantity_keys(&q, &mut keys);
        }
    }
    let mut add = |text: &str| {
        terms::text_keys(text, &mut keys);
        terms::number_keys(text, lang, dateline, &mut keys);
    };
    let publisher = field(&b.source.publisher, lang, b, config).unwrap_or_default();
    for text in [&title, &publisher, &lead].into_iter().chain(&summary).chain(&headings) {
        add(text);
    }
    for f in &facts {
        add(f);
    }
    for s in &b.sections {
        add(&plain(&s.body, lang, b, config));
    }
    for note in b.facts.iter().filter_map(|f| f.note.as_ref()) {
        add(&plain(note, lang, b, config));
    }
    let stored = [summary.join(" · "), headings.join(" · "), lead, facts.join(" · ")];
    let stored = stored.iter().filter(|s| !s.is_empty()).cloned().collect::<Vec<_>>().join(" · ");
    SearchDoc {
        id: b.id.clone(),
        hash: hash.chars().take(HASH_CHARS).collect(),
        title,
        other: others.into_iter().map(|(_, t)| t).collect::<Vec<_>>().join(" / "),
        date_text: super::date_text(&b.date, lang, config),
        text: cut(&stored, STORED_BYTES).to_string(),
        keys,
    }
}

/// Whether `doc` still stands for a briefing whose content hash is `hash`.
pub fn is_current(doc: &SearchDoc, hash: &str) -> bool {
    !doc.hash.is_empty() && hash.starts_with(&doc.hash)
}

/// The index as the browser reads it.
#[derive(Debug, Deserialize)]
struct IndexData {
    /// [`FORMAT`].
    v: u32,
    /// The edition language.
    lang: String,
    /// What else the documents depend on (templates, config, yoyak): reused only when equal.
    env: String,
    /// Documents in result order (newest first): id, hash, title, other titles, date, text.
    docs: Vec<Box<RawValue>>,
    /// Key → postings ([`postings::encode`]).
    keys: BTreeMap<String, String>,
}

/// What the index script starts with; the JSON follows, then `;`.
const PREFIX: &str = "window.yoyakSearch=";

/// A document of a new index, with its number in the postings its keys are in: read back
/// from the index written before, or made by this build ([`Collected`]).
#[derive(Clone, Copy, Debug)]
pub enum Entry<'a> {
    /// Unchanged since the earlier index, where it was document `.1`.
    Kept(&'a SearchDoc, u32),
    /// Made by this build: document `.1` of [`Collected`].
    Made(&'a SearchDoc, u32),
}

/// Documents made by one build in one language, in the order they came, their keys inverted
/// into postings as they come (a thousand documents' key sets at once held tens of megabytes).
#[derive(Debug, Default)]
pub struct Collected {
    /// The documents, without their keys.
    docs: Vec<SearchDoc>,
    /// Their keys, by number in `docs`.
    postings: Postings,
    /// Id → number in `docs`.
    numbers: BTreeMap<String, u32>,
}

impl Collected {
    /// Add `doc` (a later document of the same id replaces it).
    pub fn add(&mut self, mut doc: SearchDoc) {
        let n = self.docs.len() as u32;
        for key in std::mem::take(&mut doc.keys) {
            self.postings.entry(key).or_default().push(n);
        }
        self.numbers.insert(doc.id.clone(), n);
        self.docs.push(doc);
    }

    /// The document made for briefing `id`, with its number, if there is one.
    pub fn get(&self, id: &str) -> Option<Entry<'_>> {
        let &n = self.numbers.get(id)?;
        Some(Entry::Made(&self.docs[n as usize], n))
    }

    /// Their keys, by number.
    pub fn postings(&self) -> &Postings {
        &self.postings
    }
}

/// The index script for `lang` over `entries` (in result order); `earlier` is the index the
/// kept entries come from, `made` the postings of the documents made now. Postings are
/// carried over as numbers (an edit rebuild touches no one else's keys); an edit that moved
/// no document patches them, and kept documents are copied as written. The data is JSON
/// written by serde_json, with `<`, U+2028 and U+2029 escaped so no text can end a script
/// element or a line of script.
pub fn index_script(
    lang: &str,
    env: &str,
    entries: &[Entry],
    earlier: &Written,
    made: &Postings,
) -> Vec<u8> {
    let decoded;
    let keys = match in_place(entries, earlier.docs.len()) {
        Some(made_at) => patched_keys(&earlier.keys, made, &made_at, entries.len()),
        None => {
            decoded = earlier.postings();
            renumbered_keys(entries, &decoded, made)
        }
    };
    let docs = entries
        .iter()
        .map(|e| match *e {
            Entry::Kept(d, j) => match earlier.raw.get(j as usize).and_then(Option::as_deref) {
                Some(raw) => DocOut::Raw(raw),
                None => DocOut::fields(d),
            },
            Entry::Made(d, _) => DocOut::fields(d),
        })
        .collect();
    let data = IndexOut { v: FORMAT, lang, env, docs, keys };
    let mut out = PREFIX.as_bytes().to_vec();
    let mut writer = serde_json::Serializer::with_formatter(&mut out, ScriptSafe);
    // Only strings go in: serialising them cannot fail.
    let _ = data.serialize(&mut writer);
    out.extend_from_slice(b";\n");
    out
}

/// When `entries` keep every document of an earlier index of `n` where it was (an edit that
/// moved nothing), and replace few: the place and made number of each made entry.
fn in_place(entries: &[Entry], n: usize) -> Option<Vec<(u32, u32)>> {
    let mut made_at = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        match *e {
            Entry::Kept(_, old) if old as usize == i => {}
            Entry::Kept(..) => return None,
            Entry::Made(_, m) => made_at.push((i as u32, m)),
        }
    }
    // Past a quarter replaced, renumbering every posting is as quick.
    (entries.len() == n && made_at.len() <= n / 4).then_some(made_at)
}

/// Postings by key for entries in place ([`in_place`]): every key of the earlier index or the
/// made documents, with its postings as [`patched`] leaves them.
fn patched_keys<'a>(
    earlier: &'a BTreeMap<String, String>,
    made: &'a Postings,
    made_at: &[(u32, u32)],
    n: usize,
) -> BTreeMap<&'a str, Cow<'a, str>> {
    let replaced: BTreeSet<u32> = made_at.iter().map(|&(at, _)| at).collect();
    let keys = earlier.keys().chain(made.keys().filter(|k| !earlier.contains_key(*k)));
    keys.filter_map(|key| {
        let holds = |m: u32| made.get(key).is_some_and(|ids| ids.binary_search(&m).is_ok());
        let changes: Vec<(u32, bool)> = made_at.iter().map(|&(at, m)| (at, holds(m))).collect();
        let s = earlier.get(key).map_or("", String::as_str);
        Some((key.as_str(), patched(s, &changes, &replaced, n)?))
    })
    .collect()
}

/// Postings `s` (empty for a key new to the index) among `n` documents, after the documents
/// at `replaced` became the made ones: `changes` says for each place whether its document
/// holds the key. A key the edit does not touch keeps its postings as written, a common one is
/// patched bit by bit, the rest are decoded, mended and encoded again; `None` for no document.
fn patched<'a>(
    s: &'a str,
    changes: &[(u32, bool)],
    replaced: &BTreeSet<u32>,
    n: usize,
) -> Option<Cow<'a, str>> {
    if let Some(bits) = postings::patch_bitset(s, changes, n) {
        return Some(Cow::Owned(bits));
    }
    let mut ids = postings::decode(s, n).unwrap_or_default();
    let before = ids.len();
    ids.retain(|id| !replaced.contains(id));
    if ids.len() == before && changes.iter().all(|&(_, holds)| !holds) {
        return (!ids.is_empty()).then_some(Cow::Borrowed(s));
    }
    ids.extend(changes.iter().filter(|c| c.1).map(|c| c.0));
    ids.sort_unstable();
    (!ids.is_empty()).then(|| Cow::Owned(postings::encode(&ids, n)))
}

/// Postings by key for `entries`, renumbered from `earlier` and `made`.
fn renumbered_keys<'a>(
    entries: &[Entry],
    earlier: &'a Postings,
    made: &'a Postings,
) -> BTreeMap<&'a str, Cow<'a, str>> {
    // Per source (earlier, made): old number → number in this index.
    let mut renumber: [Vec<Option<u32>>; 2] = [Vec::new(), Vec::new()];
    for (i, e) in entries.iter().enumerate() {
        let (from, old) = match *e {
            Entry::Kept(_, old) => (0, old as usize),
            Entry::Made(_, old) => (1, old as usize),
        };
        if renumber[from].len() <= old {
            renumber[from].resize(old + 1, None);
        }
        renumber[from][old] = Some(i as u32);
    }
    let mut by_key: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for (postings, renumber) in [earlier, made].into_iter().zip(&renumber) {
        for (key, ids) in postings {
            let now = ids.iter().filter_map(|&j| renumber.get(j as usize).copied().flatten());
            by_key.entry(key).or_default().extend(now);
        }
    }
    by_key
        .into_iter()
        .filter(|(_, ids)| !ids.is_empty())
        .map(|(k, mut ids)| {
            ids.sort_unstable();
            (k, Cow::Owned(postings::encode(&ids, entries.len())))
        })
        .collect()
}

/// A document as [`index_script`] writes it: copied as written, or from its fields.
#[derive(Serialize)]
#[serde(untagged)]
enum DocOut<'a> {
    Raw(&'a RawValue),
    Fields([&'a str; 6]),
}

impl<'a> DocOut<'a> {
    /// `d` written from its fields.
    fn fields(d: &'a SearchDoc) -> Self {
        DocOut::Fields(
            [&d.id, &d.hash, &d.title, &d.other, &d.date_text, &d.text].map(String::as_str),
        )
    }
}

/// The index as [`index_script`] writes it (the fields of [`IndexData`], borrowed).
#[derive(Serialize)]
struct IndexOut<'a> {
    v: u32,
    lang: &'a str,
    env: &'a str,
    docs: Vec<DocOut<'a>>,
    keys: BTreeMap<&'a str, Cow<'a, str>>,
}

/// Postings by key: the numbers of the documents that hold it.
pub type Postings = BTreeMap<String, Vec<u32>>;

/// An index script read back.
#[derive(Debug, Default)]
pub struct Written {
    /// What it was written for (see [`index_script`]'s `env`).
    pub env: String,
    /// Its documents in order, without keys; one that is copied as written (`raw`) has
    /// only its id and hash.
    pub docs: Vec<SearchDoc>,
    /// Each document as written, when it may be copied into the next index as it is (it holds
    /// nothing [`index_script`] escapes).
    raw: Vec<Option<Box<RawValue>>>,
    /// Its postings by key, as written (each checked with [`postings::is_valid`]).
    keys: BTreeMap<String, String>,
}

impl Written {
    /// Its postings, decoded.
    pub fn postings(&self) -> Postings {
        let n = self.docs.len();
        let decode = |s: &String| postings::decode(s, n).unwrap_or_default();
        self.keys.iter().map(|(k, s)| (k.clone(), decode(s))).collect()
    }

    /// The documents with every field and their keys rebuilt from the postings.
    pub fn docs_with_keys(self) -> Vec<SearchDoc> {
        let postings = self.postings();
        let mut docs = self.docs;
        for (d, json) in docs.iter_mut().zip(&self.raw) {
            if let Some(full) = json.as_deref().and_then(doc_fields) {
                *d = full;
            }
        }
        for (key, ids) in postings {
            for i in ids {
                docs[i as usize].keys.insert(key.clone());
            }
        }
        docs
    }
}

/// An index script this yoyak wrote in `lang`, read back; `None` for anything else (another
/// [`FORMAT`], a corrupt or foreign file: it is rebuilt, never trusted). A document that may
/// be copied as written keeps only its id and hash beside its JSON ([`Written::docs`]).
pub fn read_index(script: &str, lang: &str) -> Option<Written> {
    let json = script.strip_prefix(PREFIX)?.trim_end().strip_suffix(';')?;
    let data: IndexData = serde_json::from_str(json).ok()?;
    if data.v != FORMAT || data.lang != lang {
        return None;
    }
    let n = data.docs.len();
    let mut docs = Vec::with_capacity(n);
    let mut raw = Vec::with_capacity(n);
    for json in data.docs {
        let copyable = is_script_safe(json.get());
        docs.push(if copyable { doc_head(&json)? } else { doc_fields(&json)? });
        raw.push(copyable.then_some(json));
    }
    data.keys.values().all(|s| postings::is_valid(s, n)).then_some(())?;
    Some(Written { env: data.env, docs, raw, keys: data.keys })
}

/// A document of an index with every field, if it is one (six strings).
fn doc_fields(json: &RawValue) -> Option<SearchDoc> {
    let (id, hash, title, other, date_text, text) = serde_json::from_str(json.get()).ok()?;
    Some(SearchDoc { id, hash, title, other, date_text, text, keys: BTreeSet::new() })
}

/// A document of an index with its id and hash only, if it is one (six strings): the rest is
/// copied as written, so a thousand excerpts are checked but not kept twice.
fn doc_head(json: &RawValue) -> Option<SearchDoc> {
    let (id, hash, AnyStr, AnyStr, AnyStr, AnyStr) = serde_json::from_str(json.get()).ok()?;
    Some(SearchDoc { id, hash, ..SearchDoc::default() })
}

/// Any JSON string, read and dropped.
struct AnyStr;

impl<'de> Deserialize<'de> for AnyStr {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        /// Takes strings only, and keeps none.
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = AnyStr;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<AnyStr, E> {
                Ok(AnyStr)
            }
        }
        d.deserialize_str(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Document `i` of a made-up index, holding `keys`.
    fn doc(i: usize, keys: &[&str]) -> SearchDoc {
        SearchDoc {
            id: format!("b{i:03}"),
            hash: format!("{:016}", i * keys.len()),
            title: format!("제목 {i} <b>"),
            other: String::new(),
            date_text: String::new(),
            text: "text".into(),
            keys: keys.iter().map(|k| k.to_string()).collect(),
        }
    }

    /// The index of `docs` as a build that made every document writes it.
    fn whole(docs: &[SearchDoc]) -> String {
        let mut made = Collected::default();
        docs.iter().cloned().for_each(|d| made.add(d));
        let entries: Vec<Entry> = docs.iter().filter_map(|d| made.get(&d.id)).collect();
        let script = index_script("ko", "env", &entries, &Written::default(), made.postings());
        String::from_utf8(script).expect("serde_json writes UTF-8")
    }

    #[test]
    fn an_edit_in_place_writes_the_index_a_whole_build_writes() {
        // Among 120 documents: "common" and "half" are bitsets; "edge" (12 documents) is one
        // only until it loses a document; "rare" is a list.
        let keys = |i: usize| {
            let mut k = vec!["common"];
            k.extend(i.is_multiple_of(2).then_some("half"));
            k.extend((i < 12).then_some("edge"));
            k.extend(i.is_multiple_of(40).then_some("rare"));
            k
        };
        let mut docs: Vec<SearchDoc> = (0..120).map(|i| doc(i, &keys(i))).collect();
        let earlier = read_index(&whole(&docs), "ko").expect("it reads back");
        docs[7] = doc(7, &["half", "new", "rare"]);
        let mut made = Collected::default();
        made.add(docs[7].clone());
        let entries: Vec<Entry> = (0..120)
            .map(|i| match i {
                7 => made.get("b007").unwrap(),
                _ => Entry::Kept(&earlier.docs[i], i as u32),
            })
            .collect();
        assert!(in_place(&entries, 120).is_some());
        let edited = index_script("ko", "env", &entries, &earlier, made.postings());
        assert_eq!(edited, whole(&docs).into_bytes());
    }
}
