//! Phase 4: ranges (`10~249명`, `3~5조 원`, `10명~20명`) and the unit word after each end.

use super::number::Core;
use super::prefix::Prefix;
use super::suffix::yeo;
use super::{Expr, Ko};
use crate::numbers::lexicon::ko::Suf;
use crate::numbers::quantity::Approx;
use crate::numbers::scan::digit_at;
use crate::numbers::text::{ch, pow10, space};

impl Ko<'_> {
    /// The number with its `여`, its unit word and, when one follows, the rest of a range.
    pub(super) fn suffixed(&self, pre: Prefix, left: Core) -> Expr {
        let s = self.s;
        let mut approx = pre.approx;
        let mut p = left.end;
        if let Some(e) = yeo(s, p) {
            approx = Approx::About;
            p = e;
        }
        let (suf, end) = self.suffix(p, left.native);
        let mut x = Expr {
            start: pre.start,
            approx,
            neg: pre.neg,
            cur: pre.cur,
            left,
            right: None,
            lo: left.value,
            p,
            suf,
            end,
        };
        if !left.native {
            if suf == Suf::None {
                self.range_unit_after(&mut x);
            } else if suf != Suf::Name {
                self.range_unit_both(&mut x);
            }
        }
        x
    }

    /// `10~249명`, `3~5조 원`: the unit after the right end applies to both.
    fn range_unit_after(&self, x: &mut Expr) {
        let s = self.s;
        let Some((q, hyphen)) = self.range_conn(x.p) else { return };
        let Some(r) = self.core(q) else { return };
        let (rs, re) = self.suffix(r.end, false);
        let hyphen_ok = !hyphen || (rs != Suf::None && !matches!(ch(s, re), Some(('-', _))));
        // `3~5조`: a bare left end takes the right end's myriad unit when that keeps it the
        // lower end.
        let mut l2 = x.lo;
        if x.left.plain
            && r.top > 0
            && let Some(scaled) = x.lo.checked_mul(pow10(r.top))
            && scaled <= r.value
        {
            l2 = scaled;
        }
        if hyphen_ok && rs != Suf::Name && l2 <= r.value {
            x.lo = l2;
            x.right = Some(r);
            x.suf = rs;
            x.end = re;
        }
    }

    /// `10명~20명`, `3조 원~5조 원`: the same unit on both ends.
    fn range_unit_both(&self, x: &mut Expr) {
        let Some((q, _)) = self.range_conn(x.end) else { return };
        let Some(r) = self.core(q) else { return };
        let (rs, re) = self.suffix(r.end, false);
        if rs == x.suf && x.lo <= r.value {
            x.right = Some(r);
            x.end = re;
        }
    }

    /// `~`, `∼`, `〜`, `～` or an en dash (spaces allowed), or a glued hyphen; returns the start of
    /// the next number and whether the connector was a hyphen.
    fn range_conn(&self, p: usize) -> Option<(usize, bool)> {
        let s = self.s;
        let q = space(s, p);
        let (c, n) = ch(s, q)?;
        let hyphen = c == '-';
        if !(c == '~' || c == '–' || (hyphen && q == p)) {
            return None;
        }
        let r = if hyphen { n } else { space(s, n) };
        digit_at(s, r).then_some((r, hyphen))
    }
}
