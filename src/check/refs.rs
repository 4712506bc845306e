//! Figure references (Y0901–Y0903) and literal figures that should be references (Y0904),
//! and the fixer that rewrites those literal figures (`yoyak check --fix`).
//!
//! A literal figure is a mention of a fact when the number engine reads it as the same value
//! (`432만 개` for 4,320,000 개; `225만 개를 넘어섰다` for "over 2,250,000"). Facts of equal
//! value (three facts of 67%) are told apart by the words just before the figure and the
//! fact's label (`대기업(67%)` → "대기업의 오픈소스AI 활용률"); a figure still ambiguous is
//! reported with every candidate and left as it is by the fixer.

use super::figures::{dateline, meanings};
use super::{FileCx, Finding};
use crate::content::refs::{RefError, Resolver};
use crate::content::{Briefing, Config, Fact, Loaded};
use crate::diagnostic::Severity;
use crate::numbers::refs::{self, Part};
use crate::numbers::{self, Agreement, Approx, Found, Quantity};
use std::ops::Range;

/// Y0901–Y0903: every reference that gives no figure, in every text and language.
pub fn check(cx: &mut FileCx, b: &Briefing) {
    for (path, text, _) in b.texts() {
        for (lang, value) in &text.0 {
            if !refs::has_refs(value) {
                continue;
            }
            let field = format!("{path}.{lang}");
            if path.ends_with(".noun") || path.ends_with(".display") {
                let at = value.find("$(").unwrap_or(0);
                let f = Finding::new(
                    "Y0901",
                    Severity::Error,
                    at..value.len(),
                    "a fact's noun or display cannot hold a figure reference".into(),
                    "write the text itself here; references belong in running text".into(),
                );
                cx.span(&field, value, f);
                continue;
            }
            let x = Resolver::new(b, lang, &cx.config.numbers).expand(value);
            for (span, e) in x.errors() {
                let code = match e {
                    RefError::Syntax(_) => "Y0901",
                    RefError::Unknown { .. } => "Y0902",
                    RefError::NoQuantity(_) | RefError::Derive { .. } => "Y0903",
                };
                let f = Finding::new(code, Severity::Error, span.clone(), e.message(), e.fix());
                cx.span(&field, value, f);
            }
        }
    }
}

/// A literal figure in a text that states a fact of the briefing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// The field path with its language (`summary[0].ko`).
    pub field: String,
    /// The byte span of the figure in the field's text (what the reference replaces).
    pub span: Range<usize>,
    /// The figure as written.
    pub literal: String,
    /// The facts it may state: one, or several when the words around it do not decide.
    pub facts: Vec<String>,
    /// The reference to write instead, when exactly one fact is meant.
    pub reference: Option<String>,
}

/// Whether a field holds running text in which figures should be references.
fn running_text(path: &str) -> bool {
    ["title", "lead", "summary[", "sections[", "charts["].iter().any(|p| path.starts_with(p))
        || path.ends_with(".note")
}

/// Every literal mention of a fact in the running text of `b`, in every language.
pub fn mentions(b: &Briefing, config: &Config) -> Vec<Mention> {
    let dl = dateline(b);
    let mut out = Vec::new();
    for (path, text, _) in b.texts() {
        if !running_text(&path) {
            continue;
        }
        for (lang, value) in &text.0 {
            if !matches!(lang.split(['-', '_']).next(), Some("ko" | "en")) {
                continue; // digits-only readings see neither 만 nor 이상
            }
            out.extend(in_text(b, config, &format!("{path}.{lang}"), lang, value, dl));
        }
    }
    out
}

/// The mentions of facts in one text.
fn in_text(
    b: &Briefing,
    config: &Config,
    field: &str,
    lang: &str,
    value: &str,
    dl: Option<(i32, u8, u8)>,
) -> Vec<Mention> {
    let masked = mask_refs(value);
    let found = numbers::find_with_dateline(&masked, lang, dl);
    let meant = meanings(&masked, &found, lang);
    let facts: Vec<(&Fact, Quantity)> =
        b.facts.iter().filter_map(|f| Some((f, f.quantity(lang)?))).collect();
    let resolver = Resolver::new(b, lang, &config.numbers);
    let mut out = Vec::new();
    let mut prev_end = 0;
    for (f, m) in found.iter().zip(&meant) {
        // The words that tell facts of equal value apart are those since the previous figure.
        let context = &masked[prev_end.min(f.span.start)..f.span.start];
        prev_end = f.span.end;
        let same: Vec<&Fact> = facts
            .iter()
            .filter(|(_, q)| numbers::compare(m, q) == Agreement::Same)
            .map(|(fact, _)| *fact)
            .collect();
        let picked = match same.as_slice() {
            [] => continue,
            [one] => vec![*one],
            many => by_context(context, lang, many),
        };
        let (span, reference) = match picked.as_slice() {
            [one] => {
                let (span, r) = reference(&resolver, one, f, m, lang);
                (span, Some(r))
            }
            _ => (f.span.clone(), None),
        };
        let facts = if picked.len() == 1 { picked } else { same };
        out.push(Mention {
            field: field.to_string(),
            literal: value[span.clone()].to_string(),
            span,
            facts: facts.iter().map(|f| f.id.clone()).collect(),
            reference,
        });
    }
    out
}

