//! Figures derived from two facts, computed in exact decimals: a difference (percentage
//! points between percentages), a ratio written as a multiple, a change in percent.
//!
//! Rounding rule: a difference is exact (its decimal places are those of the more precise
//! input, `47.3 - 40` → `7.3`); a ratio or a change is rounded half away from zero (반올림,
//! the rule of Korean statistics) to one decimal place unless `round=N` says otherwise, and
//! written without trailing zeros (`2.50` → `2.5`, `3.0` → `3`).

use super::quantity::{Amount, Approx, Quantity, Unit};
use super::refs::Op;
use rust_decimal::{Decimal, RoundingStrategy};

/// Decimal places of a ratio or a change when the reference does not say.
pub const DEFAULT_PLACES: u32 = 1;

/// Why two facts make no derived figure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeriveError {
    /// One of them is a range (which end would count?).
    Range,
    /// Their units differ (or cannot be subtracted or divided).
    Units,
    /// Division by zero.
    Zero,
    /// The result does not fit the decimal type.
    Overflow,
}

impl DeriveError {
    /// What is wrong, naming the two facts.
    pub fn message(&self, a: &str, b: &str, op: Op) -> String {
        let what = match op {
            Op::Difference => "difference",
            Op::Ratio => "ratio",
            Op::Change => "change",
        };
        match self {
            DeriveError::Range => format!("no {what} of `{a}` and `{b}`: one of them is a range"),
            DeriveError::Units => format!("no {what} of `{a}` and `{b}`: their units differ"),
            DeriveError::Zero => format!("no {what} of `{a}` and `{b}`: it divides by zero"),
            DeriveError::Overflow => format!("the {what} of `{a}` and `{b}` is too large"),
        }
    }

    /// How to fix it.
    pub fn fix(&self) -> String {
        match self {
            DeriveError::Range => "derive figures from single values only".into(),
            DeriveError::Units => "derive figures from two facts of the same unit (two \
                 percentages give percentage points)"
                .into(),
            DeriveError::Zero | DeriveError::Overflow => {
                "check the two facts' values, or write the figure as its own fact".into()
            }
        }
    }
}

/// `a op b` as a quantity: its noun is `a`'s (for a difference of counts).
pub fn derive(
    op: Op,
    a: &Quantity,
    b: &Quantity,
    places: Option<u32>,
) -> Result<Quantity, DeriveError> {
    let (Amount::Exact(x), Amount::Exact(y)) = (&a.amount, &b.amount) else {
        return Err(DeriveError::Range);
    };
    if a.unit != b.unit || !arithmetic(&a.unit) {
        return Err(DeriveError::Units);
    }
    let round = |d: Decimal| {
        d.round_dp_with_strategy(
            places.unwrap_or(DEFAULT_PLACES),
            RoundingStrategy::MidpointAwayFromZero,
        )
        .normalize()
    };
    let (value, unit, approx) = match op {
        Op::Difference => {
            let unit =
                if a.unit == Unit::Percent { Unit::PercentagePoints } else { a.unit.clone() };
            (
                x.checked_sub(*y).ok_or(DeriveError::Overflow)?,
                unit,
                combine(a.approx, flip(b.approx)),
            )
        }
        Op::Ratio => {
            if y.is_zero() {
                return Err(DeriveError::Zero);
            }
            let r = x.checked_div(*y).ok_or(DeriveError::Overflow)?;
            (round(r), Unit::Times, combine(a.approx, flip(b.approx)))
        }
        Op::Change => {
            if x.is_zero() {
                return Err(DeriveError::Zero);
            }
            let diff = y.checked_sub(*x).ok_or(DeriveError::Overflow)?;
            let pct = diff
                .checked_mul(Decimal::ONE_HUNDRED)
                .and_then(|d| d.checked_div(*x))
                .ok_or(DeriveError::Overflow)?;
            (round(pct), Unit::Percent, combine(b.approx, flip(a.approx)))
        }
    };
    let noun = if unit == Unit::Count { a.noun.clone() } else { None };
    Ok(Quantity { amount: Amount::Exact(value), unit, approx, noun })
}

