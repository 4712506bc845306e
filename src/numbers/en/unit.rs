//! Phase 5: the unit after the number (`%`, `pp`, `times`, `-fold`, `st`/`th`, `s`, `years
//! old`, a duration, a currency word or code, a Latin unit) and what the unit, or its absence,
//! makes of the number (a year, an age, a rank, a count of a noun).

use super::Num;
use super::{En, Expr, word_ci, word_end};
use crate::numbers::lexicon::en::{ORDINAL_ENDINGS, Pre, SUFFIX_WORDS, Suf, dur_word};
use crate::numbers::lexicon::{iso_code, latin_unit};
use crate::numbers::quantity::{Amount, Quantity, Unit};
use crate::numbers::scan::{digit_at, letter_at};
use crate::numbers::text::{ch, is_int, lit, lit_ci, read_digits, to_i64};
use rust_decimal::Decimal;

/// The unit phase's verdict.
pub(super) enum Reading {
    /// The expression measures this unit; its trailing qualifiers come next.
    Measured(Unit),
    /// Recorded (or no quantity after all); scanning resumes here.
    Done(usize),
    /// No quantity here.
    NoQuantity,
}

impl En<'_> {
    /// The suffix after a number.
    pub(super) fn suffix(&self, p: usize) -> (Suf, usize) {
        let s = self.s;
        let Some((c, n)) = ch(s, p) else {
            return (Suf::None, p);
        };
        if c == '%' {
            if let Some(e) = lit_ci(s, n, "p")
                && !letter_at(s, e)
            {
                return (Suf::Pp, e);
            }
            return (Suf::Percent, n);
        }
        if c.is_ascii_alphabetic() {
            return self.glued_suffix(p);
        }
        if !self.words {
            return (Suf::None, p);
        }
        if c == '-' && letter_at(s, n) {
            return hyphen_suffix(s, n);
        }
        if c == ' '
            && let Some(found) = spaced_suffix(s, n)
        {
            return found;
        }
        (Suf::None, p)
    }

    /// Letters glued to the number at `p`: an ordinal ending, a decade `s`, `fold`, a Latin
    /// unit, an ISO code, or a name (`4o`, `5G`).
    fn glued_suffix(&self, p: usize) -> (Suf, usize) {
        let s = self.s;
        let e = word_end(s, p);
        let w = &s[p..e];
        if digit_at(s, e) {
            return (Suf::Name, e);
        }
        if self.words {
            if ORDINAL_ENDINGS.iter().any(|o| w.eq_ignore_ascii_case(o)) {
                return (Suf::Rank, e);
            }
            if w == "s" {
                return (Suf::DecadeS, e);
            }
            if w.eq_ignore_ascii_case("fold") {
                return (Suf::Times, e);
            }
        }
        if let Some(u) = latin_unit(w) {
            return (Suf::Latin(u), e);
        }
        if let Some(code) = iso_code(w) {
            return (Suf::Cur(code), e);
        }
        (Suf::Name, e)
    }

    /// What the unit makes of the number; the bare number's readings are in [`Self::bare`].
    pub(super) fn unit(&mut self, x: &mut Expr) -> Reading {
        let reading = match x.suf {
            // Rejected before; a name is no quantity.
            Suf::Name => Reading::NoQuantity,
            Suf::None => self.bare(x),
            Suf::Percent => Reading::Measured(Unit::Percent),
            Suf::Pp => Reading::Measured(Unit::PercentagePoints),
            Suf::Times => Reading::Measured(Unit::Times),
            Suf::Rank if !is_int(x.lo) || x.left.scale > 0 => Reading::Done(x.end),
            Suf::Rank => Reading::Measured(Unit::Rank),
            Suf::Cur(code) => Reading::Measured(Unit::Currency(code.into())),
            Suf::Latin(u) => {
                x.noun = Some(u.to_string());
                Reading::Measured(Unit::Count)
            }
            Suf::Dur(u) => Reading::Measured(Unit::Duration(u)),
            Suf::AgeOld => {
                if x.pre == Pre::Aged {
                    x.start_final = x.pre_start;
                }
                Reading::Measured(Unit::Age)
            }
            Suf::DecadeS => Reading::Done(self.decades(x)),
        };
        // A spelled number takes no ordinal (`one`, `No. one`).
        if matches!(reading, Reading::Measured(Unit::Rank)) && x.left.spelled && x.left.scale == 0 {
            return Reading::NoQuantity;
        }
        reading
    }

    /// A number with no unit word: `No. 1`, a currency from before it, a year, an age after
    /// `aged`, a ratio, a name's number, or a count (of the noun after it).
    fn bare(&mut self, x: &mut Expr) -> Reading {
        let s = self.s;
        if x.right.is_none()
            && is_int(x.lo)
            && x.cur.is_none()
            && let Some(st) = rank_no_before(s, x.start)
        {
            x.start_final = st;
            return Reading::Measured(Unit::Rank);
        }
        if let Some(code) = x.cur {
            return Reading::Measured(Unit::Currency(code.into()));
        }
        if year_like(&x.left) && x.right.as_ref().is_none_or(year_like) && !x.neg {
            if let Pre::YearBound(a) = x.pre {
                x.approx = a;
                x.start_final = x.pre_start;
            }
            return Reading::Measured(Unit::Year);
        }
        if x.pre == Pre::Aged {
            x.start_final = x.pre_start;
            return Reading::Measured(Unit::Age);
        }
        self.count(x)
    }

    /// `1990s`, `40s`, `40s to 50s`, `in their 40s`: decades of years or ages; recorded.
    fn decades(&mut self, x: &mut Expr) -> usize {
        let s = self.s;
        let decade = |n: &Num| to_i64(n.value).filter(|v| n.scale == 0 && !n.comma && v % 10 == 0);
        let Some(l) = decade(&x.left) else {
            return x.end;
        };
        let mut h = x.right.as_ref().and_then(decade).unwrap_or(l);
        if x.right.is_none()
            && let Some((v, e)) = decade_after(s, x.end, l, x.left.int_digits)
        {
            h = v;
            x.end = e;
        }
        let unit = if x.left.int_digits == 4 {
            Unit::Year
        } else if (10..=90).contains(&l) && x.left.int_digits == 2 {
            if x.pre == Pre::InTheir {
                x.start_final = x.pre_start;
            }
            Unit::Age
        } else {
            return x.end;
        };
        let q = Quantity {
            amount: Amount::Range(Decimal::from(l), Decimal::from(h + 9)),
            unit,
            approx: x.approx,
            noun: None,
        };
        self.push(x.start_final, x.end, q);
        x.end
    }
}

