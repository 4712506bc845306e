//! The typed quantity model shared by the parsers, the formatter and the comparator.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// What a number measures. Two quantities are only comparable when their units agree
/// (see [`crate::numbers::compare()`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Unit {
    /// A plain count of things (`432만 개`, `4,006 companies`); the thing is in [`Quantity::noun`].
    Count,
    /// `47.3%`.
    Percent,
    /// `11.7%p`, `11.7 percentage points`.
    PercentagePoints,
    /// A multiplier: `7배`, `sevenfold`, `twice`.
    Times,
    /// An ordinal position: `1위`, `1st`.
    Rank,
    /// Money in the ISO 4217 currency given (`"KRW"`, `"USD"`). Never converted.
    Currency(String),
    /// `part` in `whole`: `4명 중 1명`, `one in four`, `25 of 28`.
    Ratio,
    /// A calendar year (`2024년`, `'23년`, `since 2018`).
    Year,
    /// A calendar date, possibly partial (`2월 15일`, `December 2025`).
    Date,
    /// A length of time (`3개월`, `5년간`, `three months`).
    Duration(DurationUnit),
    /// A person's age: exact (`40세`, `aged 40`) or a decade as a range (`40대` = 40–49).
    Age,
}

/// The unit of a [`Unit::Duration`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum DurationUnit {
    /// `일간`, `days`.
    Days,
    /// `주간`, `weeks`.
    Weeks,
    /// `개월`, `months`.
    Months,
    /// `년간`, `years`.
    Years,
}

/// The value of a quantity, always exact decimal arithmetic (no floats anywhere).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Amount {
    /// A single value.
    Exact(Decimal),
    /// An inclusive range `low..=high` (`10~249명`, `10–249 people`).
    Range(Decimal, Decimal),
    /// `part` in `whole`: 4명 중 1명 → Ratio{part:1, whole:4}
    Ratio {
        /// How many of the whole.
        part: Decimal,
        /// Out of how many.
        whole: Decimal,
    },
    /// A calendar date; any part may be unknown (`2월 15일` has no year).
    Date {
        /// Full year, e.g. 2026.
        year: Option<i32>,
        /// 1–12.
        month: Option<u8>,
        /// 1–31.
        day: Option<u8>,
    },
}

/// How the text qualifies the value. Approximations and bounds must never render as exact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[schemars(
    rename = "ApproxName",
    description = "How exact the value is: exact (default), about, over, under or some. 값의 정확도."
)]
pub enum Approx {
    /// As written, no qualifier.
    #[schemars(description = "As written (the default).")]
    Exact,
    /// `약`, `가량`, `여`, `안팎`, `about`, `around`, `nearly`, `some 100`.
    #[schemars(description = "About, around (약, 가량).")]
    About,
    /// A lower bound: `이상`, `초과`, `over`, `more than`, `at least`; for years `이후`/`since`.
    #[schemars(description = "A lower bound: over, at least (이상, 초과).")]
    Over,
    /// An upper bound: `이하`, `미만`, `under`, `less than`, `up to`; for years `이전`/`before`.
    #[schemars(description = "An upper bound: under, up to (이하, 미만).")]
    Under,
    /// vague: 수만, tens of thousands. The amount is the order of magnitude (수만 → 10,000).
    #[schemars(description = "Vague order of magnitude: tens of thousands (수만).")]
    Some,
}

/// A typed numeric expression.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Quantity {
    /// The value.
    pub amount: Amount,
    /// What it measures.
    pub unit: Unit,
    /// Qualifier (about, over, …).
    pub approx: Approx,
    /// counter/noun as written in that language (개, 명, projects) or None
    pub noun: Option<String>,
}

/// A numeric expression found in a text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Found {
    /// Byte span in the input; `&text[span]` is [`Found::source`].
    pub span: std::ops::Range<usize>,
    /// The text of the expression, including its qualifiers and counter.
    pub source: String,
    /// What it means.
    pub quantity: Quantity,
}

impl Quantity {
    /// An exact single value with no noun.
    pub fn exact(value: Decimal, unit: Unit) -> Self {
        Quantity { amount: Amount::Exact(value), unit, approx: Approx::Exact, noun: None }
    }

    /// An exact, possibly partial, calendar date.
    pub fn date(year: Option<i32>, month: Option<u8>, day: Option<u8>) -> Self {
        Quantity {
            amount: Amount::Date { year, month, day },
            unit: Unit::Date,
            approx: Approx::Exact,
            noun: None,
        }
    }

    /// The same quantity with another qualifier.
    pub fn with_approx(mut self, approx: Approx) -> Self {
        self.approx = approx;
        self
    }

    /// The same quantity with a noun (counter) attached.
    pub fn with_noun(mut self, noun: impl Into<String>) -> Self {
        self.noun = Some(noun.into());
        self
    }
}

impl Unit {
    /// Whether the unit is money.
    pub fn is_currency(&self) -> bool {
        matches!(self, Unit::Currency(_))
    }
}
