//! Whether two quantities (typically one from each language) say the same thing.

use super::quantity::{Amount, Approx, DurationUnit, Quantity, Unit};
use super::text::{is_int, pow10, pow10_exp};
use rust_decimal::Decimal;
use serde::Serialize;

/// The verdict of [`crate::numbers::compare()`], from best to worst.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Agreement {
    /// Same meaning.
    Same,
    /// Same within the rounding one of the texts shows (`4.3 million` vs `432만`), or the same
    /// value with a weaker/stronger qualifier (`225만 개` vs `over 2.25 million`): a warning.
    PrecisionLost,
    /// Contradicting values or bounds (`43.7%` vs `47.3%`; `11.7%p` vs `11.7%`): an error.
    Different,
    /// Different kinds of thing; years, dates and ranks compare only with their own kind.
    Incomparable,
}

/// The worse of two agreements (same < precision lost < different < incomparable).
fn worst(a: Agreement, b: Agreement) -> Agreement {
    fn rank(x: Agreement) -> u8 {
        match x {
            Agreement::Same => 0,
            Agreement::PrecisionLost => 1,
            Agreement::Different => 2,
            Agreement::Incomparable => 3,
        }
    }
    if rank(a) >= rank(b) { a } else { b }
}

/// Compares two quantities (see [`Agreement`]).
pub(crate) fn compare(a: &Quantity, b: &Quantity) -> Agreement {
    // Units: currencies never convert; durations convert only exactly (12 months = 1 year).
    let (fa, fb) = match (&a.unit, &b.unit) {
        (Unit::Currency(x), Unit::Currency(y)) if x != y => return Agreement::Different,
        (Unit::Percent, Unit::PercentagePoints) | (Unit::PercentagePoints, Unit::Percent) => {
            return Agreement::Different;
        }
        (Unit::Duration(x), Unit::Duration(y)) => match (dur_base(*x), dur_base(*y)) {
            ((bx, fx), (by, fy)) if bx == by => (fx, fy),
            _ => return Agreement::Incomparable,
        },
        (x, y) if x == y => (Decimal::ONE, Decimal::ONE),
        _ => return Agreement::Incomparable,
    };
    // Labels compare exactly: a year is not "about" another year.
    let exact_kind = matches!(
        a.unit,
        Unit::Year | Unit::Rank | Unit::Age | Unit::Duration(_) | Unit::Date | Unit::Ratio
    );
    let values = match (&a.amount, &b.amount) {
        (
            Amount::Date { year: ya, month: ma, day: da },
            Amount::Date { year: yb, month: mb, day: db },
        ) => {
            // A date without its year (`2월 15일`) still matches `February 15, 2026`.
            let clash =
                |x: Option<i64>, y: Option<i64>| matches!((x, y), (Some(p), Some(q)) if p != q);
            if clash(ya.map(i64::from), yb.map(i64::from))
                || clash(ma.map(i64::from), mb.map(i64::from))
                || clash(da.map(i64::from), db.map(i64::from))
            {
                Agreement::Different
            } else {
                Agreement::Same
            }
        }
        (Amount::Ratio { part: pa, whole: wa }, Amount::Ratio { part: pb, whole: wb }) => {
            // 6 in 10 = 60 of 100: the same proportion.
            match (pa.checked_mul(*wb), pb.checked_mul(*wa)) {
                (Some(x), Some(y)) if x == y => Agreement::Same,
                _ => Agreement::Different,
            }
        }
        _ if a.approx == Approx::Some || b.approx == Approx::Some => {
            return vague(a, b, fa, fb);
        }
        (Amount::Exact(x), Amount::Exact(y)) => scaled_value(*x, fa, *y, fb, exact_kind),
        (Amount::Range(xl, xh), Amount::Range(yl, yh)) => worst(
            scaled_value(*xl, fa, *yl, fb, exact_kind),
            scaled_value(*xh, fa, *yh, fb, exact_kind),
        ),
        _ => Agreement::Different,
    };
    worst(values, approx(a.approx, b.approx))
}

/// [`value`] of `x × fx` against `y × fy` (durations in a common base). A product past what a
/// decimal holds (a 28-digit count of years, found by fuzzing) compares the figures as written.
fn scaled_value(x: Decimal, fx: Decimal, y: Decimal, fy: Decimal, exact: bool) -> Agreement {
    match (x.checked_mul(fx), y.checked_mul(fy)) {
        (Some(a), Some(b)) => value(a, b, exact),
        _ if fx == fy => value(x, y, exact),
        _ => Agreement::Different,
    }
}

