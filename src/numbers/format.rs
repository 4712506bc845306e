//! Writing a quantity in Korean, English or a neutral digit form, per house style.

mod en;
mod ko;

use super::quantity::{Amount, Approx, DurationUnit, Quantity, Unit};
use super::text::to_i64;
use en::en_plain;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// House style for numbers; lives under `numbers:` in `yoyak.yaml`, e.g.
/// `{ korean-spacing: wire, krw: code-before }`. Every field has a default.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct Style {
    /// Korean spacing: `spaced` (한글 맞춤법 제44항: `2조 5000억 원`) or `wire` (`2조5000억원`).
    pub korean_spacing: KoreanSpacing,
    /// English won amounts: `won-after` (`2.5 trillion won`) or `code-before` (`KRW 2.5 trillion`).
    pub krw: KrwStyle,
}

/// Spacing of Korean numbers with myriad units and counters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum KoreanSpacing {
    /// `2조 5000억 원`, `432만 개`; a counter stays glued to digits (`4,006개사`).
    #[default]
    Spaced,
    /// News-wire style, all glued: `2조5000억원`, `432만개`.
    Wire,
}

/// How English text writes Korean won.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum KrwStyle {
    /// `2.5 trillion won`.
    #[default]
    WonAfter,
    /// `KRW 2.5 trillion`.
    CodeBefore,
}

/// The languages the formatter knows; anything else gets neutral digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lang {
    Ko,
    En,
    Other,
}

/// The language of a tag: `ko`, `ko-KR`, `kor` → Korean; `en`, `en-US`, `eng` → English.
pub(crate) fn lang_of(tag: &str) -> Lang {
    let primary = tag.split(['-', '_']).next().unwrap_or("");
    if primary.eq_ignore_ascii_case("ko") || primary.eq_ignore_ascii_case("kor") {
        Lang::Ko
    } else if primary.eq_ignore_ascii_case("en") || primary.eq_ignore_ascii_case("eng") {
        Lang::En
    } else {
        Lang::Other
    }
}

/// Formats a quantity for a language and style (see [`crate::numbers::format()`]).
pub(crate) fn format(q: &Quantity, lang: &str, style: &Style) -> String {
    match lang_of(lang) {
        Lang::Ko => ko::ko(q, style),
        Lang::En => en::en(q, style),
        Lang::Other => neutral(q),
    }
}

// ---------------------------------------------------------------------------------------------
// Digits

/// `4006` → `4,006`; keeps the decimal places as given (`47.30` stays `47.30`).
pub(crate) fn commas(d: Decimal) -> String {
    let text = d.to_string();
    let (sign, rest) = match text.strip_prefix('-') {
        Some(r) => ("-", r),
        None => ("", text.as_str()),
    };
    let (int, frac) = match rest.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (rest, None),
    };
    let mut out = String::with_capacity(text.len() + int.len() / 3);
    out.push_str(sign);
    for (k, c) in int.chars().enumerate() {
        if k > 0 && (int.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// Whether `d` is a whole decade from 10 to 90 (an age band: `40대`, `in their 40s`).
fn decade(d: Decimal) -> bool {
    to_i64(d).is_some_and(|v| (10..=90).contains(&v) && v % 10 == 0)
}

/// Years and other plain labels: no grouping commas (`2024`, `2024~2026`).
fn plain_range(a: &Amount) -> String {
    match a {
        Amount::Exact(v) => v.to_string(),
        Amount::Range(lo, hi) => format!("{lo}~{hi}"),
        Amount::Ratio { part, whole } => format!("{part}/{whole}"),
        Amount::Date { .. } => String::new(),
    }
}
// ---------------------------------------------------------------------------------------------
// Neutral (any other language)

/// `q` in neutral digits for languages other than Korean and English.
fn neutral(q: &Quantity) -> String {
    let body = match (&q.unit, &q.amount) {
        (Unit::Date, Amount::Date { year, month, day }) => {
            let mut parts = Vec::new();
            if let Some(y) = year {
                parts.push(format!("{y:04}"));
            }
            if let Some(m) = month {
                parts.push(format!("{m:02}"));
            }
            if let Some(d) = day {
                parts.push(format!("{d:02}"));
            }
            parts.join("-")
        }
        (Unit::Ratio, Amount::Ratio { part, whole }) => {
            format!("{}/{}", commas(*part), commas(*whole))
        }
        (Unit::Year, a) => plain_range(a).replace('~', "–"),
        (unit, a) => {
            let n = en_plain(a);
            match unit {
                Unit::Count => n,
                Unit::Percent => format!("{n}%"),
                Unit::PercentagePoints => format!("{n} pp"),
                Unit::Times => format!("{n}×"),
                Unit::Rank => format!("#{n}"),
                Unit::Currency(c) => format!("{c} {n}"),
                Unit::Duration(DurationUnit::Days) => format!("{n} d"),
                Unit::Duration(DurationUnit::Weeks) => format!("{n} wk"),
                Unit::Duration(DurationUnit::Months) => format!("{n} mo"),
                Unit::Duration(DurationUnit::Years) => format!("{n} yr"),
                _ => n,
            }
        }
    };
    let body = match &q.noun {
        Some(n) if matches!(q.unit, Unit::Count | Unit::Ratio) => format!("{body} {n}"),
        _ => body,
    };
    match q.approx {
        Approx::Exact => body,
        Approx::About | Approx::Some => format!("~{body}"),
        Approx::Over => format!(">{body}"),
        Approx::Under => format!("<{body}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags() {
        assert_eq!(lang_of("ko"), Lang::Ko);
        assert_eq!(lang_of("ko-KR"), Lang::Ko);
        assert_eq!(lang_of("EN_us"), Lang::En);
        assert_eq!(lang_of("ja"), Lang::Other);
        assert_eq!(lang_of(""), Lang::Other);
    }
}
