//! The digit-less starts: vague amounts (`수만 개`), a bare small unit (`천만 관객`) and
//! native numerals (`두 배`, `세 곳`).

use super::Ko;
use super::number::{Core, native_numeral};
use super::suffix::yeo;
use super::word_end;
use crate::numbers::lexicon::ko::{Suf, big_unit, small_unit};
use crate::numbers::quantity::{Amount, Approx, Quantity, Unit};
use crate::numbers::text::{ch, is_hangul, pow10, prev_ch};

impl Ko<'_> {
    /// `수만 개`, `수조원`, `수백억 달러`: a vague order of magnitude.
    pub(super) fn at_vague(&mut self, i: usize) -> Option<usize> {
        let s = self.s;
        if matches!(prev_ch(s, i), Some((c, _)) if is_hangul(c) || c.is_ascii_alphanumeric()) {
            return None;
        }
        let (_, mut p) = ch(s, i)?;
        let mut exp = 0;
        if let Some((c, n)) = ch(s, p)
            && let Some(e) = small_unit(c)
        {
            exp += e;
            p = n;
        }
        if let Some((c, n)) = ch(s, p)
            && let Some(e) = big_unit(c)
        {
            exp += e;
            p = n;
        }
        if exp == 0 {
            return None;
        }
        if let Some(e) = yeo(s, p) {
            p = e;
        }
        let (suf, end) = self.suffix(p, false);
        let (unit, noun) = match suf {
            Suf::Counter(c) => (Unit::Count, Some(c.to_string())),
            Suf::Cur(code) => (Unit::Currency(code.into()), None),
            _ => return None,
        };
        let q = Quantity { amount: Amount::Exact(pow10(exp)), unit, approx: Approx::Some, noun };
        self.push(i, end, q);
        Some(end)
    }

    /// `천만 관객`, `백만 달러`: a small unit standing for 1 before a myriad unit.
    pub(super) fn at_bare_unit(&mut self, i: usize) -> Option<usize> {
        let s = self.s;
        if matches!(prev_ch(s, i), Some((c, _)) if is_hangul(c) || c.is_ascii_alphanumeric()) {
            return None;
        }
        let (c, n) = ch(s, i)?;
        let small = small_unit(c)?;
        let (bc, bn) = ch(s, n)?;
        let big = big_unit(bc)?;
        if !word_end(s, bn, true) && self.suffix_word(bn).is_none() {
            return None;
        }
        let core = Core {
            value: pow10(small + big),
            end: bn,
            top: big,
            plain: false,
            comma: false,
            int_digits: 0,
            leading_zero: false,
            native: false,
        };
        Some(self.after_core(i, core))
    }

    /// `두 배`, `네 명 중 한 명`, `세 곳`: native Korean numerals before a counter.
    pub(super) fn at_native(&mut self, i: usize) -> Option<usize> {
        let s = self.s;
        if matches!(prev_ch(s, i), Some((c, _)) if is_hangul(c) || c.is_ascii_alphanumeric()) {
            return None;
        }
        let core = native_numeral(s, i)?;
        let end = self.after_core(i, core);
        (end > i).then_some(end)
    }
}
