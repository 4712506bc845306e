//! Phase 2: the number itself: digits (`4,006`, `47.3`) or a spelled number (`seven`), each
//! with a scale word when one follows (see [`super::scale`]).

use super::Num;
use super::scale::scale_word;
use super::{En, spelled_value, word_end};
use crate::numbers::scan::{digit_at, letter_at};
use crate::numbers::text::{pow10, read_digits};
use rust_decimal::Decimal;

impl En<'_> {
    /// Digits with an optional scale word.
    pub(super) fn digits_num(&self, i: usize) -> Option<Num> {
        let s = self.s;
        let d = read_digits(s, i)?;
        let mut num = Num {
            value: d.value,
            end: d.end,
            scale: 0,
            comma: d.comma,
            int_digits: d.int_digits,
            frac: d.frac_digits > 0,
            spelled: false,
        };
        if self.words
            && let Some((e, end)) = scale_word(s, d.end)
        {
            num.value = d.value.checked_mul(pow10(e))?.normalize();
            num.scale = e;
            num.end = end;
        }
        Some(num)
    }

    /// A number at `q`: digits or (with words) a spelled number.
    pub(super) fn num_at(&self, q: usize) -> Option<Num> {
        let s = self.s;
        if digit_at(s, q) {
            return self.digits_num(q);
        }
        if !self.words || !letter_at(s, q) {
            return None;
        }
        let we = word_end(s, q);
        let v = spelled_value(&s[q..we])?;
        let mut num = Num {
            value: Decimal::from(v),
            end: we,
            scale: 0,
            comma: false,
            int_digits: 0,
            frac: false,
            spelled: true,
        };
        if let Some((e, end)) = scale_word(s, we) {
            num.value = num.value.checked_mul(pow10(e))?;
            num.scale = e;
            num.end = end;
        }
        Some(num)
    }
}
