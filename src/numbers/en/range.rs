//! Phase 4: ranges: `10–249`, `1–2 million`, `$3–$5 billion`, `10 to 20`, `between 10 and 20`
//! (`from 10 to 20` is a change, not a range).

use super::scale::glued_scale;
use super::{En, Expr, sp_word};
use crate::numbers::lexicon::currency_symbol;
use crate::numbers::lexicon::en::{Pre, Suf};
use crate::numbers::scan::{digit_at, letter_at};
use crate::numbers::text::{ch, pow10, space};

impl En<'_> {
    /// Reads the right end of a range into `x` when one follows; `None` on overflow.
    pub(super) fn range(&self, x: &mut Expr) -> Option<()> {
        if x.suf == Suf::None {
            self.range_unit_after(x)
        } else {
            self.range_unit_both(x);
            Some(())
        }
    }

    /// `10–249 employees`, `1–2 million`: the unit after the right end applies to both.
    fn range_unit_after(&self, x: &mut Expr) -> Option<()> {
        let s = self.s;
        let Some((q, hyphen)) = self.range_conn(x.left.end, x.pre, x.cur) else {
            return Some(());
        };
        let Some(mut r) = self.num_at(q).filter(|r| !r.spelled) else {
            return Some(());
        };
        if x.cur.is_some() {
            glued_scale(s, &mut r)?;
        }
        let (rs, re) = self.suffix(r.end);
        let mut l2 = x.lo;
        // `1–2 million`: a bare left end shares the right end's scale.
        if x.left.scale == 0
            && !x.left.comma
            && r.scale > 0
            && let Some(v) = x.lo.checked_mul(pow10(r.scale))
            && v <= r.value
        {
            l2 = v;
        }
        let hyphen_ok = !hyphen || !matches!(ch(s, re), Some(('-', _)));
        if rs != Suf::Name && hyphen_ok && l2 <= r.value {
            x.lo = l2;
            x.suf = rs;
            x.end = re;
            x.right = Some(r);
        }
        Some(())
    }

    /// `10% to 20%`, `5 years to 10 years`: the same unit on both ends.
    fn range_unit_both(&self, x: &mut Expr) {
        let Some((q, _)) = self.range_conn(x.end, x.pre, x.cur) else { return };
        let Some(r) = self.num_at(q).filter(|r| !r.spelled) else { return };
        let (rs, re) = self.suffix(r.end);
        if rs == x.suf && x.lo <= r.value {
            x.end = re;
            x.right = Some(r);
        }
    }

    /// A range connector after `p`: `–`, `~`, a glued `-`, ` to ` (not after `from`), ` and `
    /// (after `between`). Returns where the right end starts (after a repeated currency sign).
    fn range_conn(&self, p: usize, pre: Pre, cur: Option<&str>) -> Option<(usize, bool)> {
        let s = self.s;
        let (c, n) = ch(s, p)?;
        let mut hyphen = false;
        let mut q = match c {
            '–' | '~' => n,
            '-' => {
                hyphen = true;
                n
            }
            ' ' => self.spaced_connector(p, pre)?,
            _ => return None,
        };
        if let Some(code) = cur
            && let Some((c, n)) = ch(s, q)
            && currency_symbol(c) == Some(code)
        {
            q = n;
        }
        let ok = digit_at(s, q) || (self.words && letter_at(s, q) && !hyphen);
        ok.then_some((q, hyphen))
    }

    /// ` – `, ` ~ `, ` to ` or (after `between`) ` and ` at `p`: where the right end starts.
    fn spaced_connector(&self, p: usize, pre: Pre) -> Option<usize> {
        let s = self.s;
        let q = space(s, p);
        if let Some((c2, n2)) = ch(s, q)
            && matches!(c2, '–' | '~')
        {
            Some(space(s, n2))
        } else if self.words && pre != Pre::From && pre != Pre::Between {
            sp_word(s, p, "to").map(|e| space(s, e))
        } else if self.words && pre == Pre::Between {
            sp_word(s, p, "and").map(|e| space(s, e))
        } else {
            None
        }
    }
}
