//! Phase 1: what is written before the number: a currency (`$`, `US$`, `USD `), a minus and
//! the qualifying words (`more than`, `about`, `since`, `aged`, `between`).

use super::Num;
use super::{En, Expr};
use crate::numbers::lexicon::en::{PREFIX_PHRASES, Pre, Suf};
use crate::numbers::quantity::Approx;
use crate::numbers::scan::{currency_before, minus_before};
use crate::numbers::text::{ends_with_word_ci, prev_ch};

/// The qualifiers before a number.
#[derive(Clone, Copy, Debug)]
pub(super) struct Prefix {
    /// Where the number starts with its currency sign and minus.
    pub start: usize,
    pub cur: Option<&'static str>,
    pub neg: bool,
    /// What the words before that say, and where they start.
    pub pre: Pre,
    pub pre_start: usize,
}

impl Expr {
    /// An expression of `left` with its unit word `suf` ending at `end`, after `prefix`.
    pub(super) fn new(prefix: Prefix, left: Num, suf: Suf, end: usize) -> Expr {
        let approx = match prefix.pre {
            Pre::Approx(a) => a,
            _ => Approx::Exact,
        };
        // Only approximating words and `between` belong to the figure itself.
        let start_final = if matches!(prefix.pre, Pre::Approx(_) | Pre::Between) {
            prefix.pre_start
        } else {
            prefix.start
        };
        Expr {
            start: prefix.start,
            pre: prefix.pre,
            pre_start: prefix.pre_start,
            cur: prefix.cur,
            neg: prefix.neg,
            left,
            right: None,
            lo: left.value,
            suf,
            end,
            approx,
            start_final,
            noun: None,
        }
    }
}

impl En<'_> {
    /// Qualifiers written before the number at `i`.
    pub(super) fn prefix(&self, i: usize) -> Prefix {
        let s = self.s;
        let mut start = i;
        let cur = currency_before(s, start, self.floor()).map(|(code, st)| {
            start = st;
            code
        });
        let mut neg = false;
        if let Some(st) = minus_before(s, start, &[' ', '(', '\n']) {
            neg = true;
            start = st;
        }
        let (pre, pre_start) = if self.words { en_prefix(s, start) } else { (Pre::None, start) };
        Prefix { start, cur, neg, pre, pre_start }
    }
}

/// Words before a number that qualify it (`more than`, `about`, `since`, `aged`).
pub(super) fn en_prefix(s: &str, start: usize) -> (Pre, usize) {
    let Some((' ', b)) = prev_ch(s, start) else {
        return (Pre::None, start);
    };
    for &(w, pre) in PREFIX_PHRASES {
        if let Some(st) = ends_with_word_ci(s, b, w) {
            // Longer phrases come first: `no more than` before `more than`.
            return (pre, st);
        }
    }
    (Pre::None, start)
}
