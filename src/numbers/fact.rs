//! Building quantities from the fact values of content files (`value: 4320000`,
//! `value: [10, 249]`, `unit: count`, `approx: over`, `noun: {ko: 개, en: projects}`).

use super::quantity::{Amount, Approx, DurationUnit, Quantity, Unit};
use rust_decimal::Decimal;
use serde::Deserialize;

/// A fact's `value:` as written in a content file: a number (or numeric string), a
/// `[low, high]` pair, or `{part, whole}`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum FactValue {
    /// `4320000`, `47.3`, `"4320000"`.
    Number(Decimal),
    /// `[10, 249]`.
    Range([Decimal; 2]),
    /// `{part: 1, whole: 4}`.
    Ratio {
        /// How many of the whole.
        part: Decimal,
        /// Out of how many.
        whole: Decimal,
    },
}

impl FactValue {
    /// The value as an [`Amount`].
    pub fn amount(&self) -> Amount {
        match self {
            FactValue::Number(v) => Amount::Exact(*v),
            FactValue::Range([lo, hi]) => Amount::Range(*lo, *hi),
            FactValue::Ratio { part, whole } => Amount::Ratio { part: *part, whole: *whole },
        }
    }
}

/// Why a fact cannot become a quantity.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FactError {
    /// The `unit:` string is not one [`parse_unit`] knows.
    #[error(
        "unknown unit `{0}` (expected count, percent, percentage-points, times, rank, ratio, \
         year, age, days, weeks, months, years or a 3-letter ISO currency code such as KRW)"
    )]
    UnknownUnit(String),
    /// A range whose low end is above its high end.
    #[error("range [{0}, {1}] has its low end above its high end")]
    ReversedRange(Decimal, Decimal),
    /// A `{part, whole}` value with another unit than `ratio`, or a number with `ratio`.
    #[error("unit `{0}` does not fit this kind of value")]
    Mismatch(String),
}

/// The unit named in content files: `count`, `percent`, `percentage-points`, `times`, `rank`,
/// `ratio`, `year`, `age`, `days`/`weeks`/`months`/`years`, or any 3-letter uppercase ISO
/// 4217 code (`KRW`, `USD`).
pub fn parse_unit(s: &str) -> Option<Unit> {
    Some(match s.trim() {
        "count" => Unit::Count,
        "percent" => Unit::Percent,
        "percentage-points" => Unit::PercentagePoints,
        "times" => Unit::Times,
        "rank" => Unit::Rank,
        "ratio" => Unit::Ratio,
        "year" => Unit::Year,
        "date" => Unit::Date,
        "age" => Unit::Age,
        "days" => Unit::Duration(DurationUnit::Days),
        "weeks" => Unit::Duration(DurationUnit::Weeks),
        "months" => Unit::Duration(DurationUnit::Months),
        "years" => Unit::Duration(DurationUnit::Years),
        code if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) => {
            Unit::Currency(code.to_string())
        }
        _ => return None,
    })
}

/// A fact as a quantity, ready for [`crate::numbers::format`]: `noun` is the noun for the
/// language being rendered (`개` for ko, `projects` for en).
pub fn fact(
    value: &FactValue,
    unit: &str,
    approx: Approx,
    noun: Option<&str>,
) -> Result<Quantity, FactError> {
    let unit = parse_unit(unit).ok_or_else(|| FactError::UnknownUnit(unit.to_string()))?;
    let amount = value.amount();
    match (&amount, &unit) {
        (Amount::Range(lo, hi), _) if lo > hi => return Err(FactError::ReversedRange(*lo, *hi)),
        (Amount::Ratio { .. }, u) if *u != Unit::Ratio => {
            return Err(FactError::Mismatch(format!("{u:?}")));
        }
        (Amount::Exact(_) | Amount::Range(..), Unit::Ratio | Unit::Date) => {
            return Err(FactError::Mismatch(format!("{unit:?}")));
        }
        _ => {}
    }
    Ok(Quantity { amount, unit, approx, noun: noun.filter(|n| !n.is_empty()).map(str::to_string) })
}
