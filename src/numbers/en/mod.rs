//! Finding numeric expressions in English text (and, without the English words, in any other
//! language: digits, `%`, ranges, currency symbols and ISO dates).
//!
//! The shared scanner ([`super::scan`]) hands this grammar every digit and every word start.
//! An expression is read in phases, one file each: [`prefix`] (`$`, `more than`, `since`) →
//! [`number`] (digits or a spelled number, with the words of [`scale`]) → [`range`] (`–`,
//! `to`, `between … and`) → [`unit`](mod@unit) (`%`, `times`, `won`, `years old`, a counted noun) →
//! [`suffix`] (ratios `of 28`, `+`, `or more`). Dates live in [`date`], the word-led forms
//! (`twice`, `tens of thousands of`, `a million`) in [`start`].

mod date;
mod number;
mod prefix;
mod range;
mod scale;
mod start;
mod suffix;
mod unit;

use super::lexicon::en::{Pre, SPELLED, Suf};
use super::quantity::{Approx, Found};
use super::scan::{
    self, Dateline, Grammar, Scan, digit_at, glued_to_name, letter_at, skip_ident, skip_word,
};
use super::text::{lit_ci, space};
use rust_decimal::Decimal;
use scale::glued_scale;
use std::ops::{Deref, DerefMut};

/// Finds every numeric expression in English text. With `words` false only language-neutral
/// forms are read (the fallback for languages other than Korean and English).
pub(crate) fn find(text: &str, dateline: Dateline, words: bool) -> Vec<Found> {
    let mut e = En { scan: Scan::new(text, dateline), words };
    scan::scan(text, &mut e);
    e.scan.out
}

/// A scan of English text: the shared scan state plus the English grammar as methods.
struct En<'a> {
    scan: Scan<'a>,
    /// Whether English words are read; false for the language-neutral fallback.
    words: bool,
}

impl<'a> Deref for En<'a> {
    type Target = Scan<'a>;
    fn deref(&self) -> &Scan<'a> {
        &self.scan
    }
}

impl DerefMut for En<'_> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.scan
    }
}

impl Grammar for En<'_> {
    /// A digit: an ISO date, a `15 February` date, or an expression.
    fn at_digit(&mut self, i: usize) -> usize {
        let s = self.s;
        if let Some(end) = glued_to_name(s, i) {
            return end;
        }
        if let Some(e) = self.iso_date(i) {
            return e;
        }
        if self.words
            && let Some(e) = self.day_month(i)
        {
            return e;
        }
        let Some(num) = self.digits_num(i) else {
            return skip_ident(s, i);
        };
        self.expr(i, num).unwrap_or_else(|| skip_ident(s, i))
    }

    /// A word: a month, a spelled number, `twice`, a vague amount, `a million`, `last year`,
    /// `in their teens`; anything else is skipped whole.
    fn at_word(&mut self, i: usize) -> usize {
        let s = self.s;
        let we = word_end(s, i);
        if !self.words || digit_at(s, we) {
            return skip_word(s, i);
        }
        let handled = self
            .at_month(i)
            .or_else(|| self.at_spelled(i, we))
            .or_else(|| self.at_times_word(i, we))
            .or_else(|| self.at_vague(i, we))
            .or_else(|| self.at_a_scale(i, we))
            .or_else(|| self.at_relative_year(i, we))
            .or_else(|| self.at_teens(i, we));
        match handled {
            Some(e) if e > i => e,
            _ => skip_word(s, i),
        }
    }

    /// Nothing else starts an English expression.
    fn at_other(&mut self, _i: usize, _c: char) -> Option<usize> {
        None
    }
}

/// What the phases have read of one expression so far.
#[derive(Clone, Debug)]
struct Expr {
    /// Where the number starts with its currency sign and minus, before any words.
    start: usize,
    /// What the words before it say, and where they start.
    pre: Pre,
    pre_start: usize,
    cur: Option<&'static str>,
    neg: bool,
    left: Num,
    right: Option<Num>,
    /// The lower (or only) value; a bare left end may have taken the right end's scale.
    lo: Decimal,
    suf: Suf,
    /// End of the expression so far.
    end: usize,
    approx: Approx,
    /// Where the recorded expression starts (words like `about` and `aged` included).
    start_final: usize,
    noun: Option<String>,
}

impl En<'_> {
    /// Reads the rest of an expression from a number at `i`: the phases in order. `None`
    /// means no quantity here.
    fn expr(&mut self, i: usize, mut left: Num) -> Option<usize> {
        let s = self.s;
        let pre = self.prefix(i);
        if !left.spelled && identifier_follows(s, left.end) {
            return Some(skip_ident(s, i));
        }
        if pre.cur.is_some() {
            glued_scale(s, &mut left)?;
        }
        let (suf, end) = self.suffix(left.end);
        if suf == Suf::Name {
            return Some(skip_ident(s, i).max(end));
        }
        let mut x = Expr::new(pre, left, suf, end);
        self.range(&mut x)?;
        // `02-1234-5678`: a hyphenated identifier, not a range.
        if x.right.is_none()
            && x.suf == Suf::None
            && let Some(('-', n)) = super::text::ch(s, left.end)
            && digit_at(s, n)
        {
            return Some(skip_ident(s, i));
        }
        if x.neg {
            x.lo = -x.lo;
        }
        match self.unit(&mut x) {
            unit::Reading::Measured(u) => self.finish(x, u),
            unit::Reading::Done(end) => Some(end),
            unit::Reading::NoQuantity => None,
        }
    }
}

/// Whether `.`, `:` or `/` and a digit follow: an identifier chain (`1.2.3`, `14:30`, `1/2`).
fn identifier_follows(s: &str, end: usize) -> bool {
    matches!(super::text::ch(s, end), Some((c, n)) if matches!(c, '.' | ':' | '/') && digit_at(s, n))
}

/// End of the ASCII-letter word at `pos` (raw ASCII only, so words slice safely).
fn word_end(s: &str, mut pos: usize) -> usize {
    let b = s.as_bytes();
    while pos < b.len() && b[pos].is_ascii_alphabetic() {
        pos += 1;
    }
    pos
}

/// `word` (case-insensitive) at `pos`, ending at a word boundary.
fn word_ci(s: &str, pos: usize, word: &str) -> Option<usize> {
    let e = lit_ci(s, pos, word)?;
    (!letter_at(s, e) && !digit_at(s, e)).then_some(e)
}

/// ` word` (one space, then the word) at `pos`.
fn sp_word(s: &str, pos: usize, word: &str) -> Option<usize> {
    let q = space(s, pos);
    if q == pos {
        return None;
    }
    word_ci(s, q, word)
}

/// The value of a spelled number (`seven`), case-insensitive.
fn spelled_value(w: &str) -> Option<i64> {
    SPELLED.iter().find(|(sw, _)| sw.eq_ignore_ascii_case(w)).map(|&(_, v)| v)
}

/// A number before its suffix: `4.32 million`, `4,006`, `seven`.
#[derive(Clone, Copy, Debug)]
pub(super) struct Num {
    pub value: Decimal,
    pub end: usize,
    /// Exponent of the scale word (`million` = 6), 0 if none.
    pub scale: u32,
    pub comma: bool,
    pub int_digits: usize,
    pub frac: bool,
    pub spelled: bool,
}
