//! A short label for each figure, proposed from the words around it: the noun phrase right
//! before it (`깃허브 내 AI 프로젝트는 432만 개`), else the one right after it (`63%는 오픈소스
//! 모델을`), else the subject of its sentence. Korean particles, fillers and verb forms are
//! recognised by word lists, not by a parser.

use super::value::content_value;
use crate::numbers::Found;
use std::ops::Range;

/// The longest label proposed, in characters.
const MAX_LABEL: usize = 20;

/// Characters that end the phrase a label is taken from.
const BOUNDARY: &[char] = &[
    ',', ';', ':', '(', ')', '[', ']', '{', '}', '"', '\'', '“', '”', '‘', '’', '「', '」', '『',
    '』', '<', '>', '〈', '〉', '《', '》', '△', '▲', '…', '!', '?', '（', '）', '，', '：', '=',
    '|',
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
    "역시",
    "주로",
    "계속",
    "가장",
    "크게",
    "다시",
    "이미",
    "직접",
    "꾸준히",
    "작년",
    "전월",
    "전년",
    "간",
    "지난달",
    "이달",
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

/// A word split from its particle.
pub(super) struct Stripped<'a> {
    /// The word without its particle (the whole word when it had none).
    pub stem: &'a str,
    /// Whether a particle was taken off.
    had_particle: bool,
}

/// The word without its particle, and whether it had one.
pub(super) fn strip_particle(w: &str) -> Stripped<'_> {
    let n = w.chars().count();
    for (p, short_ok) in PARTICLES {
        let p_len = p.chars().count();
        if let Some(stem) = w.strip_suffix(p) {
            let stem_len = n - p_len;
            if stem_len >= 2 || (stem_len == 1 && *short_ok) {
                return Stripped { stem, had_particle: true };
            }
        }
    }
    Stripped { stem: w, had_particle: false }
}

/// `전년대비`, `전년동월대비`, `전월 대비`'s glued forms: the base of a comparison, not what is
/// measured.
fn comparison(w: &str) -> bool {
    w.ends_with("대비") || w.ends_with("대비로는") || w == "보다" || w == "비해"
}

/// A word right before a figure that qualifies it rather than names it.
fn skipped_before(w: &str) -> bool {
    TRAILING_SKIP.contains(&w) || comparison(w)
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
        "했고",
        "하고",
        "되고",
        "있고",
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
    strip_particle(w).had_particle
}

/// A label from the words before the figure (`2024년 기준 깃허브 내 AI 프로젝트는 432만 개` →
/// `깃허브 내 AI 프로젝트`; `혁신 촉진(67%)` → `혁신 촉진`), else the words after it, else the
/// subject of the sentence.
///
/// `all` is the element's figures in order, without overlaps (as the engine finds them), and
/// `f` is `all[index]`: only its neighbours are looked at, so a label costs the words around
/// its figure, not every figure of the element (10,000 figures in one sentence).
pub(super) fn propose_label(
    text: &str,
    sentence: &Range<usize>,
    all: &[Found],
    index: usize,
) -> Option<String> {
    let f = &all[index];
    let before = words_before(text, sentence, all, index);
    let label = pick_before(&words_marking_times(text, before.clone(), all, index));
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
    // The subject before the sentence's first figure (`국내 수출규모가 … 2.5% 증가한
    // 479억달러`); past a figure, a subject belongs to that figure's clause.
    let first = all[..index]
        .iter()
        .rev()
        .take_while(|g| g.span.end > sentence.start)
        .filter(|g| content_value(&g.quantity).is_some())
        .last()
        .map_or(f.span.start, |g| g.span.start);
    subject_label(&words_marking_times(text, sentence.start..first.max(sentence.start), all, index))
}

