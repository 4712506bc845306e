//! The date of each figure (`as_of`): the nearest time expression before it in its sentence
//! (`2024년`, `2025년 3월`), skipping comparison bases (`2024년보다`), with `이번` (this
//! survey) leaving the figures after it undated.

use crate::content::parse_date;
use crate::numbers::{Amount, Approx, Found, Unit};
use std::ops::Range;

/// A time expression in an element: it dates the figures after it in its sentence.
pub(super) struct Time {
    span: Range<usize>,
    /// `None` for `이번` (this survey, this time): figures after it are undated.
    as_of: Option<String>,
    /// `2024년(1,274곳)보다`: the base of a comparison, which dates only the figure in its
    /// parentheses.
    base: bool,
}

/// The time expressions of an element, in order.
pub(super) fn times(text: &str, found: &[Found]) -> Vec<Time> {
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
pub(super) fn as_of(
    text: &str,
    sentence: &Range<usize>,
    f: &Found,
    times: &[Time],
) -> Option<String> {
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
