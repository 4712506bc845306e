//! A found figure as the content format writes it: its `unit:` word and its `value:`.

use crate::content::FactValue;
use crate::numbers::{self, Amount, Decimal, Quantity, Unit};

/// What a figure is in the content format.
pub(super) struct ContentValue {
    /// The content-format unit (`count`, `percent`, `KRW`, …).
    pub unit: String,
    /// The content-format value.
    pub value: FactValue,
}

/// The content-format unit and value of a quantity that makes a fact; `None` for years,
/// dates, durations and ages (they date facts instead) and for values the format cannot hold.
pub(super) fn content_value(q: &Quantity) -> Option<ContentValue> {
    let unit = match &q.unit {
        Unit::Count | Unit::Ratio => "count".to_string(),
        Unit::Percent => "percent".into(),
        Unit::PercentagePoints => "percentage-points".into(),
        Unit::Times => "times".into(),
        Unit::Rank => "rank".into(),
        Unit::Currency(code) if numbers::parse_unit(code).is_some_and(|u| u.is_currency()) => {
            code.clone()
        }
        _ => return None,
    };
    // Values past 10^18 (100경) are misreadings, and the loader reads integers only up to
    // 64 bits: `26444444264444444444446` made a draft that did not load (fuzz: import).
    let sane = |d: &Decimal| d.abs() <= Decimal::from_i128_with_scale(10i128.pow(18), 0);
    let value = match &q.amount {
        Amount::Exact(d) if sane(d) => FactValue::Single(*d),
        Amount::Range(lo, hi) if sane(lo) && sane(hi) && lo <= hi => FactValue::Range(*lo, *hi),
        Amount::Ratio { part, .. } if sane(part) => FactValue::Single(*part),
        _ => return None,
    };
    Some(ContentValue { unit, value })
}