/// `value` with every reference blanked out (same length), so the figures found are literal.
fn mask_refs(value: &str) -> String {
    if !refs::has_refs(value) {
        return value.to_string();
    }
    let mut out = String::with_capacity(value.len());
    for seg in refs::scan(value) {
        match seg.part {
            Part::Text => out.push_str(&value[seg.span]),
            _ => out.extend(std::iter::repeat_n(' ', seg.span.len())),
        }
    }
    out
}

/// Of several facts of the same value, the one whose label shares the most words with the
/// text just before the figure; all of them when no single one wins.
fn by_context<'f>(before: &str, lang: &str, facts: &[&'f Fact]) -> Vec<&'f Fact> {
    let window: String = {
        let chars: Vec<char> = before.chars().collect();
        chars[chars.len().saturating_sub(40)..].iter().collect::<String>().to_lowercase()
    };
    let score = |f: &Fact| {
        let label = f.label.get(lang).unwrap_or_default().to_lowercase();
        label_words(&label).filter(|w| starts_a_word(&window, w)).count()
    };
    let scores: Vec<usize> = facts.iter().map(|f| score(f)).collect();
    let best = scores.iter().copied().max().unwrap_or(0);
    let winners: Vec<&Fact> =
        facts.iter().zip(&scores).filter(|(_, s)| **s == best).map(|(f, _)| *f).collect();
    if best > 0 && winners.len() == 1 { winners } else { facts.to_vec() }
}

/// Whether `word` occurs in `text` at the start of a word (`large` in `large companies`, not
/// `at` in `innovation`; Korean particles follow a word, so a prefix is enough).
fn starts_a_word(text: &str, word: &str) -> bool {
    text.match_indices(word)
        .any(|(i, _)| text[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
}

/// The words of a label worth matching (two Hangul syllables, or three Latin letters, or
/// more); a Korean word also without its last syllable (a particle: `대기업의` → `대기업`).
fn label_words(label: &str) -> impl Iterator<Item = String> + '_ {
    let long_enough = |w: &&str| {
        let hangul = w.chars().any(crate::text::is_hangul);
        w.chars().count() >= if hangul { 2 } else { 3 }
    };
    label.split(|c: char| !c.is_alphanumeric()).filter(long_enough).map(|w| {
        let hangul_end = w.chars().next_back().is_some_and(crate::text::is_hangul);
        if hangul_end && w.chars().count() >= 3 {
            w.chars().take(w.chars().count() - 1).collect()
        } else {
            w.to_string()
        }
    })
}

/// The span to replace and the reference that writes the figure `f` (meaning `m`) of `fact`:
/// the form whose text is the literal when one is, else the form that keeps what the
/// literal states (its noun, its qualifier word). A noun the fact does not have stays text.
fn reference(
    resolver: &Resolver,
    fact: &Fact,
    f: &Found,
    m: &Quantity,
    lang: &str,
) -> (Range<usize>, String) {
    let fact_noun = fact.noun.as_ref().and_then(|n| n.get(lang));
    let mut span = f.span.clone();
    let mut noun = f.quantity.noun.is_some();
    if let Some(n) = f.quantity.noun.as_deref().filter(|n| Some(*n) != fact_noun) {
        // Keep the text's own noun: the reference covers the number only.
        if let Some(rest) = f.source.strip_suffix(n) {
            span.end = span.start + rest.trim_end().len();
        }
        noun = false;
    }
    let fact_exact = fact.approx.is_none_or(|a| a == Approx::Exact);
    let approx =
        fact_exact || (f.quantity.approx != Approx::Exact && m.approx == f.quantity.approx);
    let literal = &f.source[..span.len()];
    // The simplest form that writes the literal wins (`$(id)` for `78%`).
    let forms = [(true, true), (true, false), (false, true), (false, false)];
    let write = |(noun, approx): (bool, bool)| {
        let mut r = format!("$({}", fact.id);
        if !noun {
            r.push_str(" bare");
        }
        if !approx {
            r.push_str(" plain");
        }
        r.push(')');
        r
    };
    let exact = forms.iter().copied().find(|form| {
        let r = write(*form);
        let expr = refs::parse(&r[2..r.len() - 1]).ok();
        // A figure that opens a sentence is capitalised when written.
        let written = expr.and_then(|e| resolver.resolve(&e).ok());
        written.is_some_and(|fig| fig.text == literal || refs::capitalised(&fig.text) == literal)
    });
    (span, write(exact.unwrap_or((noun, approx))))
}

/// Y0904: each literal mention of a fact, as a hint naming the reference to write.
pub fn hint(cx: &mut FileCx, b: &Briefing) {
    let texts = texts_by_field(b);
    for m in mentions(b, cx.config) {
        let (message, fix) = match &m.reference {
            Some(r) => (
                format!("`{}` is the fact `{}`: write it as a reference", m.literal, m.facts[0]),
                format!("write `{r}` (or run `yoyak check --fix`)"),
            ),
            None => (
                format!("`{}` states one of the facts {}", m.literal, m.facts.join(", ")),
                format!("write `$(id)` with the id of the fact meant: {}", m.facts.join(", ")),
            ),
        };
        let Some(value) = texts.get(m.field.as_str()) else { continue };
        let f = Finding::new("Y0904", Severity::Hint, m.span.clone(), message, fix);
        cx.span(&m.field, value, f);
    }
}

/// Every text of `b` by its field path with its language (`summary[0].ko`).
fn texts_by_field(b: &Briefing) -> std::collections::HashMap<String, &str> {
    let mut out = std::collections::HashMap::new();
    for (path, text, _) in b.texts() {
        for (lang, value) in &text.0 {
            out.insert(format!("{path}.{lang}"), value.as_str());
        }
    }
    out
}

/// A byte edit of a file: replace `range` with `text`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// Bytes of the source to replace.
    pub range: Range<usize>,
    /// What to write there.
    pub text: String,
}

