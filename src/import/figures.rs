//! Every figure of the article as a draft fact: the number engine reads each figure; this
//! module adds what the sentence around it says (its date, a label, an approximation carried
//! by the verb) and merges restatements.

use super::structure::Ymd;
use crate::content::{FactValue, parse_date};
use crate::numbers::{self, Amount, Approx, Decimal, Found, Quantity, Style, Unit};
use crate::text::is_hangul_syllable;
use std::ops::Range;

/// One piece of article text the figures are read from.
pub(crate) struct Element<'a> {
    /// The text.
    pub text: &'a str,
    /// A title or sub-heading: its figures restate the body's.
    pub heading: bool,
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

/// An occurrence before merging, with its place in the document.
struct Occurrence {
    at: (usize, usize),
    heading: bool,
    fact: DraftFact,
}

/// The longest note, in characters (plus the `…` marking a cut). Each figure's note used to be
/// its whole sentence: 3,000 figures in one sentence gave a 69 MB draft.
pub const MAX_NOTE: usize = 200;

/// Characters of the sentence kept before the figure when a note is cut.
const NOTE_BEFORE: usize = 80;

/// The longest label proposed, in characters.
const MAX_LABEL: usize = 20;

/// The label of a fact nothing better could be proposed for.
pub(crate) const TODO_LABEL: &str = "TODO: 항목";

