//! Placeholder with the agreed API; the real number engine replaces this file.
#![allow(missing_docs)]
pub use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Unit {
    Count,
    Percent,
    PercentagePoints,
    Times,
    Rank,
    Currency(String),
    Ratio,
    Year,
    Date,
    Duration(DurationUnit),
    Age,
}
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum DurationUnit {
    Days,
    Weeks,
    Months,
    Years,
}
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Amount {
    Exact(Decimal),
    Range(Decimal, Decimal),
    Ratio { part: Decimal, whole: Decimal },
    Date { year: Option<i32>, month: Option<u8>, day: Option<u8> },
}
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Approx {
    Exact,
    About,
    Over,
    Under,
    Some,
}
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quantity {
    pub amount: Amount,
    pub unit: Unit,
    pub approx: Approx,
    pub noun: Option<String>,
}
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub span: std::ops::Range<usize>,
    pub source: String,
    pub quantity: Quantity,
}
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Agreement {
    Same,
    PrecisionLost,
    Different,
    Incomparable,
}
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Style {
    #[serde(default)]
    pub korean_spacing: Option<String>,
    #[serde(default)]
    pub krw: Option<String>,
}
pub fn find(_text: &str, _lang: &str) -> Vec<Found> {
    Vec::new()
}
pub fn compare(a: &Quantity, b: &Quantity) -> Agreement {
    if a == b { Agreement::Same } else { Agreement::Different }
}
pub fn parse_unit(s: &str) -> Option<Unit> {
    Some(match s {
        "count" => Unit::Count,
        "percent" => Unit::Percent,
        "percentage-points" => Unit::PercentagePoints,
        "times" => Unit::Times,
        "rank" => Unit::Rank,
        c if c.len() == 3 && c.chars().all(|c| c.is_ascii_uppercase()) => {
            Unit::Currency(c.to_string())
        }
        _ => return None,
    })
}
pub fn format(q: &Quantity, lang: &str, _style: &Style) -> String {
    let n = |d: &Decimal| d.normalize().to_string();
    let v = match &q.amount {
        Amount::Exact(d) => n(d),
        Amount::Range(a, b) => format!("{}–{}", n(a), n(b)),
        _ => String::new(),
    };
    let v = match (&q.unit, lang) {
        (Unit::Percent, _) => format!("{v}%"),
        _ => v,
    };
    match &q.noun {
        Some(noun) if lang == "en" => format!("{v} {noun}"),
        Some(noun) => format!("{v}{noun}"),
        None => v,
    }
}