/// The source of `loaded` with every mention that names one fact rewritten as a reference,
/// and how many could not be rewritten (ambiguous, or in a text not stored verbatim: a
/// folded block, a string with escapes). `None` when nothing changes.
pub fn fix(loaded: &Loaded, config: &Config) -> (Option<String>, usize) {
    let Some(b) = &loaded.briefing else { return (None, 0) };
    let source = &loaded.source;
    let lines: Vec<&str> = source.split('\n').collect();
    let mut line_starts = Vec::with_capacity(lines.len());
    let mut at = 0;
    for l in &lines {
        line_starts.push(at);
        at += l.len() + 1;
    }
    let mut edits = Vec::new();
    let mut skipped = 0;
    let texts = texts_by_field(b);
    // One map per field, built at its first mention: a field with thousands of figures is
    // mapped once, not once per figure.
    let mut maps: std::collections::HashMap<String, Option<super::FieldMap>> = Default::default();
    for m in mentions(b, config) {
        let edit = m.reference.as_ref().and_then(|r| {
            let value = *texts.get(m.field.as_str())?;
            let map = maps.entry(m.field.clone()).or_insert_with(|| {
                let (start, _) = loaded.positions.value(&m.field)?;
                super::FieldMap::new(&lines, start, value)
            });
            let map = map.as_ref()?;
            let p = map.position(value, m.span.clone())?;
            let line = lines.get(p.line - 1)?;
            let col = line.char_indices().nth(p.column - 1).map(|(i, _)| i)?;
            let range = line_starts[p.line - 1] + col..line_starts[p.line - 1] + col + m.span.len();
            (source.get(range.clone())? == m.literal).then(|| Edit { range, text: r.clone() })
        });
        match edit {
            Some(e) => edits.push(e),
            None => skipped += 1,
        }
    }
    if edits.is_empty() {
        return (None, skipped);
    }
    (Some(apply(source, edits)), skipped)
}

/// `source` with non-overlapping `edits` applied.
pub fn apply(source: &str, mut edits: Vec<Edit>) -> String {
    edits.sort_by_key(|e| e.range.start);
    let mut out = String::with_capacity(source.len() + edits.len() * 16);
    let mut at = 0;
    for e in edits {
        if e.range.start < at {
            continue; // overlaps the previous edit
        }
        out.push_str(&source[at..e.range.start]);
        out.push_str(&e.text);
        at = e.range.end;
    }
    out.push_str(&source[at..]);
    out
}
