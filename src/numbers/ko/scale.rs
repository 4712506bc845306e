//! Phase 3: the units that scale a number inside it: `천`/`백`/`십` within a myriad group and
//! the myriad units `만`/`억`/`조`/`경` between groups.

use super::Ko;
use crate::numbers::lexicon::ko::{Suf, big_unit, particle_start, small_unit};
use crate::numbers::text::{Digits, ch, is_hangul, pow10, read_digits, space};
use rust_decimal::Decimal;

/// One myriad group as written: its value, its end, its leading digits and whether it was
/// bare digits (no `천`/`백`/`십`).
#[derive(Clone, Copy, Debug)]
pub(super) struct Group {
    pub value: Decimal,
    pub end: usize,
    pub digits: Digits,
    pub plain: bool,
}

impl Ko<'_> {
    /// Digits and small units inside one myriad group: `7천700`, `4천6`, `1.8`, `8,000`.
    pub(super) fn small_group(&self, p: usize) -> Option<Group> {
        let s = self.s;
        let d = read_digits(s, p)?;
        let mut total = Decimal::ZERO;
        let mut term = d.value;
        let mut q = d.end;
        let mut last = 4;
        let mut plain = true;
        while let Some((c, n)) = ch(s, q) {
            let Some(e) = small_unit(c) else { break };
            if e >= last {
                break;
            }
            total = total.checked_add(term.checked_mul(pow10(e))?)?;
            last = e;
            q = n;
            plain = false;
            term = Decimal::ZERO;
            if let Some(d2) = read_digits(s, q)
                && d2.value < pow10(e)
                && !d2.comma
            {
                term = d2.value;
                q = d2.end;
                continue;
            }
            break;
        }
        total = total.checked_add(term)?;
        Some(Group { value: total, end: q, digits: d, plain })
    }

    /// A myriad unit after `pos` (one optional space), smaller than `last`.
    pub(super) fn big_after(&self, pos: usize, last: u32) -> Option<(u32, usize)> {
        let s = self.s;
        let q = space(s, pos);
        let (c, n) = ch(s, q)?;
        let e = big_unit(c)?;
        if e >= last {
            return None;
        }
        // 만큼 ("as much as"), 만화, 조각, 경기: a word, not a unit.
        match ch(s, n) {
            Some((c2, _)) if is_hangul(c2) => {
                if !(particle_start(c2) || self.suffix_word(n).is_some() || big_unit(c2).is_some())
                {
                    return None;
                }
                if c2 == '큼' {
                    return None;
                }
            }
            _ => {}
        }
        Some((e, n))
    }

    /// Whether what follows a spaced last group makes it a separate expression (`100만 2024년`).
    pub(super) fn blocks_final_group(&self, pos: usize) -> bool {
        let s = self.s;
        match ch(s, pos) {
            Some(('%' | '.' | '-', _)) => true,
            Some((c, _)) if c.is_ascii_alphanumeric() => true,
            Some((c, _)) if is_hangul(c) => matches!(
                self.suffix_word(pos),
                Some((
                    Suf::Nyeon
                        | Suf::Wol
                        | Suf::Il
                        | Suf::Rank
                        | Suf::Times
                        | Suf::AgeSe
                        | Suf::Dae
                        | Suf::Gaewol
                        | Suf::NyeonGan
                        | Suf::IlGan
                        | Suf::JuGan,
                    _
                ))
            ),
            _ => false,
        }
    }
}
