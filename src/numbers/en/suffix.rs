//! Phase 6: what follows the unit: a counted noun (`4,006 companies`), the whole of a ratio
//! (`one in four`, `25 of the 28`), `+` and the bounding phrases (`or more`, `and older`).

use super::unit::Reading;
use super::{En, Expr, sp_word, word_ci};
use crate::numbers::lexicon::en::{MONTHS, NOT_NAMES, NOT_NOUNS, POSTFIX_PHRASES};
use crate::numbers::quantity::{Amount, Approx, Quantity, Unit};
use crate::numbers::scan::{digit_at, letter_at};
use crate::numbers::text::{ch, is_int, lit, prev_ch, space};
use rust_decimal::Decimal;

impl Expr {
    /// The value or range read.
    fn amount(&self) -> Amount {
        match self.right {
            Some(r) => Amount::Range(self.lo, r.value),
            None => Amount::Exact(self.lo),
        }
    }
}

impl En<'_> {
    /// A bare number that is none of the special readings: a ratio (recorded here), a name's
    /// number (`Llama 3`), or a count with the noun after it.
    pub(super) fn count(&mut self, x: &mut Expr) -> Reading {
        let s = self.s;
        let left = x.left;
        if x.right.is_none()
            && left.scale == 0
            && is_int(left.value)
            && let Some((whole, e)) = self.ratio_whole(left.end)
            && whole >= left.value
        {
            return Reading::Done(self.ratio(x, whole, e));
        }
        // `Llama 3`, `Table 2`, `iPhone 16`: a plain number after a name.
        if x.right.is_none()
            && left.scale == 0
            && !left.comma
            && !left.spelled
            && x.approx == Approx::Exact
            && name_before(s, x.start)
        {
            return Reading::Done(left.end);
        }
        if let Some((n, ne)) = noun_after(s, x.end) {
            x.noun = Some(n);
            x.end = ne;
        }
        // Spelled numbers count only nouns, and `one` only with a scale.
        if left.spelled && left.scale == 0 && (x.noun.is_none() || left.value < Decimal::TWO) {
            return Reading::NoQuantity;
        }
        Reading::Measured(Unit::Count)
    }

    /// Records `x` as a ratio of `whole` whose text ends at `e`; returns the end.
    fn ratio(&mut self, x: &Expr, whole: Decimal, e: usize) -> usize {
        let s = self.s;
        let mut end = e;
        let mut noun = None;
        let mut approx = x.approx;
        if let Some((n, ne)) = noun_after(s, end) {
            noun = Some(n);
            end = ne;
        }
        if let Some((a, e)) = en_postfix(s, end) {
            approx = a;
            end = e;
        }
        let amount = Amount::Ratio { part: x.lo, whole };
        self.push(x.start_final, end, Quantity { amount, unit: Unit::Ratio, approx, noun });
        end
    }

    /// Records the expression with its trailing `+` and bounding phrase; returns the end.
    pub(super) fn finish(&mut self, x: Expr, unit: Unit) -> Option<usize> {
        let s = self.s;
        let mut approx = x.approx;
        let mut end = x.end;
        if let Some(e) = lit(s, end, "+")
            && !digit_at(s, e)
        {
            approx = Approx::Over;
            end = e;
        }
        let mut unit = unit;
        if let Some((a, e)) = en_postfix(s, end) {
            // `65 or older`: an age bound.
            if unit == Unit::Count
                && x.noun.is_none()
                && (s[end..e].ends_with("older") || s[end..e].ends_with("younger"))
            {
                unit = Unit::Age;
            }
            approx = a;
            end = e;
        }
        let q = Quantity { amount: x.amount(), unit, approx, noun: x.noun };
        self.push(x.start_final, end, q);
        Some(end)
    }

    /// ` in four`, ` out of 5`, ` of 28`, ` of the 28`.
    fn ratio_whole(&self, p: usize) -> Option<(Decimal, usize)> {
        let s = self.s;
        let q = if let Some(e) = sp_word(s, p, "in") {
            e
        } else if let Some(e) = sp_word(s, p, "out").and_then(|e| sp_word(s, e, "of")) {
            e
        } else if let Some(e) = sp_word(s, p, "of") {
            sp_word(s, e, "the").unwrap_or(e)
        } else {
            return None;
        };
        let r = space(s, q);
        if r == q {
            return None;
        }
        let n = self.num_at(r)?;
        let year_like = n.int_digits == 4 && !n.comma && n.scale == 0;
        if !is_int(n.value) || n.scale > 0 || year_like || n.value.is_zero() {
            return None;
        }
        if n.spelled || !letter_at(s, n.end) {
            return Some((n.value, n.end));
        }
        None
    }
}

/// Whether `w` may be the noun counted by a number: a lowercase word that is no function word.
pub(super) fn is_noun(w: &str) -> bool {
    w.len() >= 2
        && w.as_bytes()[0].is_ascii_lowercase()
        && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        && !NOT_NOUNS.contains(&w)
}

/// The counted noun after a number: ` companies`, ` people`.
fn noun_after(s: &str, p: usize) -> Option<(String, usize)> {
    let q = space(s, p);
    if q == p {
        return None;
    }
    let mut e = q;
    while let Some((c, n)) = ch(s, e) {
        if c.is_ascii_lowercase() || (c == '-' && e > q && letter_at(s, n)) {
            e = n;
        } else {
            break;
        }
    }
    if digit_at(s, e) || matches!(ch(s, e), Some((c, _)) if c.is_ascii_uppercase()) {
        return None;
    }
    let w = &s[q..e];
    is_noun(w).then(|| (w.to_string(), e))
}

/// Whether a capitalised word that is not a preposition or qualifier stands right before
/// the number, with one space (`Llama 3`, `Table 2`).
fn name_before(s: &str, start: usize) -> bool {
    let Some((' ', ps)) = prev_ch(s, start) else {
        return false;
    };
    let mut b = ps;
    while let Some((c, p)) = prev_ch(s, b) {
        if c.is_ascii_alphanumeric() || c == '-' {
            b = p;
        } else {
            break;
        }
    }
    let w = &s[b..ps];
    if w.is_empty() {
        return false;
    }
    let first = w.as_bytes()[0];
    let has_upper = w.bytes().any(|c| c.is_ascii_uppercase());
    (first.is_ascii_uppercase() || has_upper)
        && !NOT_NAMES.iter().any(|n| n.eq_ignore_ascii_case(w))
        && MONTHS.iter().all(|(m, _)| !m.eq_ignore_ascii_case(w))
}

/// `or more`, `or less`, `and over`, `or older` after a number.
pub(super) fn en_postfix(s: &str, end: usize) -> Option<(Approx, usize)> {
    let q = space(s, end);
    if q == end {
        return None;
    }
    for &(w, a) in POSTFIX_PHRASES {
        if let Some(e) = word_ci(s, q, w) {
            return Some((a, e));
        }
    }
    None
}
