//! Writing a quantity in Korean, English or a neutral digit form, per house style.

use super::lexicon::en::{MONTH_NAMES, SPELLED};
use super::quantity::{Amount, Approx, DurationUnit, Quantity, Unit};
use super::text::{pow10, pow10_exp, to_i64};
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

/// Formats a quantity for a language and style (see [`crate::numbers::format`]).
pub(crate) fn format(q: &Quantity, lang: &str, style: &Style) -> String {
    match lang_of(lang) {
        Lang::Ko => ko(q, style),
        Lang::En => en(q, style),
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

/// Korean myriad form: below 10,000 with commas (`4,006`), above in 4-digit groups named
/// 경/조/억/만 (`2조 5000억`). Returns the text and whether it ends with a myriad unit (which
/// decides the space before a counter in spaced style).
fn ko_num(d: Decimal, spaced: bool) -> (String, bool) {
    if d.abs() < Decimal::from(10_000) {
        return (commas(d), false);
    }
    let n = d.normalize();
    let sign = if n.is_sign_negative() { "-" } else { "" };
    let abs = n.abs();
    let int = abs.trunc();
    let frac = abs - int;
    let Ok(mut rest) = u128::try_from(int.mantissa()) else {
        return (commas(d), false);
    };
    // trunc() keeps scale 0 for whole numbers here, so the mantissa is the integer.
    if int.scale() != 0 {
        rest = int.normalize().mantissa() as u128;
    }
    let mut parts: Vec<String> = Vec::new();
    for (exp, name) in [(16u32, "경"), (12, "조"), (8, "억"), (4, "만")] {
        let unit = 10u128.pow(exp);
        let g = rest / unit;
        rest %= unit;
        if g > 0 {
            parts.push(format!("{g}{name}"));
        }
    }
    let ends_unit = rest == 0 && frac.is_zero();
    if !ends_unit {
        let f = frac.normalize().to_string();
        let f = f.strip_prefix('0').unwrap_or(if frac.is_zero() { "" } else { &f });
        parts.push(format!("{rest}{f}"));
    }
    let sep = if spaced { " " } else { "" };
    (format!("{sign}{}", parts.join(sep)), ends_unit)
}

/// The English scale of `d` when it scales cleanly (≤ 3 decimals of millions, billions or
/// trillions): `4320000` → (`4.32`, 6).
fn en_scaled(d: Decimal) -> Option<(Decimal, u32)> {
    let a = d.abs();
    for exp in [12u32, 9, 6] {
        if a >= pow10(exp) {
            let m = d.checked_div(pow10(exp))?.normalize();
            return (m.scale() <= 3).then_some((m, exp));
        }
    }
    None
}

fn scale_name(exp: u32) -> &'static str {
    match exp {
        12 => "trillion",
        9 => "billion",
        _ => "million",
    }
}

/// English short-scale form: `4.32 million`, `$90.87 billion`'s `90.87 billion`, or with
/// commas when the value does not scale cleanly (`4,321,567`).
fn en_num(d: Decimal) -> String {
    match en_scaled(d) {
        Some((m, exp)) => format!("{} {}", commas(m), scale_name(exp)),
        None => commas(d),
    }
}

/// An English range: shared scale (`3–5 billion`) or two full ends.
enum EnRange {
    Shared(String, String, &'static str),
    Ends(String, String),
}

fn en_range(lo: Decimal, hi: Decimal) -> EnRange {
    match (en_scaled(lo), en_scaled(hi)) {
        (Some((ml, el)), Some((mh, eh))) if el == eh => {
            EnRange::Shared(commas(ml), commas(mh), scale_name(el))
        }
        (Some(_), Some(_)) => EnRange::Ends(en_num(lo), en_num(hi)),
        _ => EnRange::Ends(commas(lo), commas(hi)),
    }
}

fn en_range_text(lo: Decimal, hi: Decimal) -> String {
    match en_range(lo, hi) {
        EnRange::Shared(a, b, w) => format!("{a}–{b} {w}"),
        EnRange::Ends(a, b) => format!("{a}–{b}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Korean

fn ko_currency(code: &str) -> Option<&'static str> {
    Some(match code {
        "KRW" => "원",
        "USD" => "달러",
        "JPY" => "엔",
        "CNY" => "위안",
        "EUR" => "유로",
        "GBP" => "파운드",
        "HKD" => "홍콩달러",
        "TWD" => "대만달러",
        "AUD" => "호주달러",
        "CAD" => "캐나다달러",
        "SGD" => "싱가포르달러",
        "CHF" => "스위스프랑",
        "INR" => "루피",
        "RUB" => "루블",
        "THB" => "바트",
        _ => return None,
    })
}

fn ko(q: &Quantity, style: &Style) -> String {
    let spaced = style.korean_spacing == KoreanSpacing::Spaced;
    // Counter after a number: spaced after a myriad unit (`432만 개`), glued after digits
    // (`4,006개사`) and always glued in wire style.
    let attach = |(num, ends_unit): (String, bool), word: &str| -> String {
        if spaced && ends_unit { format!("{num} {word}") } else { format!("{num}{word}") }
    };
    let num = |d: Decimal| ko_num(d, spaced);
    let value = |a: &Amount| -> (String, bool) {
        match a {
            Amount::Exact(v) => num(*v),
            Amount::Range(lo, hi) => {
                let (h, e) = num(*hi);
                (format!("{}~{}", num(*lo).0, h), e)
            }
            Amount::Ratio { part, whole } => (format!("{}/{}", num(*whole).0, num(*part).0), false),
            Amount::Date { .. } => (String::new(), false),
        }
    };

    if q.approx == Approx::Some
        && let Amount::Exact(v) = q.amount
        && let Some(k) = pow10_exp(v).filter(|k| (1..=15).contains(k))
    {
        let small = ["", "십", "백", "천"][(k % 4) as usize];
        let big = ["", "만", "억", "조"][(k / 4) as usize];
        let vague = (format!("수{small}{big}"), !big.is_empty() || spaced);
        return match (&q.unit, &q.noun) {
            (Unit::Currency(c), _) => match ko_currency(c) {
                Some(w) => attach(vague, w),
                None => format!("{} {c}", vague.0),
            },
            (_, Some(n)) => attach(vague, n),
            _ => vague.0,
        };
    }

    let body = match &q.unit {
        Unit::Count => match &q.noun {
            Some(n) => attach(value(&q.amount), n),
            None => value(&q.amount).0,
        },
        Unit::Currency(c) => match ko_currency(c) {
            Some(w) => attach(value(&q.amount), w),
            None => format!("{} {c}", value(&q.amount).0),
        },
        Unit::Percent => format!("{}%", value(&q.amount).0),
        Unit::PercentagePoints => format!("{}%p", value(&q.amount).0),
        Unit::Times => attach(value(&q.amount), "배"),
        Unit::Rank => attach(value(&q.amount), "위"),
        Unit::Year => format!("{}년", plain_range(&q.amount)),
        Unit::Duration(u) => {
            let w = match u {
                DurationUnit::Days => "일간",
                DurationUnit::Weeks => "주간",
                DurationUnit::Months => "개월",
                DurationUnit::Years => "년간",
            };
            attach(value(&q.amount), w)
        }
        Unit::Age => match q.amount {
            Amount::Range(lo, hi) if decade(lo) && decade(hi - Decimal::from(9)) => {
                if lo == hi - Decimal::from(9) {
                    format!("{lo}대")
                } else {
                    format!("{lo}~{}대", hi - Decimal::from(9))
                }
            }
            _ => format!("{}세", value(&q.amount).0),
        },
        Unit::Ratio => match (&q.amount, &q.noun) {
            (Amount::Ratio { part, whole }, Some(n)) => {
                format!("{} 중 {}", attach(num(*whole), n), attach(num(*part), n))
            }
            (Amount::Ratio { part, whole }, None) => {
                format!("{}분의 {}", num(*whole).0, num(*part).0)
            }
            (a, _) => value(a).0,
        },
        Unit::Date => ko_date(&q.amount),
    };
    match (q.approx, &q.unit) {
        (Approx::Exact, _) => body,
        (Approx::About, Unit::Year) => format!("{body}경"),
        (Approx::Over, Unit::Year) => format!("{body} 이후"),
        (Approx::Under, Unit::Year) => format!("{body} 이전"),
        (Approx::About | Approx::Some, _) => format!("약 {body}"),
        (Approx::Over, _) => format!("{body} 이상"),
        (Approx::Under, _) => format!("{body} 미만"),
    }
}

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

fn ko_date(a: &Amount) -> String {
    let Amount::Date { year, month, day } = a else {
        return plain_range(a);
    };
    let mut parts = Vec::new();
    if let Some(y) = year {
        parts.push(format!("{y}년"));
    }
    if let Some(m) = month {
        parts.push(format!("{m}월"));
    }
    if let Some(d) = day {
        parts.push(format!("{d}일"));
    }
    parts.join(" ")
}

// ---------------------------------------------------------------------------------------------
// English

/// `$90.87 billion`, `2.5 trillion won`, `KRW 2.5 trillion`, `1.2 billion yen`, `CHF 3 million`.
fn money(code: &str, amount: &str, style: &Style) -> String {
    match code {
        "USD" => format!("${amount}"),
        "EUR" => format!("€{amount}"),
        "GBP" => format!("£{amount}"),
        "KRW" if style.krw == KrwStyle::WonAfter => format!("{amount} won"),
        "JPY" => format!("{amount} yen"),
        "CNY" => format!("{amount} yuan"),
        _ => format!("{code} {amount}"),
    }
}

fn money_range(code: &str, lo: Decimal, hi: Decimal, style: &Style) -> String {
    let symbol = matches!(code, "USD" | "EUR" | "GBP");
    match en_range(lo, hi) {
        // `$3–5 billion`, `3–5 trillion won`, `KRW 3–5 trillion`.
        EnRange::Shared(a, b, w) => money(code, &format!("{a}–{b} {w}"), style),
        // `$500 million–$2 billion`.
        EnRange::Ends(a, b) if symbol => {
            format!("{}–{}", money(code, &a, style), money(code, &b, style))
        }
        EnRange::Ends(a, b) => money(code, &format!("{a}–{b}"), style),
    }
}

fn spelled(v: Decimal) -> Option<&'static str> {
    let v = to_i64(v)?;
    SPELLED.iter().find(|(_, n)| *n == v).map(|(w, _)| *w)
}

/// `1st`, `2nd`, `3rd`, `11th`, `21st`.
fn ordinal(v: Decimal) -> String {
    let Some(n) = to_i64(v) else {
        return format!("{v}th");
    };
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{}{suffix}", commas(v))
}

fn en(q: &Quantity, style: &Style) -> String {
    let noun = |t: String| match &q.noun {
        Some(n) => format!("{t} {n}"),
        None => t,
    };
    if q.approx == Approx::Some
        && let Amount::Exact(v) = q.amount
        && let Some(k) = pow10_exp(v).filter(|k| (1..=14).contains(k))
    {
        let vague = match k {
            1 => "dozens",
            2 => "hundreds",
            3 => "thousands",
            4 => "tens of thousands",
            5 => "hundreds of thousands",
            6 => "millions",
            7 => "tens of millions",
            8 => "hundreds of millions",
            9 => "billions",
            10 => "tens of billions",
            11 => "hundreds of billions",
            12 => "trillions",
            13 => "tens of trillions",
            _ => "hundreds of trillions",
        };
        return match (&q.unit, &q.noun) {
            (Unit::Currency(c), _) => {
                let w = match c.as_str() {
                    "KRW" => "won",
                    "USD" => "dollars",
                    "JPY" => "yen",
                    "CNY" => "yuan",
                    "EUR" => "euros",
                    "GBP" => "pounds",
                    other => other,
                };
                format!("{vague} of {w}")
            }
            (_, Some(n)) => format!("{vague} of {n}"),
            _ => vague.to_string(),
        };
    }
    let body = match (&q.unit, &q.amount) {
        (Unit::Count, Amount::Exact(v)) => noun(en_num(*v)),
        (Unit::Count, Amount::Range(lo, hi)) => noun(en_range_text(*lo, *hi)),
        (Unit::Currency(c), Amount::Exact(v)) => money(c, &en_num(*v), style),
        (Unit::Currency(c), Amount::Range(lo, hi)) => money_range(c, *lo, *hi, style),
        (Unit::Percent, Amount::Exact(v)) => format!("{}%", commas(*v)),
        (Unit::Percent, Amount::Range(lo, hi)) => format!("{}–{}%", commas(*lo), commas(*hi)),
        (Unit::PercentagePoints, a) => {
            let one = matches!(a, Amount::Exact(v) if *v == Decimal::ONE);
            let w = if one { "point" } else { "points" };
            format!("{} percentage {w}", en_plain(a))
        }
        (Unit::Times, Amount::Exact(v)) => {
            if *v == Decimal::TWO {
                "twice".to_string()
            } else if *v == Decimal::ONE {
                "onefold".to_string()
            } else if *v <= Decimal::TEN
                && let Some(w) = spelled(*v)
            {
                format!("{w}fold")
            } else {
                format!("{} times", commas(*v))
            }
        }
        (Unit::Times, a) => format!("{} times", en_plain(a)),
        (Unit::Rank, Amount::Exact(v)) => ordinal(*v),
        (Unit::Rank, Amount::Range(lo, hi)) => format!("{}–{}", ordinal(*lo), ordinal(*hi)),
        (Unit::Ratio, Amount::Ratio { part, whole }) => {
            let small = *whole <= Decimal::TEN && *part >= Decimal::ONE;
            match (spelled(*part), spelled(*whole)) {
                (Some(p), Some(w)) if small => noun(format!("{p} in {w}")),
                _ => noun(format!("{} of {}", commas(*part), commas(*whole))),
            }
        }
        (Unit::Year, Amount::Exact(v)) => {
            let y = v.to_string();
            match q.approx {
                Approx::Over => return format!("since {y}"),
                Approx::Under => return format!("before {y}"),
                Approx::About | Approx::Some => return format!("around {y}"),
                Approx::Exact => y,
            }
        }
        (Unit::Year, Amount::Range(lo, hi)) => format!("{lo}–{hi}"),
        (Unit::Date, a) => en_date(a),
        (Unit::Duration(u), a) => {
            let one = matches!(a, Amount::Exact(v) if *v == Decimal::ONE);
            let w = match u {
                DurationUnit::Days => "day",
                DurationUnit::Weeks => "week",
                DurationUnit::Months => "month",
                DurationUnit::Years => "year",
            };
            format!("{} {w}{}", en_plain(a), if one { "" } else { "s" })
        }
        (Unit::Age, Amount::Range(lo, hi)) if decade(*lo) && decade(*hi - Decimal::from(9)) => {
            let top = *hi - Decimal::from(9);
            let name = |d: Decimal| {
                if d == Decimal::TEN { "teens".to_string() } else { format!("{d}s") }
            };
            if *lo == top {
                format!("in their {}", name(*lo))
            } else {
                format!("in their {} to {}", name(*lo), name(top))
            }
        }
        (Unit::Age, a) => {
            let t = format!("aged {}", en_plain(a));
            match q.approx {
                Approx::Over => return format!("{t} or older"),
                Approx::Under => return format!("{t} or younger"),
                _ => t,
            }
        }
        (_, a) => en_plain(a),
    };
    match (q.approx, &q.unit) {
        (Approx::Exact, _) => body,
        (Approx::About | Approx::Some, _) => format!("about {body}"),
        (Approx::Over, Unit::Times) => format!("more than {body}"),
        (Approx::Under, Unit::Times) => format!("less than {body}"),
        (Approx::Over, _) => format!("over {body}"),
        (Approx::Under, _) => format!("under {body}"),
    }
}

/// Digits with commas, ranges with an en dash, no scale words.
fn en_plain(a: &Amount) -> String {
    match a {
        Amount::Exact(v) => commas(*v),
        Amount::Range(lo, hi) => format!("{}–{}", commas(*lo), commas(*hi)),
        Amount::Ratio { part, whole } => format!("{} of {}", commas(*part), commas(*whole)),
        Amount::Date { .. } => en_date(a),
    }
}

fn en_date(a: &Amount) -> String {
    let Amount::Date { year, month, day } = a else {
        return en_plain(a);
    };
    let month = month.filter(|m| (1..=12).contains(m)).map(|m| MONTH_NAMES[m as usize - 1]);
    match (year, month, day) {
        (Some(y), Some(m), Some(d)) => format!("{m} {d}, {y}"),
        (Some(y), Some(m), None) => format!("{m} {y}"),
        (None, Some(m), Some(d)) => format!("{m} {d}"),
        (None, Some(m), None) => m.to_string(),
        (Some(y), None, _) => y.to_string(),
        (None, None, Some(d)) => format!("the {}", ordinal(Decimal::from(*d))),
        (None, None, None) => String::new(),
    }
}

// ---------------------------------------------------------------------------------------------
// Neutral (any other language)

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
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn korean_groups() {
        assert_eq!(ko_num(d("4006"), true), ("4,006".into(), false));
        assert_eq!(ko_num(d("4320000"), true), ("432만".into(), true));
        assert_eq!(ko_num(d("2500000000000"), true), ("2조 5000억".into(), true));
        assert_eq!(ko_num(d("2500000000000"), false), ("2조5000억".into(), true));
        assert_eq!(ko_num(d("1234567898"), true), ("12억 3456만 7898".into(), false));
        assert_eq!(ko_num(d("12345.5"), false), ("1만2345.5".into(), false));
        assert_eq!(ko_num(d("20000000000000000"), true), ("2경".into(), true));
        assert_eq!(ko_num(d("-25000"), true), ("-2만 5000".into(), false));
        // A value carrying decimal places from arithmetic still prints as a whole number.
        assert_eq!(ko_num(d("4320000.00"), true), ("432만".into(), true));
    }

    #[test]
    fn english_scales_only_when_clean() {
        assert_eq!(en_num(d("4320000")), "4.32 million");
        assert_eq!(en_num(d("90870000000")), "90.87 billion");
        assert_eq!(en_num(d("4321567")), "4,321,567");
        assert_eq!(en_num(d("1234000")), "1.234 million");
        assert_eq!(en_num(d("999999")), "999,999");
        assert_eq!(en_num(d("2500000000000000")), "2,500 trillion");
        assert_eq!(en_num(d("47.30")), "47.30");
        assert_eq!(commas(d("-1234567.25")), "-1,234,567.25");
    }

    #[test]
    fn language_tags() {
        assert_eq!(lang_of("ko"), Lang::Ko);
        assert_eq!(lang_of("ko-KR"), Lang::Ko);
        assert_eq!(lang_of("EN_us"), Lang::En);
        assert_eq!(lang_of("ja"), Lang::Other);
        assert_eq!(lang_of(""), Lang::Other);
    }
}