/// ` to 50s`, ` and 50s`, `–2000s` after a decade `l` written with `digits` digits: the upper
/// decade and its end.
fn decade_after(s: &str, end: usize, l: i64, digits: usize) -> Option<(i64, usize)> {
    for conn in [" to ", " and ", "–", "-"] {
        if let Some(q) = lit(s, end, conn)
            && let Some(d) = read_digits(s, q)
            && let Some(e) = lit(s, d.end, "s")
            && !letter_at(s, e)
            && let Some(v) = to_i64(d.value).filter(|v| v % 10 == 0 && *v > l)
            && d.int_digits == digits
        {
            return Some((v, e));
        }
    }
    None
}

/// A plain four-digit number 1800–2199 (no comma, scale or decimals): a year.
fn year_like(n: &Num) -> bool {
    !n.spelled
        && n.scale == 0
        && !n.comma
        && !n.frac
        && n.int_digits == 4
        && (1800..=2199).contains(&to_i64(n.value).unwrap_or(0))
}

/// `No. ` right before `start` (not inside a word): where it starts.
fn rank_no_before(s: &str, start: usize) -> Option<usize> {
    let before = &s[..start];
    before
        .strip_suffix(' ')
        .unwrap_or(before)
        .strip_suffix("No.")
        .filter(|b| !b.ends_with(|c: char| c.is_alphanumeric()))
        .map(str::len)
}

/// A word glued with a hyphen at `n` (after the `-`): `-fold`, `-year-old`, `-day`, or a name.
fn hyphen_suffix(s: &str, n: usize) -> (Suf, usize) {
    let e = word_end(s, n);
    let w = &s[n..e];
    if w.eq_ignore_ascii_case("fold") {
        return (Suf::Times, e);
    }
    if w.eq_ignore_ascii_case("year")
        && let Some(x) = lit_ci(s, e, "-old")
        && !letter_at(s, x)
    {
        return (Suf::AgeOld, x);
    }
    if let Some(u) = dur_word(w)
        && !matches!(ch(s, e), Some(('-', _)))
    {
        return (Suf::Dur(u), e);
    }
    (Suf::Name, e)
}

/// A unit word after one space, at `q`: `percent`, `times`, `won`, a duration, a code, a unit.
fn spaced_suffix(s: &str, q: usize) -> Option<(Suf, usize)> {
    for (w, suf) in SUFFIX_WORDS {
        if let Some(e) = word_ci(s, q, w) {
            return Some((suf, e));
        }
    }
    let e = word_end(s, q);
    let w = &s[q..e];
    if w.is_empty() || digit_at(s, e) {
        return None;
    }
    if let Some(u) = dur_word(w) {
        return Some((Suf::Dur(u), e));
    }
    if let Some(code) = iso_code(w) {
        return Some((Suf::Cur(code), e));
    }
    latin_unit(w).map(|u| (Suf::Latin(u), e))
}