/// Units whose values can be subtracted and divided.
fn arithmetic(u: &Unit) -> bool {
    matches!(
        u,
        Unit::Count
            | Unit::Percent
            | Unit::PercentagePoints
            | Unit::Times
            | Unit::Currency(_)
            | Unit::Duration(_)
    )
}

/// The bound of `-b` (or `1/b`): a lower bound becomes an upper one.
fn flip(a: Approx) -> Approx {
    match a {
        Approx::Over => Approx::Under,
        Approx::Under => Approx::Over,
        other => other,
    }
}

/// The qualifier of a result that grows with both inputs: exact only when both are, a bound
/// when both agree on it, else approximate.
fn combine(a: Approx, b: Approx) -> Approx {
    match (a, b) {
        (Approx::Exact, x) | (x, Approx::Exact) => x,
        (x, y) if x == y && x != Approx::Some => x,
        _ => Approx::About,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(v: &str, unit: Unit) -> Quantity {
        Quantity::exact(v.parse().unwrap(), unit)
    }

    fn value(r: Result<Quantity, DeriveError>) -> (String, Unit, Approx) {
        let r = r.unwrap();
        let Amount::Exact(v) = r.amount else { panic!() };
        (v.to_string(), r.unit, r.approx)
    }

    #[test]
    fn percentage_points_between_percentages() {
        let got = derive(Op::Difference, &q("78", Unit::Percent), &q("67", Unit::Percent), None);
        assert_eq!(value(got), ("11".into(), Unit::PercentagePoints, Approx::Exact));
        let got = derive(Op::Difference, &q("47.3", Unit::Percent), &q("40", Unit::Percent), None);
        assert_eq!(value(got).0, "7.3");
    }

    #[test]
    fn ratio_rounds_half_away_from_zero() {
        let got = derive(Op::Ratio, &q("5", Unit::Count), &q("2", Unit::Count), None);
        assert_eq!(value(got), ("2.5".into(), Unit::Times, Approx::Exact));
        // 78 / 67 = 1.1641… → 1.2; 0.125 → 0.13 at two places (not 0.12 as half-even would).
        let got = derive(Op::Ratio, &q("78", Unit::Percent), &q("67", Unit::Percent), None);
        assert_eq!(value(got).0, "1.2");
        let got = derive(Op::Ratio, &q("1", Unit::Count), &q("8", Unit::Count), Some(2));
        assert_eq!(value(got).0, "0.13");
        let got = derive(Op::Ratio, &q("6", Unit::Count), &q("2", Unit::Count), Some(3));
        assert_eq!(value(got).0, "3", "no trailing zeros");
    }

    #[test]
    fn change_in_percent() {
        let got = derive(Op::Change, &q("4320000", Unit::Count), &q("4370000", Unit::Count), None);
        assert_eq!(value(got), ("1.2".into(), Unit::Percent, Approx::Exact));
        let got = derive(Op::Change, &q("80", Unit::Count), &q("60", Unit::Count), Some(0));
        assert_eq!(value(got).0, "-25");
    }

    #[test]
    fn refusals_and_bounds() {
        let pct = q("67", Unit::Percent);
        assert_eq!(
            derive(Op::Difference, &pct, &q("5", Unit::Count), None),
            Err(DeriveError::Units)
        );
        let range = Quantity { amount: Amount::Range(1.into(), 2.into()), ..pct.clone() };
        assert_eq!(derive(Op::Ratio, &pct, &range, None), Err(DeriveError::Range));
        assert_eq!(derive(Op::Ratio, &pct, &q("0", Unit::Percent), None), Err(DeriveError::Zero));
        let year = q("2024", Unit::Year);
        assert_eq!(derive(Op::Difference, &year, &year, None), Err(DeriveError::Units));
        let over = q("71", Unit::Percent).with_approx(Approx::Over);
        assert_eq!(value(derive(Op::Difference, &over, &pct, None)).2, Approx::Over);
        assert_eq!(value(derive(Op::Difference, &pct, &over, None)).2, Approx::Under);
        assert_eq!(value(derive(Op::Difference, &over, &over, None)).2, Approx::About);
    }
}
