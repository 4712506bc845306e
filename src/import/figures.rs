//! Every figure of the article as a draft fact: the number engine reads each figure; this
//! module adds what the sentence around it says (its date from `dating`, a label from
//! `label`, an approximation carried by the verb, the sentence as a note) and merges
//! restatements.

use super::dating::{Time, as_of, times};
use super::label::{propose_label, strip_particle};
use super::lines::Ymd;
use super::sentences::sentences;
use super::table::CellFigure;
use super::value::{ContentValue, content_value};
use crate::content::FactValue;
use crate::numbers::{self, Amount, Approx, Found, Quantity, Style, Unit};
use crate::text::is_hangul_syllable;
use std::ops::Range;

/// One piece of article text the figures are read from.
pub(crate) struct Element<'a> {
    /// The text.
    pub text: &'a str,
    /// A title or sub-heading: its figures restate the body's.
    pub heading: bool,
    /// A table cell: its label and note come from the table's headers, not the words around.
    pub cell: Option<&'a CellFigure>,
}

/// A figure proposed as a fact.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftFact {
    /// `[a-z0-9-]+`, unique in the draft (`percent-3`).
    pub id: String,
    /// A short label proposed from the words around the figure (Korean).
    pub label: String,
    /// The figure as the engine found it: `source` is the text as written, `quantity` what it
    /// means. `quantity.approx` may be raised from exact by the verb after the figure
    /// (`225만 개를 넘어섰다` → over).
    pub found: Found,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, from a time expression in the same sentence.
    pub as_of: Option<String>,
    /// The sentence the figure comes from (plain text), kept as the fact's note; a long
    /// sentence is cut to a window around the figure (see [`MAX_NOTE`]).
    pub note: String,
    /// The content-format unit (`count`, `percent`, `KRW`, …). A ratio `28개 중 25개` becomes
    /// `count` with the part as its value: the content format has no ratio value.
    pub unit: String,
    /// The content-format value.
    pub value: FactValue,
}

/// Where an occurrence is in the document: which element, and where in its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Place {
    /// The element's index.
    element: usize,
    /// The figure's byte offset in the element's text.
    offset: usize,
}

/// An occurrence before merging, with its place in the document.
struct Occurrence {
    at: Place,
    heading: bool,
    fact: DraftFact,
}

/// The longest note, in characters (plus the `…` marking a cut). Each figure's note used to be
/// its whole sentence: 3,000 figures in one sentence gave a 69 MB draft.
pub const MAX_NOTE: usize = 200;

/// Characters of the sentence kept before the figure when a note is cut.
const NOTE_BEFORE: usize = 80;

pub(crate) use super::lines::TODO_LABEL;

/// The draft facts of the elements, in document order.
pub(crate) fn facts(elements: &[Element], dateline: Option<Ymd>, style: &Style) -> Vec<DraftFact> {
    let mut occurrences = Vec::new();
    for (i, el) in elements.iter().enumerate() {
        occurrences.extend(element_occurrences(i, el, dateline, style));
    }
    merge(occurrences)
}

/// The last fact labelled in the element, which a following figure may share its label with.
struct PreviousLabel {
    /// The sentence it is in.
    sentence: Range<usize>,
    /// Its unit.
    unit: Unit,
    /// Its label.
    label: String,
}

/// The facts of one element (`index` in the document), before merging.
fn element_occurrences(
    index: usize,
    el: &Element,
    dateline: Option<Ymd>,
    style: &Style,
) -> Vec<Occurrence> {
    let found =
        join_hours_and_minutes(el.text, numbers::find_with_dateline(el.text, "ko", dateline));
    let times = times(el.text, &found);
    let sentences = trimmed_sentences(el.text);
    let mut occurrences = Vec::new();
    let mut previous: Option<PreviousLabel> = None;
    for (at, f) in found.iter().enumerate() {
        let Some(content) = content_value(&f.quantity) else { continue };
        let sentence = sentence_of(&sentences, &f.span, el.text.len());
        if is_frequency(el.text, f) && share_follows(&found[at + 1..], &sentence) {
            continue;
        }
        let label = match el.cell {
            Some(cell) => cell.label.clone(),
            None => propose_label(el.text, &sentence, &found, at)
                .or_else(|| label_of_previous(previous.as_ref(), &sentence, f))
                .or_else(|| topic(&el.text[sentence.clone()]))
                .unwrap_or_else(|| TODO_LABEL.to_string()),
        };
        previous = Some(PreviousLabel {
            sentence: sentence.clone(),
            unit: f.quantity.unit.clone(),
            label: label.clone(),
        });
        let label = with_ratio_whole(label, f, style);
        let mut fact = draft_fact(el.text, &sentence, f, &times, label, content);
        if let Some(cell) = el.cell {
            fact.note = cell.note.clone();
            fact.as_of = fact.as_of.or_else(|| cell.year.clone());
        }
        occurrences.push(Occurrence {
            at: Place { element: index, offset: f.span.start },
            heading: el.heading,
            fact,
        });
    }
    occurrences
}

