//! Writing a quantity in English: short scales when a value scales cleanly (`$90.87 billion`),
//! commas otherwise, `twice`/`sevenfold`, ordinals, `in their 40s`, `since 2018`.

use super::{KrwStyle, Style, commas, decade};
use crate::numbers::lexicon::en::{MONTH_NAMES, SPELLED};
use crate::numbers::quantity::{Amount, Approx, DurationUnit, Quantity, Unit};
use crate::numbers::text::{pow10, pow10_exp, to_i64};
use rust_decimal::Decimal;

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

/// The English name of a scale exponent.
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

/// `lo`–`hi` with a shared scale when both ends have the same one.
fn en_range(lo: Decimal, hi: Decimal) -> EnRange {
    match (en_scaled(lo), en_scaled(hi)) {
        (Some((ml, el)), Some((mh, eh))) if el == eh => {
            EnRange::Shared(commas(ml), commas(mh), scale_name(el))
        }
        (Some(_), Some(_)) => EnRange::Ends(en_num(lo), en_num(hi)),
        _ => EnRange::Ends(commas(lo), commas(hi)),
    }
}

/// A range as text: `3–5 billion`, `500 million–2 billion`, `10–249`.
fn en_range_text(lo: Decimal, hi: Decimal) -> String {
    match en_range(lo, hi) {
        EnRange::Shared(a, b, w) => format!("{a}–{b} {w}"),
        EnRange::Ends(a, b) => format!("{a}–{b}"),
    }
}

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

/// A currency range: `$3–5 billion`, `$500 million–$2 billion`, `3–5 trillion won`.
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

/// The spelled form of a small whole number (`seven`).
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

/// What the body of an English quantity came out as.
enum Body {
    /// Still to be qualified by the approximation (`over 5%`).
    Plain(String),
    /// Complete, approximation included (`since 2018`, `aged 65 or older`).
    Final(String),
}

/// `q` in English.
pub(super) fn en(q: &Quantity, style: &Style) -> String {
    if let Some(text) = vague(q) {
        return text;
    }
    let body = match body(q, style) {
        Body::Final(text) => return text,
        Body::Plain(body) => body,
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

/// `tens of thousands of models`, `trillions of won`: a vague order of magnitude, when `q` is
/// one.
fn vague(q: &Quantity) -> Option<String> {
    if q.approx != Approx::Some {
        return None;
    }
    let Amount::Exact(v) = q.amount else { return None };
    let k = pow10_exp(v).filter(|k| (1..=14).contains(k))?;
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
    Some(match (&q.unit, &q.noun) {
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
    })
}

/// The quantity, usually without its approximation.
fn body(q: &Quantity, style: &Style) -> Body {
    let noun = |t: String| match &q.noun {
        Some(n) => format!("{t} {n}"),
        None => t,
    };
    Body::Plain(match (&q.unit, &q.amount) {
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
        (Unit::Times, Amount::Exact(v)) => times(*v),
        (Unit::Times, a) => format!("{} times", en_plain(a)),
        (Unit::Rank, Amount::Exact(v)) => ordinal(*v),
        (Unit::Rank, Amount::Range(lo, hi)) => format!("{}–{}", ordinal(*lo), ordinal(*hi)),
        (Unit::Ratio, Amount::Ratio { part, whole }) => noun(ratio(*part, *whole)),
        (Unit::Year, Amount::Exact(v)) => return year(*v, q.approx),
        (Unit::Year, Amount::Range(lo, hi)) => format!("{lo}–{hi}"),
        (Unit::Date, a) => en_date(a),
        (Unit::Duration(u), a) => duration(*u, a),
        (Unit::Age, Amount::Range(lo, hi)) if decade(*lo) && decade(*hi - Decimal::from(9)) => {
            age_decades(*lo, *hi - Decimal::from(9))
        }
        (Unit::Age, a) => return aged(a, q.approx),
        (_, a) => en_plain(a),
    })
}

/// `twice`, `sevenfold`, `12 times`.
fn times(v: Decimal) -> String {
    if v == Decimal::TWO {
        "twice".to_string()
    } else if v == Decimal::ONE {
        "onefold".to_string()
    } else if v <= Decimal::TEN
        && let Some(w) = spelled(v)
    {
        format!("{w}fold")
    } else {
        format!("{} times", commas(v))
    }
}

/// `one in four` for small ratios, `25 of 28` otherwise.
fn ratio(part: Decimal, whole: Decimal) -> String {
    let small = whole <= Decimal::TEN && part >= Decimal::ONE;
    match (spelled(part), spelled(whole)) {
        (Some(p), Some(w)) if small => format!("{p} in {w}"),
        _ => format!("{} of {}", commas(part), commas(whole)),
    }
}

/// A year, its bound written as a word (`since 2018`, `before 2000`, `around 2010`).
fn year(v: Decimal, approx: Approx) -> Body {
    let y = v.to_string();
    match approx {
        Approx::Over => Body::Final(format!("since {y}")),
        Approx::Under => Body::Final(format!("before {y}")),
        Approx::About | Approx::Some => Body::Final(format!("around {y}")),
        Approx::Exact => Body::Plain(y),
    }
}

/// `3 years`, `1 day`, `2–3 weeks`.
fn duration(u: DurationUnit, a: &Amount) -> String {
    let one = matches!(a, Amount::Exact(v) if *v == Decimal::ONE);
    let w = match u {
        DurationUnit::Days => "day",
        DurationUnit::Weeks => "week",
        DurationUnit::Months => "month",
        DurationUnit::Years => "year",
    };
    format!("{} {w}{}", en_plain(a), if one { "" } else { "s" })
}

/// `in their 40s`, `in their teens to 20s`: decades `lo` to `top`.
fn age_decades(lo: Decimal, top: Decimal) -> String {
    let name = |d: Decimal| if d == Decimal::TEN { "teens".to_string() } else { format!("{d}s") };
    if lo == top {
        format!("in their {}", name(lo))
    } else {
        format!("in their {} to {}", name(lo), name(top))
    }
}

/// `aged 65`, `aged 65 or older`, `aged 18 or younger`.
fn aged(a: &Amount, approx: Approx) -> Body {
    let t = format!("aged {}", en_plain(a));
    match approx {
        Approx::Over => Body::Final(format!("{t} or older")),
        Approx::Under => Body::Final(format!("{t} or younger")),
        _ => Body::Plain(t),
    }
}

/// Digits with commas, ranges with an en dash, no scale words.
pub(super) fn en_plain(a: &Amount) -> String {
    match a {
        Amount::Exact(v) => commas(*v),
        Amount::Range(lo, hi) => format!("{}–{}", commas(*lo), commas(*hi)),
        Amount::Ratio { part, whole } => format!("{} of {}", commas(*part), commas(*whole)),
        Amount::Date { .. } => en_date(a),
    }
}

/// A date as `February 15, 2026`, leaving out what is unknown.
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
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
}
