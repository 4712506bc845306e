//! Sub-headings as Korean articles and press releases mark them: a symbol (`■ 조사 개요`,
//! `▶ 주요 결과`), brackets around the whole line (`【 주요 내용 】`, `[조사 개요]`,
//! `< 향후 계획 >`), numbering (`1. 조사 개요`, `가. 기업 현황`, `(1) 산업별`), or a short
//! line without a final period between paragraphs.

use super::lines::{ends_sentence, heading_like};

/// Symbols that mark a sub-heading at the start of an unindented line (the list).
const HEADING_SYMBOLS: &[char] = &['■', '□', '▲', '△', '◆', '◇', '●', '○', '▶', '▷', '※'];

/// Bracket pairs that mark a sub-heading when they wrap the whole line.
const WRAPPERS: &[(char, char)] =
    &[('【', '】'), ('[', ']'), ('<', '>'), ('〈', '〉'), ('《', '》'), ('［', '］'), ('＜', '＞')];

/// The longest sub-heading marked by brackets or numbering, in characters (marker excluded).
const MAX_MARKED: usize = 50;

/// The longest sub-heading marked by a symbol: press releases write whole points after `□`
/// without a final period (`□ 과기정통부는 … 결과를 발표`), and those are items.
const MAX_SYMBOL: usize = 30;

/// The longest unmarked sub-heading between paragraphs of one block of lines, in characters.
const MAX_BARE: usize = 40;

/// How a heading line is marked: lines of one kind next to each other are list items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Mark {
    /// A symbol (`■`).
    Symbol(char),
    /// Brackets around the whole line.
    Wrapped,
    /// `1.`, `1)`.
    Arabic,
    /// `가.`, `가)`.
    Hangul,
    /// `(1)`, `(가)`.
    Parenthesised,
}

/// A line marked as a sub-heading: how, and its text without the marker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Marked {
    /// The marker's kind.
    pub mark: Mark,
    /// The heading text, marker and brackets taken off.
    pub text: String,
}

/// The marker kind of a line and the text after it, if it starts with (or is wrapped in) a
/// heading marker. Indented lines are list items, never headings.
pub(super) fn marked(line: &str) -> Option<Marked> {
    if line.starts_with([' ', '\t']) {
        return None;
    }
    let t = line.trim();
    let (mark, rest) = symbol(t).or_else(|| wrapped(t)).or_else(|| numbered(t))?;
    let rest = rest.trim();
    let n = rest.chars().count();
    let max = if matches!(mark, Mark::Symbol(_)) { MAX_SYMBOL } else { MAX_MARKED };
    let fits = (1..=max).contains(&n)
        && !ends_sentence(rest)
        && !rest.contains(". ")
        && rest.chars().any(char::is_alphabetic);
    fits.then(|| Marked { mark, text: rest.to_string() })
}

/// `■ 조사 개요`: a heading symbol and the text after it.
fn symbol(t: &str) -> Option<(Mark, &str)> {
    let c = t.chars().next()?;
    HEADING_SYMBOLS.contains(&c).then(|| (Mark::Symbol(c), &t[c.len_utf8()..]))
}

/// `【 주요 내용 】`, `[조사 개요]`: the text inside brackets that wrap the whole line (not a
/// wire credit such as `[서울=뉴스]`).
fn wrapped(t: &str) -> Option<(Mark, &str)> {
    let open = t.chars().next()?;
    let &(_, close) = WRAPPERS.iter().find(|(o, _)| *o == open)?;
    let inner = t[open.len_utf8()..].strip_suffix(close)?;
    let clean = !inner.contains([open, close, '=']) && !inner.contains('@');
    clean.then_some((Mark::Wrapped, inner))
}

/// `1. 조사 개요`, `2) 결과`, `가. 기업 현황`, `(1) 산업별`, `(가) 대기업`: numbering followed by a
/// space.
fn numbered(t: &str) -> Option<(Mark, &str)> {
    if let Some(inner) = t.strip_prefix(['(', '（']) {
        let close = inner.find([')', '）'])?;
        let label = &inner[..close];
        let rest = &inner[close..];
        let rest = rest.strip_prefix(')').or_else(|| rest.strip_prefix('）'))?;
        let ok = (label.chars().count() <= 2 && label.chars().all(|c| c.is_ascii_digit()))
            || hangul_numeral(label);
        return (ok && rest.starts_with(' ')).then_some((Mark::Parenthesised, rest));
    }
    let end = t.find(['.', ')'])?;
    let (label, rest) = (&t[..end], &t[end + 1..]);
    if !rest.starts_with(' ') {
        return None;
    }
    if !label.is_empty() && label.len() <= 2 && label.chars().all(|c| c.is_ascii_digit()) {
        Some((Mark::Arabic, rest))
    } else if hangul_numeral(label) {
        Some((Mark::Hangul, rest))
    } else {
        None
    }
}

