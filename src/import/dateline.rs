//! The article's date: a ` date YYYY-MM-DD` line, a metadata line (`입력 2026.03.18 10:30`,
//! `보도시점 2024. 3. 28.(목) 12:00`, `… 송고`), a line that is only a date (`2026.02.15`,
//! `2026년 2월 15일`), or a bare day in the lead (`[서울=뉴스] 15일`) whose month and year come
//! from elsewhere in the article.

use super::lines::{Ymd, ends_sentence};
use crate::content::parse_date;
use crate::numbers::{self, Amount, Found, Unit};

/// Where a date came from; a lower rank wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum DateRank {
    /// The ` date YYYY-MM-DD` first line.
    Dateline,
    /// An `입력`/`보도시점` line or a line that is only a date.
    Input,
    /// A wire service's `… 송고` line.
    Sent,
    /// A revision time (`수정 …`, `승인 …`): the article's date only when nothing else gives one.
    Revised,
}

/// Full-width digits and separators as ASCII.
fn fold_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{ff10}'..='\u{ff19}' => char::from(b'0' + (c as u32 - 0xff10) as u8),
            '\u{ff0e}' => '.',
            '\u{ff0f}' => '/',
            '\u{ff0d}' => '-',
            c => c,
        })
        .collect()
}

/// A date at the start of `t`: `2026-02-15`, `2026.02.15`, `2026/2/15`, `2026. 2. 15.` or
/// `2026년 2월 15일`, checked as a real calendar date; with the text after it.
pub(super) fn leading_date(t: &str) -> Option<(Ymd, String)> {
    let t = fold_digits(t);
    let mut rest = t.as_str();
    let mut parts = [0u32; 3];
    for (i, part) in parts.iter_mut().enumerate() {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let lens: &[usize] = if i == 0 { &[4] } else { &[1, 2] };
        if !lens.contains(&digits) {
            return None;
        }
        *part = rest[..digits].parse().ok()?;
        rest = &rest[digits..];
        let mark = ["년", "월", "일"][i];
        rest = match rest.strip_prefix(mark) {
            Some(r) => r,
            None if i < 2 => rest.strip_prefix(['.', '-', '/'])?,
            None => rest.strip_prefix('.').unwrap_or(rest),
        };
        if i < 2 {
            rest = rest.trim_start_matches(' ');
        }
    }
    let [y, m, d] = parts;
    let ymd = parse_date(&format!("{y:04}-{m:02}-{d:02}"))?;
    Some((ymd, rest.to_string()))
}

/// A machine-format date token `YYYY-MM-DD`, `YYYY.MM.DD` or `YYYY/MM/DD` and nothing else
/// (a trailing `.` or `,` allowed).
fn date_token(token: &str) -> Option<Ymd> {
    let (ymd, rest) = leading_date(token)?;
    let rest = rest.trim_end_matches(['.', ',']);
    (rest.is_empty() && !token.contains(['년', ' '])).then_some(ymd)
}

/// ` date 2026-02-15 …` (or `date: …`): the date and the text after it on the same line.
pub(super) fn dateline(t: &str) -> Option<(Ymd, &str)> {
    let head = t.get(..4)?;
    if !head.eq_ignore_ascii_case("date") {
        return None;
    }
    let rest = t[4..].trim_start_matches([' ', ':']);
    if rest.len() == t.len() - 4 {
        return None; // `dates …`, `datetime`: a word, not the dateline
    }
    let end = rest.find(' ').unwrap_or(rest.len());
    let ymd = date_token(&rest[..end])?;
    Some((ymd, rest[end..].trim()))
}

/// Whether what follows a date on its line is only a weekday and a time: `(토)`, `(목) 12:00`,
/// `오전 10:30`, `10:30:00`.
fn only_weekday_and_time(rest: &str) -> bool {
    rest.split_whitespace().all(|w| {
        let w = w.trim_matches(|c| matches!(c, '(' | ')' | '.' | ','));
        w.is_empty()
            || matches!(w, "오전" | "오후" | "AM" | "PM" | "기준" | "현재")
            || "월화수목금토일".contains(w)
            || w.strip_suffix("요일").is_some_and(|d| "월화수목금토일".contains(d))
            || w.chars().all(|c| c.is_ascii_digit() || c == ':') && w.contains(':')
            || w.starts_with(|c: char| "월화수목금토일".contains(c))
                && w.len() <= "토)".len() + 6
                && w.contains(')')
    })
}

/// A line that is only a date (with perhaps a weekday and a time): `2026.02.15`,
/// `2026년 2월 15일 (일)`, `2026. 2. 15. 10:30`; a machine-format date may carry one short
/// word, the outlet (`2021-03-14 뉴스1`).
pub(super) fn standalone_date(t: &str) -> Option<Ymd> {
    if t.chars().count() > 40 {
        return None;
    }
    let (ymd, rest) = leading_date(t)?;
    let machine = fold_digits(t).chars().nth(4).is_some_and(|c| matches!(c, '.' | '-' | '/'));
    let outlet = machine
        && rest.starts_with(' ')
        && rest.split_whitespace().count() == 1
        && rest.trim().chars().count() <= 8
        && !ends_sentence(&rest);
    (only_weekday_and_time(&rest) || outlet).then_some(ymd)
}

