//! Building quantities from the fact values of content files (`value: 4320000`,
//! `value: [10, 249]`, `unit: count`, `approx: over`, `noun: {ko: 개, en: projects}`).

use super::quantity::{Amount, Approx, DurationUnit, Quantity, Unit};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A fact value: one number or an inclusive range.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum FactValue {
    /// A single number such as 4320000 or 47.3.
    Single(Decimal),
    /// A range such as `[10, 249]`.
    Range(Decimal, Decimal),
}

const VALUE_EXPECTED: &str = "a number such as 4320000 or 47.3, or a range such as [10, 249]";

impl<'de> Deserialize<'de> for FactValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(FactValueVisitor)
    }
}

/// Visits the value node itself, so the YAML loader reports errors at `facts[i].value`.
struct FactValueVisitor;

/// A fact's value read exactly from its text (never through a float).
fn decimal<E: serde::de::Error>(text: &str) -> Result<Decimal, E> {
    // Integers stay exact; decimals go through their shortest text form, never through
    // binary float arithmetic.
    text.parse::<Decimal>().or_else(|_| Decimal::from_scientific(text)).map_err(|_| {
        E::custom(format!("`{text}` is not a usable number; expected {VALUE_EXPECTED}"))
    })
}

impl<'de> serde::de::Visitor<'de> for FactValueVisitor {
    type Value = FactValue;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(VALUE_EXPECTED)
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<FactValue, E> {
        Ok(FactValue::Single(Decimal::from(v)))
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<FactValue, E> {
        Ok(FactValue::Single(Decimal::from(v)))
    }
    fn visit_u128<E: serde::de::Error>(self, v: u128) -> Result<FactValue, E> {
        // Beyond u64; the guard reads the exact digits from the file afterwards anyway.
        decimal(&v.to_string()).map(FactValue::Single)
    }
    fn visit_i128<E: serde::de::Error>(self, v: i128) -> Result<FactValue, E> {
        decimal(&v.to_string()).map(FactValue::Single)
    }
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<FactValue, E> {
        if !v.is_finite() {
            return Err(E::custom(format!("`{v}` is not a number; expected {VALUE_EXPECTED}")));
        }
        decimal(&v.to_string()).map(FactValue::Single)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<FactValue, A::Error> {
        use serde::de::Error;
        let lo: Option<FactValue> = seq.next_element()?;
        let hi: Option<FactValue> = seq.next_element()?;
        let extra: Option<serde::de::IgnoredAny> = seq.next_element()?;
        match (lo, hi, extra) {
            (Some(FactValue::Single(lo)), Some(FactValue::Single(hi)), None) => {
                Ok(FactValue::Range(lo, hi))
            }
            _ => Err(A::Error::custom(format!(
                "a range needs exactly two numbers; expected {VALUE_EXPECTED}"
            ))),
        }
    }
}

/// Written by hand: a fact value is a number or a `[low, high]` pair read by the hand-written
/// `Deserialize` above, which a derive cannot describe (it would give the enum's
/// `{"Single": …}` / `{"Range": …}` shape, which the loader never accepts).
impl schemars::JsonSchema for FactValue {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "FactValue".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A number such as 4320000 or 47.3, or a range [low, high] such as [10, 249]. \
                            숫자 하나(4320000, 47.3) 또는 범위 [하한, 상한] (예: [10, 249]).",
            "oneOf": [
                { "type": "number" },
                {
                    "type": "array",
                    "prefixItems": [{ "type": "number" }, { "type": "number" }],
                    "items": false,
                    "minItems": 2,
                    "maxItems": 2
                }
            ]
        })
    }
}

impl FactValue {
    /// The value as an [`Amount`].
    pub fn amount(&self) -> Amount {
        match self {
            FactValue::Single(v) => Amount::Exact(*v),
            FactValue::Range(lo, hi) => Amount::Range(*lo, *hi),
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

/// A fact as a quantity, ready for [`crate::numbers::format()`]: `noun` is the noun for the
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
