//! Phase 2: the number itself: digits, myriad groups (`2조 5000억`, `908억7000만`) and
//! native numerals (`두 `).

use super::Ko;
use crate::numbers::lexicon::ko::NATIVE_NUMERALS;
use crate::numbers::scan::digit_at;
use crate::numbers::text::{Digits, ch, lit, pow10, space};
use rust_decimal::Decimal;

/// A number before its suffix.
#[derive(Clone, Copy, Debug)]
pub(super) struct Core {
    pub value: Decimal,
    pub end: usize,
    /// Exponent of the largest myriad unit used (만 = 4), 0 if none.
    pub top: u32,
    /// Written as bare digits (no 만/천, no comma).
    pub plain: bool,
    pub comma: bool,
    pub int_digits: usize,
    pub leading_zero: bool,
    pub native: bool,
}

impl Core {
    /// A number written as bare digits (`4,006`, `47.3`).
    fn from_digits(d: Digits) -> Core {
        Core {
            value: d.value,
            end: d.end,
            top: 0,
            plain: !d.comma,
            comma: d.comma,
            int_digits: d.int_digits,
            leading_zero: d.leading_zero,
            native: false,
        }
    }
}

impl Ko<'_> {
    /// A full number: myriad groups `2조 5000억`, `908억7000만`, `5만6천795`, `1.8만`.
    pub(super) fn core(&self, i: usize) -> Option<Core> {
        let s = self.s;
        let first = self.small_group(i)?;
        let (gv, gend, d, gplain) = (first.value, first.end, first.digits, first.plain);
        let Some((e, mut p)) = self.big_after(gend, u32::MAX) else {
            let mut c = Core::from_digits(d);
            c.value = gv;
            c.end = gend;
            c.plain = c.plain && gplain;
            return Some(c);
        };
        let mut total = gv.checked_mul(pow10(e))?;
        let top = e;
        let mut last = e;
        loop {
            let q = space(s, p);
            if !digit_at(s, q) {
                break;
            }
            let Some(group) = self.small_group(q) else {
                break;
            };
            let (g2, g2end, d2) = (group.value, group.end, group.digits);
            if let Some((e2, n2)) = self.big_after(g2end, last) {
                total = total.checked_add(g2.checked_mul(pow10(e2))?)?;
                last = e2;
                p = n2;
                continue;
            }
            // The last group, below 만: glued (`5만6천795`, `1만7,744`) or spaced (`1만 2345`),
            // unless it is a separate expression (`100만 2024년`, `100만 2,024명`).
            let spaced = q != p;
            let ok = g2 < pow10(4)
                && !(spaced && d2.comma)
                && !(spaced && self.blocks_final_group(g2end));
            if ok {
                total = total.checked_add(g2)?;
                p = g2end;
            }
            break;
        }
        Some(Core {
            value: total.normalize(),
            end: p,
            top,
            plain: false,
            comma: d.comma,
            int_digits: d.int_digits,
            leading_zero: d.leading_zero,
            native: false,
        })
    }
}

/// A native numeral followed by exactly one space (`두 `).
pub(super) fn native_numeral(s: &str, i: usize) -> Option<Core> {
    for &(w, v) in NATIVE_NUMERALS {
        if let Some(e) = lit(s, i, w)
            && matches!(ch(s, e), Some((' ', _)))
        {
            return Some(Core {
                value: Decimal::from(v),
                end: e,
                top: 0,
                plain: false,
                comma: false,
                int_digits: 0,
                leading_zero: false,
                native: true,
            });
        }
    }
    None
}
