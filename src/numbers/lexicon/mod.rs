//! The word tables the grammars read: Korean and English words, and the codes and units both
//! languages share. Data only; the grammars in `ko/` and `en/` decide what the words mean in
//! context.

pub(crate) mod en;
pub(crate) mod ko;

/// Latin measure units accepted after a number (anything else glued is a name: `4o`, `70B`).
const LATIN_UNITS: &[&str] = &[
    "GWh", "MWh", "kWh", "TWh", "km", "kg", "GW", "MW", "kW", "TB", "GB", "MB", "PB", "nm", "mm",
    "cm", "ha", "m",
];

/// The Latin measure unit `w`, if it is one.
pub(crate) fn latin_unit(w: &str) -> Option<&'static str> {
    LATIN_UNITS.iter().find(|u| **u == w).copied()
}

/// ISO 4217 codes recognised in running text (any code is accepted from content files).
pub(crate) const ISO_CODES: &[&str] = &[
    "KRW", "USD", "EUR", "JPY", "CNY", "GBP", "CHF", "CAD", "AUD", "HKD", "SGD", "TWD", "INR",
    "RUB", "THB", "VND",
];

/// The ISO code `w`, if it is one recognised in running text.
pub(crate) fn iso_code(w: &str) -> Option<&'static str> {
    ISO_CODES.iter().find(|c| **c == w).copied()
}

/// The currency a sign written before a number stands for (`$` is USD, `¥` JPY).
pub(crate) fn currency_symbol(c: char) -> Option<&'static str> {
    Some(match c {
        '$' => "USD",
        '€' => "EUR",
        '£' => "GBP",
        '¥' => "JPY",
        '₩' => "KRW",
        _ => return None,
    })
}