/// `16시간 30분`: one length of time, counted in minutes (990분), not two figures.
fn join_hours_and_minutes(text: &str, found: Vec<Found>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        if let Some(prev) = out.last_mut()
            && let Some(joined) = hours_and_minutes(text, prev, &f)
        {
            *prev = joined;
            continue;
        }
        out.push(f);
    }
    out
}

/// `N시간` right before `M분` (one space or none) as one count of minutes.
fn hours_and_minutes(text: &str, hours: &Found, minutes: &Found) -> Option<Found> {
    let (h, m) = (&hours.quantity, &minutes.quantity);
    let counts =
        |q: &Quantity, noun: &str| q.unit == Unit::Count && q.noun.as_deref() == Some(noun);
    let between = text.get(hours.span.end..minutes.span.start)?;
    if !counts(h, "시간")
        || !counts(m, "분")
        || !matches!(between, "" | " ")
        || h.approx != m.approx
    {
        return None;
    }
    let (Amount::Exact(hv), Amount::Exact(mv)) = (&h.amount, &m.amount) else { return None };
    let total = hv.checked_mul(numbers::Decimal::from(60))?.checked_add(*mv)?;
    let span = hours.span.start..minutes.span.end;
    let quantity = Quantity {
        amount: Amount::Exact(total),
        unit: Unit::Count,
        approx: h.approx,
        noun: Some("분".into()),
    };
    Some(Found { source: text[span.clone()].to_string(), span, quantity })
}

/// Whether the next figure, in the same sentence, is a share (`… 이용하는 비율은 93.9%`).
fn share_follows(rest: &[Found], sentence: &Range<usize>) -> bool {
    rest.first().is_some_and(|g| g.quantity.unit == Unit::Percent && g.span.end <= sentence.end)
}

/// `하루 1회 이상`, `주 3회`: how often. Before a share in its sentence (`하루 1회 이상
/// 이용하는 비율은 93.9%`) it qualifies that share and is no figure of its own; alone (`교육은
/// 연 1～2회에 그쳤다`) it is the figure.
fn is_frequency(text: &str, f: &Found) -> bool {
    const PERIODS: &[&str] =
        &["하루", "매일", "주", "매주", "월", "매월", "연", "매년", "일주일에", "한 달에"];
    f.quantity.noun.as_deref() == Some("회")
        && PERIODS.iter().any(|p| text[..f.span.start].trim_end().ends_with(p))
}

/// The sentences of a text, their ends trimmed. Trimmed once here: per figure, trimming a
/// long sentence's end would cost its length.
fn trimmed_sentences(text: &str) -> Vec<Range<usize>> {
    sentences(text).into_iter().map(|r| r.start..r.start + text[r].trim_end().len()).collect()
}

/// The sentence a figure is in, else the whole element (`0..len`).
fn sentence_of(sentences: &[Range<usize>], figure: &Range<usize>, len: usize) -> Range<usize> {
    // Sentences are in order: the first that does not end before the figure.
    sentences
        .get(sentences.partition_point(|s| s.end <= figure.start))
        .filter(|s| s.contains(&figure.start))
        .cloned()
        .unwrap_or(0..len)
}

/// `(인터넷이용률) 전년 대비 1.2%p 상승한 91.5%로 …`: the topic a press release writes in
/// parentheses at the start of a sentence.
fn topic(text: &str) -> Option<String> {
    let inner = text.trim_start().strip_prefix(['(', '（'])?;
    let close = inner.find([')', '）'])?;
    let topic = inner[..close].trim();
    let n = topic.chars().count();
    ((2..=20).contains(&n) && !topic.contains(|c: char| c.is_ascii_digit() || c == '='))
        .then(|| topic.to_string())
}

/// The label of the figure before in the same sentence, when this one measures what it does.
fn label_of_previous(
    previous: Option<&PreviousLabel>,
    sentence: &Range<usize>,
    f: &Found,
) -> Option<String> {
    // `지난해(3천512개사)보다 14.1% 늘었다`: the figure measures what the one
    // before it in the sentence does.
    // `지난해(19만 명)`, `14.1% 늘었다`: a figure in the same unit, or a change.
    let relative = matches!(f.quantity.unit, Unit::Percent | Unit::PercentagePoints | Unit::Times);
    previous
        .filter(|p| p.sentence == *sentence && (relative || p.unit == f.quantity.unit))
        .map(|p| p.label.clone())
}

