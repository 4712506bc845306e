//! Phase 6: what follows the unit: a part of a whole (`4명 중 1명`), fractions (`3분의 1`),
//! `여`, `대` (`100억원대`) and the bounds and approximations (`이상`, `미만`, `가량`).

use super::number::{Core, native_numeral};
use super::prefix::Prefix;
use super::unit::Measure;
use super::{Expr, Ko, word_end};
use crate::numbers::lexicon::ko::{
    POSTFIX_WORDS, SUFFIXES, Suf, YEAR_ABOUT, YEAR_BOUNDS, particle_start,
};
use crate::numbers::quantity::{Amount, Approx, Quantity, Unit};
use crate::numbers::scan::digit_at;
use crate::numbers::text::{ch, is_hangul, is_int, lit, space};
use rust_decimal::Decimal;

impl Ko<'_> {
    /// `3분의 1`: a fraction, part over whole; recorded, with where scanning resumes.
    pub(super) fn fraction(&mut self, pre: &Prefix, left: &Core) -> Option<usize> {
        let s = self.s;
        if !left.plain || !is_int(left.value) {
            return None;
        }
        let q = space(s, lit(s, left.end, "분의")?);
        if !digit_at(s, q) {
            return None;
        }
        let part = self.core(q).filter(|p| p.plain && is_int(p.value))?;
        let mut end = part.end;
        let mut approx = pre.approx;
        if let Some((a, e)) = ko_postfix(s, end) {
            approx = a;
            end = e;
        }
        let q = Quantity {
            amount: Amount::Ratio { part: part.value, whole: left.value },
            unit: Unit::Ratio,
            approx,
            noun: None,
        };
        self.push(pre.start, end, q);
        Some(end)
    }

    /// Records the expression with its trailing qualifiers; returns where scanning resumes.
    pub(super) fn finish(&mut self, x: &Expr, m: Measure) -> usize {
        let s = self.s;
        if let Some(end) = self.ratio(x, &m) {
            return end;
        }
        let mut approx = x.approx;
        let mut end = x.end;
        // `100억원대`, `30%대`: "in the 10-billion range" is at least the value.
        if matches!(x.suf, Suf::Counter(_) | Suf::Cur(_) | Suf::Percent)
            && let Some(e) = lit(s, end, "대")
            && word_end(s, e, false)
        {
            approx = Approx::Over;
            end = e;
        }
        let (approx, end) = approx_after(s, end, approx);
        let start =
            if x.suf == Suf::AgeSe { full_age_start(s, x.start, self.floor()) } else { x.start };
        let q = Quantity { amount: m.amount, unit: m.unit, approx, noun: m.noun };
        self.push(start, end, q);
        end
    }

    /// `4명 중 1명`, `28개 중 25개`: part of a whole, same counter on both; recorded.
    fn ratio(&mut self, x: &Expr, m: &Measure) -> Option<usize> {
        let s = self.s;
        let (Suf::Counter(c), None, Amount::Exact(whole)) = (x.suf, x.right, &m.amount) else {
            return None;
        };
        // `약 10명 중 9명`: about nine in ten; a bound on the whole makes no ratio.
        if !matches!(x.approx, Approx::Exact | Approx::About) {
            return None;
        }
        let (part, mut e) = self.ratio_part(x.end, c)?;
        let mut approx = x.approx;
        if let Some((a, pe)) = ko_postfix(s, e) {
            approx = a;
            e = pe;
        } else if let Some(pe) = lit(s, e, "꼴") {
            // `4명 중 1명꼴`: "roughly one in four".
            approx = Approx::About;
            e = pe;
        }
        let q = Quantity {
            amount: Amount::Ratio { part, whole: *whole },
            unit: Unit::Ratio,
            approx,
            noun: Some(c.to_string()),
        };
        self.push(x.start, e, q);
        Some(e)
    }

    /// ` 중 1명` after `4명`: the part, with the same counter.
    fn ratio_part(&self, p: usize, counter: &str) -> Option<(Decimal, usize)> {
        let s = self.s;
        let q = space(s, p);
        let mut e = lit(s, q, "중")?;
        if let Some(x) = lit(s, e, "에서").or_else(|| lit(s, e, "에")) {
            e = x;
        }
        let r = space(s, e);
        let core = if digit_at(s, r) { self.core(r)? } else { native_numeral(s, r)? };
        let (suf, end) = self.suffix(core.end, core.native);
        (suf == Suf::Counter(counter_static(counter)?)).then_some((core.value, end))
    }
}

/// The counter of the suffix table equal to `c`, with its static lifetime.
fn counter_static(c: &str) -> Option<&'static str> {
    SUFFIXES.iter().find_map(|(_, suf)| match suf {
        Suf::Counter(x) if *x == c => Some(*x),
        _ => None,
    })
}

/// `여` right after a number or counter (`100여 명`, `1년여`) means "some, a little over".
pub(super) fn yeo(s: &str, p: usize) -> Option<usize> {
    let e = lit(s, p, "여")?;
    match ch(s, e) {
        None => Some(e),
        Some((c, _)) if !is_hangul(c) => Some(e),
        // `100여개`: a counter glued to 여.
        Some((c, _)) if particle_start(c) || matches!(c, '개' | '명' | '곳' | '건' | '년') => {
            Some(e)
        }
        _ => None,
    }
}

/// `여` (`1년여`: a little over) and then a written bound (`이상`, `가량`) after `end`: the
/// approximation they make and where the expression now ends.
pub(super) fn approx_after(s: &str, mut end: usize, mut approx: Approx) -> (Approx, usize) {
    if let Some(e) = yeo(s, end) {
        approx = Approx::About;
        end = e;
    }
    if let Some((a, e)) = ko_postfix(s, end) {
        approx = a;
        end = e;
    }
    (approx, end)
}

/// Bounds and approximations written after the expression (`이상`, `미만`, `가량`).
pub(super) fn ko_postfix(s: &str, end: usize) -> Option<(Approx, usize)> {
    let q = space(s, end);
    for &(w, a) in POSTFIX_WORDS {
        if let Some(e) = lit(s, q, w)
            && word_end(s, e, false)
        {
            return Some((a, e));
        }
    }
    None
}

/// `이후` (since), `이전` (before), `경`/`께` (around) after a year.
pub(super) fn year_postfix(s: &str, end: usize) -> Option<(Approx, usize)> {
    for (w, a) in YEAR_ABOUT {
        if let Some(e) = lit(s, end, w)
            && word_end(s, e, false)
        {
            return Some((a, e));
        }
    }
    let q = space(s, end);
    for (w, a) in YEAR_BOUNDS {
        if let Some(e) = lit(s, q, w)
            && word_end(s, e, false)
        {
            return Some((a, e));
        }
    }
    None
}

/// `만 20∼64세`, `만20세`: `만` before an age in years means "full age" (not 10,000); it
/// belongs to the expression, which then starts at it. Never before `floor` (the end of the
/// expression found before).
fn full_age_start(s: &str, start: usize, floor: usize) -> usize {
    let before = &s[floor.min(start)..start];
    let trimmed = before.strip_suffix(' ').unwrap_or(before);
    match trimmed.strip_suffix('만') {
        Some(b) if !b.chars().next_back().is_some_and(|c| is_hangul(c) || c.is_alphanumeric()) => {
            floor.min(start) + b.len()
        }
        _ => start,
    }
}