/// `가`, `나`, … `하`: the syllables Korean documents number with.
fn hangul_numeral(label: &str) -> bool {
    let mut chars = label.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if "가나다라마바사아자차카타파하".contains(c))
}

/// Which lines of a block of consecutive lines are marked sub-headings: a marked line whose
/// neighbours are not marked the same way (those are list items: `△ 가 △ 나`).
pub(super) fn marked_lines(lines: &[String]) -> Vec<Option<Marked>> {
    let marks: Vec<Option<Marked>> = lines.iter().map(|l| marked(l)).collect();
    let kind = |i: usize| marks.get(i).and_then(|m| m.as_ref().map(|m| m.mark));
    (0..lines.len())
        .map(|i| {
            let m = marks[i].as_ref()?;
            let sibling = (i > 0 && kind(i - 1) == Some(m.mark)) || kind(i + 1) == Some(m.mark);
            (!sibling).then(|| m.clone())
        })
        .collect()
}

/// Whether line `i` of a block of lines is an unmarked sub-heading between paragraphs: short,
/// no final period, after a line that ends a sentence (or first, above a clearly longer
/// line), with a line after it.
pub(super) fn bare_heading(lines: &[String], i: usize) -> bool {
    let t = lines[i].trim();
    let Some(next) = lines.get(i + 1) else { return false };
    if lines[i].starts_with(' ') || t.chars().count() > MAX_BARE || !heading_like(t) {
        return false;
    }
    let (len, next_len) = (t.chars().count(), next.trim().chars().count());
    if t.ends_with([',', '，', '、']) {
        return false;
    }
    match i.checked_sub(1).map(|p| &lines[p]) {
        // Hard-wrapped text has lines of one width: a heading is clearly shorter than its
        // neighbours (at most 70% of the longer one).
        Some(prev) => {
            ends_sentence(prev) && len * 10 <= 7 * prev.trim().chars().count().max(next_len)
        }
        None => next_len >= len + 10,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(line: &str) -> Option<String> {
        marked(line).map(|m| m.text)
    }

    #[test]
    fn markers() {
        assert_eq!(text("■ 조사 개요").as_deref(), Some("조사 개요"));
        assert_eq!(text("▶주요 결과").as_deref(), Some("주요 결과"));
        assert_eq!(text("【 주요 내용 】").as_deref(), Some("주요 내용"));
        assert_eq!(text("[조사 개요]").as_deref(), Some("조사 개요"));
        assert_eq!(text("< 향후 계획 >").as_deref(), Some("향후 계획"));
        assert_eq!(text("1. 조사 개요").as_deref(), Some("조사 개요"));
        assert_eq!(text("가. 기업 현황").as_deref(), Some("기업 현황"));
        assert_eq!(text("(1) 산업별 현황").as_deref(), Some("산업별 현황"));
        // Sentences, wire credits, indented items and decimals are no headings.
        assert_eq!(text("□ 분야별로는 반도체에 5조원이 배정됐다."), None);
        assert_eq!(text("[서울=뉴스]"), None);
        assert_eq!(text(" ○ 반도체: 후공정 기업 지원"), None);
        assert_eq!(text("1.5배 늘었다"), None);
        assert_eq!(text("2024. 3. 28."), None);
    }

    #[test]
    fn siblings_are_list_items() {
        let lines: Vec<String> =
            ["△ 수출 바우처", "△ 무역보험 한도 확대", "■ 향후 계획", "본문이다."]
                .map(String::from)
                .to_vec();
        let got: Vec<Option<String>> =
            marked_lines(&lines).into_iter().map(|m| m.map(|m| m.text)).collect();
        assert_eq!(got, [None, None, Some("향후 계획".to_string()), None]);
    }

    #[test]
    fn bare_headings_between_paragraphs() {
        let lines: Vec<String> = ["첫 문단이다.", "조사 결과", "이번 조사는 전국에서 진행됐다."]
            .map(String::from)
            .to_vec();
        assert!(bare_heading(&lines, 1));
        assert!(!bare_heading(&lines, 0));
        assert!(!bare_heading(&lines, 2));
        let wrapped: Vec<String> =
            ["이 문단은 줄이 길게 이어지다가 중간에서", "끊긴다."].map(String::from).to_vec();
        assert!(!bare_heading(&wrapped, 0));
        // A line of a hard-wrapped paragraph after a sentence's end is as long as the others.
        let wrapped: Vec<String> = [
            "정부는 올해 인터넷 이용 실태를 조사해 발표했다.",
            "조사 결과 국민의 93%가 인터넷을 쓰고 있었고",
            "이용 시간은 주 평균 17시간으로 늘어났다.",
        ]
        .map(String::from)
        .to_vec();
        assert!(!bare_heading(&wrapped, 1));
    }
}