/// A ratio's label names its whole (`… 28개 중`): the fact's value is only the part.
fn with_ratio_whole(label: String, f: &Found, style: &Style) -> String {
    let Amount::Ratio { whole, .. } = &f.quantity.amount else { return label };
    let whole = Quantity {
        amount: Amount::Exact(*whole),
        unit: Unit::Count,
        approx: Approx::Exact,
        noun: f.quantity.noun.clone(),
    };
    let whole = numbers::format(&whole, "ko", style);
    if label == TODO_LABEL { format!("{whole} 중") } else { format!("{label} {whole} 중") }
}

/// The draft fact of a figure in `sentence` of `text` (its id is given when merging).
fn draft_fact(
    text: &str,
    sentence: &Range<usize>,
    f: &Found,
    times: &[Time],
    label: String,
    content: ContentValue,
) -> DraftFact {
    let mut found = f.clone();
    found.quantity.approx = verb_approx(text, f);
    DraftFact {
        id: String::new(),
        label,
        as_of: as_of(text, sentence, f, times),
        note: note(text, sentence, &f.span),
        unit: content.unit,
        value: content.value,
        found,
    }
}

/// The note of a figure: its sentence, or when that is longer than [`MAX_NOTE`] characters a
/// window of it around the figure (up to [`NOTE_BEFORE`] characters before it), cut at
/// characters and marked with `…`. Work and size are bounded by the window, not the sentence.
fn note(text: &str, sentence: &Range<usize>, figure: &Range<usize>) -> String {
    let whole = text[sentence.clone()].trim();
    if whole.chars().nth(MAX_NOTE).is_none() {
        return whole.to_string();
    }
    let at = figure.start.clamp(sentence.start, sentence.end);
    let before = &text[sentence.start..at];
    let start = match before.char_indices().rev().nth(NOTE_BEFORE - 1) {
        Some((i, _)) => sentence.start + i,
        None => sentence.start,
    };
    let rest = &text[start..sentence.end];
    let end = rest.char_indices().nth(MAX_NOTE).map_or(sentence.end, |(i, _)| start + i);
    let window = text[start..end].trim();
    let mut out = String::with_capacity(window.len() + 6);
    // The caller trimmed the sentence, so anything outside the window is text.
    if start > sentence.start {
        out.push('…');
    }
    out.push_str(window);
    if end < sentence.end {
        out.push('…');
    }
    out
}

/// The engine's approximation, raised to over or under when the verb right after an exact
/// figure says so (`225만 개를 넘어섰다`). The engine deliberately reads no verbs.
fn verb_approx(text: &str, f: &Found) -> Approx {
    let q = &f.quantity;
    if q.approx != Approx::Exact || q.unit == Unit::Ratio {
        return q.approx;
    }
    let rest = &text[f.span.end..];
    let glued: usize =
        rest.chars().take_while(|c| is_hangul_syllable(*c)).take(3).map(char::len_utf8).sum();
    let rest = rest[glued..].trim_start();
    const OVER: &[&str] = &[
        "넘어섰",
        "넘었",
        "넘어",
        "넘겼",
        "넘긴",
        "넘는",
        "넘을",
        "돌파",
        "웃돌",
        "웃도",
        "상회",
        "초과",
    ];
    const UNDER: &[&str] = &["밑돌", "밑도", "하회", "못 미", "미치지 못", "미달"];
    if OVER.iter().any(|w| rest.starts_with(w)) {
        Approx::Over
    } else if UNDER.iter().any(|w| rest.starts_with(w)) {
        Approx::Under
    } else {
        Approx::Exact
    }
}

/// One fact per meaning: a title or sub-heading restating a body figure (same value, unit and
/// noun) adds nothing, and neither does the body stating it again with a label that agrees
/// (equal, one containing the other, or none proposed) and no other date. The same figure
/// with labels that disagree is another fact (the seed's three `67%`). Ids come from the unit.
fn merge(occurrences: Vec<Occurrence>) -> Vec<DraftFact> {
    let mut kept = distinct(&occurrences);
    kept.sort_by_key(|k| k.at);
    number_ids(kept)
}

/// Whether two facts state the same figure (value, unit and noun).
fn same_figure(a: &DraftFact, b: &DraftFact) -> bool {
    let (p, q) = (&a.found.quantity, &b.found.quantity);
    p.amount == q.amount && p.unit == q.unit && p.noun == q.noun
}

/// Whether a heading's figure is a body figure rounded (`무역수지 13억 달러 흑자` over
/// `13억4800만 달러`): same unit and noun, and the engine finds only precision lost.
fn rounds(body: &DraftFact, heading: &DraftFact) -> bool {
    let (b, h) = (&body.found.quantity, &heading.found.quantity);
    b.unit == h.unit
        && b.noun == h.noun
        && numbers::compare(h, b) == numbers::Agreement::PrecisionLost
}