/// The draft facts of the elements, in document order.
pub(crate) fn facts(elements: &[Element], dateline: Option<Ymd>, style: &Style) -> Vec<DraftFact> {
    let mut occurrences = Vec::new();
    for (i, el) in elements.iter().enumerate() {
        let found = numbers::find_with_dateline(el.text, "ko", dateline);
        let times = times(el.text, &found);
        // Trimmed once here: per figure, trimming a long sentence's end would cost its length.
        let sentences: Vec<Range<usize>> = sentences(el.text)
            .into_iter()
            .map(|r| r.start..r.start + el.text[r].trim_end().len())
            .collect();
        let mut previous: Option<(Range<usize>, Unit, String)> = None;
        for (index, f) in found.iter().enumerate() {
            let Some((unit, value)) = content_value(&f.quantity) else { continue };
            // Sentences are in order: the first that does not end before the figure.
            let sentence = sentences
                .get(sentences.partition_point(|s| s.end <= f.span.start))
                .filter(|s| s.contains(&f.span.start))
                .cloned()
                .unwrap_or(0..el.text.len());
            let mut label = propose_label(el.text, &sentence, &found, index)
                .or_else(|| {
                    // `지난해(3천512개사)보다 14.1% 늘었다`: the figure measures what the one
                    // before it in the sentence does.
                    // `지난해(19만 명)`, `14.1% 늘었다`: a figure in the same unit, or a change.
                    let relative = matches!(
                        f.quantity.unit,
                        Unit::Percent | Unit::PercentagePoints | Unit::Times
                    );
                    previous
                        .as_ref()
                        .filter(|(s, u, _)| *s == sentence && (relative || *u == f.quantity.unit))
                        .map(|(_, _, l)| l.clone())
                })
                .unwrap_or_else(|| TODO_LABEL.to_string());
            previous = Some((sentence.clone(), f.quantity.unit.clone(), label.clone()));
            if let Amount::Ratio { whole, .. } = &f.quantity.amount {
                let whole = Quantity {
                    amount: Amount::Exact(*whole),
                    unit: Unit::Count,
                    approx: Approx::Exact,
                    noun: f.quantity.noun.clone(),
                };
                let whole = numbers::format(&whole, "ko", style);
                label = if label == TODO_LABEL {
                    format!("{whole} 중")
                } else {
                    format!("{label} {whole} 중")
                };
            }
            let mut found = f.clone();
            found.quantity.approx = verb_approx(el.text, f);
            occurrences.push(Occurrence {
                at: (i, f.span.start),
                heading: el.heading,
                fact: DraftFact {
                    id: String::new(),
                    label,
                    as_of: as_of(el.text, &sentence, f, &times),
                    note: note(el.text, &sentence, &f.span),
                    unit,
                    value,
                    found,
                },
            });
        }
    }
    merge(occurrences)
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

/// The content-format unit and value of a quantity that makes a fact; `None` for years,
/// dates, durations and ages (they date facts instead) and for values the format cannot hold.
fn content_value(q: &Quantity) -> Option<(String, FactValue)> {
    let unit = match &q.unit {
        Unit::Count | Unit::Ratio => "count".to_string(),
        Unit::Percent => "percent".into(),
        Unit::PercentagePoints => "percentage-points".into(),
        Unit::Times => "times".into(),
        Unit::Rank => "rank".into(),
        Unit::Currency(code) if numbers::parse_unit(code).is_some_and(|u| u.is_currency()) => {
            code.clone()
        }
        _ => return None,
    };
    // Values past 10^18 (100경) are misreadings, and the loader reads integers only up to
    // 64 bits: `26444444264444444444446` made a draft that did not load (fuzz: import).
    let sane = |d: &Decimal| d.abs() <= Decimal::from_i128_with_scale(10i128.pow(18), 0);
    let value = match &q.amount {
        Amount::Exact(d) if sane(d) => FactValue::Single(*d),
        Amount::Range(lo, hi) if sane(lo) && sane(hi) && lo <= hi => FactValue::Range(*lo, *hi),
        Amount::Ratio { part, .. } if sane(part) => FactValue::Single(*part),
        _ => return None,
    };
    Some((unit, value))
}

/// A time expression in an element: it dates the figures after it in its sentence.
struct Time {
    span: Range<usize>,
    /// `None` for `이번` (this survey, this time): figures after it are undated.
    as_of: Option<String>,
    /// `2024년(1,274곳)보다`: the base of a comparison, which dates only the figure in its
    /// parentheses.
    base: bool,
}

/// The time expressions of an element, in order.
fn times(text: &str, found: &[Found]) -> Vec<Time> {
    let mut out: Vec<Time> = found
        .iter()
        .filter_map(|f| {
            let as_of = time_of(f)?;
            Some(Time {
                span: f.span.clone(),
                as_of: Some(as_of),
                base: is_base(&text[f.span.end..]),
            })
        })
        .collect();
    let mut from = 0;
    while let Some(i) = text[from..].find("이번") {
        let at = from + i;
        let word_start = text[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        if word_start {
            out.push(Time { span: at..at + "이번".len(), as_of: None, base: false });
        }
        from = at + "이번".len();
    }
    out.sort_by_key(|t| t.span.start);
    out
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` for a year or a date with a month; `None` for a bare day
/// (`15일`: the publication day), a bound (`2018년 이후`) and anything else.
fn time_of(f: &Found) -> Option<String> {
    let q = &f.quantity;
    if q.approx != Approx::Exact {
        return None;
    }
    match (&q.unit, &q.amount) {
        (Unit::Year, Amount::Exact(y)) if y.fract().is_zero() => {
            let y = i32::try_from(*y).ok().filter(|y| (1000..=9999).contains(y))?;
            Some(y.to_string())
        }
        (Unit::Date, Amount::Date { year: Some(y), month: Some(m), day }) => {
            let bare_day = day.is_some() && !f.source.contains(['월', '년', '-', '.', '/']);
            if bare_day || !(1000..=9999).contains(y) {
                return None;
            }
            match day {
                Some(d) => {
                    parse_date(&format!("{y}-{m:02}-{d:02}")).map(|_| format!("{y}-{m:02}-{d:02}"))
                }
                None => parse_date(&format!("{y}-{m:02}-01")).map(|_| format!("{y}-{m:02}")),
            }
        }
        _ => None,
    }
}

/// Whether the text after a time expression makes it a comparison base: `보다`, `대비`,
/// `에 비해`, possibly after a parenthesis (`2024년(1,274곳)보다`).
fn is_base(after: &str) -> bool {
    let mut rest = after;
    if let Some(inner) = rest.strip_prefix('(').or_else(|| rest.strip_prefix('（'))
        && let Some(close) = inner.find([')', '）'])
        && inner[..close].chars().count() <= 30
    {
        rest = inner[close..].trim_start_matches([')', '）']);
    }
    let rest = rest.trim_start_matches('의').trim_start();
    ["보다", "대비", "에 비해", "에 비하", "와 비교", "과 비교", "에 견줘"]
        .iter()
        .any(|w| rest.starts_with(w))
}

/// The date of a figure: the nearest time expression before it in its sentence, skipping
/// comparison bases unless the figure sits in the base's parentheses.
fn as_of(text: &str, sentence: &Range<usize>, f: &Found, times: &[Time]) -> Option<String> {
    // `times` is sorted by start: only those from the sentence's start to the figure count.
    let hi = times.partition_point(|t| t.span.start < f.span.start);
    let lo = times[..hi].partition_point(|t| t.span.start < sentence.start);
    for t in times[lo..hi].iter().rev() {
        if t.span.end > f.span.start {
            continue;
        }
        let between = text[t.span.end..f.span.start].trim();
        if between == "(" || between == "（" {
            return t.as_of.clone();
        }
        if t.base {
            continue;
        }
        return t.as_of.clone();
    }
    None
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

/// The sentences of a text as byte ranges (a sentence ends at `.`, `?` or `!` followed by a
/// space or the end, closing quotes included).
pub(crate) fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !matches!(c, '.' | '?' | '!' | '。' | '．' | '？' | '！') {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, q)) = chars.peek() {
            if "\"'”’」』)）".contains(q) {
                end = j + q.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        if chars.peek().is_none_or(|(_, n)| n.is_whitespace()) {
            out.push(start..end);
            start = end;
        }
    }
    if text[start..].trim().is_empty() {
        if let Some(last) = out.last_mut() {
            last.end = text.len();
        }
    } else {
        out.push(start..text.len());
    }
    // Leading spaces belong to no sentence.
    for r in &mut out {
        r.start += text[r.clone()].len() - text[r.clone()].trim_start().len();
    }
    out
}

/// Characters that end the phrase a label is taken from.
const BOUNDARY: &[char] = &[
    ',', ';', ':', '(', ')', '[', ']', '{', '}', '"', '\'', '“', '”', '‘', '’', '「', '」', '『',
    '』', '<', '>', '〈', '〉', '《', '》', '△', '▲', '…', '!', '?', '（', '）', '，', '：', '=',
];

/// Words right before a figure that qualify it rather than name it.
const TRAILING_SKIP: &[&str] = &[
    "평균",
    "총",
    "약",
    "최대",
    "최소",
    "연",
    "연간",
    "월평균",
    "전체",
    "모두",
    "각각",
    "무려",
    "불과",
    "가운데",
    "중",
    "중에서",
    "대비",
    "기준",
    "현재",
    "말",
    "말께",
    "이후",
    "이전",
    "까지",
    "동안",
    "당시",
    "등",
    "매년",
    "매달",
    "각각",
];

/// Words that start a phrase without belonging to a label.
const FILLERS: &[&str] = &[
    "특히",
    "또",
    "또한",
    "다만",
    "한편",
    "이에",
    "이는",
    "이어",
    "실제",
    "실제로",
    "반면",
    "그러나",
    "하지만",
    "아울러",
    "기준",
    "현재",
    "말",
    "이후",
    "이전",
    "까지",
    "동안",
    "이번",
    "올해",
    "지난해",
    "전년",
    "최근",
    "총",
    "약",
    "평균",
    "연",
    "매년",
    "이",
    "그",
    "규모",
    "등",
    "각",
    "모든",
];

/// Particles stripped from the head word of a label, longest first. The flag says whether a
/// two-syllable word may lose it (`수는` → `수`; but `마을` keeps its `을`).
const PARTICLES: &[(&str, bool)] = &[
    ("에서는", false),
    ("으로는", false),
    ("에서도", false),
    ("에서", false),
    ("으로", false),
    ("에는", false),
    ("로는", false),
    ("에게", false),
    ("부터", false),
    ("까지", false),
    ("보다", false),
    ("처럼", false),
    ("의", true),
    ("은", true),
    ("는", true),
    ("를", true),
    ("을", false),
    ("이", false),
    ("가", false),
    ("에", false),
    ("로", false),
    ("와", false),
    ("과", false),
    ("도", false),
    ("만", false),
];

/// The word without its particle, and whether it had one.
fn strip_particle(w: &str) -> (&str, bool) {
    let n = w.chars().count();
    for (p, short_ok) in PARTICLES {
        let p_len = p.chars().count();
        if let Some(stem) = w.strip_suffix(p) {
            let stem_len = n - p_len;
            if stem_len >= 2 || (stem_len == 1 && *short_ok) {
                return (stem, true);
            }
        }
    }
    (w, false)
}

/// A verb form (`공개하며`, `늘었다`): no noun phrase ends here.
fn verb_like(w: &str) -> bool {
    let w = w.trim_end_matches(['.', ',']);
    const CONNECTIVES: &[&str] = &[
        "위해",
        "통해",
        "대해",
        "의해",
        "인해",
        "관해",
        "따라",
        "힘입어",
        "달해",
        "늘어",
        "줄어",
        "올라",
        "높아",
        "낮아",
        "들여",
        "이어",
        "거쳐",
        "걸쳐",
    ];
    CONNECTIVES.contains(&w)
        || w.ends_with('다')
        || (w.chars().count() >= 3
            && ["며", "고", "면", "지만", "는데", "하여", "해서", "으나"]
                .iter()
                .any(|e| w.ends_with(e)))
}

/// An adnominal verb form (`발간한`, `공개된`, `활용하는`): it belongs to the noun after it.
fn adnominal(w: &str) -> bool {
    w.chars().count() >= 2
        && ["한", "된", "하는", "되는", "있는", "없는", "받은", "받는", "던", "난", "진"]
            .iter()
            .any(|e| w.ends_with(e))
}

/// Whether a word ends the noun phrase when reading leftwards (it carries a particle or a
/// verb ending of its own).
fn stops(w: &str) -> bool {
    if adnominal(w) || w.ends_with('의') {
        return false;
    }
    if verb_like(w) || (w.chars().count() >= 2 && w.ends_with(['면', '며', '고', '서'])) {
        return true;
    }
    let (_, had) = strip_particle(w);
    had
}

/// A label from the words before the figure (`2024년 기준 깃허브 내 AI 프로젝트는 432만 개` →
/// `깃허브 내 AI 프로젝트`; `혁신 촉진(67%)` → `혁신 촉진`), else the words after it.
///
/// `all` is the element's figures in order, without overlaps (as the engine finds them), and
/// `f` is `all[index]`: only its neighbours are looked at, so a label costs the words around
/// its figure, not every figure of the element (10,000 figures in one sentence).
fn propose_label(
    text: &str,
    sentence: &Range<usize>,
    all: &[Found],
    index: usize,
) -> Option<String> {
    let f = &all[index];
    let mut end = f.span.start.max(sentence.start);
    let before = text[sentence.start..end].trim_end();
    if let Some(c) = before.chars().next_back()
        && matches!(c, '(' | '（')
    {
        end = sentence.start + before.len() - c.len_utf8();
    }
    let mut start = sentence.start;
    // The nearest figure before, in the sentence, that is a fact.
    let previous = all[..index]
        .iter()
        .rev()
        .take_while(|g| g.span.end > sentence.start)
        .find(|g| content_value(&g.quantity).is_some() && g.span.end <= end);
    if let Some(g) = previous {
        // After another figure, past the particle glued to it.
        let glued = text[g.span.end..end].find(char::is_whitespace).unwrap_or(end - g.span.end);
        start = g.span.end + glued;
    }
    if let Some((i, c)) = text[start..end].char_indices().rev().find(|(_, c)| BOUNDARY.contains(c))
    {
        start += i + c.len_utf8();
    }
    // Figures that can overlap the words between `start` and `end`.
    let between = &all[all[..index].partition_point(|g| g.span.end <= start)..index];
    let words: Vec<(&str, bool)> = words_with_offsets(text, start..end)
        .map(|(w, at)| {
            let timeish = between.iter().any(|g| {
                content_value(&g.quantity).is_none()
                    && g.span.start < at + w.len()
                    && at < g.span.end
            });
            (w, timeish)
        })
        .collect();
    let label = pick_before(&words);
    if !label.is_empty() {
        return Some(label);
    }
    let next = all
        .get(index + 1..)
        .and_then(|rest| rest.iter().map(|g| g.span.start).find(|s| *s >= f.span.end))
        .unwrap_or(text.len())
        .min(sentence.end);
    let label = pick_after(&text[f.span.end..next.max(f.span.end)]);
    if !label.is_empty() {
        return Some(label);
    }
    // The subject nearest before the figure (`반도체 수출이 … 7.2% 늘며`).
    let words: Vec<(&str, bool)> =
        words_with_offsets(text, start..end).map(|(w, _)| (w, false)).collect();
    let subject = words.iter().rposition(|(w, _)| {
        ["은", "는", "이", "가"].iter().any(|p| w.ends_with(p)) && strip_particle(w).1
    })?;
    let label = pick_before(&words[..=subject]);
    (!label.is_empty()).then_some(label)
}

/// The words of `text[range]` with their byte offsets.
fn words_with_offsets(text: &str, range: Range<usize>) -> impl Iterator<Item = (&str, usize)> {
    let base = range.start;
    let slice = &text[range];
    slice
        .split_whitespace()
        .map(move |w| (w, base + (w.as_ptr() as usize - slice.as_ptr() as usize)))
}

/// The noun phrase that ends the words (read right to left).
fn pick_before(words: &[(&str, bool)]) -> String {
    let mut i = words.len();
    while i > 0 && (words[i - 1].1 || TRAILING_SKIP.contains(&words[i - 1].0)) {
        i -= 1;
    }
    if i == 0 || verb_like(words[i - 1].0) {
        return String::new();
    }
    let head: String = strip_particle(words[i - 1].0).0.chars().take(MAX_LABEL + 4).collect();
    let mut chars = head.chars().count();
    let mut picked = vec![head];
    i -= 1;
    while i > 0 {
        let (w, timeish) = words[i - 1];
        let n = w.chars().count();
        if timeish || stops(w) || chars + 1 + n > MAX_LABEL {
            break;
        }
        picked.push(w.to_string());
        chars += 1 + n;
        i -= 1;
    }
    picked.reverse();
    while picked.len() > 1 && (FILLERS.contains(&picked[0].as_str()) || adnominal(&picked[0])) {
        picked.remove(0);
    }
    if picked.len() == 1 && (FILLERS.contains(&picked[0].as_str()) || picked[0].is_empty()) {
        return String::new();
    }
    picked.join(" ")
}

/// The noun phrase right after a figure (`63%는 오픈소스 모델을` → `오픈소스 모델`).
fn pick_after(rest: &str) -> String {
    // Only a figure with a particle of its own heads a phrase (`63%는 …`, `수만 개의 …`);
    // `0.1%p 낮춘 수치다` has none.
    let glued = rest.split(char::is_whitespace).next().unwrap_or("");
    if !["의", "는", "은", "가", "이", "를", "을", "도"].contains(&glued) {
        return String::new();
    }
    let rest = &rest[glued.len()..];
    let mut picked: Vec<&str> = Vec::new();
    let mut chars = 0;
    for w in rest.split_whitespace().take(3) {
        let (w, cut) = match w.find(BOUNDARY) {
            Some(i) => (&w[..i], true),
            None => (w, false),
        };
        let w = w.trim_end_matches(['.', ',']);
        if w.is_empty() || verb_like(w) {
            break;
        }
        let (stem, had) = strip_particle(w);
        let n = stem.chars().count();
        if stem.is_empty() || chars + n + 1 > MAX_LABEL + 1 {
            break;
        }
        picked.push(stem);
        chars += n + 1;
        if had || cut {
            break;
        }
    }
    while picked.len() > 1 && FILLERS.contains(&picked[0]) {
        picked.remove(0);
    }
    if picked.len() == 1 && FILLERS.contains(&picked[0]) {
        return String::new();
    }
    picked.join(" ")
}

/// One fact per meaning: a title or sub-heading restating a body figure (same value, unit and
/// noun) adds nothing; the same figure twice in the body is one fact only when its label and
/// date agree too (the seed's three `67%` are three facts). Ids come from the unit.
fn merge(occurrences: Vec<Occurrence>) -> Vec<DraftFact> {
    fn same_figure(a: &DraftFact, b: &DraftFact) -> bool {
        let (p, q) = (&a.found.quantity, &b.found.quantity);
        p.amount == q.amount && p.unit == q.unit && p.noun == q.noun
    }
    let mut kept: Vec<Occurrence> = Vec::new();
    for o in occurrences.iter().filter(|o| !o.heading) {
        let duplicate = kept.iter().any(|k| {
            same_figure(&k.fact, &o.fact)
                && k.fact.found.quantity.approx == o.fact.found.quantity.approx
                && k.fact.label == o.fact.label
                && k.fact.as_of == o.fact.as_of
        });
        if !duplicate {
            kept.push(Occurrence { at: o.at, heading: false, fact: o.fact.clone() });
        }
    }
    for o in occurrences.iter().filter(|o| o.heading) {
        if !kept.iter().any(|k| same_figure(&k.fact, &o.fact)) {
            kept.push(Occurrence { at: o.at, heading: true, fact: o.fact.clone() });
        }
    }
    kept.sort_by_key(|k| k.at);
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