/// Where the words before the figure that may name it are: from the start of the sentence,
/// the end of the fact before it (past its glued particle) or the last phrase boundary,
/// whichever is last, to the figure (or to the `(` it sits in).
fn words_before(text: &str, sentence: &Range<usize>, all: &[Found], index: usize) -> Range<usize> {
    let f = &all[index];
    let mut end = f.span.start.max(sentence.start);
    // `석유제품(△13.9%)`: a sign before the figure belongs to it.
    let before = text[sentence.start..end].trim_end().trim_end_matches(['△', '▲', '▽', '▼', '+']);
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
        let glued = text[g.span.end..end]
            .find(|c: char| c.is_whitespace() || matches!(c, ',' | '，'))
            .unwrap_or(end - g.span.end);
        start = g.span.end + glued;
    }
    let floor = start;
    // `’12년`: an apostrophe before digits shortens a year; it ends no phrase.
    let boundary = |(i, c): &(usize, char)| {
        BOUNDARY.contains(c)
            && !(matches!(c, '\'' | '’' | '‘')
                && text[start + i + c.len_utf8()..].starts_with(|d: char| d.is_ascii_digit()))
    };
    if let Some((i, c)) = text[start..end].char_indices().rev().find(boundary) {
        start += i + c.len_utf8();
        // `고용률(OECD 비교 기준)은 69.6%`: only a particle after the parenthesis; the
        // phrase is the one before it.
        if matches!(c, ')' | '）')
            && PARTICLES.iter().any(|(p, _)| text[start..end].trim() == *p)
            && let Some(open) = text[floor..start].rfind(['(', '（'])
        {
            let before = &text[floor..floor + open];
            let cut = before.char_indices().rev().find(|(_, c)| BOUNDARY.contains(c));
            return cut.map_or(floor, |(i, c)| floor + i + c.len_utf8())..floor + open;
        }
    }
    start..end
}

/// A word of the text a label may be taken from.
#[derive(Clone, Copy)]
struct Word<'a> {
    /// The word as written.
    text: &'a str,
    /// It overlaps a figure that is no fact (a year, a date, a duration): a label stops there.
    timeish: bool,
}

/// The words of `text[range]`, each marked when it overlaps a figure before `all[index]` that
/// makes no fact.
fn words_marking_times<'a>(
    text: &'a str,
    range: Range<usize>,
    all: &[Found],
    index: usize,
) -> Vec<Word<'a>> {
    // Figures that can overlap the words in the range.
    let between = &all[all[..index].partition_point(|g| g.span.end <= range.start)..index];
    words_with_offsets(text, range)
        .map(|(w, at)| {
            let timeish = between.iter().any(|g| {
                content_value(&g.quantity).is_none()
                    && g.span.start < at + w.len()
                    && at < g.span.end
            });
            Word { text: w, timeish }
        })
        .collect()
}

/// The subject nearest before the figure (`반도체 수출이 … 7.2% 늘며`) as a label.
fn subject_label(words: &[Word]) -> Option<String> {
    // Adjectives before a noun (`같은 달`, `많은 기업`) end in `은` too.
    const ADJECTIVES: &[&str] =
        &["같은", "다른", "많은", "높은", "낮은", "작은", "큰", "좋은", "새로운"];
    let subject = words.iter().rposition(|w| {
        !ADJECTIVES.contains(&w.text)
            && ["은", "는", "이", "가"].iter().any(|p| w.text.ends_with(p))
            && strip_particle(w.text).had_particle
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
fn pick_before(words: &[Word]) -> String {
    let mut i = words.len();
    while i > 0 && (words[i - 1].timeish || skipped_before(words[i - 1].text)) {
        // `지난해 같은 달 대비 2.5%`: what comes before a comparison word is the base.
        if comparison(words[i - 1].text) {
            return String::new();
        }
        i -= 1;
    }
    if i == 0 || verb_like(words[i - 1].text) {
        return String::new();
    }
    let head: String = strip_particle(words[i - 1].text).stem.chars().take(MAX_LABEL + 4).collect();
    let mut chars = head.chars().count();
    let mut picked = vec![head];
    i -= 1;
    while i > 0 {
        let Word { text: w, timeish } = words[i - 1];
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
    let lone = |w: &str| FILLERS.contains(&w) || w.is_empty() || adnominal(w) || comparison(w);
    if picked.len() == 1 && lone(&picked[0]) {
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
        let Stripped { stem, had_particle: had } = strip_particle(w);
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
