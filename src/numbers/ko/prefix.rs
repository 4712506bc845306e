//! Phase 1: what is written before the number (`약 `, `최대 `, `$`, `USD `, `-`).

use super::Ko;
use crate::numbers::lexicon::ko::PREFIX_WORDS;
use crate::numbers::quantity::Approx;
use crate::numbers::scan::{currency_before, minus_before};
use crate::numbers::text::{is_hangul, norm};

/// The qualifiers before a number and where the expression starts with them.
#[derive(Clone, Copy, Debug)]
pub(super) struct Prefix {
    pub start: usize,
    pub approx: Approx,
    pub neg: bool,
    pub cur: Option<&'static str>,
}

impl Prefix {
    /// No qualifiers: the expression starts at the number, `i`.
    pub fn none(i: usize) -> Prefix {
        Prefix { start: i, approx: Approx::Exact, neg: false, cur: None }
    }
}

impl Ko<'_> {
    /// Qualifiers written before the number at `i`: a currency, a minus, then `약`/`최대`.
    pub(super) fn prefixes(&self, i: usize) -> Prefix {
        let s = self.s;
        let mut start = i;
        let mut neg = false;
        let cur = currency_before(s, start, self.floor()).map(|(code, st)| {
            start = st;
            code
        });
        if let Some(st) = minus_before(s, start, &[' ', '(', '[', '\n']) {
            neg = true;
            start = st;
        }
        let (approx, start) = ko_prefix(s, start);
        Prefix { start, approx, neg, cur }
    }
}

/// `약 `, `대략 `, `최대 `, `최소 `, `거의 ` before the number: (approximation, new start).
fn ko_prefix(s: &str, start: usize) -> (Approx, usize) {
    let before = &s[..start];
    let trimmed = before.strip_suffix(' ').unwrap_or(before);
    for &(w, a) in PREFIX_WORDS {
        if let Some(b) = trimmed.strip_suffix(w)
            && !matches!(b.chars().next_back(), Some(c) if is_hangul(norm(c)) || c.is_alphanumeric())
        {
            return (a, b.len());
        }
    }
    (Approx::Exact, start)
}
