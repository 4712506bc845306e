//! The word-led forms: spelled numbers (`three companies`), `twice`/`sevenfold`, vague
//! amounts (`tens of thousands of models`), `a million` and `in their teens`.

use super::Num;
use super::prefix::en_prefix;
use super::scale::scale_word;
use super::suffix::is_noun;
use super::{En, sp_word, spelled_value, word_end};
use crate::numbers::lexicon::en::{Pre, VAGUE_PLURALS, VAGUE_SINGULARS, currency_word, magnitude};
use crate::numbers::lexicon::iso_code;
use crate::numbers::quantity::{Amount, Approx, Quantity, Unit};
use crate::numbers::scan::letter_at;
use crate::numbers::text::{lit, pow10, read_int, space};
use rust_decimal::Decimal;

impl En<'_> {
    /// `three companies`, `one in four`, `seven times`, `two million`.
    pub(super) fn at_spelled(&mut self, i: usize, we: usize) -> Option<usize> {
        let s = self.s;
        spelled_value(&s[i..we])?;
        let num = self.num_at(i)?;
        let e = self.expr(i, num)?;
        Some(e)
    }

    /// `twice`, `sevenfold`, `twofold`.
    pub(super) fn at_times_word(&mut self, i: usize, we: usize) -> Option<usize> {
        let s = self.s;
        let w = &s[i..we];
        let v = if w.eq_ignore_ascii_case("twice") {
            2
        } else {
            let stem = w
                .len()
                .checked_sub(4)
                .filter(|&k| w[k..].eq_ignore_ascii_case("fold"))
                .map(|k| &w[..k])?;
            spelled_value(stem)?
        };
        let (approx, start) = match en_prefix(s, i) {
            (Pre::Approx(a), st) => (a, st),
            _ => (Approx::Exact, i),
        };
        let q = Quantity::exact(Decimal::from(v), Unit::Times).with_approx(approx);
        self.push(start, we, q);
        Some(we)
    }

    /// `tens of thousands of models`, `trillions of won`, `several million`.
    pub(super) fn at_vague(&mut self, i: usize, we: usize) -> Option<usize> {
        let s = self.s;
        let (exp, p) = vague_magnitude(s, i, we)?;
        // `… of models`, `… of won`.
        let of = sp_word(s, p, "of")?;
        let q = space(s, of);
        let we3 = word_end(s, q);
        let word = &s[q..we3];
        let (unit, noun) = if let Some(code) = currency_word(word).or_else(|| iso_code(word)) {
            (Unit::Currency(code.into()), None)
        } else if is_noun(word) {
            (Unit::Count, Some(word.to_string()))
        } else {
            return None;
        };
        let q = Quantity { amount: Amount::Exact(pow10(exp)), unit, approx: Approx::Some, noun };
        self.push(i, we3, q);
        Some(we3)
    }

    /// `a million people`, `a billion dollars`.
    pub(super) fn at_a_scale(&mut self, i: usize, we: usize) -> Option<usize> {
        let s = self.s;
        let w = &s[i..we];
        if !(w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an")) {
            return None;
        }
        let (e, end) = scale_word(s, we)?;
        let num = Num {
            value: pow10(e),
            end,
            scale: e,
            comma: false,
            int_digits: 1,
            frac: false,
            spelled: true,
        };
        self.expr(i, num)
    }

    /// `in their teens`.
    pub(super) fn at_teens(&mut self, i: usize, we: usize) -> Option<usize> {
        let s = self.s;
        if !s[i..we].eq_ignore_ascii_case("teens") {
            return None;
        }
        let (pre, start) = en_prefix(s, i);
        if pre != Pre::InTheir {
            return None;
        }
        // `in their teens to 20s`.
        let mut top = 10;
        let mut we = we;
        for conn in [" to ", " and ", "–"] {
            if let Some(q) = lit(s, we, conn)
                && let Some((v, 2, e)) = read_int(s, q)
                && v % 10 == 0
                && v > 10
                && let Some(e) = lit(s, e, "s")
                && !letter_at(s, e)
            {
                top = v;
                we = e;
                break;
            }
        }
        let q = Quantity {
            amount: Amount::Range(Decimal::from(10), Decimal::from(top + 9)),
            unit: Unit::Age,
            approx: Approx::Exact,
            noun: None,
        };
        self.push(start, we, q);
        Some(we)
    }
}

/// The order of magnitude the words at `i..we` name (`thousands`, `several million`, `tens
/// of thousands`, `hundreds`) and where they end.
fn vague_magnitude(s: &str, i: usize, we: usize) -> Option<(u32, usize)> {
    let w = &s[i..we];
    if w.eq_ignore_ascii_case("several") {
        let q = space(s, we);
        let we2 = word_end(s, q);
        return Some((magnitude(&VAGUE_SINGULARS, &s[q..we2])?, we2));
    }
    let tens = w.eq_ignore_ascii_case("tens");
    if !tens && !w.eq_ignore_ascii_case("hundreds") {
        return Some((magnitude(&VAGUE_PLURALS, w)?, we));
    }
    // `tens of thousands`, `hundreds of millions`; `hundreds` alone is 10².
    let mult = if tens { 1 } else { 2 };
    if let Some(e) = sp_word(s, we, "of") {
        let q = space(s, e);
        let we2 = word_end(s, q);
        if let Some(b) = magnitude(&VAGUE_PLURALS, &s[q..we2]).filter(|&b| b >= 3) {
            return Some((mult + b, we2));
        }
    }
    (mult == 2).then_some((2, we))
}