/// Durations in a common base: (base, factor) — days for days/weeks, months for months/years.
fn dur_base(u: DurationUnit) -> (u8, Decimal) {
    match u {
        DurationUnit::Days => (0, Decimal::ONE),
        DurationUnit::Weeks => (0, Decimal::from(7)),
        DurationUnit::Months => (1, Decimal::ONE),
        DurationUnit::Years => (1, Decimal::from(12)),
    }
}

/// Qualifiers: equal is the same; a bound against its opposite contradicts; anything else
/// (exact vs about, about vs over) loses precision.
fn approx(a: Approx, b: Approx) -> Agreement {
    match (a, b) {
        _ if a == b => Agreement::Same,
        (Approx::Over, Approx::Under) | (Approx::Under, Approx::Over) => Agreement::Different,
        _ => Agreement::PrecisionLost,
    }
}

/// The rounding a written value shows. Whole numbers from 10,000 up show the trailing zeros
/// of the largest unit they can be written in (만, million, 억, billion, trillion): 4,300,000
/// is `4.3 million` (±50,000) and 40,000,000 is `40 million` / `4000만` (±500,000). Below
/// 10,000 counts are exact; decimals show their last decimal place.
fn resolution(d: Decimal) -> Decimal {
    let n = d.normalize();
    if n.scale() > 0 {
        return Decimal::new(1, n.scale());
    }
    let a = n.abs();
    if a < Decimal::from(10_000) {
        return Decimal::ONE;
    }
    let unit_exp = [12u32, 9, 8, 6, 4].into_iter().find(|e| a >= pow10(*e)).unwrap_or(0);
    let mut m = a.mantissa();
    let mut tz = 0u32;
    while m != 0 && m % 10 == 0 && tz < unit_exp {
        m /= 10;
        tz += 1;
    }
    pow10(tz)
}

/// Two values: equal, the coarser a rounding of the finer, or different.
fn value(x: Decimal, y: Decimal, exact_kind: bool) -> Agreement {
    if x == y {
        return Agreement::Same;
    }
    if exact_kind {
        return Agreement::Different;
    }
    let res = resolution(x).max(resolution(y));
    let half = res / Decimal::TWO;
    match x.checked_sub(y) {
        Some(diff) if diff.abs() <= half => Agreement::PrecisionLost,
        _ => Agreement::Different,
    }
}

/// `수만` against `tens of thousands` (same magnitude: Same) or `30,000` (inside the magnitude:
/// PrecisionLost).
fn vague(a: &Quantity, b: &Quantity, fa: Decimal, fb: Decimal) -> Agreement {
    let mag = |q: &Quantity, f: Decimal| match q.amount {
        Amount::Exact(v) => v.checked_mul(f),
        _ => None,
    };
    let (Some(x), Some(y)) = (mag(a, fa), mag(b, fb)) else {
        return Agreement::Different;
    };
    match (a.approx == Approx::Some, b.approx == Approx::Some) {
        (true, true) => {
            if x == y {
                Agreement::Same
            } else {
                Agreement::Different
            }
        }
        (true, false) => within(x, y),
        _ => within(y, x),
    }
}

/// Whether `v` lies in the order of magnitude `mag` = 10^k (`30,000` in 수만).
fn within(mag: Decimal, v: Decimal) -> Agreement {
    let ok = pow10_exp(mag).is_some()
        && is_int(v)
        && v >= mag
        && mag.checked_mul(Decimal::TEN).is_none_or(|top| v < top);
    if ok { Agreement::PrecisionLost } else { Agreement::Different }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn resolution_follows_the_written_unit() {
        assert_eq!(resolution(d("4300000")), d("100000"));
        assert_eq!(resolution(d("4320000")), d("10000"));
        assert_eq!(resolution(d("40000000")), d("1000000"));
        assert_eq!(resolution(d("91000000000")), d("1000000000"));
        assert_eq!(resolution(d("4006")), d("1"));
        assert_eq!(resolution(d("100")), d("1"));
        assert_eq!(resolution(d("47.3")), d("0.1"));
        assert_eq!(resolution(d("47.30")), d("0.1"));
    }

    #[test]
    fn values_and_qualifiers() {
        assert_eq!(value(d("4300000"), d("4320000"), false), Agreement::PrecisionLost);
        assert_eq!(value(d("4300000"), d("4360000"), false), Agreement::Different);
        assert_eq!(value(d("100"), d("149"), false), Agreement::Different);
        assert_eq!(value(d("2024"), d("2025"), true), Agreement::Different);
        assert_eq!(approx(Approx::Over, Approx::Under), Agreement::Different);
        assert_eq!(approx(Approx::Exact, Approx::About), Agreement::PrecisionLost);
        assert_eq!(worst(Agreement::Same, Agreement::Different), Agreement::Different);
    }
}