/// `입력 2026.03.18 10:30`, `수정 …`, `보도시점 2024. 3. 28.(목) 12:00`, `2026/03/17 11:00 송고`:
/// a metadata line, with the rank of its date.
pub(super) fn meta_date(t: &str) -> Option<(DateRank, Ymd)> {
    if t.chars().count() > 80 {
        return None;
    }
    let words: Vec<&str> =
        t.split([' ', '|']).map(|w| w.trim_matches(':')).filter(|w| !w.is_empty()).collect();
    let first = *words.first()?;
    if words.last() == Some(&"송고") {
        return date_token(first).map(|d| (DateRank::Sent, d));
    }
    let label = first.trim_end_matches(':');
    let rank = match label {
        "입력" | "기사입력" | "최초입력" | "등록" | "발행" | "발행일" | "게재" | "보도시점"
        | "보도일시" | "보도일" | "배포일시" | "배포일" | "작성일" | "작성일자" => {
            DateRank::Input
        }
        "수정" | "최종수정" | "업데이트" | "승인" | "기사수정" => DateRank::Revised,
        _ => return None,
    };
    let after = t[t.find(first)? + first.len()..].trim_start_matches([':', ' ', '|']);
    leading_date(after).map(|(d, _)| (rank, d))
}

/// The day of a bare `15일` in the lead's first sentence (`[서울=뉴스] 15일 …`,
/// `산업부는 17일 밝혔다`), the publication day of wire copy.
pub(super) fn bare_day(first_sentence: &str) -> Option<u8> {
    numbers::find(first_sentence, "ko").iter().find_map(|f| match f.quantity.amount {
        Amount::Date { year: None, month: None, day: Some(d) } if f.quantity.unit == Unit::Date => {
            Some(d)
        }
        _ => None,
    })
}

/// The latest year and month the article names with both (`2026년 2월`, `2026.02`): the
/// month a bare day belongs to.
pub(super) fn latest_month(found: &[Found]) -> Option<(i32, u8)> {
    found
        .iter()
        .filter_map(|f| match f.quantity.amount {
            Amount::Date { year: Some(y), month: Some(m), .. } => Some((y, m)),
            _ => None,
        })
        .max()
}

/// A bare day placed in a month, when that is a real date.
pub(super) fn in_month((y, m): (i32, u8), day: u8) -> Option<Ymd> {
    parse_date(&format!("{y:04}-{m:02}-{day:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn metadata_lines() {
        assert_eq!(dateline(" date 2026-02-15 글로벌".trim()), Some(((2026, 2, 15), "글로벌")));
        assert_eq!(dateline("date: 2026-03-11"), Some(((2026, 3, 11), "")));
        assert_eq!(dateline("dates 2026-03-11"), None);
        assert_eq!(dateline("date 2026-02-30"), None);
        assert_eq!(meta_date("입력 2026.03.18 10:30"), Some((DateRank::Input, (2026, 3, 18))));
        assert_eq!(meta_date("2026/03/17 11:00 송고"), Some((DateRank::Sent, (2026, 3, 17))));
        assert_eq!(meta_date("입력하는 방법"), None);
        assert_eq!(
            meta_date("보도시점 2024. 3. 28.(목) 12:00"),
            Some((DateRank::Input, (2024, 3, 28)))
        );
    }

    #[test]
    fn date_lines() {
        assert_eq!(standalone_date("2026.02.15"), Some((2026, 2, 15)));
        assert_eq!(standalone_date("２０２６．０２．１５"), Some((2026, 2, 15)));
        assert_eq!(standalone_date("2026년 2월 15일"), Some((2026, 2, 15)));
        assert_eq!(standalone_date("2026년 2월 15일 (일) 10:30"), Some((2026, 2, 15)));
        assert_eq!(standalone_date("2026. 2. 15. 오전 10:30"), Some((2026, 2, 15)));
        assert_eq!(standalone_date("2026년 2월 15일 발표된 보고서"), None);
        assert_eq!(standalone_date("2026.02.30"), None);
        assert_eq!(standalone_date("2021-03-14 뉴스1"), Some((2021, 3, 14)));
        assert_eq!(standalone_date("2021-03-14 정부가 발표했다."), None);
    }

    #[test]
    fn bare_days() {
        assert_eq!(bare_day("15일 과기정통부에 따르면 이용률은 93%다."), Some(15));
        assert_eq!(bare_day("산업부는 17일 밝혔다."), Some(17));
        assert_eq!(bare_day("3일간 진행했다."), None);
        let found = numbers::find("2026년 1월 조사와 2025년 12월 조사", "ko");
        assert_eq!(latest_month(&found), Some((2026, 1)));
        assert_eq!(in_month((2026, 2), 30), None);
    }
}