/// Whether two labels can name the same thing: equal, one inside the other, or sharing a word
/// (`우리 국민`, `국민 인터넷 이용률`). A placeholder agrees only with a placeholder: a figure
/// nothing could be labelled (a table cell) is not folded into whatever shares its value.
fn labels_agree(a: &str, b: &str) -> bool {
    let stems = |l: &str| -> Vec<String> {
        l.split(' ')
            .map(|w| strip_particle(w).stem.to_string())
            .filter(|w| w.chars().count() >= 2)
            .collect()
    };
    let (sa, sb) = (stems(a), stems(b));
    let shared_word = sa.iter().any(|w| sb.contains(w));
    let placeholder = a == TODO_LABEL || b == TODO_LABEL;
    a == b || (!placeholder && (a.contains(b) || b.contains(a) || shared_word))
}

/// Whether a body occurrence restates a fact already kept: the same figure, bound and date
/// (or no date on one side), with the same label, or labels that agree on a value specific
/// enough not to recur by chance. An amount of money stated twice is one fact whatever its
/// labels (`수출은 401억 달러` … `401억 달러는 … 최대 규모다`): sums do not
/// repeat by chance the way shares do (the seed's three `67%`).
fn restates(kept: &DraftFact, o: &DraftFact) -> bool {
    same_figure(kept, o)
        && kept.found.quantity.approx == o.found.quantity.approx
        && (kept.as_of == o.as_of || kept.as_of.is_none() || o.as_of.is_none())
        && (kept.label == o.label
            || (labels_agree(&kept.label, &o.label) && specific(&o.found.quantity.amount))
            || matches!(o.found.quantity.unit, Unit::Currency(_)))
}

/// Whether a value is unlikely to recur by chance: three significant digits or more (`91.8`,
/// `23.3`, `432만`), a range or a ratio. `0.1%p` twice with labels `실업률` and `청년 실업률`
/// is two facts; `91.8%` as `우리 국민` and `국민 인터넷 이용률` is one.
fn specific(amount: &Amount) -> bool {
    match amount {
        Amount::Exact(d) => {
            let digits = d.normalize().mantissa().unsigned_abs().to_string();
            digits.trim_end_matches('0').len() >= 3
        }
        _ => true,
    }
}

/// Folds a restatement into the kept fact: the more informative label (a proposed one over
/// the placeholder, the longer of two), the date when the kept fact has none, and the note
/// from the longer sentence (the one with the most context).
fn absorb(kept: &mut DraftFact, o: &DraftFact) {
    let longer = |a: &str, b: &str| b.chars().count() > a.chars().count();
    if kept.label == TODO_LABEL || (o.label != TODO_LABEL && longer(&kept.label, &o.label)) {
        kept.label = o.label.clone();
    }
    if kept.as_of.is_none() {
        kept.as_of = o.as_of.clone();
    }
    if longer(&kept.note, &o.note) {
        kept.note = o.note.clone();
    }
}

/// The body's occurrences less restatements of a fact already kept, then the headings'
/// occurrences that restate no body figure.
fn distinct(occurrences: &[Occurrence]) -> Vec<Occurrence> {
    let mut kept: Vec<Occurrence> = Vec::new();
    for o in occurrences.iter().filter(|o| !o.heading) {
        match kept.iter_mut().find(|k| restates(&k.fact, &o.fact)) {
            Some(k) => absorb(&mut k.fact, &o.fact),
            None => kept.push(Occurrence { at: o.at, heading: false, fact: o.fact.clone() }),
        }
    }
    for o in occurrences.iter().filter(|o| o.heading) {
        if !kept.iter().any(|k| same_figure(&k.fact, &o.fact) || rounds(&k.fact, &o.fact)) {
            kept.push(Occurrence { at: o.at, heading: true, fact: o.fact.clone() });
        }
    }
    kept
}

/// The facts with ids from their unit, numbered in order per unit (`percent-1`, `count-2`).
fn number_ids(kept: Vec<Occurrence>) -> Vec<DraftFact> {
    let mut counters: Vec<(String, usize)> = Vec::new();
    kept.into_iter()
        .map(|k| {
            let mut fact = k.fact;
            let slug = match fact.unit.as_str() {
                "percentage-points" => "points".to_string(),
                u => u.to_ascii_lowercase(),
            };
            let n = match counters.iter_mut().find(|(s, _)| *s == slug) {
                Some((_, n)) => {
                    *n += 1;
                    *n
                }
                None => {
                    counters.push((slug.clone(), 1));
                    1
                }
            };
            fact.id = format!("{slug}-{n}");
            fact
        })
        .collect()
}
