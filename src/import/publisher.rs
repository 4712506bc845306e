//! Who issued what the article reports: the first Korean organisation name with an acronym
//! in parentheses, else the first organisation that is the subject of a sentence.

use super::structure::Block;
use crate::text::is_hangul_syllable;
use std::ops::Range;

/// Endings of Korean organisation names: institutes, agencies, ministries, banks.
const ORG_ENDINGS: &[&str] = &[
    "연구소",
    "연구원",
    "진흥원",
    "개발원",
    "정보원",
    "평가원",
    "감독원",
    "관리원",
    "분석원",
    "연구회",
    "위원회",
    "협의회",
    "연합회",
    "진흥회",
    "협회",
    "재단",
    "공사",
    "공단",
    "은행",
    "센터",
    "기구",
    "학회",
    "청",
    "처",
    "부",
];

/// Words ending like an organisation that are none.
const NOT_ORGS: &[&str] = &[
    "정부", "일부", "내부", "외부", "전부", "본부", "세부", "여부", "간부", "학부", "상부", "하부",
];

/// The organisation that issued what the article reports: the first name with an acronym in
/// parentheses (`소프트웨어정책연구소(SPRi)가`), else the first organisation that is the subject
/// of a sentence (`중소벤처기업부는`). The title is not searched (headlines abbreviate).
pub(super) fn publisher(blocks: &[Block]) -> Option<String> {
    let texts: Vec<&str> = blocks
        .iter()
        .flat_map(|b| match b {
            Block::Para(p) => vec![p.as_str()],
            Block::List(items) => items.iter().map(|(_, t)| t.as_str()).collect(),
            Block::Heading(_) | Block::Table(_) => vec![],
        })
        .collect();
    for with_acronym in [true, false] {
        for t in &texts {
            if let Some(name) = find_org(t, with_acronym) {
                return Some(name);
            }
        }
    }
    None
}

/// The first organisation name in `text`, with an `(ACRONYM)` after it when `with_acronym`.
fn find_org(text: &str, with_acronym: bool) -> Option<String> {
    hangul_words(text).find_map(|word| org_in_word(text, word, with_acronym))
}

/// The maximal runs of Hangul syllables in `text`, as byte ranges, leaving out runs glued to
/// a letter or digit before them (`AI반도체`: no name starts inside a word).
fn hangul_words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < text.len() {
            let c = text[i..].chars().next()?;
            if !is_hangul_syllable(c) {
                i += c.len_utf8();
                continue;
            }
            let start = i;
            let run: usize = text[start..]
                .chars()
                .take_while(|c| is_hangul_syllable(*c))
                .map(char::len_utf8)
                .sum();
            i = start + run;
            let glued_before =
                text[..start].chars().next_back().is_some_and(|p| p.is_alphanumeric());
            if !glued_before {
                return Some(start..i);
            }
        }
        None
    })
}

/// The organisation the Hangul word `text[word]` names: with an `(ACRONYM)` right after it
/// when `with_acronym`, else as the subject of its sentence (the name less `은/는/이/가`).
fn org_in_word(text: &str, word: Range<usize>, with_acronym: bool) -> Option<String> {
    let start = word.start;
    let word = &text[word];
    // The name is the run, or the run less a particle (`중소벤처기업부는`).
    let mut candidates = vec![(word, "")];
    for p in ["은", "는", "이", "가", "의", "도"] {
        if let Some(stem) = word.strip_suffix(p) {
            candidates.push((stem, p));
        }
    }
    for (name, particle) in candidates {
        if !is_org(name) {
            continue;
        }
        if with_acronym && particle.is_empty() {
            if let Some(acronym) = acronym_after(&text[start + name.len()..]) {
                return Some(format!("{name}({acronym})"));
            }
        } else if !with_acronym && ["은", "는", "이", "가"].contains(&particle) {
            return Some(name.to_string());
        }
    }
    None
}

/// The acronym of `(SPRi)가` right after a name: 1–15 letters, digits, `-` or `&` in
/// parentheses, followed by a particle, a comma or the end of the text (not by a space).
fn acronym_after(after: &str) -> Option<&str> {
    let inner = after.strip_prefix('(')?;
    let close = inner.find(')')?;
    let acronym = &inner[..close];
    let ok = (1..=15).contains(&acronym.chars().count())
        && acronym.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '&');
    let rest = &inner[close + 1..];
    let subject =
        ["은", "는", "이", "가", "의", "도", "에", ",", " "].iter().any(|p| rest.starts_with(p))
            || rest.is_empty();
    (ok && subject && !rest.starts_with(' ')).then_some(acronym)
}

/// Whether a Hangul word names an organisation.
fn is_org(w: &str) -> bool {
    let n = w.chars().count();
    n >= 3
        && !NOT_ORGS.iter().any(|x| w.ends_with(x))
        && ORG_ENDINGS.iter().any(|e| w.ends_with(e) && n > e.chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisations() {
        assert_eq!(
            find_org("소프트웨어정책연구소(SPRi)가 발표했다", true).as_deref(),
            Some("소프트웨어정책연구소(SPRi)")
        );
        assert_eq!(find_org("중소벤처기업부는 밝혔다", false).as_deref(), Some("중소벤처기업부"));
        assert_eq!(find_org("정부는 밝혔다", false), None);
        assert_eq!(find_org("AI연구소는 밝혔다", false), None);
        assert_eq!(acronym_after("(KDI) 보고서"), None);
        assert_eq!(acronym_after("(KDI)는"), Some("KDI"));
    }
}
